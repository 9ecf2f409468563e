"""The room engine: phones' actions on the Qt thread, the workshop's changes pushed to the phones.

The web server (game/room/server.py, aiohttp, its own thread) hands every message to `_deliver`, which emits a
queued Qt signal: the message is handled on the Qt thread by the same `Workshop` calls the console makes
(through `RoomRules`), so autosave, resume, the presenter and the library see phones' ideas like typed ones.
What changed is pushed, not polled: a full `state` when the step, the timer, the votes or the device change,
an `ideas` delta when only ideas changed. Pushes are gathered for a few milliseconds so a burst of ideas costs
one round of messages.

The web stack is imported only in `open()`: a workshop without phones never loads aiohttp.
"""

import json
import time
from collections import deque

from PySide6.QtCore import QObject, QTimer, Signal

from game.domain.ideas import Idea
from game.domain.room import IDEA_STEPS, Device, RoomRefused, RoomRules, RoomState
from game.room import texts, views

DEFAULT_PORT = 8800
IDEAS_PER_SECOND = 5
IDLE_AFTER = 120  # seconds without a connection: idle, then gone
FLUSH_MS = 25
POLL_MS = 1000  # the timer running out and the end are noticed within a second


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


class RoomEngine(QObject):
    """One open room for one workshop (`ws.room` holds what is saved)."""

    inbox = Signal(int, object)  # (connection, message): emitted by the server thread, run on the Qt thread
    devices_changed = Signal()
    ideas_changed = Signal(object, object)  # (idea ids added or changed, ids removed) by phones
    workshop_changed = Signal()  # phones ticked, voted or promised
    default_port = DEFAULT_PORT  # a new room's first try (tests use 0: any free port)

    def __init__(self, ws, lang: str = "en", parent: QObject | None = None):
        super().__init__(parent)
        assert ws.room is not None
        self.ws = ws
        self.room: RoomState = ws.room
        self.lang = lang
        self.rules = RoomRules(ws, ws.room)
        self.server = None
        self.conns: dict[int, str] = {}  # connection -> device token, after hello
        self.version = 0
        self.problem = ""
        self._recent: dict[str, deque] = {}
        self._changed_ideas: set[int] = set()
        self._removed_ideas: set[int] = set()
        self._full: set[str] | None = set()  # devices owed a full state (None: every device)
        self._frame = self._frame_key()
        self._seen: dict[int, tuple] = {}
        self._lists: dict[tuple[str, str], tuple[bytes, str]] = {}  # the ideas to take home, made at the end
        self._report: dict[tuple[str, str], tuple[bytes, str]] = {}  # the report, made once the trainer allows it
        self.inbox.connect(self._handle)
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(FLUSH_MS)
        self._flush.timeout.connect(self.flush)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._notice)

    # --- open and close ---------------------------------------------------------------------------

    def open(self) -> bool:
        """Start listening (on the saved port when it is free, else the next); False with `problem` set."""
        from game.room.server import RoomServer

        server = RoomServer(self.room.host, self.room.port or self.default_port, self.room.token, self._deliver)
        server.code, server.locked, server.lang = self.room.code, self.room.locked, self.lang
        try:
            self.room.port = server.start()
        except OSError as e:
            self.problem = str(e)
            return False
        self.server = server
        self._export()
        self._remember_ideas()
        self._poll.start()
        return True

    def close(self) -> None:
        self._poll.stop()
        self._flush.stop()
        if self.server is not None:
            self.server.stop()
            self.server = None
        self.conns.clear()

    @property
    def is_open(self) -> bool:
        return self.server is not None

    def url(self) -> str:
        return f"http://{self.address()}/r/{self.room.token}/"

    def address(self) -> str:
        host = self.room.host
        return f"[{host}]:{self.room.port}" if ":" in host else f"{host}:{self.room.port}"

    # --- what the console shows --------------------------------------------------------------------

    def connected(self) -> set[str]:
        """The devices with an open connection."""
        return set(self.conns.values())

    def status(self, device: Device, connected: set[str] | None = None) -> str:
        """connected, idle (no connection for less than two minutes: a phone asleep) or gone."""
        if device.token in (self.connected() if connected is None else connected):
            return "connected"
        return "idle" if time.time() - device.last_seen < IDLE_AFTER else "gone"

    def counts(self) -> dict[str, int]:
        """Phones joined per team."""
        return {t.name: self.room.joined(t.name) for t in self.ws.teams}

    def move(self, token: str, team: str) -> None:
        device = self.rules.move(token, team)
        self._resend_welcome(device)
        self.devices_changed.emit()

    def remove(self, token: str) -> None:
        device = self.room.devices.get(token)
        if device is None:
            return
        self.rules.remove(token)
        for conn in [c for c, t in self.conns.items() if t == token]:
            self._refuse(conn, "removed", None, device.lang)
            del self.conns[conn]
            if self.server is not None:
                self.server.close(conn, 4403)
        self.devices_changed.emit()

    def lock(self, locked: bool) -> None:
        self.room.locked = locked
        if self.server is not None:
            self.server.locked = locked
        self.devices_changed.emit()

    def allow_report(self, allowed: bool) -> None:
        """The trainer's switch: phones may take the session report home once the workshop has ended (saved with
        the workshop; every phone at the end sees the link come or go)."""
        self.room.report_home = allowed
        self._notice()

    # --- the console changed the workshop -------------------------------------------------------------

    def console_changed(self) -> None:
        """After anything the facilitator did: push what the phones see differently."""
        if not self.is_open:
            return
        self._notice()
        for idea in self.ws.ideas:
            key = self._idea_key(idea)
            if self._seen.get(idea.id) != key:
                self._seen[idea.id] = key
                self._changed_ideas.add(idea.id)
        present = {i.id for i in self.ws.ideas}
        for gone in [i for i in self._seen if i not in present]:
            del self._seen[gone]
            self._removed_ideas.add(gone)
        self._schedule()

    def _idea_key(self, idea) -> tuple:
        p = idea.promise
        return (idea.text, idea.team, tuple(sorted(idea.checks.items())), idea.dots, idea.focus, p.who, p.due,
                p.first_step, len(idea.merged))  # fmt: skip

    def _remember_ideas(self) -> None:
        self._seen = {i.id: self._idea_key(i) for i in self.ws.ideas}

    def _frame_key(self) -> tuple:
        ws = self.ws
        timer, pause = ws.timer, ws.pause
        return (
            ws.step_index,
            ws.repeats.get(ws.step_index, 0),
            ws.finished,
            (timer.running, timer.seconds, timer.finished) if timer else None,
            (pause.running, pause.seconds) if pause else None,
            ws.revealed,
            ws.anonymous,
            tuple((t.name, len(t.players)) for t in ws.teams),
            ws.dots_given(),
            ws.keep,
            tuple(ws.preferred),
            tuple(ws.draws.get(ws.step_index, [])),  # a redrawn card, the room's or a team's own
            tuple((team, tuple(by_step.get(ws.step_index, []))) for team, by_step in sorted(ws.team_draws.items())),
            tuple((team, tuple(ids)) for team, ids in sorted(ws.shortlists.items())),
            self.room.report_home,
        )

    def _notice(self) -> None:
        """Once a second and after the console's changes: did the frame change (a step, a timer, the end)?"""
        frame = self._frame_key()
        if frame != self._frame:
            self._frame = frame
            self._full = None
            self._export()
            self._schedule()

    def _export(self) -> None:
        """What phones may take home, each in its own language: nothing before the end (the server says why), then
        the ideas as Markdown and CSV (both languages), and the session report while the trainer allows it."""
        server, ws = self.server, self.ws
        if server is None:
            return
        if not ws.finished:
            server.exports, server.withheld = {}, dict.fromkeys(texts.EXPORT_NAMES, "not_ended")
            return
        if not self._lists:
            for lang in texts.LANGS:
                self._lists["ideas.md", lang] = (views.markdown(ws, lang).encode("utf-8"), "text/markdown")
                self._lists["ideas.csv", lang] = (("\ufeff" + views.csv_text(ws, lang)).encode("utf-8"), "text/csv")
        allowed = self.room.report_home
        if allowed:  # the same report the laptop exports, made once per language a phone reads (~70 ms a language)
            for lang in sorted({self.lang, *(d.lang for d in self.room.devices.values())} & set(texts.LANGS)):
                if ("report.html", lang) not in self._report:
                    self._report["report.html", lang] = (views.report_html(ws, lang).encode("utf-8"), "text/html")
        server.exports = {**self._lists, **self._report} if allowed else dict(self._lists)
        server.withheld = {} if allowed else {"report.html": "not_shared"}

    # --- phones' messages (Qt thread) --------------------------------------------------------------------

    def _deliver(self, conn: int, message: dict) -> None:
        """Called on the server's thread: the message crosses to the Qt thread as a queued signal."""
        self.inbox.emit(conn, message)

    def _handle(self, conn: int, msg: dict) -> None:
        kind = msg.get("type")
        if kind == "_closed":
            token = self.conns.pop(conn, None)
            if token in self.room.devices:
                self.room.devices[token].last_seen = time.time()
                self.devices_changed.emit()
            return
        ref = msg.get("ref")
        ref = ref if isinstance(ref, str) and len(ref) <= 40 else None
        if kind == "_refuse":
            device = self.room.devices.get(self.conns.get(conn, ""))
            self._refuse(conn, msg["code"], msg.get("ref"), device.lang if device else "en")
            return
        if kind == "hello":
            self._hello(conn, msg)
            return
        if kind == "ping":  # answered here, in order after everything the phone sent before
            self._send(conn, {"type": "pong"})
            return
        device = self.room.devices.get(self.conns.get(conn, ""))
        if device is None:
            self._refuse(conn, "hello_first", ref, "en")
            return
        device.last_seen = time.time()
        cid = msg.get("cid")
        if kind == "idea" and ref is None and isinstance(cid, str) and 0 < len(cid) <= 40:
            ref = cid  # an idea's answer names it by its cid
        try:
            self._act(conn, device, kind, msg, ref)
        except RoomRefused as e:
            self._refuse(conn, e.code, ref, device.lang, e.detail)

    def _hello(self, conn: int, msg: dict) -> None:
        lang = msg.get("lang") if msg.get("lang") in ("ru", "en") else "en"
        try:
            device = self.rules.hello(msg.get("device"), lang)
        except RoomRefused as e:
            self._refuse(conn, e.code, None, lang)
            if self.server is not None:
                self.server.close(conn, 4403)
            return
        self.conns[conn] = device.token
        self._send(conn, views.welcome(self.rules, device))
        self._send(conn, self._state(device))
        self.devices_changed.emit()

    def _act(self, conn: int, device: Device, kind: str, msg: dict, ref: str | None) -> None:
        rules = self.rules
        if kind == "lang":
            if msg.get("lang") not in ("ru", "en"):
                raise RoomRefused("bad_field", "lang")
            device.lang = msg["lang"]
            if self.ws.finished:
                self._export()  # the report in this language too, before the state links to it
            self._ack(conn, ref)
            self._send(conn, self._state(device))
            return
        if kind == "join":
            rules.join(device, msg.get("name"), msg.get("team"))
            self._ack(conn, ref)
            self._resend_welcome(device)
            self.devices_changed.emit()
            return
        at = msg.get("_at") if isinstance(msg.get("_at"), float) else time.monotonic()
        if kind in ("idea", "edit", "delete"):
            self._pace(device, at)  # counts what was done, not what was refused
        if kind == "idea":
            idea_id, new = rules.add_idea(device, msg.get("cid"), msg.get("text"))
            self._send(conn, {"type": "ack", "ref": ref, "cid": msg.get("cid"), "ok": True, "idea": idea_id})
            if new:
                self._paced(device, at)
                self._idea_changed(idea_id)
                self.ideas_changed.emit({idea_id}, set())
            return
        if kind == "edit":
            idea_id = rules.edit(device, msg)
            self._paced(device, at)
            self._ack(conn, ref, idea_id)
            self._idea_changed(idea_id)
            self.ideas_changed.emit({idea_id}, set())
            return
        if kind == "delete":
            idea_id = rules.delete(device, msg)
            self._paced(device, at)
            self._ack(conn, ref, idea_id)
            self._seen.pop(idea_id, None)
            self._removed_ideas.add(idea_id)
            self._schedule()
            self.ideas_changed.emit(set(), {idea_id})
            return
        if kind == "check":
            idea_id = rules.check(device, msg)
            self._ack(conn, ref, idea_id)
            self._idea_changed(idea_id)
            self.workshop_changed.emit()
            return
        if kind == "vote":
            idea_id = rules.vote(device, msg)
            self._ack(conn, ref, idea_id)
            self._frame = self._frame_key()
            voter = rules.voter(device)
            self._owe_full([d for d in self.room.devices.values() if d.team and rules.voter(d) == voter])
            self.workshop_changed.emit()
            return
        if kind == "promise":
            idea_id = rules.promise(device, msg)
            self._ack(conn, ref, idea_id)
            self._idea_changed(idea_id)
            self.workshop_changed.emit()
            return
        raise RoomRefused("bad_json")

    def _pace(self, device: Device, now: float) -> None:
        """At most IDEAS_PER_SECOND ideas, edits and deletes a second, by the time they reached the server."""
        recent = self._recent.setdefault(device.token, deque())
        while recent and now - recent[0] > 1:
            recent.popleft()
        if len(recent) >= IDEAS_PER_SECOND:
            raise RoomRefused("too_fast")

    def _paced(self, device: Device, at: float) -> None:
        self._recent.setdefault(device.token, deque()).append(at)

    # --- sending ------------------------------------------------------------------------------------

    def _send(self, conn: int, data: dict) -> None:
        if self.server is not None:
            self.server.send(conn, dumps(data))

    def _ack(self, conn: int, ref: str | None, idea_id: int | None = None) -> None:
        answer = {"type": "ack", "ref": ref, "ok": True}
        if idea_id is not None:
            answer["idea"] = idea_id
        self._send(conn, answer)

    def _refuse(self, conn: int, code: str, ref, lang: str, detail: str = "") -> None:
        self._send(conn, {"type": "refused", "ref": ref, "code": code, "message": texts.refusal(code, lang, detail)})

    def _resend_welcome(self, device: Device) -> None:
        for conn in [c for c, t in self.conns.items() if t == device.token]:
            self._send(conn, views.welcome(self.rules, device))
            self._send(conn, self._state(device))

    def _state(self, device: Device) -> dict:
        self.version += 1
        return views.state(self.rules, device, self.version)

    def _idea(self, idea_id: int) -> Idea | None:
        try:
            return self.ws.idea(idea_id)
        except KeyError:
            return None

    def _idea_changed(self, idea_id: int) -> None:
        try:
            self._seen[idea_id] = self._idea_key(self.ws.idea(idea_id))
        except KeyError:
            return
        self._changed_ideas.add(idea_id)
        self._schedule()

    def _owe_full(self, devices: list[Device]) -> None:
        if self._full is not None:
            self._full.update(d.token for d in devices)
        self._schedule()

    def _schedule(self) -> None:
        if not self._flush.isActive():
            self._flush.start()

    def flush(self) -> None:
        """Send what changed since the last flush: full states where owed, else idea deltas."""
        if self.server is None:
            return
        full, changed, removed = self._full, self._changed_ideas, self._removed_ideas
        self._full, self._changed_ideas, self._removed_ideas = set(), set(), set()
        by_device: dict[str, list[int]] = {}
        for conn, token in self.conns.items():
            by_device.setdefault(token, []).append(conn)
        out: list[tuple[int, str]] = []
        self.version += 1
        shared: dict[object, str] = {}  # the same ideas for a whole team: made into JSON once
        index = {i: idea for i in changed if (idea := self._idea(i)) is not None}  # by id: not a walk of every idea
        views_of: dict[int, dict] = {}
        touched = {self.room.owners.get(i) for i in changed}  # devices whose own list of ideas may have changed
        for token, conns in by_device.items():
            device = self.room.devices.get(token)
            if device is None:
                continue
            if full is None or token in full:
                text = self._full_text(device, shared)
            elif changed or removed:
                text = self._delta_text(device, changed, removed, index, views_of, token in touched)
            else:
                continue
            if text:
                out.extend((conn, text) for conn in conns)
        self.server.send_many(out)

    def _group(self, device: Device) -> object:
        kind = self.ws.step.kind if not self.ws.finished else ""
        return device.team if kind in (*IDEA_STEPS, "check") else kind

    def _full_text(self, device: Device, shared: dict[object, str]) -> str:
        group = (self._group(device), device.joined)
        if group not in shared:
            shared[group] = dumps([self.rules.idea_view(i) for i in self.rules.visible(device)])
        data = views.state(self.rules, device, self.version, ideas_json="\0ideas\0")
        return dumps(data).replace('"\\u0000ideas\\u0000"', shared[group], 1)

    def _delta_text(self, device, changed, removed, index, views_of, touched: bool) -> str:
        rules = self.rules
        upsert = []
        for idea_id in sorted(changed):
            idea = index.get(idea_id)
            if idea is not None and rules.sees(device, idea):
                if idea_id not in views_of:
                    views_of[idea_id] = rules.idea_view(idea)
                upsert.append(views_of[idea_id])
        if not upsert and not removed:
            return ""
        delta = {"type": "ideas", "version": self.version, "upsert": upsert, "remove": sorted(removed)}
        if touched or removed:  # else the device's own ideas are as the page knows them: not sent again
            owned = self.room.owners
            mine = sorted(i for i in set(device.cids.values()) if i in self._seen and owned.get(i) == device.token)
            delta["mine"] = mine
            delta["editable"] = [i for i in mine if rules.editable(device, i)]
        return dumps(delta)
