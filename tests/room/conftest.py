"""A workshop with its room open on 127.0.0.1 and simulated phones to join it."""

import pytest

from game.domain.room import RoomState
from game.domain.workshop import Team, new_workshop
from tests.room.sim import Loop, Phone
from tests.ui.conftest import library_home, open_window  # noqa: F401  (fixtures for the room's UI tests)


@pytest.fixture
def room(qtbot, content):
    """An open room (any free port) for a three-team classic workshop; `room.phone()` joins a phone."""
    from game.room.engine import RoomEngine

    teams = [Team("Red"), Team("Blue"), Team("Green")]
    ws = new_workshop(content.scenarios["classic-workshop"], content, teams, seed=3)
    ws.room = RoomState("127.0.0.1", port=0)
    engine = RoomEngine(ws, "en")
    engine.default_port = 0
    assert engine.open(), engine.problem
    loop = Loop()
    phones: list[Phone] = []

    def phone(path: str = "ws") -> Phone:
        made = Phone(loop, qtbot, f"http://127.0.0.1:{ws.room.port}/r/{ws.room.token}/{path}", engine)
        phones.append(made)
        return made

    engine.phone = phone
    engine.loop = loop
    yield engine
    for made in phones:
        if made.closed is None:
            made.close()
    engine.close()
    loop.close()


def to_step(ws, kind: str) -> None:
    """Walk the workshop on to the first step of `kind` (skipping what it can, as the facilitator would)."""
    while ws.step.kind != kind:
        if ws.step.kind in ("magic", "check") and not ws.ideas:
            ws.add_idea("a typed idea", ws.teams[0].name)
        ws.skip() if ws.step.kind not in ("choose", "promise") else ws.next()
