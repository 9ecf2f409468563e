"""The library's safety as the window shows it: a checked backup every half hour and on close, a library that
cannot be trusted (restore the latest good backup, rescue what can be read, or open another folder), and the
rounds kept in unsaved/ while the library could not take them."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from game.ui.screen_stack import Screen
from game.ui.widgets import tr

if TYPE_CHECKING:
    from PySide6.QtCore import QProcess

    from game.ui.main_window import MainWindow


class LibrarySafety:
    """Backs the window's library up, and offers the ways out when it cannot be trusted."""

    BACKUP_MS = 30 * 60 * 1000  # while the game runs, a changed library is backed up at most this often

    def __init__(self, window: MainWindow):
        self.window = window
        self._backing_up = threading.Lock()
        self.backup_proc: QProcess | None = None  # the background backup's process
        self.backup_timer = QTimer(window)
        self.backup_timer.setInterval(self.BACKUP_MS)
        self.backup_timer.timeout.connect(self.backup_in_background)
        window.library_ready.connect(self.show_unsaved)
        window.library_ready.connect(self.backup_timer.start)
        window.library_failed.connect(self.show_problem)

    def close(self) -> None:
        """The window closes: the backup under way ends, and a changed library is backed up (as Anki does; a
        library that cannot be trusted is not copied)."""
        self.backup_timer.stop()
        if self.backup_proc is not None:
            self.backup_proc.waitForFinished(30_000)
        if self.window.library.ready:
            self.back_up_if_changed()

    def back_up_if_changed(self, reason: str = "") -> str:
        """Take a checked backup when the library changed since the last one; returns what to say ("" if fine)."""
        from game.store import backup

        if not self._backing_up.acquire(blocking=False):
            return ""  # one is under way
        try:
            if backup.changed_since_last(self.window.data_dir):
                backup.take(self.window.data_dir, reason)
        except (backup.BackupError, OSError) as e:
            return tr("The library could not be backed up: {0}").format(e)
        finally:
            self._backing_up.release()
        return ""

    def backup_in_background(self) -> None:
        """Every 30 minutes while the game runs: `technomagic backup now --if-changed` in a process of its own.
        Not a thread: Python's sqlite3 keeps the interpreter lock for tens of milliseconds at a time while it
        copies and checks, and typing would feel it (bench/safety.py measures the UI's longest stall)."""
        import sys

        from PySide6.QtCore import QProcess, QProcessEnvironment

        if self.backup_proc is not None and self.backup_proc.state() != QProcess.ProcessState.NotRunning:
            return  # one is under way
        proc = QProcess(self.window)
        env = QProcessEnvironment.systemEnvironment()
        package_root = str(Path(__file__).resolve().parents[2])
        env.insert("PYTHONPATH", package_root + (":" + env.value("PYTHONPATH") if env.contains("PYTHONPATH") else ""))
        proc.setProcessEnvironment(env)
        proc.finished.connect(lambda code, _status: self._backup_finished(proc, code))
        frozen = getattr(sys, "frozen", False)
        args = [] if frozen else ["-m", "game"]
        proc.start(sys.executable, [*args, "--data-dir", str(self.window.data_dir), "backup", "now", "--if-changed"])
        self.backup_proc = proc

    def _backup_finished(self, proc, code: int) -> None:
        if code != 0:
            lines = bytes(proc.readAllStandardError().data()).decode("utf-8", "replace").strip().splitlines()
            said = tr("The library could not be backed up: {0}").format(lines[-1] if lines else code)
            self.window.statusBar().showMessage(said)

    def show_problem(self) -> None:
        home = self.window.stack.get(Screen.HOME)
        problem = self.window.library.problem
        if home is None or problem is None:
            return
        from game.store import backup
        from game.ui.safety import LibraryProblem

        good = backup.latest_good(self.window.data_dir) if problem.restorable else None
        panel = LibraryProblem(problem.kind, problem.path, problem.reason, good, home)
        panel.restore.connect(self.restore_latest)
        panel.other_folder.connect(self.open_other_folder)
        panel.rescue.connect(self.rescue_library)
        home.show_notice("library", panel)

    def _library_changed(self, said: str) -> None:
        """The library file was replaced (restore, rescue): open and check it again, say what happened."""
        self.window.library.reopen()
        self.window.statusBar().showMessage(said)
        if self.window.stack.get(Screen.HOME) is not None:
            self.window.show_home()  # without the old notices (a round or the library screen stays as it is)
        self.window.open_library_in_background()

    def restore_latest(self) -> None:
        from game.store import backup
        from game.ui.safety import confirm_restore, when_words

        good = backup.latest_good(self.window.data_dir)
        if good is None or not confirm_restore(self.window, good[0].taken, good[1]):
            return
        self.window.library.reopen()  # let go of the file first
        try:
            chosen, count, aside = backup.restore(self.window.data_dir, good[0].name)
        except backup.BackupError as e:
            self._library_changed(tr("The backup could not be restored: {0}").format(e))
            return
        said = tr("Restored the backup of {0} ({1} ideas).").format(when_words(chosen.taken), count)
        if aside is not None:
            said += " " + tr("The library it replaced is kept as {0}").format(aside)
        self._library_changed(said)

    def rescue_library(self) -> None:
        from game.store.rescue import rescue
        from game.ui.transfer import run_off_ui

        self.window.library.reopen()
        try:
            done = run_off_ui(self.window, tr("Rescuing the library…"), lambda: rescue(self.window.data_dir))
        except Exception as e:  # whatever the damaged file does, the app says it and goes on
            self._library_changed(tr("Nothing could be rescued: {0}").format(e))
            return
        if done is None:
            return
        self._library_changed(
            tr("Rescued {0} ideas into a new library; {1} damaged rows were skipped. The damaged file is kept as "
               "{2}").format(done.ideas, done.skipped_rows, done.aside)
        )  # fmt: skip

    def choose_folder(self) -> str:
        from PySide6.QtWidgets import QFileDialog

        folder = str(self.window.data_dir.parent)
        return QFileDialog.getExistingDirectory(self.window, tr("Open another folder"), folder)

    def launch(self, folder: str) -> bool:
        """Start the game on another data folder (this copy then closes: one folder per copy)."""
        import sys

        from PySide6.QtCore import QProcess

        frozen = getattr(sys, "frozen", False)
        args = ["--data-dir", folder] if frozen else ["-m", "game", "--data-dir", folder]
        return QProcess.startDetached(sys.executable, args)[0]

    def open_other_folder(self) -> None:
        folder = self.choose_folder()
        if folder and self.launch(folder):
            self.window.close()

    def show_backups(self) -> None:
        from game.ui.safety import BackupsDialog

        dialog = BackupsDialog(self.window.data_dir, self.window.library.reopen, lambda: None, self.window)
        dialog.restored.connect(lambda said: self._library_changed(said))
        dialog.exec()

    def show_unsaved(self) -> None:
        home = self.window.stack.get(Screen.HOME)
        if home is None or not self.window.library.ready:
            return
        from game.ui.safety import UnsavedRounds, unsaved_rounds

        count = len(unsaved_rounds(self.window.data_dir))
        panel = UnsavedRounds(count, home) if count else None
        if panel is not None:
            panel.save_now.connect(self.save_unsaved)
        home.show_notice("unsaved", panel)

    def save_unsaved(self) -> None:
        """Save the rounds kept in `unsaved/` (each once: a round's id is unique in the library)."""
        from game.domain.workshop import load_state
        from game.ui.safety import unsaved_rounds

        saved, problems = 0, []
        for path in unsaved_rounds(self.window.data_dir):
            try:
                text = path.read_text(encoding="utf-8")
                rnd = load_state(text, self.window.content)
            except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError) as e:
                problems.append(f"{path.name}: {e}")
                continue
            if '"uid"' not in text:  # kept before rounds had ids: the file's content names it, saved once too
                import hashlib

                rnd.uid = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
            try:
                self.window.library.save(rnd, self.window.lang)
            except OSError as e:
                problems.append(f"{path.name}: {e}")
                break  # the library takes nothing now: keep the rest for later
            path.unlink(missing_ok=True)
            saved += 1
        said = tr("Rounds saved to the idea library: {0}.").format(saved)
        if problems:
            said += " " + tr("Not saved: {0}").format("; ".join(problems))
        self.window.statusBar().showMessage(said)
        self.show_unsaved()
        self.window.show_due()
