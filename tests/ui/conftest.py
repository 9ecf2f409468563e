"""Typing like a person on a Russian or English keyboard."""

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
