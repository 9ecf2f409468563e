"""Backups of the idea library, as Anki keeps them: a checked copy before every import and migration, and when
the library changed (on close, and at most every 30 minutes while the game runs), rotated so that the last ten,
one a day for a week and one a week for a month stay.

Plain `sqlite3` only (no SQLAlchemy): the online backup API copies a library that is in use without stopping
its writers (WAL). Python's sqlite3 holds the interpreter lock for tens of milliseconds at a time while it copies
and checks, so the game takes its periodic backups in a process of its own (`technomagic backup now
--if-changed`), never in a thread beside the UI.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from game.io.atomic import fsync_folder, temp_name

DB_NAME = "library.sqlite3"  # the same name as `game.store.db.DB_NAME` (that module imports SQLAlchemy)
FOLDER = "backups"
KEEP_LAST = 10
DAILY_DAYS = 7
WEEKLY_DAYS = 31
PERIOD_S = 30 * 60  #: while the game runs, a changed library is backed up at most this often
STEP_PAGES = -1  #: the whole file in one step (a read snapshot in WAL: writers go on meanwhile); fastest
_NAME = re.compile(r"library-(\d{8}-\d{6})(?:-(\d+))?(?:-([a-z]+))?\.sqlite3")


class BackupError(Exception):
    """A backup could not be taken, checked or restored; the message says which file and why."""


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime  # local time, from the name
    reason: str
    count: int | None = None  # ideas, when just checked

    @property
    def name(self) -> str:
        return self.path.name

    def ideas(self) -> int | None:
        """How many ideas it holds, or None when it cannot be read."""
        if self.count is not None:
            return self.count
        try:
            return check_file(self.path)
        except BackupError:
            return None


def folder(data_dir: Path) -> Path:
    return data_dir / FOLDER


def check_file(path: Path, full: bool = False) -> int:
    """Open a library file read-only, check its pages and count its ideas; raises BackupError."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as e:
        raise BackupError(f"{path}: cannot be opened ({e})") from None
    try:
        rows = db.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchall()
        if rows != [("ok",)]:
            raise BackupError(f"{path}: damaged ({'; '.join(str(r[0]) for r in rows[:3])})")
        return int(db.execute("SELECT count(*) FROM idea").fetchone()[0])
    except sqlite3.Error as e:
        raise BackupError(f"{path}: damaged ({e})") from None
    finally:
        db.close()


def _checkpoint(path: Path) -> None:
    """Move what the write-ahead log holds into the file, so that the file alone is the whole library."""
    try:
        db = sqlite3.connect(path, timeout=10)
        try:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            db.close()
    except sqlite3.Error:
        pass  # a damaged library keeps its log beside it, under the same set-aside name


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def take(data_dir: Path, reason: str = "", now: datetime | None = None) -> Backup | None:
    """Copy the library into `backups/`, check the copy, then rotate. None when there is no library to copy.

    The copy is written under a temporary name of ours and renamed only once checked: a kill during a backup
    leaves a leftover that the next start removes, never a half backup among the good ones."""
    pending = copy_checked(data_dir, reason, now)
    return pending.publish() if pending else None


@dataclass(frozen=True)
class Pending:
    """A checked copy still under its temporary name (an import's, until it commits): `publish` puts it among
    the backups and rotates them, `discard` deletes it (an import that failed changed nothing to back up)."""

    data_dir: Path
    tmp: Path
    final: Path
    taken: datetime
    reason: str
    count: int

    def publish(self) -> Backup:
        try:
            os.replace(self.tmp, self.final)
            fsync_folder(self.final.parent)
        except OSError as e:
            self.discard()
            raise BackupError(f"{self.final}: the backup failed and was deleted ({e})") from None
        rotate(self.data_dir, self.taken)
        return Backup(self.final, self.taken, self.reason, self.count)

    def discard(self) -> None:
        for leftover in (self.tmp, Path(f"{self.tmp}-journal")):
            leftover.unlink(missing_ok=True)


