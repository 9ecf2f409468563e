"""Moving a library: every round, idea and note from one library to another (SQLite ⇄ PostgreSQL), ids kept.

Resumable: each batch is committed on its own, and a copy that was stopped goes on after the last row the target
already has (the target must be empty or an earlier copy of the same source). The counts are compared at the
end. Onto PostgreSQL the rows go through COPY (100 000 ideas in seconds); onto SQLite through executemany.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.engine import Connection, Engine

from game.store.models import Idea, IdeaNote, PlaySession

TABLES: tuple[Table, ...] = (PlaySession.__table__, Idea.__table__, IdeaNote.__table__)
BATCH = 5000


class CopyError(Exception):
    """The copy cannot go on, or did not end with the same counts; one line says why."""


@dataclass
class CopyResult:
    copied: dict[str, int] = field(default_factory=dict)  # rows copied by this run, per table
    total: dict[str, int] = field(default_factory=dict)  # rows in the target at the end, per table
    resumed: bool = False


def _columns(table: Table, target: Engine) -> list[str]:
    names = [c.name for c in table.c]
    with target.connect() as conn:  # a target at another revision may lack a column (or have one more)
        there = {r[0] for r in conn.execute(select(table).limit(0)).cursor.description}
    return [n for n in names if n in there]


def _max_id(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one())


def _same_row(source: Engine, target: Engine, table: Table, row_id: int) -> bool:
    key = [c for c in ("title", "text", "scenario_id", "idea_id") if c in table.c]
    statement = select(*(table.c[k] for k in key)).where(table.c.id == row_id)
    with source.connect() as a, target.connect() as b:
        return a.execute(statement).first() == b.execute(statement).first()


def _insert(conn: Connection, table: Table, names: list[str], rows: list[tuple[Any, ...]]) -> None:
    if conn.dialect.name == "postgresql":
        raw = conn.connection.driver_connection
        if raw is None:  # the pool let the connection go (it was invalidated)
            raise CopyError("the connection to the target library was lost")
        quoted = ", ".join(f'"{n}"' for n in names)
        with raw.cursor() as cursor, cursor.copy(f"COPY {table.name} ({quoted}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        conn.execute(insert(table), [dict(zip(names, row, strict=True)) for row in rows])


def copy_library(
    source: Engine, target: Engine, progress: Callable[[int, int], None] | None = None, batch: int = BATCH
) -> CopyResult:
    """Copy everything `source` has that `target` has not yet; `progress(done, total)` after every batch."""
    result = CopyResult()
    with source.connect() as conn:
        wanted = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in TABLES}
    total = sum(wanted.values())
    done = 0
    for table in TABLES:
        names = _columns(table, target)
        with target.connect() as conn:
            start = _max_id(conn, table)
            have = conn.execute(select(func.count()).select_from(table)).scalar_one()
        if start and not _same_row(source, target, table, start):
            raise CopyError(f"the target already has other {table.name} rows: copy into an empty library")
        result.resumed = result.resumed or have > 0
        done += have
        copied = 0
        with source.connect() as reading:
            rows = reading.execution_options(yield_per=batch).execute(
                select(*(table.c[n] for n in names)).where(table.c.id > start).order_by(table.c.id)
            )
            for chunk in rows.partitions(batch):
                with target.begin() as writing:
                    _insert(writing, table, names, [tuple(r) for r in chunk])
                copied += len(chunk)
                done += len(chunk)
                if progress:
                    progress(done, total)
        result.copied[table.name] = copied
    if target.dialect.name == "postgresql":
        with target.begin() as conn:  # new rows on the target number on after the copied ones
            for table in TABLES:
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                  f"(SELECT coalesce(max(id), 0) + 1 FROM {table.name}), false)"))  # fmt: skip
        with target.connect() as conn:  # statistics for the planner; a visibility map so counts skip the table
            conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE"))
    with target.connect() as conn:
        result.total = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in TABLES}
    for name, count in wanted.items():
        if result.total[name] != count:
            raise CopyError(f"{name}: the source has {count} rows, the target {result.total[name]}")
    if progress:
        progress(total, total)
    return result
