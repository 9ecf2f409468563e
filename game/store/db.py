"""The library database: opening it (WAL, foreign keys), and what a round saves into it."""

import json
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import event, inspect
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlmodel import Session, create_engine

from game.domain.round import Round
from game.store.models import Idea, PlaySession
from game.store.textsearch import index_text

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
FIRST_REVISION = "0001"  # the schema libraries made before migrations existed (`create_all`) already have

DB_NAME = "library.sqlite3"


class LibraryError(Exception):
    """The library file cannot be used; the message names it. Nothing was written to it."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Python's sqlite3 would commit before each CREATE/ALTER on its own: we open transactions ourselves, so a
    # migration is one transaction (SQLAlchemy's recipe for SQLite).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    """BEGIN IMMEDIATE for a migration: two copies of the game starting at once take turns, not both migrate."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("migrating") else "BEGIN")


def open_library(data_dir: Path) -> Engine:
    """Open (or create) the library in `data_dir`; raises `LibraryError` for a file that is not a library."""
    path = data_dir / DB_NAME
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    try:
        with engine.connect() as conn:
            conn.info["migrating"] = True
            try:
                with conn.begin():
                    conn.exec_driver_sql("PRAGMA schema_version").fetchone()
                    migrate(conn)
            finally:
                conn.info.pop("migrating", None)
    except (DatabaseError, OperationalError) as e:
        engine.dispose()
        raise LibraryError(path, f"not a readable idea library ({e.orig})") from None
    return engine


def migrate(conn: Connection) -> None:
    """Bring the library's schema to the newest revision; an upgrade keeps every row."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    tables = set(inspect(conn).get_table_names())
    if "idea" in tables and "alembic_version" not in tables:
        command.stamp(config, FIRST_REVISION)  # a library from before migrations: it has the first schema
    command.upgrade(config, "head")


def save_round(engine: Engine, rnd: Round, lang: str) -> list[int]:
    """Store a finished round: its session and every idea it kept (a workshop's with its team and dots), the
    chosen ones with their focus and promise. Returns the idea ids."""
    provenance = rnd.provenance()
    now = datetime.now(UTC)
    with Session(engine) as session:
        record = PlaySession(
            scenario_id=rnd.scenario.id,
            mode=rnd.scenario.mode,
            lang=lang,
            finished_at=now,
            state_json=rnd.to_json(),
        )
        session.add(record)
        session.flush()
        rows = []
        chosen = {idea.id for idea in rnd.chosen()}
        for idea in rnd.kept():
            p = idea.promise if idea.id in chosen else type(idea.promise)()  # a promise belongs to a chosen idea
            team = " + ".join(idea.authors())
            row = Idea(
                session_id=record.id,
                title=idea.title,
                text=idea.text,
                focus=idea.focus if idea.id in chosen else "",
                score=idea.score,
                checks_json=json.dumps(idea.checks, ensure_ascii=False),
                dots=idea.dots,
                promise_who=p.who,
                promise_due=date.fromisoformat(p.due) if p.due else None,
                promise_first_step=p.first_step,
                promise_success_sign=p.success_sign,
                status="planned" if p.who and p.due else "new",
                team=team,
                player=idea.player,
                search_text=index_text(idea.title, idea.text, p.who, p.first_step, p.success_sign, team, idea.player),
                **provenance,
            )
            session.add(row)
            rows.append(row)
        session.commit()
        return [row.id for row in rows if row.id is not None]
