"""Rescue what can still be read from a damaged library into a new one.

SQLite's `.recover` lives in its command-line shell, not in Python's `sqlite3`: we read the damaged file table by
table, a range of rows at a time, then row by row inside a range that fails, and skip what cannot be read. The
new library is made through the real schema (migrations), filled, indexed for search, checked, and only then put
in place; the damaged file is set aside as `library.sqlite3.before-restore-STAMP`, never deleted.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from game.io.atomic import fsync_folder, temp_name
from game.store.backup import DB_NAME, check_file

TABLES = ("play_session", "idea", "idea_note")  # parents first: notes need their ideas
CHUNK = 200


@dataclass
class Rescued:
    ideas: int
    skipped_rows: int
    aside: Path


def _rowid_span(db: sqlite3.Connection, table: str) -> tuple[int, int]:
    try:
        low, high = db.execute(f"SELECT min(rowid), max(rowid) FROM {table}").fetchone()
    except sqlite3.DatabaseError:
        low, high = None, None
    if low is None:  # the table's index pages are unreadable: try every row id up to a generous bound
        return 1, 0
    return int(low), int(high)


def _read(db: sqlite3.Connection, table: str, columns: list[str]) -> tuple[list[tuple[Any, ...]], int]:
    rows: list[tuple[Any, ...]] = []
    skipped = 0
    shown = ", ".join(f'"{c}"' for c in columns)
    low, high = _rowid_span(db, table)
    for start in range(low, high + 1, CHUNK):
        end = min(high, start + CHUNK - 1)
        try:
            rows += db.execute(
                f"SELECT {shown} FROM {table} WHERE rowid BETWEEN ? AND ?",
                (start, end),
            ).fetchall()
            continue
        except sqlite3.DatabaseError:
            pass
        for rowid in range(start, end + 1):  # a damaged range: one row at a time
            try:
                rows += db.execute(f"SELECT {shown} FROM {table} WHERE rowid = ?", (rowid,)).fetchall()
            except sqlite3.DatabaseError:
                skipped += 1
    return rows, skipped


def rescue(data_dir: Path, now: datetime | None = None) -> Rescued:
    """Read what can be read of `data_dir/library.sqlite3` into a new library that takes its place."""
    from game.store.db import open_library

    now = now or datetime.now()
    damaged = data_dir / DB_NAME
    work = data_dir / temp_name("rescue")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    try:
        engine = open_library(work, check=False)
        engine.dispose()
        fresh = sqlite3.connect(work / DB_NAME)
        source = sqlite3.connect(f"file:{damaged}?mode=ro", uri=True)
        skipped = 0
        try:
            fresh.execute("PRAGMA foreign_keys=OFF")
            for table in TABLES:
                wanted = [r[1] for r in fresh.execute(f"PRAGMA table_info({table})")]
                try:
                    have = {r[1] for r in source.execute(f"PRAGMA table_info({table})")}
                except sqlite3.DatabaseError:
                    have = set()
                columns = [c for c in wanted if c in have]
                if "id" not in columns:
                    continue
                rows, lost = _read(source, table, columns)
                skipped += lost
                marks = ", ".join("?" for _ in columns)
                shown = ", ".join(f'"{c}"' for c in columns)
                fresh.executemany(f"INSERT OR IGNORE INTO {table} ({shown}) VALUES ({marks})", rows)
            fresh.execute("DELETE FROM idea_note WHERE idea_id NOT IN (SELECT id FROM idea)")
            fresh.execute("UPDATE idea SET session_id = NULL WHERE session_id NOT IN (SELECT id FROM play_session)")
            fresh.commit()
            from game.store.sqlite_search import rebuild_statements

            for statement in rebuild_statements():
                fresh.execute(statement)
            fresh.commit()
            fresh.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            source.close()
            fresh.close()
        count = check_file(work / DB_NAME)
        aside = data_dir / f"{DB_NAME}.before-restore-{now:%Y%m%d-%H%M%S}"
        for suffix in ("", "-wal", "-shm"):
            part = Path(f"{damaged}{suffix}")
            if part.exists():
                os.replace(part, Path(f"{aside}{suffix}"))
        for suffix in ("-wal", "-shm"):
            Path(f"{work / DB_NAME}{suffix}").unlink(missing_ok=True)
        os.replace(work / DB_NAME, damaged)
        fsync_folder(data_dir)
        return Rescued(count, skipped, aside)
    finally:
        shutil.rmtree(work, ignore_errors=True)
