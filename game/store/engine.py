"""Which library, and opening it by URL: the SQLite file in the data folder (the default) or a PostgreSQL database.

The one place engines are made. `open_library(data_dir)` (game.store.db) stays the SQLite door every existing
caller uses; `open_url` opens any library URL:

- `sqlite:///path/to/library.sqlite3` — a file (the default: `library.sqlite3` in the data folder);
- `postgresql://user@host/db`, `postgresql:///db?host=/socket/dir`, `postgresql:///?service=name` — a server,
  through psycopg 3 (`postgresql+psycopg`).

Passwords follow PostgreSQL's own conventions: libpq reads `~/.pgpass`, `PGPASSWORD` and service files itself.
A password typed into a URL works for that run but is never stored or printed: `safe_url` strips it.
"""

from __future__ import annotations

import os
import weakref
from pathlib import Path
from urllib.parse import urlencode

from sqlalchemy import event, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.engine.url import URL
from sqlalchemy.exc import ArgumentError, DatabaseError, InterfaceError, OperationalError
from sqlmodel import create_engine

from game.store import db
from game.store.db import DB_NAME, LibraryError
from game.store.quick import CHOICE_FILE, ENV, chosen_url, default_url, stored_choice  # noqa: F401  (read early)

PG_DRIVER = "postgresql+psycopg"
NOTIFY_CHANNEL = "technomagic_library"  # migration 0004's trigger sends it on every change of an idea
_MIGRATION_LOCK = 724_201  # pg_advisory_xact_lock key: two laptops opening a new library take turns
_read_only: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()
_backends: weakref.WeakKeyDictionary[Engine, set[int]] = weakref.WeakKeyDictionary()


class BadLibraryUrl(ValueError):
    """A library URL that is neither a SQLite file nor a PostgreSQL database."""


def parse(url: str) -> URL:
    """The URL with the driver this game uses; raises BadLibraryUrl with a plain reason."""
    try:
        parsed = make_url(url.strip())
    except ArgumentError:
        raise BadLibraryUrl(f"{url!r} is not a library URL (sqlite:///FILE or postgresql://user@host/db)") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            raise BadLibraryUrl(f"{safe_url(url)}: a SQLite library needs a file (sqlite:///path/library.sqlite3)")
        return parsed.set(drivername="sqlite")
    if backend in ("postgresql", "postgres"):
        return parsed.set(drivername=PG_DRIVER)
    raise BadLibraryUrl(f"{safe_url(url)}: a library is a SQLite file or a PostgreSQL database, not {backend}")


def safe_url(url: str | URL) -> str:
    """The URL as it may be shown or stored: without its password, and with the driver a person wrote."""
    try:
        parsed = make_url(url) if isinstance(url, str) else url
    except ArgumentError:
        return "<not a URL>"
    if isinstance(url, str) and parsed.password is None and "password" not in {k.lower() for k in parsed.query}:
        return url.strip()  # nothing to hide: as the person wrote it
    if parsed.drivername == PG_DRIVER:
        parsed = parsed.set(drivername="postgresql")
    query = {k: v for k, v in parsed.query.items() if k.lower() != "password"}
    bare = URL.create(parsed.drivername, parsed.username, None, parsed.host, parsed.port, parsed.database)
    shown = bare.render_as_string(hide_password=False)
    return f"{shown}?{urlencode(query, doseq=True, safe='/')}" if query else shown  # a socket folder stays legible


def is_postgres(engine_or_url: Engine | str) -> bool:
    if isinstance(engine_or_url, Engine):
        return engine_or_url.dialect.name == "postgresql"
    return parse(engine_or_url).get_backend_name() == "postgresql"


