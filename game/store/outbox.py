"""Finished rounds that could not reach the library (a server away, a file that cannot be written) wait in
`unsaved/` and are sent once it takes them again — never twice: a round already in the library is recognised
by `round_uid` and its file is simply let go.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError
from sqlmodel import Session, select

from game.store.db import save_round
from game.store.models import PlaySession

if TYPE_CHECKING:
    from game.domain.content import Content

FOLDER = "unsaved"


def round_uid(state_json: str) -> str:
    """One round's identity: its own id (`Round.uid`, the library's `round_uid`), or for a round saved before rounds
    had ids, its state without the timers (which tick on after the end), hashed."""
    data = json.loads(state_json)
    if isinstance(uid := data.get("uid"), str) and uid:
        return uid
    data.pop("timers", None)
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def already_saved(engine: Engine, scenario_id: str, uid: str) -> bool:
    with Session(engine) as session:
        if session.exec(select(PlaySession.id).where(PlaySession.round_uid == uid)).first() is not None:
            return True
        states = session.exec(select(PlaySession.state_json).where(PlaySession.scenario_id == scenario_id))
        return any(round_uid(state) == uid for state in states if state)


_AWAY = ("connection", "server closed", "terminating", "shutting down", "could not connect", "no such file",
         "timeout", "starting up")  # fmt: skip


def server_away(error: BaseException) -> bool:
    """A lost or refused connection (the server stopped, the network gone), not a refusal of the data."""
    if not isinstance(error, OperationalError | InterfaceError | DisconnectionError):
        return False
    said = str(getattr(error, "orig", error)).lower()
    return getattr(error, "connection_invalidated", False) or any(words in said for words in _AWAY)


def keep(data_dir: Path, state_json: str) -> Path:
    """Write a finished round into unsaved/ (atomically); returns the file."""
    folder = data_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = folder / f"round-{stamp}.json"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"round-{stamp}-{n}.json"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(json.loads(state_json), ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)
    return path


def waiting(data_dir: Path) -> list[Path]:
    return sorted((data_dir / FOLDER).glob("round-*.json"))


def send_waiting(engine: Engine, data_dir: Path, content: Content, lang: str) -> tuple[int, int]:
    """Save every waiting round the library does not have yet; returns (sent, already there). A round that can
    no longer be read stays in its file. Raises SQLAlchemyError when the library is still away."""
    from game.domain.workshop import load_state

    sent = known = 0
    for path in waiting(data_dir):
        try:
            text = path.read_text(encoding="utf-8")
            rnd = load_state(text, content)
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            continue
        if already_saved(engine, rnd.scenario.id, round_uid(text)):
            known += 1
        else:
            save_round(engine, rnd, lang)
            sent += 1
        path.unlink(missing_ok=True)
    return sent, known

