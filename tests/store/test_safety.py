"""Nothing is ever lost: backups, and a library that cannot be trusted is never written to (issue 13).

Each fault is made as a user meets it: a page of a real library overwritten with garbage, a zero-length file,
a library from a newer version, a folder that takes no writes, a full disk, two imports at once, a kill in the
middle of a backup.
"""

import contextlib
import errno
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import Session

from game.cli import main
from game.io import atomic
from game.store import backup, ideas
from game.store.db import DB_NAME, LibraryError, check_library, open_library, save_round
from game.store.models import Idea
from game.store.textsearch import index_text
from tests.conftest import ROOT
from tests.library_data import ideas_json


def make_library(data_dir: Path, n: int = 400) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    engine = open_library(data_dir)
    with Session(engine) as s:
        for i in range(n):
            title = f"Idea number {i}: tea in the queue"
            s.add(Idea(title=title, text=title + " for every client " * 5, search_text=index_text(title)))
        s.commit()
    engine.dispose()  # the last connection checkpoints: the file alone holds the library
    return data_dir / DB_NAME


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage_a_page(path: Path) -> None:
    """Overwrite one page in the middle of the idea table with garbage, as a failing disk would."""
    db = sqlite3.connect(path)
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    leaves = [r[0] for r in db.execute("SELECT pageno FROM dbstat WHERE name = 'idea' AND pagetype = 'leaf'")]
    db.close()
    data = bytearray(path.read_bytes())
    victim = leaves[len(leaves) // 2]  # a leaf in the middle of the idea table: a few dozen ideas on it
    data[(victim - 1) * page_size : victim * page_size] = bytes((i * 7 + 3) % 251 for i in range(page_size))
    path.write_bytes(bytes(data))
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert db.execute("PRAGMA quick_check").fetchall() != [("ok",)]  # the fault is real
    except sqlite3.DatabaseError as e:
        assert "malformed" in str(e)
    finally:
        db.close()


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "game", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=ROOT,
    )


def one_line(out: subprocess.CompletedProcess) -> str:
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert "Traceback" not in out.stderr
    return lines[0]


# --- backups ----------------------------------------------------------------------------------------------


