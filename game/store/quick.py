"""Reads for the app's first second, with the standard library's sqlite3: SQLAlchemy and SQLModel take half a
second of CPU to import, and the home screen's promises due this week should not wait for them. Only a library
already at the newest schema is read here; any other waits for the full opening (game/store/db.py)."""

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

DB_NAME = "library.sqlite3"
ENV = "TECHNOMAGIC_LIBRARY"
CHOICE_FILE = "library.url"  # Settings → Library writes the chosen URL here (never a password)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r"""^(revision|down_revision)\s*(?::[^=]*)?=\s*["']([^"']*)["']""", re.MULTILINE)


def head_revision() -> str:
    """The newest migration's revision, read from the files' `revision`/`down_revision` lines (no Alembic):
    the one no other migration comes after."""
    found: dict[str, str | None] = {}
    for script in (MIGRATIONS / "versions").glob("*.py"):
        lines: dict[str, str] = dict(_REVISION.findall(script.read_text(encoding="utf-8")))
        found[lines["revision"]] = lines.get("down_revision")
    [head] = set(found) - set(found.values())
    return head


def default_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / DB_NAME}"


def stored_choice(data_dir: Path) -> str | None:
    """The library chosen in Settings → Library, if any."""
    try:
        chosen = (data_dir / CHOICE_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return chosen or None


def chosen_url(data_dir: Path, given: str | None = None) -> str:
    """`--library`, else $TECHNOMAGIC_LIBRARY, else what Settings → Library chose, else the SQLite file (which
    library to open is known before SQLAlchemy is imported: game.store.engine opens it)."""
    return given or os.environ.get(ENV) or stored_choice(data_dir) or default_url(data_dir)


@dataclass(frozen=True)
class DuePromise:
    """What the home screen shows of a promise due, and asks about."""

    id: int
    title: str
    promise_who: str
    promise_due: date


_DUE = "promise_due IS NOT NULL AND promise_due <= ? AND status IN ('new', 'planned')"


def due_promises(data_dir: Path, today: date, days: int = 7, limit: int = 5) -> tuple[list[DuePromise], int] | None:
    """The first `limit` promises due within `days` (or overdue) that nobody reported on, as `ideas.due_promises`
    finds them, and how many there are; None when the library is missing, older or unreadable."""
    path = data_dir / DB_NAME
    if not path.is_file():
        return None
    until = (today + timedelta(days=days)).isoformat()
    try:
        db = sqlite3.connect(path, timeout=1)
        try:
            if db.execute("SELECT version_num FROM alembic_version").fetchall() != [(head_revision(),)]:
                return None
            rows = db.execute(
                f"SELECT id, title, promise_who, promise_due FROM idea WHERE {_DUE} ORDER BY promise_due, id LIMIT ?",
                (until, limit),
            ).fetchall()
            total = db.execute(f"SELECT count(*) FROM idea WHERE {_DUE}", (until,)).fetchone()[0]
        finally:
            db.close()
    except (sqlite3.Error, ValueError):
        return None
    return [DuePromise(i, title, who, date.fromisoformat(due[:10])) for i, title, who, due in rows], total
