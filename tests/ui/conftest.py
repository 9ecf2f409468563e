"""Shared helpers of the UI tests: typing like a person, clicking, answering dialogs, starting the window."""

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """QTest types Latin-1 only; other characters arrive as the key events a Cyrillic layout or an
    emoji keyboard sends: a key press carrying the character's text."""
    for char in text:
        if ord(char) < 256:
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def when_modal(callback):
    """Answer the next modal dialog once it is open (the caller then runs the action that opens it)."""
    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.setInterval(10)

    def poll() -> None:
        if QApplication.activeModalWidget() is not None:
            timer.stop()
            callback(QApplication.activeModalWidget())

    timer.timeout.connect(poll)
    timer.start()
    return timer


@pytest.fixture
def library_home(data_home: Path):
    """The test's library, opened directly: put ideas in it before the window starts."""
    from game.store.db import open_library

    data_home.mkdir(parents=True, exist_ok=True)
    engine = open_library(data_home)
    yield engine
    engine.dispose()


@pytest.fixture
def open_window(qtbot, data_home: Path):
    """Starts the game's main window on the test's data folder (as often as a test asks), shown and exposed;
    with `ready=True` it also waits until the library has opened off the UI thread."""
    from game.ui.app import build_window

    made = []

    def make(lang: str | None = "en", ready: bool = False):
        win = build_window(data_home, lang)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        if ready:
            qtbot.waitUntil(lambda: win.library.ready, timeout=5000)
        made.append(win)
        return win

    yield make
    for win in made:
        win.library.close()


def run_then_kill(script: str, data_home: Path, after_s: float = 1.1) -> str:
    """Run `script` (python -c) on the data folder; once it prints its first line, wait `after_s` and SIGKILL it,
    as a crash or a pulled plug would. Returns that line."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import ROOT

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(data_home)], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    try:
        said = proc.stdout.readline().strip()
        time.sleep(after_s)  # the promise: anything typed more than a second before a kill survives it
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        proc.stdout.close()
    return said