def test_a_backup_is_checked_listed_and_restored_with_the_current_file_set_aside(tmp_path, capsys):
    data = tmp_path / "data"
    make_library(data, 5)
    assert main(["--data-dir", str(data), "backup", "now"]) == 0
    assert capsys.readouterr().out.strip().endswith(": 5 ideas")
    engine = open_library(data)
    with Session(engine) as s:
        s.add(Idea(title="typed after the backup", text="x", search_text="x"))
        s.commit()
    engine.dispose()
    assert main(["--data-dir", str(data), "backup", "list"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert line.split("\t")[2:] == ["5 ideas", "manual"]
    assert main(["--data-dir", str(data), "backup", "restore", "latest"]) == 0
    said = capsys.readouterr().out
    assert said.startswith("restored library-") and "(5 ideas)" in said
    assert check_library(data / DB_NAME) == 5
    [aside] = data.glob(f"{DB_NAME}.before-restore-*")
    assert check_library(aside) == 6  # the library it replaced, intact beside it


def test_rotation_keeps_the_last_ten_one_a_day_for_a_week_and_one_a_week_for_a_month(tmp_path):
    data = tmp_path / "data"
    make_library(data, 1)
    now = datetime(2026, 12, 1, 12, 0)
    taken = [now - timedelta(hours=hours) for hours in range(24 * 60, -1, -6)]  # every six hours for 60 days
    for when in taken:
        backup.take(data, "", now=when)
    kept = backup.backups(data)
    assert [b.taken for b in kept[:10]] == taken[::-1][:10]  # the last ten
    days = {b.taken.date() for b in kept if now - b.taken <= timedelta(days=7)}
    assert len(days) == 8  # each of the last seven days (and today)
    assert all(now - b.taken <= timedelta(days=31) for b in kept)  # nothing older than a month
    weeks = {b.taken.isocalendar()[:2] for b in kept}
    assert len(weeks) >= 5 and len(kept) <= 10 + 8 + 6


def test_a_backup_that_fails_its_check_is_deleted_and_said(tmp_path, monkeypatch):
    data = tmp_path / "data"
    make_library(data, 3)

    def bad(path, full=False):
        raise backup.BackupError(f"{path}: damaged (test)")

    monkeypatch.setattr(backup, "check_file", bad)
    with pytest.raises(backup.BackupError, match="the backup failed and was deleted"):
        backup.take(data)
    assert list((data / "backups").iterdir()) == []


def test_an_import_and_a_migration_take_a_backup_first(tmp_path):
    data = tmp_path / "data"
    make_library(data, 2)
    source = tmp_path / "new.json"
    ideas_json(source, [{"title": "Imported", "text": "Imported idea"}])
    assert main(["--data-dir", str(data), "import", str(source)]) == 0
    [before] = backup.backups(data)
    assert before.reason == "import" and before.ideas() == 2


KILLED_BACKUP = """
import sys, time
from pathlib import Path
from game.store import backup
def slow_check(path, full=False):
    print("copied", flush=True)  # the copy is written, not yet checked nor renamed
    time.sleep(60)
backup.check_file = slow_check
backup.take(Path(sys.argv[1]))
"""


def test_a_kill_during_a_backup_leaves_no_half_backup_and_the_leftover_is_cleaned(tmp_path):
    data = tmp_path / "data"
    make_library(data, 50)
    good = backup.take(data)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", KILLED_BACKUP, str(data)], stdout=subprocess.PIPE, text=True,
                            env=env, cwd=ROOT)  # fmt: skip
    try:
        assert proc.stdout.readline().strip() == "copied"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        proc.stdout.close()
    leftovers = [p for p in (data / "backups").iterdir() if p.name.startswith(atomic.TEMP_PREFIX)]
    assert len(leftovers) == 1
    assert [b.path for b in backup.backups(data)] == [good.path]  # the half backup is never one of them
    assert atomic.clean_leftovers(data) == leftovers
    assert sorted((data / "backups").iterdir()) == [good.path]


# --- a library that cannot be trusted ---------------------------------------------------------------------


def test_a_damaged_page_stops_search_and_import_with_one_line_and_nothing_is_written(tmp_path):
    data = tmp_path / "data"
    path = make_library(data)
    backup.take(data)
    damage_a_page(path)
    before = digest(path)
    out = cli(data, "search", "tea")
    assert out.returncode == 2 and out.stdout == ""
    line = one_line(out)
    assert "the library is damaged" in line and line.endswith("(400 ideas): technomagic backup restore latest")
    source = tmp_path / "new.json"
    ideas_json(source, [{"title": "New", "text": "New idea"}])
    out = cli(data, "import", str(source))
    assert out.returncode == 2 and "the library is damaged" in one_line(out)
    assert cli(data, "export", "--format", "json", "--out", str(tmp_path / "o.json")).returncode == 2
    assert digest(path) == before
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    assert cli(data, "check-library").returncode == 2
    restored = cli(data, "backup", "restore", "latest")
    assert restored.returncode == 0, restored.stderr
    ok = cli(data, "check-library")
    assert ok.returncode == 0 and ok.stdout.strip().endswith(": ok, 400 ideas")


def test_a_zero_length_library_is_never_silently_recreated_when_backups_exist(tmp_path):
    data = tmp_path / "data"
    path = make_library(data, 3)
    backup.take(data)
    path.write_bytes(b"")
    out = cli(data, "search", "")
    assert out.returncode == 2
    assert "empty (0 bytes)" in one_line(out)
    assert path.stat().st_size == 0
    with pytest.raises(LibraryError) as info:
        open_library(data)
    assert info.value.kind == "empty" and path.stat().st_size == 0


def test_a_library_from_a_newer_version_is_named_without_a_traceback_and_left_alone(tmp_path):
    data = tmp_path / "data"
    path = make_library(data, 3)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = '0099'")
    db.close()
    before = digest(path)
    for args in (["search", "tea"], ["import", str(tmp_path / "x.json")], ["export", "--format", "csv",
                                                                           "--out", str(tmp_path / "o.csv")]):
        ideas_json(tmp_path / "x.json", [{"title": "a", "text": "b"}])
        out = cli(data, *args)
        assert out.returncode == 2, args
        assert "made by a newer version of the game (library version 0099)" in one_line(out)
    assert digest(path) == before
    assert not (data / "backups").exists()  # not even a migration backup: nothing is migrated


def tmpfs_disk(tmp_path: Path):
    """A real tmpfs (root only): `remount(ro=True)` makes it read-only; its size makes it full."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip("mounting a tmpfs needs root (the ENOSPC fake below covers the rest)")

    def remount(ro: bool) -> None:
        subprocess.run(["mount", "-o", f"remount,{'ro' if ro else 'rw'}", str(mount)], check=True)

    yield mount, remount
    subprocess.run(["umount", "-l", str(mount)], capture_output=True)


@pytest.fixture
def small_disk(tmp_path):
    yield from tmpfs_disk(tmp_path)


def test_an_intact_library_in_a_read_only_folder_is_not_called_unreadable(small_disk):
    small_disk, remount = small_disk
    data = small_disk / "data"
    path = make_library(data, 3)
    remount(True)
    out = cli(data, "search", "tea")  # reading needs no writes: the library opens read-only
    assert out.returncode == 0 and out.stdout.count("\n") == 3
    assert one_line(out) == f"technomagic: note: {data} takes no writes; the library is read-only"
    source = ideas_json(small_disk.parent / "new.json", [{"title": "New", "text": "New idea"}])
    out = cli(data, "import", str(source))  # writing does: one line, never "not a readable idea library"
    line = one_line(out)
    assert out.returncode == 2 and "its folder takes no writes" in line and "not a readable" not in line
    remount(False)
    assert check_library(path) == 3


def test_a_full_disk_during_an_import_adds_nothing_and_says_so(small_disk, tmp_path):
    small_disk, _ = small_disk
    data = small_disk / "data"
    path = make_library(data, 3)
    with open(small_disk / "filler", "ab") as f, contextlib.suppress(OSError):
        while True:
            f.write(b"\0" * 65536)
            f.flush()
    source = tmp_path / "big.json"
    ideas_json(source, [{"title": f"t{i}", "text": "x" * 400} for i in range(2000)])
    out = cli(data, "import", str(source))
    assert out.returncode == 2 and "Traceback" not in out.stderr
    (small_disk / "filler").unlink()
    assert check_library(path) == 3
    assert [p for p in data.rglob(f"{atomic.TEMP_PREFIX}*")] == []


def test_a_full_disk_during_a_backup_leaves_no_temporary_file(tmp_path, monkeypatch):
    """The same as a user meets it without root: the copy's write raises ENOSPC."""
    data = tmp_path / "data"
    make_library(data, 3)

    def full(path):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "_fsync", full)
    with pytest.raises(backup.BackupError, match="No space left on device"):
        backup.take(data)
    assert list((data / "backups").iterdir()) == []


