"""A round kept on disk without writing every idea twice a second: one snapshot, then a journal of changes.

The snapshot is the round's whole state (`Round.to_json`, the format `load_state` reads). Each half second that
changed something adds one line to the journal: the keys of the round's head that changed (`Round.head`: the
state without its ideas and the room's per-idea maps, small however long the workshop runs) and the parts that
changed (`Round.take_changes`: ideas, who sent them, the step they were sent in, the phones' own ids), each as it
is at that moment. A workshop of 9,000 phone ideas costs a few ideas a tick instead of 2.7 MB of JSON.

`replay` puts a snapshot and its lines back together into the state `load_state` reads. One line is one moment
of the round: a line cut short by a kill is left out as a whole, never applied in part.
"""

import json
from collections.abc import Iterable
from typing import Any

from game.domain.room import CID_PART, OWNER_PART, SENT_IN_PART
from game.domain.round import IDEA_PART, Round


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


class Journal:
    """The lines of one round's journal (plain text: the autosave writes them to its files).

    `check=True` replays every line onto a copy of the state and compares it with the round itself, so that a
    change some code made without telling the round (`Round.changed`) fails at once; the tests run with it."""

    def __init__(self, rnd: Round, check: bool = False):
        self.round = rnd
        self._room = getattr(rnd, "room", None)
        self._heads: dict[str, str] = {}  # each head key as last written
        self._mirror: dict[str, Any] | None = None
        self.check = check

    def follows(self, rnd: Round | None) -> bool:
        """Lines from here go on from this journal's snapshot (the same round, and the same room in it)."""
        return rnd is self.round and getattr(rnd, "room", None) is self._room

    def snapshot(self) -> str:
        """The whole round as it is now: the journal's lines go on from here."""
        rnd = self.round
        rnd.take_changes()  # they are in the snapshot
        self._heads = {key: _dumps(value) for key, value in rnd.head().items()}
        text = rnd.to_json()
        if self.check:
            self._mirror = json.loads(text)
        return text

    def line(self) -> str | None:
        """What changed since the last line or snapshot, as one line of JSON (with its newline), or None."""
        rnd = self.round
        heads = []
        for key, value in rnd.head().items():
            text = _dumps(value)
            if self._heads.get(key) != text:
                self._heads[key] = text
                heads.append(f"{_dumps(key)}:{text}")
        parts = [[*key, rnd.part(*key)] for key in rnd.take_changes()]
        line = '{"h":{' + ",".join(heads) + '},"p":' + _dumps(parts) + "}\n" if heads or parts else None
        if self.check and self._mirror is not None:
            if line is not None:
                self._mirror = replay(self._mirror, [json.loads(line)])
            mirror, expected = comparable(self._mirror), comparable(json.loads(rnd.to_json()))
            if mirror != expected:
                both = expected.keys() & mirror.keys()
                where = sorted(expected.keys() ^ mirror.keys() | {k for k in both if expected[k] != mirror[k]})
                raise AssertionError(f"the journal lost a change to {where}: the round changed without telling it")
        return line


def replay(base: dict[str, Any], lines: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """A snapshot's state (`base`, taken over and changed) with the journal's `lines` applied, in order."""
    state = base
    ideas = {int(i["id"]): i for i in state.get("ideas", [])}
    room = state.get("room")
    devices = {d["token"]: d for d in room["devices"]} if room else {}
    for line in lines:
        if not isinstance(line.get("h"), dict) or not isinstance(line.get("p"), list):
            raise ValueError(f"a journal line holds {sorted(line)!r}, not a round's changes")
        for key, value in line["h"].items():
            if key == "room":
                room = _room_head(room, value)
                devices = {d["token"]: d for d in room["devices"]} if room else {}
            else:
                state[key] = value
        for kind, *key, value in line["p"]:
            if kind == IDEA_PART:
                _put(ideas, int(key[0]), value)
            elif kind not in (OWNER_PART, SENT_IN_PART, CID_PART):
                raise ValueError(f"a journal line changes an unknown part {kind!r}")
            elif room is None:
                continue  # the room was closed later in the same moment
            elif kind == OWNER_PART:
                _put(room["owners"], str(key[0]), value)
            elif kind == SENT_IN_PART:
                _put(room["sent_in"], str(key[0]), value)
            elif (device := devices.get(key[0])) is not None:  # a removed phone's ids went with it
                _put(device["cids"], str(key[1]), value)
    state["ideas"] = list(ideas.values())
    if "room" in state:  # a workshop's (a round played alone has none)
        state["room"] = room
    return state


def _put(into: dict[Any, Any], key: Any, value: Any) -> None:
    if value is None:
        into.pop(key, None)
    else:
        into[key] = value


def _room_head(room: dict[str, Any] | None, head: dict[str, Any] | None) -> dict[str, Any] | None:
    """The room's new head with the per-idea maps it had (a head carries them empty)."""
    if head is None:
        return None
    old = room or {}
    cids = {d["token"]: d.get("cids", {}) for d in old.get("devices", [])}
    return {
        **head,
        "devices": [{**d, "cids": cids.get(d["token"], {})} for d in head["devices"]],
        "owners": old.get("owners", {}),
        "sent_in": old.get("sent_in", {}),
    }


def comparable(state: dict[str, Any]) -> dict[str, Any]:
    """A round's state with its running clocks left out (they move between two looks at the same round)."""
    state = dict(state)
    state["timers"] = {k: {**t, "elapsed": None} if t.get("running") else t for k, t in state["timers"].items()}
    if state.get("pause"):
        state["pause"] = {**state["pause"], "elapsed": None}
    return state
