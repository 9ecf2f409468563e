"""The library database: opening it (WAL, foreign keys), and what a round saves into it."""

import json
import sqlite3
import time
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import event, inspect
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlmodel import Session, create_engine

from game.domain.round import Round
from game.store.models import Idea, PlaySession
from game.store.quick import DB_NAME as DB_NAME
from game.store.quick import MIGRATIONS as MIGRATIONS
from game.store.quick import head_revision
from game.store.textsearch import index_text

FIRST_REVISION = "0001"  # the schema libraries made before migrations existed (`create_all`) already have



class LibraryError(Exception):
    """The library file cannot be used; the message names it. Nothing was written to it.

    `kind` says what is wrong: "damaged" (a page fails the check), "empty" (a zero-length file where backups
    exist), "newer" (made by a newer version of the game), "unwritable" (intact, but its folder or disk takes no
    writes) or "unreadable" (not a library at all)."""

    def __init__(self, path: Path | str, reason: str, kind: str = "unreadable"):  # a file, or a server's URL
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.kind = kind

    @property
    def restorable(self) -> bool:
        return self.kind in ("damaged", "empty", "unreadable")


#: SQLite's words for a folder or disk that takes no writes (the file itself may be intact)
_UNWRITABLE = ("readonly", "read-only", "disk is full", "disk i/o error", "unable to open database file")


def known_revisions() -> set[str]:
    """The Alembic revisions this version of the game knows (newer libraries have others)."""
    return {p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py")}


def check_library(path: Path, full: bool = False) -> int:
    """What a library file is before anything writes to it, with plain `sqlite3` (read-only, no SQLAlchemy):
    raises `LibraryError` for a damaged, zero-length (when backups exist) or newer-version file. `full` runs
    `PRAGMA integrity_check` instead of the quicker `quick_check`. Returns the number of ideas (0 for no file)."""
    from game.store import backup

    if not path.exists():
        return 0
    if path.stat().st_size == 0:
        if backup.backups(path.parent):
            raise LibraryError(path, "the library file is empty (0 bytes), though backups exist", "empty")
        return 0
    with open(path, "rb") as f:
        if f.read(16) != b"SQLite format 3\x00":
            raise LibraryError(path, "not a readable idea library (not an SQLite file)", "unreadable")
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error as e:
        raise LibraryError(path, f"cannot be opened ({e})", "unwritable") from None
    try:
        rows = db.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchall()
        if rows != [("ok",)]:
            first = " ".join("; ".join(str(r[0]) for r in rows[:2]).replace("*** in database main ***", "").split())
            raise LibraryError(path, f"the library is damaged ({first})", "damaged")
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "alembic_version" in tables:
            versions = {r[0] for r in db.execute("SELECT version_num FROM alembic_version")}
            unknown = versions - known_revisions()
            if unknown:
                raise LibraryError(
                    path,
                    f"made by a newer version of the game (library version {', '.join(sorted(unknown))}); "
                    "update the game to open it",
                    "newer",
                )
        return db.execute("SELECT count(*) FROM idea").fetchone()[0] if "idea" in tables else 0
    except sqlite3.DatabaseError as e:
        text = str(e).lower()
        if any(word in text for word in ("malformed", "corrupt", "not a database")):
            raise LibraryError(path, f"the library is damaged ({e})", "damaged") from None
        raise LibraryError(
            path, f"cannot be opened here: its folder takes no writes or its disk is full ({e}); the file is left "
            "as it was", "unwritable"
        ) from None
    finally:
        db.close()


def _at_head(path: Path) -> bool:
    """The file is a library at the newest revision this game knows (read with plain sqlite3)."""
    if not path.exists() or path.stat().st_size == 0:
        return False
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            return [r[0] for r in db.execute("SELECT version_num FROM alembic_version")] == [max(known_revisions())]
        finally:
            db.close()
    except sqlite3.Error:
        return False


def needs_migration(path: Path) -> bool:
    """The file holds ideas in an older schema (a backup is taken before it is upgraded)."""
    if not path.exists() or path.stat().st_size == 0:
        return False
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    try:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "idea" not in tables:
            return False
        if "alembic_version" not in tables:
            return True
        head = max(known_revisions())
        return {r[0] for r in db.execute("SELECT version_num FROM alembic_version")} != {head}
    finally:
        db.close()


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Python's sqlite3 would commit before each CREATE/ALTER on its own: we open transactions ourselves, so a
    # migration is one transaction (SQLAlchemy's recipe for SQLite).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    # temporary tables and sorts in memory, not in files: an import stages each batch of ideas in one and empties
    # it after (in a file, emptying takes four times as long); what a sort of 100 000 ideas holds is a few MB
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()


WRITE_WAIT_S = 300  #: how long a save or an import waits for another one to finish before it gives up


def _sqlite_begin(conn: Connection) -> None:
    """BEGIN IMMEDIATE for a migration and for `writer` sessions (saves, imports): two copies of the game, or the
    game and the command line, take turns instead of one failing with "database is locked" (a deferred
    transaction that reads and then writes cannot wait: SQLite refuses it at once). The busy timeout waits
    10 s for the write lock; a longer import elsewhere is waited for again, up to `WRITE_WAIT_S`."""
    if not (conn.info.get("migrating") or conn.get_execution_options().get("immediate")):
        conn.exec_driver_sql("BEGIN")
        return
    deadline = time.monotonic() + WRITE_WAIT_S
    while True:
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except OperationalError as e:
            if "locked" not in str(e.orig) or time.monotonic() > deadline:
                raise


def writer(engine: Engine) -> Engine:
    """The same library, for a session that writes: its transaction takes the write lock first, waiting."""
    return engine.execution_options(immediate=True) if engine.dialect.name == "sqlite" else engine


def open_library(data_dir: Path, check: bool = True) -> Engine:
    """Open (or create) the library in `data_dir`; raises `LibraryError` for a file that is not a library, is
    damaged, empty where backups exist, or from a newer version: nothing is written into such a file. An older
    library is backed up before it is migrated."""
    path = data_dir / DB_NAME
    if check:
        check_library(path)  # before anything touches the file
    from game.store import backup

    try:
        if needs_migration(path):
            backup.take(data_dir, "migration")
    except (sqlite3.Error, OSError, backup.BackupError) as e:  # never migrate without a good copy
        raise LibraryError(
            path, f"cannot be backed up before its upgrade ({e}); nothing was changed", "unwritable"
        ) from None
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    if _at_head(path):
        return engine  # nothing to migrate: Alembic (half a second to import) is not needed
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
        if any(word in str(e.orig).lower() for word in _UNWRITABLE):
            raise LibraryError(
                path, f"the library cannot be written here ({e.orig}); the file itself is left as it was", "unwritable"
            ) from None
        raise LibraryError(path, f"not a readable idea library ({e.orig})") from None
    except OSError as e:
        engine.dispose()
        raise LibraryError(path, f"the library cannot be written here ({e.strerror or e})", "unwritable") from None
    return engine


def open_library_read_only(data_dir: Path) -> Engine:
    """The library of a folder that takes no writes (a read-only disk), for reading only: SQLite's `immutable`
    mode needs no -shm file. Only an intact library at the newest revision with no unfinished write-ahead log is
    opened so; anything else raises the same `LibraryError` as `open_library`."""
    path = data_dir / DB_NAME
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise LibraryError(path, "its folder takes no writes and its last changes are still in the -wal file",
                           "unwritable")  # fmt: skip
    uri = f"file:{path}?immutable=1"
    try:
        db = sqlite3.connect(uri, uri=True)
        try:
            if db.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                raise LibraryError(path, "the library is damaged", "damaged")
            versions = [r[0] for r in db.execute("SELECT version_num FROM alembic_version")]
        finally:
            db.close()
    except sqlite3.Error as e:
        raise LibraryError(path, f"cannot be read ({e})", "unreadable") from None
    if versions != [max(known_revisions())]:
        raise LibraryError(path, "made by another version of the game, in a folder that takes no writes", "newer")
    return create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))


