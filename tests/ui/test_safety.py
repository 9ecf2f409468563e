"""Nothing is ever lost, in the app: a library that cannot be trusted is said and never written to, backups are
listed and restored after one question, rounds that failed to save come back, and a crash says where its log is.
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from game.domain.limits import NAME_CHARS
from game.store import backup
from game.store.db import DB_NAME, check_library
from game.ui.autosave import AUTOSAVE_FILE
from game.ui.safety import BackupsDialog, LibraryProblem, UnsavedRounds
from game.ui.screens import HomeScreen, SummaryScreen
from tests.conftest import ROOT
from tests.play import play_to_end
from tests.store.test_safety import damage_a_page, digest, make_library, tmpfs_disk
from tests.ui.conftest import click, when_modal


def answer(button: QMessageBox.StandardButton, seen: list):
    def press(box) -> None:
        seen.append((box.text(), box.defaultButton() is box.button(QMessageBox.StandardButton.No)))
        box.button(button).click()

    return when_modal(press)


def home_notice(qtbot, win, key: str):
    def shown() -> bool:
        screen = win.current_screen()
        panel = screen.notice.get(key) if isinstance(screen, HomeScreen) else None
        try:
            return panel is not None and panel.isVisible()
        except RuntimeError:  # replaced while we looked
            return False

    qtbot.waitUntil(shown, timeout=10_000)
    return win.current_screen().notice[key]


def test_a_damaged_library_is_said_finish_keeps_the_round_and_restore_brings_it_back(qtbot, open_window, data_home):
    path = make_library(data_home, 300)
    backup.take(data_home)
    damage_a_page(path)
    before = digest(path)
    win = open_window()
    panel = home_notice(qtbot, win, "library")
    assert isinstance(panel, LibraryProblem)
    assert panel.restore_button.text().startswith("Restore the backup of today, ")
    assert panel.restore_button.text().endswith("(300 ideas)")
    assert panel.rescue_button is not None and panel.folder_button.isVisible()

    win.solo.start("solo-spark", seed=7)  # a round played meanwhile is not lost
    play_to_end(win.round, lambda: click(qtbot, win.current_screen().next_button))
    summary = win.current_screen()
    assert isinstance(summary, SummaryScreen)
    note = win.round_end.saved_note
    assert note.startswith("Could not save to the library (") and "damaged" in note
    assert digest(path) == before  # nothing written into the damaged file
    [kept] = (data_home / "unsaved").glob("round-*.json")

    win.show_home()
    panel = home_notice(qtbot, win, "library")
    seen: list = []
    answer(QMessageBox.StandardButton.Yes, seen)
    click(qtbot, panel.restore_button)
    assert seen and seen[0][1], "No is the default button"
    assert "(300 ideas)" in seen[0][0]
    qtbot.waitUntil(lambda: win.library.ready, timeout=10_000)
    assert win.statusBar().currentMessage().startswith("Restored the backup of today, ")
    assert list(data_home.glob(f"{DB_NAME}.before-restore-*"))  # the damaged file, set aside

    unsaved = home_notice(qtbot, win, "unsaved")
    assert isinstance(unsaved, UnsavedRounds)
    click(qtbot, unsaved.button)
    assert win.statusBar().currentMessage() == "Rounds saved to the idea library: 1."
    assert not kept.exists()
    count = check_library(data_home / DB_NAME)
    assert count > 300
    kept.parent.mkdir(exist_ok=True)  # the same round kept twice (another copy's file): saved once
    kept.write_text(json.dumps({**json.loads(win.round.to_json())}), encoding="utf-8")
    win.show_home()
    click(qtbot, home_notice(qtbot, win, "unsaved").button)
    assert check_library(data_home / DB_NAME) == count


def test_rescue_reads_what_it_can_into_a_new_library(qtbot, open_window, data_home):
    path = make_library(data_home, 400)
    damage_a_page(path)
    win = open_window()
    panel = home_notice(qtbot, win, "library")
    assert panel.restore_button is None  # no backup to offer
    click(qtbot, panel.rescue_button)
    qtbot.waitUntil(lambda: win.library.ready, timeout=20_000)
    said = win.statusBar().currentMessage()
    assert said.startswith("Rescued ") and "The damaged file is kept as" in said
    rescued = check_library(path)
    assert 200 < rescued < 400
    [aside] = [p for p in data_home.glob(f"{DB_NAME}.before-restore-*") if not p.name.endswith(("-wal", "-shm"))]
    assert aside.stat().st_size > 0


def test_a_newer_library_is_said_and_nothing_is_offered_that_would_write(qtbot, open_window, data_home):
    import sqlite3

    path = make_library(data_home, 3)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = '0042'")
    db.close()
    before = digest(path)
    win = open_window()
    panel = home_notice(qtbot, win, "library")
    assert panel.restore_button is None and panel.rescue_button is None
    text = " ".join(label.text() for label in panel.findChildren(type(win.current_screen().warning)))
    assert "made by a newer version of the game" in text
    win.solo.start("solo-spark", seed=2)
    play_to_end(win.round, lambda: click(qtbot, win.current_screen().next_button))
    assert "newer version" in win.round_end.saved_note
    assert digest(path) == before


def test_backups_are_listed_in_words_and_restored_after_one_question(qtbot, open_window, data_home):
    make_library(data_home, 4)
    backup.take(data_home, "import")
    win = open_window(ready=True)
    opened: list = []

    def look(dialog) -> None:
        opened.append([dialog.list.item(i).text() for i in range(dialog.list.count())])
        answer(QMessageBox.StandardButton.No, opened)  # the question that follows: No first
        click(qtbot, dialog.restore_button)
        assert check_library(data_home / DB_NAME) == 4  # nothing changed on No
        answer(QMessageBox.StandardButton.Yes, opened)
        click(qtbot, dialog.restore_button)
        opened.append(dialog.said.text())
        dialog.accept()

    when_modal(look)
    win.actions_["backups"].trigger()
    rows, no, yes, said = opened
    assert len(rows) == 1 and rows[0].startswith("today, ") and rows[0].endswith("— 4 ideas (before an import)")
    assert no[1] and yes[1]
    assert said.startswith("Restored the backup of today, ") and "kept as" in said
    qtbot.waitUntil(lambda: win.library.ready, timeout=10_000)


def test_a_round_file_holding_null_or_a_list_is_ignored_with_a_message(qtbot, open_window, data_home):
    data_home.mkdir(parents=True)
    for text in ("null", "[]"):
        (data_home / AUTOSAVE_FILE).write_text(text, encoding="utf-8")
        win = open_window()
        home = win.current_screen()
        qtbot.waitUntil(home.warning.isVisible)
        assert home.warning.text().startswith("An unfinished round could not be read (a round is a JSON object")
        assert not home.resume_button.isVisible()


def test_long_team_and_player_names_from_a_round_file_are_cut_on_load(content):
    from game.domain.workshop import Team, load_state, new_workshop

    ws = new_workshop(content.scenarios["classic-workshop"], content, [Team("Fox"), Team("Owl", ["Kim"])], seed=1)
    while ws.step.kind != "magic":
        ws.skip()
    ws.add_idea("Tea", "Fox")
    data = json.loads(ws.to_json())
    long_team, long_player = "F" * 500, "K" * 300
    text = json.dumps(data).replace('"Fox"', json.dumps(long_team)).replace('"Kim"', json.dumps(long_player))
    again = load_state(text, content)
    assert [t.name for t in again.teams] == ["F" * NAME_CHARS, "Owl"]
    assert again.teams[1].players == ["K" * NAME_CHARS]
    assert again.ideas[0].team == "F" * NAME_CHARS


def test_finish_with_a_folder_that_takes_no_writes_keeps_the_round_open_and_says_so(
    qtbot, open_window, data_home, monkeypatch
):
    import errno

    win = open_window(ready=True)
    win.solo.start("solo-spark", seed=9)

    def read_only(*_args, **_kw):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(win.library, "save", read_only)
    monkeypatch.setattr("game.ui.autosave.write_text_atomically", read_only)  # the autosave
    monkeypatch.setattr("game.ui.round_end.write_text_atomically", read_only)  # the round kept in unsaved/
    play_to_end(win.round, lambda: click(qtbot, win.current_screen().next_button))
    assert not isinstance(win.current_screen(), SummaryScreen)
    assert win.statusBar().currentMessage().startswith("Could not save to the library (")
    assert "The round stays open" in win.statusBar().currentMessage()
    assert win.round is not None and win.round.finished


class Raiser(QObject):
    fire = Signal()

    def boom(self) -> None:
        raise RuntimeError("a bug in a slot")


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_writes_a_log_keeps_the_round_and_shows_one_dialog(qtbot, open_window, data_home):
    from game.ui import crash

    win = open_window()
    win.solo.start("solo-spark", seed=1)
    win.round.set_note("my words")
    handler = crash.install(data_home, lambda: win)
    try:
        raiser = Raiser()
        raiser.fire.connect(raiser.boom)
        raiser.fire.emit()
        raiser.fire.emit()  # a second error: a second log, still one dialog
        qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
        dialogs = [w for w in QApplication.topLevelWidgets() if w.objectName() == "crashDialog" and w.isVisible()]
        assert len(dialogs) == 1
        text = handler.dialog.text()
        assert "RuntimeError: a bug in a slot" in text and "Your round is kept" in text
        logs = sorted((data_home / "logs").glob("crash-*.log"))
        assert len(logs) == 2 and str(logs[0]) in text
        assert "raise RuntimeError" in logs[0].read_text(encoding="utf-8")
        assert "my words" in (data_home / AUTOSAVE_FILE).read_text(encoding="utf-8")
        click(qtbot, handler.dialog.button(QMessageBox.StandardButton.Ok))
    finally:
        handler.uninstall()


FIRST = """
import sys
from pathlib import Path
from game.ui import app
print("started", flush=True)
sys.exit(app.run(Path(sys.argv[1])))
"""


def test_a_second_copy_on_the_same_folder_brings_the_first_forward_and_exits(tmp_path):
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    first = subprocess.Popen([sys.executable, "-c", FIRST, str(data)], stdout=subprocess.PIPE, text=True, env=env,
                             cwd=ROOT)  # fmt: skip
    try:
        assert first.stdout.readline().strip() == "started"
        deadline = time.monotonic() + 30
        while not (data / "instance").is_dir() and time.monotonic() < deadline:
            time.sleep(0.05)
        second = subprocess.run([sys.executable, "-m", "game", "--data-dir", str(data), "--exit-when-shown"],
                                capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)  # fmt: skip
        assert second.returncode == 0
        assert second.stdout.strip() == f"technomagic: the game is already open on {data}; its window is brought " \
            "to the front"
        while list((data / "instance").iterdir()) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert list((data / "instance").iterdir()) == []  # the first copy took the request
        search = subprocess.run([sys.executable, "-m", "game", "--data-dir", str(data), "search", ""],
                                capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)  # fmt: skip
        assert search.returncode == 0, search.stderr  # the command line works beside the game
        restore = subprocess.run([sys.executable, "-m", "game", "--data-dir", str(data), "backup", "restore",
                                  "latest"], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)  # fmt: skip
        assert restore.returncode == 2 and "the game is open on this folder" in restore.stderr
    finally:
        first.send_signal(signal.SIGKILL)  # a crash: its lock stays behind
        first.wait(10)
        first.stdout.close()
    assert (data / "technomagic.lock").exists()
    third = subprocess.run([sys.executable, "-m", "game", "--data-dir", str(data), "--exit-when-shown"],
                           capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)  # fmt: skip
    assert third.returncode == 0 and third.stdout == ""  # the stale lock was taken over: it started


def test_the_backups_dialog_says_when_there_are_none(qtbot, data_home):
    data_home.mkdir(parents=True)
    dialog = BackupsDialog(Path(data_home), lambda: None, lambda: None)
    qtbot.addWidget(dialog)
    assert dialog.said.text() == "No backups yet." and not dialog.restore_button.isEnabled()


def test_a_changed_library_is_backed_up_in_the_background_and_on_close(qtbot, open_window, data_home):
    make_library(data_home, 5)
    win = open_window(ready=True)
    qtbot.waitUntil(win.safety.backup_timer.isActive)  # started once the library is open
    assert win.safety.backup_timer.interval() == 30 * 60 * 1000
    from PySide6.QtCore import QProcess

    def finished() -> bool:
        return win.safety.backup_proc.state() == QProcess.ProcessState.NotRunning

    win.safety.backup_in_background()  # what the 30-minute timer does: a process of its own, typing never waits
    qtbot.waitUntil(finished, timeout=60_000)
    assert win.safety.backup_proc.exitCode() == 0, bytes(win.safety.backup_proc.readAllStandardError().data())
    [first] = backup.backups(data_home)
    assert first.ideas() == 5
    win.safety.backup_in_background()  # nothing changed since: no second copy
    qtbot.waitUntil(finished, timeout=60_000)
    assert bytes(win.safety.backup_proc.readAllStandardOutput().data()).strip() == b"unchanged since the last backup"
    assert len(backup.backups(data_home)) == 1
    win.solo.start("solo-spark", seed=3)
    play_to_end(win.round, lambda: click(qtbot, win.current_screen().next_button))
    time.sleep(0.01)  # a file time later than the first copy's, on file systems that keep coarse times
    win.close()
    newest = backup.backups(data_home)[0]
    assert newest.path != first.path and newest.ideas() > 5


def test_an_empty_library_file_offers_its_backup_and_another_folder(qtbot, open_window, data_home, monkeypatch):
    path = make_library(data_home, 6)
    backup.take(data_home)
    path.write_bytes(b"")
    win = open_window()
    panel = home_notice(qtbot, win, "library")
    assert panel.restore_button.text().endswith("(6 ideas)") and panel.rescue_button is None
    assert path.stat().st_size == 0  # not re-created as a new, empty library
    asked: list = []
    monkeypatch.setattr(win.safety, "choose_folder", lambda: str(data_home.parent / "elsewhere"))
    monkeypatch.setattr(win.safety, "launch", lambda folder: asked.append(folder) or True)
    click(qtbot, panel.folder_button)
    assert asked == [str(data_home.parent / "elsewhere")]
    qtbot.waitUntil(lambda: not win.isVisible())  # the game goes on in the other folder, one copy per folder


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_another_thread_is_logged_and_shown_on_the_ui_thread(qtbot, open_window, data_home):
    import threading

    from game.ui import crash

    win = open_window()
    handler = crash.install(data_home, lambda: win)
    try:
        def fail() -> None:
            raise ValueError("in the backup thread")

        worker = threading.Thread(target=fail, name="worker")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible())
        assert "ValueError: in the backup thread" in handler.dialog.text()
        [log] = (data_home / "logs").glob("crash-*.log")
        assert "thread worker" in log.read_text(encoding="utf-8")
        handler.dialog.close()
    finally:
        handler.uninstall()


def test_a_round_kept_before_rounds_had_ids_is_saved_once(qtbot, open_window, data_home, content):
    from game.domain.round import new_round

    rnd = new_round(content.scenarios["solo-spark"], content, seed=5)
    play_to_end(rnd)
    legacy = json.loads(rnd.to_json())
    del legacy["uid"]
    (data_home / "unsaved").mkdir(parents=True)
    kept = data_home / "unsaved" / "round-20261101-100000.json"
    kept.write_text(json.dumps(legacy, indent=1), encoding="utf-8")
    win = open_window(ready=True)
    click(qtbot, home_notice(qtbot, win, "unsaved").button)
    assert not kept.exists()
    count = check_library(data_home / DB_NAME)
    assert count >= 1
    kept.write_text(json.dumps(legacy, indent=1), encoding="utf-8")  # the same file again (a copy restored)
    win.show_home()
    click(qtbot, home_notice(qtbot, win, "unsaved").button)
    assert check_library(data_home / DB_NAME) == count


@pytest.fixture
def small_disk(tmp_path):
    yield from tmpfs_disk(tmp_path)


def test_a_read_only_folder_says_so_in_the_app_and_finish_keeps_the_round_open(qtbot, small_disk, monkeypatch):
    from game.ui.app import build_window

    disk, remount = small_disk
    data = disk / "data"
    make_library(data, 3)
    build_window(data, "en").close()  # settings and folders made once, as a first start would
    remount(True)
    monkeypatch.setenv("TECHNOMAGIC_HOME", str(data))
    win = build_window(data, "en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)  # the first paint opens the library, off the UI thread
    panel = home_notice(qtbot, win, "library")
    words = " ".join(label.text() for label in panel.findChildren(type(win.current_screen().warning)))
    assert "cannot be written in its folder" in words and "not a readable" not in words
    assert panel.restore_button is None and panel.rescue_button is None
    win.solo.start("solo-spark", seed=6)
    play_to_end(win.round, lambda: click(qtbot, win.current_screen().next_button))
    assert not isinstance(win.current_screen(), SummaryScreen)
    assert "The round stays open" in win.statusBar().currentMessage()
    win.library.close()
    from game.instance import SingleInstance

    assert SingleInstance(data).acquire()  # no lock can be written: the game starts all the same
    remount(False)
    assert check_library(data / DB_NAME) == 3


def test_the_half_second_autosave_is_flushed_off_the_ui_thread(qtbot, open_window, data_home, monkeypatch):
    import threading

    from game.io import atomic

    writers: list[str] = []
    real = atomic.write_text_atomically

    def spy(path, text):
        writers.append(threading.current_thread().name)
        real(path, text)

    monkeypatch.setattr("game.ui.autosave.write_text_atomically", spy)
    win = open_window()
    win.solo.start("solo-spark", seed=8)
    win.round.set_note("typed while the disk is slow")
    qtbot.waitUntil(lambda: "typed while" in (data_home / AUTOSAVE_FILE).read_text(encoding="utf-8")
                    if (data_home / AUTOSAVE_FILE).exists() else False)  # fmt: skip
    assert writers and all(name.startswith("autosave") for name in writers)
    assert threading.current_thread() is threading.main_thread()
