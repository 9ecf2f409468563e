"""The room: phones taking part in a workshop, as the workshop itself knows them.

Who joined (a device token, the name typed, the team), which ideas each phone sent (so a phone changes only its
own and a resent idea is never doubled), and where the room listens (its token, code and port, so a resumed
workshop reopens it where the phones look for it). Everything here is plain data and rules on a `Workshop`:
no Qt and no web stack. `RoomRules` turns each phone action into the same `Workshop` calls the console makes,
or refuses it with a code (`RoomRefused`) and changes nothing.
"""

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from game.domain.ideas import Idea, VoteRefused
from game.domain.limits import IDEA_CHARS, NAME_CHARS, PROMISE_CHARS

if TYPE_CHECKING:  # the workshop holds the room's state; the rules act on the workshop
    from game.domain.workshop import Workshop

#: The steps where teams call ideas out (the console's IDEA_STEPS: the same four kinds).
IDEA_STEPS = ("moment", "obstacle", "lens", "magic")
MAX_DEVICES = 300
CID_CHARS = 40  # a phone's own id for an idea
KEPT_CIDS = 2_000  # per device: far more than one phone sends in a workshop
CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off a projector
#: The room's parts that grow with its ideas, kept apart from its head like the ideas (`Round.changed`): who sent
#: an idea (its id), the step it was sent in (its id), a phone's own id for an idea (the device's token, the cid).
OWNER_PART, SENT_IN_PART, CID_PART = "o", "s", "c"
ROOM_PARTS = (OWNER_PART, SENT_IN_PART, CID_PART)


class RoomRefused(Exception):
    """A phone's action that the room does not allow; `code` is one of PROTOCOL.md's refusal codes."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(code if not detail else f"{code}: {detail}")
        self.code = code
        self.detail = detail  # the field at fault, for `bad_field` and `too_long`


@dataclass
class Device:
    token: str
    name: str = ""
    team: str = ""
    team_fixed: bool = False  # the facilitator put this phone in its team
    lang: str = "en"
    last_seen: float = 0.0  # wall-clock seconds
    cids: dict[str, int] = field(default_factory=dict)  # the phone's idea id -> the workshop's

    @property
    def joined(self) -> bool:
        return bool(self.team)

    def to_dict(self, parts: bool = True) -> dict[str, Any]:
        return {
            "token": self.token,
            "name": self.name,
            "team": self.team,
            "team_fixed": self.team_fixed,
            "lang": self.lang,
            "last_seen": self.last_seen,
            "cids": self.cids if parts else {},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Device":
        return cls(
            token=str(data["token"]),
            name=str(data.get("name", ""))[:NAME_CHARS],
            team=str(data.get("team", "")),
            team_fixed=bool(data.get("team_fixed")),
            lang=str(data.get("lang", "en")),
            last_seen=float(data.get("last_seen", 0.0)),
            cids={str(k): int(v) for k, v in data.get("cids", {}).items()},
        )


def new_code() -> str:
    return "".join(secrets.choice(CODE_LETTERS) for _ in range(4))


@dataclass
class RoomState:
    """The room's part of a workshop's saved state."""

    host: str  # the address it listens on (the network the facilitator chose)
    token: str = field(default_factory=lambda: secrets.token_urlsafe(12))  # 96 bits, in every URL
    code: str = field(default_factory=new_code)
    port: int = 0  # 0 until the room first opened; then the port it reopens on
    locked: bool = False
    report_home: bool = False  # the trainer lets phones take the session report home at the end
    devices: dict[str, Device] = field(default_factory=dict)
    owners: dict[int, str] = field(default_factory=dict)  # idea id -> the device that sent it
    sent_in: dict[int, int] = field(default_factory=dict)  # idea id -> the step index it was sent in
    revoked: list[str] = field(default_factory=list)  # removed devices' tokens

    def joined(self, team: str) -> int:
        return sum(1 for d in self.devices.values() if d.team == team)

    def to_dict(self, parts: bool = True) -> dict[str, Any]:
        """The room's state; `parts=False` leaves out what grows with the ideas (`ROOM_PARTS`: empty)."""
        return {
            "host": self.host,
            "token": self.token,
            "code": self.code,
            "port": self.port,
            "locked": self.locked,
            "report_home": self.report_home,
            "devices": [d.to_dict(parts) for d in self.devices.values()],
            "owners": {str(k): v for k, v in self.owners.items()} if parts else {},
            "sent_in": {str(k): v for k, v in self.sent_in.items()} if parts else {},
            "revoked": self.revoked[-1000:],
        }

    def forget_sender(self, idea_id: int) -> bool:
        """A new idea took this id (the newest idea's, removed at the console): no phone sent it. Whether one had."""
        had = idea_id in self.owners or idea_id in self.sent_in
        self.owners.pop(idea_id, None)
        self.sent_in.pop(idea_id, None)
        return had

    def part(self, kind: str, *key: Any) -> Any:
        """One of `ROOM_PARTS` as `to_dict` writes it (None: it is gone)."""
        if kind == OWNER_PART:
            return self.owners.get(key[0])
        if kind == SENT_IN_PART:
            return self.sent_in.get(key[0])
        if kind == CID_PART:
            device = self.devices.get(key[0])
            return device.cids.get(key[1]) if device is not None else None
        raise KeyError(kind)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "RoomState":
        devices = [Device.from_dict(d) for d in data.get("devices", [])]
        return cls(
            host=str(data["host"]),
            token=str(data["token"]),
            code=str(data["code"]),
            port=int(data.get("port", 0)),
            locked=bool(data.get("locked")),
            report_home=data.get("report_home") is True,  # older files have no such field: off
            devices={d.token: d for d in devices},
            owners={int(k): str(v) for k, v in data.get("owners", {}).items()},
            sent_in={int(k): int(v) for k, v in data.get("sent_in", {}).items()},
            revoked=[str(t) for t in data.get("revoked", [])],
        )


