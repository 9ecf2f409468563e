"""The crash handler, as qutebrowser has one: an unexpected exception (on the UI thread or any other) is written to
`<data>/logs/crash-STAMP.log`, the round in play is written to disk, and ONE dialog says what happened, that the
round is kept and where the log is. A hard crash (a segfault in Qt) is written by `faulthandler` to
`<data>/logs/faults.log`.
"""

from __future__ import annotations

import contextlib
import faulthandler
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from game import __version__
from game.ui.widgets import tr

LOGS = "logs"


class CrashHandler(QObject):
    """Installed once per run by `install`; `uninstall` puts Python's hooks back (tests)."""

    happened = Signal(str, str)  # what, log path: queued to the UI thread from any thread

    def __init__(self, data_dir: Path, window: Callable[[], QWidget | None]):
        super().__init__()
        self.logs = data_dir / LOGS
        self.window = window
        self.dialog: QMessageBox | None = None
        self.logged: list[Path] = []
        self._previous = (sys.excepthook, threading.excepthook)
        self._faults_before = faulthandler.is_enabled()
        self._faults = None
        self.happened.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> CrashHandler:
        sys.excepthook = self._on_exception
        threading.excepthook = self._on_thread_exception
        try:
            self.logs.mkdir(parents=True, exist_ok=True)
            self._faults = open(self.logs / "faults.log", "a", encoding="utf-8")  # noqa: SIM115 (open all run)
            faulthandler.enable(self._faults, all_threads=True)
        except OSError:
            self._faults = None  # a folder that takes no writes: exceptions still get their dialog
        return self

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous
        if self._faults is not None:
            faulthandler.disable()
            self._faults.close()
            self._faults = None
            if self._faults_before:
                faulthandler.enable(sys.__stderr__)

    def _write_log(self, kind, value, tb, thread: str) -> str:
        text = "".join(traceback.format_exception(kind, value, tb))
        header = f"Technomagic of Impressions {__version__}, {time.strftime('%Y-%m-%d %H:%M:%S')}, thread {thread}\n"
        try:
            self.logs.mkdir(parents=True, exist_ok=True)
            path = self.logs / f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{len(self.logged)}.log"
            path.write_text(header + text, encoding="utf-8")
            self.logged.append(path)
            return str(path)
        except OSError:
            sys.stderr.write(header + text)
            return ""

    def _on_exception(self, kind, value, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous[0](kind, value, tb)
            return
        log = self._write_log(kind, value, tb, threading.current_thread().name)
        self.happened.emit(f"{kind.__name__}: {value}", log)

    def _on_thread_exception(self, args) -> None:
        if args.exc_type is SystemExit:
            return
        thread = args.thread.name if args.thread is not None else "?"
        log = self._write_log(args.exc_type, args.exc_value, args.exc_traceback, thread)
        self.happened.emit(f"{args.exc_type.__name__}: {args.exc_value}", log)

    def _show(self, what: str, log: str) -> None:
        window = self.window()
        keep = getattr(window, "autosave", None)
        if keep is not None:
            with contextlib.suppress(Exception):  # the dialog must still come up
                keep()  # the round in play is on disk before anything else can go wrong
        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog: later errors only add logs
        where = log or tr("the log could not be written; the details went to the terminal")
        box = QMessageBox(window)
        box.setObjectName("crashDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("Something went wrong"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        rnd = getattr(window, "round", None)
        if rnd is not None and not rnd.finished:
            text = tr("Something went wrong inside the game: {0}.\n\nYour round is kept: it comes back with Continue "
                      "on the home screen.\n\nThe details are in {1}")  # fmt: skip
        else:
            text = tr("Something went wrong inside the game: {0}.\n\nNo round was in play. The details are in {1}")
        box.setText(text.format(what[:300], where))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.dialog = box
        box.open()


def install(data_dir: Path, window: Callable[[], QWidget | None]) -> CrashHandler:
    return CrashHandler(data_dir, window).install()