def migrate(conn: Connection) -> None:
    """Bring the library's schema to the newest revision; an upgrade keeps every row. A library already at the
    newest is left alone without importing Alembic (a quarter of the time the library takes to open)."""
    tables = set(inspect(conn).get_table_names())
    if "alembic_version" in tables:
        current = [row[0] for row in conn.exec_driver_sql("SELECT version_num FROM alembic_version")]
        if current == [head_revision()]:
            return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    if "idea" in tables and "alembic_version" not in tables:
        command.stamp(config, FIRST_REVISION)  # a library from before migrations: it has the first schema
    command.upgrade(config, "head")


def save_round(engine: Engine, rnd: Round, lang: str) -> list[int]:
    """Store a finished round: its session and every idea it kept (a workshop's with its team and dots), the
    chosen ones with their focus and promise. Returns the idea ids."""
    now = datetime.now(UTC)
    with Session(writer(engine)) as session:
        from sqlmodel import col, select

        done = session.exec(select(PlaySession.id).where(PlaySession.round_uid == rnd.uid)).first()
        if done is not None:  # this round is in the library already (a kept copy, or another window's Finish)
            kept = session.exec(select(col(Idea.id)).where(Idea.session_id == done))
            return [idea_id for idea_id in kept if idea_id is not None]
        record = PlaySession(
            round_uid=rnd.uid,
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
            )
            for field, card_id in rnd.provenance(idea.team).items():  # in a workshop, the team's own cards
                setattr(row, field, card_id)
            session.add(row)
            rows.append(row)
        session.commit()
        return [row.id for row in rows if row.id is not None]