def _text(msg: dict[str, Any], name: str, limit: int, *, empty_ok: bool = False) -> str:
    value = msg.get(name)
    if not isinstance(value, str):
        raise RoomRefused("bad_field", name)
    value = value.strip()
    if len(value) > limit:
        raise RoomRefused("too_long", name)
    if not value and not empty_ok:
        raise RoomRefused("empty", name)
    return value


def _idea_id(msg: dict[str, Any]) -> int:
    value = msg.get("idea")
    if not isinstance(value, int) or isinstance(value, bool):
        raise RoomRefused("bad_field", "idea")
    return value


class RoomRules:
    """Every phone action on a workshop: checked, then done with the console's own `Workshop` calls.

    Each method raises `RoomRefused` before it changes anything, or changes the workshop and returns what
    changed, so the caller knows whom to tell."""

    def __init__(self, ws: "Workshop", room: RoomState, now: Callable[[], float] = time.time):
        self.ws = ws
        self.room = room
        self.now = now

    # --- who is there ---------------------------------------------------------------------------

    def hello(self, token: str | None, lang: str) -> Device:
        room = self.room
        device = room.devices.get(token) if isinstance(token, str) else None
        if device is None:
            if isinstance(token, str) and token in room.revoked:
                raise RoomRefused("removed")
            if room.locked:
                raise RoomRefused("room_locked")
            if len(room.devices) >= MAX_DEVICES:
                raise RoomRefused("room_full")
            device = Device(secrets.token_urlsafe(16))
            room.devices[device.token] = device
        device.lang = lang if lang in ("ru", "en") else device.lang
        device.last_seen = self.now()
        return device

    def join(self, device: Device, name: Any, team: Any) -> None:  # as the phone sent them: checked here
        ws = self.ws
        if not ws.anonymous:
            name = _text({"name": name}, "name", NAME_CHARS, empty_ok=True)
            if not name and not device.name:
                raise RoomRefused("needs_name")
        else:
            name = _text({"name": name}, "name", NAME_CHARS, empty_ok=True) if isinstance(name, str) else ""
        if not isinstance(team, str):
            raise RoomRefused("bad_field", "team")
        if device.team_fixed and team != device.team:
            raise RoomRefused("team_fixed")
        if team not in [t.name for t in ws.teams]:
            raise RoomRefused("unknown_team")
        device.name = name or device.name
        device.team = team
        self._as_player(device)

    def _as_player(self, device: Device) -> None:
        """When players vote, a named phone is one of its team's players."""
        if not (self.ws.by_player and device.name and device.team):
            return
        players = self.ws.team(device.team).players
        if not any(p.casefold() == device.name.casefold() for p in players):
            players.append(device.name)

    def move(self, token: str, team: str) -> Device:
        """The facilitator puts a phone in a team (from then on the phone cannot choose another)."""
        device = self.room.devices[token]
        self.ws.team(team)
        device.team, device.team_fixed = team, True
        self._as_player(device)
        return device

    def remove(self, token: str) -> None:
        """The facilitator removes a phone: its token stops working; what it sent stays in the workshop."""
        if self.room.devices.pop(token, None) is not None:
            self.room.revoked.append(token)

    def voter(self, device: Device) -> str:
        ws = self.ws
        if ws.by_player and device.name:
            for player in ws.team(device.team).players:
                if player.casefold() == device.name.casefold():
                    return f"{device.team} · {player}"
        return device.team

    # --- what a device may do now -------------------------------------------------------------------

    def accepts(self, device: Device) -> list[str]:
        ws = self.ws
        if not device.joined or ws.finished or ws.on_break:
            return []
        kind = ws.step.kind
        if kind in IDEA_STEPS:
            return ["idea"]
        if kind == "check":
            return ["check"] if ws.step.teams_check else []  # else the facilitator ticks, the phones follow
        if kind == "choose":
            return [] if ws.revealed or self.voter(device) not in ws.voters() else ["vote"]
        if kind == "promise":
            return ["promise"]
        return []

    def _need(self, device: Device, action: str) -> None:
        if not device.joined:
            raise RoomRefused("not_joined")
        if self.ws.finished:
            raise RoomRefused("ended")
        if action == "vote" and self.ws.step.kind == "choose" and self.ws.revealed:
            raise RoomRefused("votes_closed")
        if action not in self.accepts(device):
            raise RoomRefused("wrong_step")

    def _idea(self, idea_id: int) -> Idea:
        try:
            return self.ws.idea(idea_id)
        except KeyError:
            raise RoomRefused("unknown_idea") from None

    def editable(self, device: Device, idea_id: int) -> bool:
        ws = self.ws
        return (
            self.room.owners.get(idea_id) == device.token
            and self.room.sent_in.get(idea_id) == ws.step_index
            and not ws.finished
            and ws.step.kind in IDEA_STEPS
        )

    # --- actions ------------------------------------------------------------------------------------

    def add_idea(self, device: Device, cid: Any, text: Any) -> tuple[int, bool]:
        """(the idea's id, whether it is new): a cid seen before answers with its idea, adds nothing."""
        if not isinstance(cid, str) or not 0 < len(cid) <= CID_CHARS:
            raise RoomRefused("bad_field", "cid")
        known = device.cids.get(cid)
        if known is not None:
            return known, False
        self._need(device, "idea")
        text = _text({"text": text}, "text", IDEA_CHARS)
        idea = self.ws.add_idea(text, device.team, self._player(device))
        assert idea is not None  # text is not blank
        self.room.owners[idea.id] = device.token
        self.room.sent_in[idea.id] = self.ws.step_index
        device.cids[cid] = idea.id
        changed = self.ws.changed
        changed(OWNER_PART, idea.id, added=True)
        changed(SENT_IN_PART, idea.id, added=True)
        changed(CID_PART, device.token, cid, added=True)
        if len(device.cids) > KEPT_CIDS:
            for old in list(device.cids)[: len(device.cids) - KEPT_CIDS]:
                del device.cids[old]
                changed(CID_PART, device.token, old)
        return idea.id, True

    def _player(self, device: Device) -> str:
        voter = self.voter(device)
        return voter.split(" · ", 1)[1] if " · " in voter else device.name

    def _own(self, device: Device, msg: dict[str, Any]) -> Idea:
        idea_id = _idea_id(msg)
        idea = self._idea(idea_id)
        if self.room.owners.get(idea_id) != device.token:
            raise RoomRefused("not_yours")
        if not self.editable(device, idea_id):
            raise RoomRefused("wrong_step")
        return idea

    def edit(self, device: Device, msg: dict[str, Any]) -> int:
        self._need(device, "idea")
        idea = self._own(device, msg)
        text = _text(msg, "text", IDEA_CHARS)
        self.ws.rework(idea.id, text)
        return idea.id

    def delete(self, device: Device, msg: dict[str, Any]) -> int:
        self._need(device, "idea")
        idea = self._own(device, msg)
        self.ws.remove_idea(idea.id)
        self.room.owners.pop(idea.id, None)
        self.room.sent_in.pop(idea.id, None)
        self.ws.changed(OWNER_PART, idea.id)
        self.ws.changed(SENT_IN_PART, idea.id)
        return idea.id

    def check(self, device: Device, msg: dict[str, Any]) -> int:
        self._need(device, "check")
        idea = self._idea(_idea_id(msg))
        if device.team not in idea.authors():
            raise RoomRefused("other_team")
        if self.ws.shortlist_size() and not self.ws.shortlisted(idea.id):
            raise RoomRefused("not_shortlisted")  # the check runs on each team's shortlist (the scenario says so)
        check = msg.get("check")
        if not isinstance(check, str) or check not in {c.id for c in self.ws.check_cards()}:
            raise RoomRefused("bad_field", "check")
        value = msg.get("value")
        if not isinstance(value, bool):
            raise RoomRefused("bad_field", "value")
        self.ws.set_check(idea.id, check, value)
        return idea.id

    def vote(self, device: Device, msg: dict[str, Any]) -> int:
        self._need(device, "vote")
        idea = self._idea(_idea_id(msg))
        delta = msg.get("delta")
        if delta not in (1, -1) or isinstance(delta, bool):
            raise RoomRefused("bad_field", "delta")
        try:
            if delta == 1:
                self.ws.give_dot(idea.id, self.voter(device))
            else:
                self.ws.take_dot(idea.id, self.voter(device))
        except VoteRefused as e:
            raise RoomRefused(e.reason) from None
        except KeyError:
            raise RoomRefused("wrong_step") from None
        return idea.id

    def promise(self, device: Device, msg: dict[str, Any]) -> int:
        self._need(device, "promise")
        idea = self._idea(_idea_id(msg))
        if idea not in self.ws.chosen():
            raise RoomRefused("unknown_idea")
        if device.team not in idea.authors():
            raise RoomRefused("other_team")
        fields = {}
        for name in ("who", "due", "first_step"):
            if name in msg:
                fields[name] = _text(msg, name, PROMISE_CHARS, empty_ok=True)
        if fields.get("due"):
            try:
                date.fromisoformat(fields["due"])
            except ValueError:
                raise RoomRefused("bad_field", "due") from None
        self.ws.set_promise(idea.id, **fields)
        return idea.id

    # --- what a device sees -------------------------------------------------------------------------

    def visible(self, device: Device) -> list[Idea]:
        """The ideas this device's page lists at this step (see PROTOCOL.md, `ideas`)."""
        ws = self.ws
        if not device.joined or ws.finished:
            return []
        kind = ws.step.kind
        if kind == "check" and ws.shortlist_size():  # the team's shortlist, once its ideas are put forward
            return [i for i in ws.to_check() if device.team in i.authors()]
        if kind in (*IDEA_STEPS, "check"):
            return [i for i in ws.ideas if device.team in i.authors()]
        if kind == "choose":
            return list(ws.ideas)
        if kind == "promise":
            return ws.chosen()
        return []

    def sees(self, device: Device, idea: Idea) -> bool:
        ws = self.ws
        if not device.joined or ws.finished:
            return False
        kind = ws.step.kind
        if kind == "check" and ws.shortlist_size():
            return device.team in idea.authors() and ws.shortlisted(idea.id)
        if kind in (*IDEA_STEPS, "check"):
            return device.team in idea.authors()
        if kind == "choose":
            return True
        if kind == "promise":
            return idea.chosen
        return False

    def idea_view(self, idea: Idea) -> dict[str, Any]:
        ws = self.ws
        kind = ws.step.kind if not ws.finished else ""
        hide_team = ws.anonymous and kind == "choose"
        return {
            "id": idea.id,
            "text": idea.text,
            "team": "" if hide_team else idea.team,
            "step": self.room.sent_in.get(idea.id, -1),
            "checks": dict(idea.checks),
            "dots": idea.dots if ws.revealed else None,
            "focus": idea.focus,
            "promise": (
                {"who": idea.promise.who, "due": idea.promise.due, "first_step": idea.promise.first_step}
                if kind == "promise"
                else None
            ),
        }

    def mine(self, device: Device, ideas: list[Idea]) -> tuple[list[int], list[int]]:
        shown = {i.id for i in ideas}
        owned = sorted(i for i in set(device.cids.values()) if i in shown and self.room.owners.get(i) == device.token)
        return owned, [i for i in owned if self.editable(device, i)]

    def voting(self, device: Device) -> dict[str, Any] | None:
        ws = self.ws
        if ws.finished or ws.step.kind != "choose" or not device.joined:
            return None
        voter = self.voter(device)
        given = ws.ballot.given.get(voter, {})
        ranking = None
        if ws.revealed:
            ranking = [
                {"id": i.id, "text": i.text, "team": "" if ws.anonymous else i.team, "dots": i.dots}
                for i in ws.ranking()
            ]
        return {
            "dots": ws.ballot.dots,
            "cap": ws.ballot.cap,
            "self_votes": ws.ballot.self_votes,
            "dots_left": ws.ballot.left(voter),
            "my_dots": {str(k): v for k, v in given.items() if v},
            "revealed": ws.revealed,
            "ranking": ranking,
        }