def copy_checked(data_dir: Path, reason: str = "", now: datetime | None = None) -> Pending | None:
    """The library copied and checked under a temporary name in `backups/` (see `take`); None when there is no
    library to copy."""
    source = data_dir / DB_NAME
    if not source.exists() or source.stat().st_size == 0:
        return None
    now = now or datetime.now()
    target_dir = folder(data_dir)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    name = f"library-{stamp}-{now.microsecond:06d}{'-' + reason if reason else ''}.sqlite3"
    final = target_dir / name
    tmp = target_dir / temp_name(name)
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst, pages=STEP_PAGES)
                dst.execute("PRAGMA journal_mode=DELETE")  # a backup is one file, read without -wal or -shm
            finally:
                dst.close()
        finally:
            src.close()
        _fsync(tmp)
        count = check_file(tmp)
    except (sqlite3.Error, OSError, BackupError) as e:
        for leftover in (tmp, Path(f"{tmp}-journal")):
            leftover.unlink(missing_ok=True)
        raise BackupError(f"{final}: the backup failed and was deleted ({e})") from None
    return Pending(data_dir, tmp, final, now, reason, count)


def backups(data_dir: Path) -> list[Backup]:
    """Every backup, newest first."""
    found = []
    here = folder(data_dir)
    if not here.is_dir():
        return []
    for path in here.iterdir():
        m = _NAME.fullmatch(path.name)
        if m:
            taken = datetime.strptime(m[1], "%Y%m%d-%H%M%S").replace(microsecond=int(m[2] or 0))
            found.append(Backup(path, taken, m[3] or ""))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def rotate(data_dir: Path, now: datetime | None = None) -> list[Path]:
    """Delete the backups no rule keeps: the last ten, the newest of each of the last 7 days, the newest of each
    week of the last month. Returns what was deleted."""
    now = now or datetime.now()
    keep: set[Path] = set()
    days: set[date] = set()
    weeks: set[tuple[int, int]] = set()
    everything = backups(data_dir)
    for i, b in enumerate(everything):  # newest first: the first of each day or week is its newest
        if i < KEEP_LAST:
            keep.add(b.path)
        age = now - b.taken
        if age <= timedelta(days=DAILY_DAYS) and b.taken.date() not in days:
            days.add(b.taken.date())
            keep.add(b.path)
        week = b.taken.isocalendar()[:2]
        if age <= timedelta(days=WEEKLY_DAYS) and week not in weeks:
            weeks.add(week)
            keep.add(b.path)
    gone = []
    for b in everything:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            gone.append(b.path)
    return gone


def changed_since_last(data_dir: Path) -> bool:
    """The library (or its write-ahead log) was written after the newest backup was taken."""
    source = data_dir / DB_NAME
    if not source.exists() or source.stat().st_size == 0:
        return False
    newest = backups(data_dir)
    if not newest:
        return True
    written = max(p.stat().st_mtime for p in (source, Path(f"{source}-wal")) if p.exists())
    return written > newest[0].path.stat().st_mtime


def latest_good(data_dir: Path) -> tuple[Backup, int] | None:
    """The newest backup that passes the check, with its idea count."""
    for b in backups(data_dir):
        count = b.ideas()
        if count is not None:
            return b, count
    return None


def find(data_dir: Path, which: str) -> Backup:
    """`latest` (the newest good one) or a backup's file name."""
    if which == "latest":
        good = latest_good(data_dir)
        if good is None:
            raise BackupError(f"{folder(data_dir)}: no good backup to restore")
        return good[0]
    for b in backups(data_dir):
        if b.name == which or b.path.stem == which:
            return b
    raise BackupError(f"{folder(data_dir) / which}: no such backup (see `technomagic backup list`)")


def restore(data_dir: Path, which: str = "latest", now: datetime | None = None) -> tuple[Backup, int, Path | None]:
    """Put a checked backup in place of the library. The current file (and its -wal, -shm) is set aside as
    `library.sqlite3.before-restore-STAMP`, never deleted. Returns the backup, its idea count and where the old
    library went (None when there was none)."""
    chosen = find(data_dir, which)
    count = check_file(chosen.path)
    now = now or datetime.now()
    current = data_dir / DB_NAME
    tmp = data_dir / temp_name(DB_NAME)
    try:
        src = sqlite3.connect(f"file:{chosen.path}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        _fsync(tmp)
        aside = None
        if current.exists():
            if Path(f"{current}-wal").exists():
                _checkpoint(current)
            aside = data_dir / f"{DB_NAME}.before-restore-{now:%Y%m%d-%H%M%S}"
            for suffix in ("-wal", "-shm", ""):  # the log first: a library is never left without its log
                part = Path(f"{current}{suffix}")
                if part.exists():
                    os.replace(part, Path(f"{aside}{suffix}"))
        os.replace(tmp, current)
        fsync_folder(data_dir)
    except (sqlite3.Error, OSError) as e:
        tmp.unlink(missing_ok=True)
        raise BackupError(f"{current}: could not restore {chosen.name} ({e})") from None
    return chosen, count, aside