def store_choice(data_dir: Path, url: str | None) -> None:
    """Remember the library for the next start (None: back to the file in the data folder); never a password."""
    path = data_dir / CHOICE_FILE
    if url is None or url == default_url(data_dir):
        path.unlink(missing_ok=True)
        return
    parse(url)
    data_dir.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(safe_url(url) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def open_url(url: str, data_dir: Path | None = None) -> Engine:
    """Open (creating and migrating when needed) the library at `url`; raises LibraryError or BadLibraryUrl."""
    parsed = parse(url)
    if parsed.get_backend_name() == "sqlite":
        assert parsed.database, "parse() refuses a SQLite URL without a file"
        path = Path(parsed.database).expanduser()
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.name == DB_NAME:
            return db.open_library(path.parent)
        return _open_sqlite_file(path)
    return _open_postgres(parsed)


def _open_sqlite_file(path: Path) -> Engine:
    """A SQLite library under another name than library.sqlite3: the same pragmas and migrations."""
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", db._sqlite_pragmas)
    event.listen(engine, "begin", db._sqlite_begin)
    try:
        with engine.connect() as conn:
            conn.info["migrating"] = True
            try:
                with conn.begin():
                    conn.exec_driver_sql("PRAGMA schema_version").fetchone()
                    db.migrate(conn)
            finally:
                conn.info.pop("migrating", None)
    except (DatabaseError, OperationalError) as e:
        engine.dispose()
        raise LibraryError(path, f"not a readable idea library ({e.orig})") from None
    return engine


def _open_postgres(parsed: URL) -> Engine:
    shown = safe_url(parsed)
    engine = create_engine(
        parsed,
        # times are stored in UTC without a zone, as on SQLite, whatever the server's own zone
        connect_args={"options": "-c timezone=UTC", "connect_timeout": 5, "application_name": "technomagic"},
        pool_pre_ping=True,  # a server restarted meanwhile: the next query gets a fresh connection
        hide_parameters=True,  # ideas never end up in error messages or logs
    )
    backends: set[int] = set()
    _backends[engine] = backends
    event.listen(engine, "connect", lambda dbapi, _record: backends.add(dbapi.info.backend_pid))
    try:
        with engine.connect() as conn:
            writable = conn.execute(text("SELECT pg_catalog.has_database_privilege(current_database(), 'CREATE')"))
            can_create = bool(writable.scalar())
            tables = set(conn.execute(text("SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = "
                                           "current_schema()")).scalars())  # fmt: skip
            if "idea" in tables:
                can_write = bool(conn.execute(text("SELECT has_table_privilege('idea', 'UPDATE')")).scalar())
            else:
                can_write = can_create
            conn.rollback()
            if can_write:
                with conn.begin():
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
                    db.migrate(conn)
            elif "idea" not in tables:
                raise LibraryError(shown, "the database has no idea library yet and this role may not create one")
            elif not _at_head(conn):
                raise LibraryError(shown, "the library needs an upgrade that only a role allowed to write can make")
    except (DatabaseError, OperationalError, InterfaceError) as e:
        engine.dispose()
        raise LibraryError(shown, f"cannot open the library ({_reason(e)})") from None
    except LibraryError:
        engine.dispose()
        raise
    _read_only[engine] = not can_write
    return engine


def _at_head(conn: Connection) -> bool:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(db.MIGRATIONS))
    current = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return set(current) == set(script.get_heads())


def _reason(error: Exception) -> str:
    """The server's one-line reason (libpq's messages name the host, never a password)."""
    orig = getattr(error, "orig", None) or error
    return " ".join(str(orig).split()) or type(orig).__name__


def own_backends(engine: Engine) -> set[int]:
    """The server processes of this engine's own connections: their NOTIFYs are our own changes."""
    return _backends.get(engine, set())


def read_only(engine: Engine) -> bool:
    """True for a library opened by a role that may read but not change ideas."""
    return _read_only.get(engine, False)


def describe(engine: Engine) -> str:
    """Where the library lives, for people: the file, or the server's URL without a password."""
    if engine.dialect.name == "sqlite":
        return str(engine.url.database)
    return safe_url(engine.url)
