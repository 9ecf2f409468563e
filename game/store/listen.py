"""Hearing other computers' changes of a shared library: PostgreSQL's LISTEN on the channel migration 0004's
triggers NOTIFY. `poll` never waits and never raises: the library screen asks it on a timer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import Engine

from game.store.engine import own_backends
from game.store.pg_search import CHANNEL

if TYPE_CHECKING:
    import psycopg


class ChangeListener:
    def __init__(self, engine: Engine):
        self.engine = engine
        self._conn: psycopg.Connection[tuple[Any, ...]] | None = None
        self._missed = False  # the connection was lost: changes meanwhile went unheard
        self._closed = False
        self.poll()  # listening from now on, not from the first tick

    def _connect(self) -> psycopg.Connection[tuple[Any, ...]]:
        import psycopg

        args, kwargs = self.engine.dialect.create_connect_args(self.engine.url)
        conn = psycopg.connect(*args, **kwargs, autocommit=True)
        conn.execute(f"LISTEN {CHANNEL}")
        return conn

    def poll(self) -> bool:
        """True when another computer changed ideas or notes since the last poll (or since a lost connection)."""
        import psycopg

        if self._closed:
            return False
        try:
            if self._conn is None or self._conn.closed:
                self._conn = self._connect()
                if self._missed:
                    self._missed = False
                    return True
            ours = own_backends(self.engine)
            return any(note.pid not in ours for note in self._conn.notifies(timeout=0))
        except psycopg.Error:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            self._missed = True
            return False

    def close(self) -> None:
        """Stop listening for good (a later `poll` says nothing and connects to nothing)."""
        self._closed = True
        if self._conn is not None:
            self._conn.close()
            self._conn = None