# --- busy library, round ids --------------------------------------------------------------------------------


def test_an_import_waits_for_another_writer_instead_of_failing(tmp_path):
    data = tmp_path / "data"
    make_library(data, 3)
    source = tmp_path / "new.json"
    ideas_json(source, [{"title": f"New {i}", "text": f"idea {i}"} for i in range(50)])
    other = sqlite3.connect(data / DB_NAME, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another import (or the game's save) is writing
    other.execute("INSERT INTO idea (title, text, focus, score, checks_json, dots, promise_who, "
                  "promise_first_step, promise_success_sign, status, tags, team, player, created_at, updated_at, "
                  "search_text) VALUES ('theirs', 'theirs', '', 0, '{}', 0, '', '', '', 'new', '', '', '', "
                  "'2026-01-01', '2026-01-01', 'theirs')")  # fmt: skip
    release = threading.Timer(1.5, lambda: other.execute("COMMIT"))
    release.start()
    try:
        out = cli(data, "import", str(source))
    finally:
        release.join()
        other.close()
    assert out.returncode == 0, out.stderr
    assert check_library(data / DB_NAME) == 3 + 1 + 50


def test_two_imports_at_once_both_land(tmp_path):
    data = tmp_path / "data"
    make_library(data, 1)
    files = []
    for name in ("a", "b"):
        source = tmp_path / f"{name}.json"
        ideas_json(source, [{"title": f"{name} {i}", "text": f"{name} idea {i}"}
                                                for i in range(3000)])
        files.append(source)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen([sys.executable, "-m", "game", "--data-dir", str(data), "import", str(f)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
        for f in files
    ]  # fmt: skip
    results = [(*p.communicate(timeout=300), p.returncode) for p in procs]
    assert [r[2] for r in results] == [0, 0], [r[1] for r in results]
    assert check_library(data / DB_NAME) == 6001


def test_the_same_round_is_saved_once(tmp_path, content):
    from game.domain.round import new_round
    from game.domain.workshop import load_state

    rnd = new_round(content.scenarios["solo-spark"], content, seed=2)
    rnd.add_idea("Tea in the queue")
    engine = open_library(tmp_path)
    try:
        first = save_round(engine, rnd, "en")
        again = save_round(engine, load_state(rnd.to_json(), content), "en")  # the kept copy, saved later
        assert again == first
        assert ideas.count(engine, ideas.IdeaFilter()) == len(first)
    finally:
        engine.dispose()
    with sqlite3.connect(tmp_path / DB_NAME) as raw:
        assert raw.execute("SELECT count(*) FROM play_session").fetchone() == (1,)
        with pytest.raises(sqlite3.IntegrityError):
            raw.execute("INSERT INTO play_session (scenario_id, mode, lang, started_at, state_json, round_uid) "
                        "SELECT scenario_id, mode, lang, started_at, state_json, round_uid FROM play_session")
    raw.close()


# --- writes that survive ------------------------------------------------------------------------------------


def test_leftovers_of_killed_writes_are_cleaned_and_only_ours(tmp_path):
    data = tmp_path / "data"
    (data / "unsaved").mkdir(parents=True)
    dead = 2**22 + 12345  # beyond pid_max's default: no such process
    ours = [data / f"{atomic.TEMP_PREFIX}{dead}-round-in-play.json.x.tmp", data / "round-in-play.tmp"]
    alive = data / f"{atomic.TEMP_PREFIX}{os.getpid()}-library.sqlite3"  # a write under way in a live process
    theirs = [data / ".library.sqlite3.abc.tmp", data / "notes.tmp"]
    elsewhere = tmp_path / "exports"
    elsewhere.mkdir()
    export_tmp = elsewhere / f"{atomic.TEMP_PREFIX}{dead}-ideas.csv.q1w2.tmp"
    other_file = elsewhere / "ideas.csv"
    for p in [*ours, alive, *theirs, export_tmp, other_file]:
        p.write_text("x")
    (data / atomic.PENDING).mkdir()
    (data / atomic.PENDING / str(dead)).write_text(f"{export_tmp}\n{other_file}\n")
    removed = atomic.clean_leftovers(data)
    assert sorted(removed) == sorted([*ours, export_tmp])
    assert alive.exists() and all(p.exists() for p in theirs) and other_file.exists()
    assert not (data / atomic.PENDING / str(dead)).exists()


def test_an_export_killed_half_way_is_recorded_and_cleaned_at_the_next_start(tmp_path):
    data = tmp_path / "data"
    make_library(data, 3)
    target = tmp_path / "out" / "ideas.csv"
    target.parent.mkdir()
    script = (
        "import sys, time\nfrom pathlib import Path\nfrom game.io import atomic\n"
        "atomic.record_pending_in(Path(sys.argv[1]))\n"
        "with atomic.atomic_path(Path(sys.argv[2])) as tmp:\n"
        "    tmp.write_text('half')\n    print('writing', flush=True)\n    time.sleep(60)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", script, str(data), str(target)], stdout=subprocess.PIPE,
                            text=True, env=env, cwd=ROOT)  # fmt: skip
    try:
        assert proc.stdout.readline().strip() == "writing"
        [left] = target.parent.iterdir()
        assert left.name.startswith(atomic.TEMP_PREFIX)
        assert atomic.clean_leftovers(data) == []  # its writer is still alive: left alone
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        proc.stdout.close()
    assert atomic.clean_leftovers(data) == [left]
    assert list(target.parent.iterdir()) == []


def test_an_atomic_write_flushes_the_file_and_its_folder(tmp_path, monkeypatch):
    synced = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(os.fstat(fd).st_mode), real(fd))[1])
    atomic.write_text_atomically(tmp_path / "a.json", "{}")
    import stat

    assert [stat.S_ISREG(m) for m in synced] == [True, False]  # the file, then the folder
    assert (tmp_path / "a.json").read_text() == "{}"
    time.sleep(0)
