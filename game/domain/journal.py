"""A round kept on disk without writing every idea twice a second: one snapshot, then a journal of changes.

The snapshot is the round's whole state (`Round.to_json`, the format `load_state` reads). Each half second that
changed something adds one line to the journal: the keys of the round's head that changed (`Round.head`: the
state without its ideas and the room's per-idea maps, small however long the workshop runs) and the parts that
changed (`Round.take_changes`: ideas, who sent them, the step they were sent in, the phones' own ids), each as it
is at that moment. A workshop of 9,000 phone ideas costs a few ideas a tick instead of 2.7 MB of JSON.

`replay` puts a snapshot and its lines back together into the state `load_state` reads. One line is one moment
of the round: a line cut short by a kill is left out as a whole, never applied in part. The journal's first line
names its snapshot (`header`: a digest of its bytes), so that a journal left from an older snapshot is never
applied to a newer one (`restore`).
"""

import hashlib
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
        changes = rnd.take_changes()
        parts = [[*key, rnd.part(*key)] for key, added in changes if not added]
        added = [[*key, rnd.part(*key)] for key, added in changes if added]
        line = None
        if heads or parts or added:
            line = '{"h":{' + ",".join(heads) + '},"p":' + _dumps(parts) + ',"a":' + _dumps(added) + "}\n"
        if self.check and self._mirror is not None:
            if line is not None:
                self._mirror = replay(self._mirror, [json.loads(line)])
            mirror, expected = comparable(self._mirror), comparable(json.loads(rnd.to_json()))
            if mirror != expected:
                both = expected.keys() & mirror.keys()
                where = sorted(expected.keys() ^ mirror.keys() | {k for k in both if expected[k] != mirror[k]})
                raise AssertionError(f"the journal lost a change to {where}: the round changed without telling it")
        return line


def _digest(snapshot: bytes) -> str:
    return hashlib.blake2b(snapshot, digest_size=16).hexdigest()


def header(snapshot: str) -> str:
    """The first line of the journal that goes on from `snapshot` (with its newline)."""
    return json.dumps({"journal": 1, "base": _digest(snapshot.encode("utf-8"))}) + "\n"


def restore(snapshot: bytes, journal: bytes | None) -> dict[str, Any]:
    """The round as a snapshot and its journal hold it (the JSON `load_data` reads). A line cut short by a kill,
    and anything after a damaged line, is left out; a journal of another snapshot is not applied."""
    data = json.loads(snapshot)
    if not isinstance(data, dict):
        raise ValueError(f"a round is a JSON object, not {type(data).__name__}")
    lines = journal_lines(journal, snapshot) if journal is not None else []
    return replay(data, lines) if lines else data


def journal_lines(journal: bytes, snapshot: bytes) -> list[dict[str, Any]]:
    """The complete lines of a journal that goes on from `snapshot` (none when it names another snapshot)."""
    rows = journal.split(b"\n")  # never splitlines(): JSON keeps U+2028 and its kin unescaped
    try:
        first = json.loads(rows[0])
    except ValueError:
        return []
    if len(rows) < 2 or not isinstance(first, dict) or first.get("base") != _digest(snapshot):
        return []  # a journal of an older snapshot (the new one was written, the journal not yet begun again)
    lines = []
    for row in rows[1:-1]:  # the last piece follows the last newline: empty, or a line a kill cut short
        try:
            line = json.loads(row)
        except ValueError:
            break  # a damaged line: what follows it cannot be trusted
        if not isinstance(line, dict):
            break
        lines.append(line)
    return lines


def replay(base: dict[str, Any], lines: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """A snapshot's state (`base`, taken over and changed) with the journal's `lines` applied, in order."""
    state = base
    ideas: dict[Any, Any] = {int(i["id"]): i for i in state.get("ideas", [])}
    room = state.get("room")
    devices = {d["token"]: d for d in room["devices"]} if room else {}
    for line in lines:
        if not all(isinstance(line.get(k), t) for k, t in (("h", dict), ("p", list), ("a", list))):
            raise ValueError(f"a journal line holds {sorted(line)!r}, not a round's changes")
        for key, value in line["h"].items():
            if key == "room":
                room = _room_head(room, value)
                devices = {d["token"]: d for d in room["devices"]} if room else {}
            else:
                state[key] = value
        for added, parts in ((False, line["p"]), (True, line["a"])):  # changed in place, then added at the end
            for kind, *key, value in parts:
                into: dict[Any, Any]
                name: int | str
                if kind == IDEA_PART:
                    into, name = ideas, int(key[0])
                elif kind not in (OWNER_PART, SENT_IN_PART, CID_PART):
                    raise ValueError(f"a journal line changes an unknown part {kind!r}")
                elif room is None:
                    continue  # the room was closed later in the same moment
                elif kind in (OWNER_PART, SENT_IN_PART):
                    into, name = room["owners" if kind == OWNER_PART else "sent_in"], str(key[0])
                elif (device := devices.get(key[0])) is not None:
                    into, name = device["cids"], str(key[1])
                else:
                    continue  # a removed phone's ids went with it
                if value is None or added:  # gone, or made anew at the end
                    into.pop(name, None)
                if value is not None:
                    into[name] = value
    state["ideas"] = list(ideas.values())
    if "room" in state:  # a workshop's (a round played alone has none)
        state["room"] = room
    return state


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
