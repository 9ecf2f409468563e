"""The keyboard across the game's screens: Tab walks a screen as it reads, and after any dialog the window has the
keys back at once (no click needed), whatever the window manager does."""

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QDialog,
    QGridLayout,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QStackedLayout,
    QTabWidget,
    QWidget,
)
from shiboken6 import Shiboken


class _KeysBack(QObject):
    """Every dialog of the game, however it is opened (ours, Qt's message boxes, nested ones): when it closes,
    the window under it gets the keys back. A window manager does not always do it (openbox leaves the keys
    nowhere after a message box until the window is clicked). Watches only the dialogs, not every event."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        app.focusWindowChanged.connect(self._focus_moved)

    def _focus_moved(self, _window) -> None:
        active = QApplication.activeWindow()
        if isinstance(active, QDialog) and not active.property("keysBack"):
            active.setProperty("keysBack", True)
            active.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide and isinstance(watched, QWidget) and watched.isWindow():
            parent = watched.parentWidget()
            under = parent.window() if parent is not None else None
            QTimer.singleShot(0, self, lambda: self._give_back(under))
        return False

    def _give_back(self, under: QWidget | None) -> None:
        target = QApplication.activeModalWidget() or under
        if target is None or not Shiboken.isValid(target) or not target.isVisible():  # gone with the dialog
            target = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()),
                          None)  # fmt: skip
        if target is not None:
            target.activateWindow()
            target.raise_()


def keys_back_after_dialogs() -> None:
    """Once per application (the main window asks for it as it is made)."""
    app = QApplication.instance()
    if app is not None and app.findChild(_KeysBack) is None:
        _KeysBack(app)


def _takes_tab(widget: QWidget) -> bool:
    return widget.isEnabled() and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def reading_order(widget: QWidget) -> list[QWidget]:
    """The controls of `widget` that Tab visits, in the order its layouts show them: a row left to right, a
    column top to bottom (a side panel is walked through before the column to its right), a grid by rows; a
    stack or a tab only on its page in sight. A scroll area is one stop of its own only when nothing in it takes
    the keys (so it can still be scrolled from the keyboard)."""
    found: list[QWidget] = []

    def visit(w: QWidget) -> None:
        if not w.isVisibleTo(widget) or w.isWindow():
            return
        if isinstance(w, QScrollArea) and w.widget() is not None:
            before = len(found)
            visit(w.widget())
            if len(found) == before and _takes_tab(w):
                found.append(w)
            return
        if _takes_tab(w) and w is not widget:
            found.append(w)
        if isinstance(w, QSplitter):
            for n in range(w.count()):
                visit(w.widget(n))
        elif isinstance(w, QTabWidget):
            if w.currentWidget() is not None:
                visit(w.currentWidget())
        elif w.layout() is not None:
            lay_out(w.layout())

    def lay_out(layout) -> None:
        if isinstance(layout, QStackedLayout):
            if layout.currentWidget() is not None:
                visit(layout.currentWidget())
            return
        items = []
        for n in range(layout.count()):
            item = layout.itemAt(n)
            place = layout.getItemPosition(n)[:2] if isinstance(layout, QGridLayout) else (n, 0)
            child = item.layout() or item.widget()
            if item.layout() is None:
                Shiboken.invalidate(item)  # Qt deletes its items behind Python's back (see qt_fixes)
            if child is not None:
                items.append((place, child))
        items.sort(key=lambda pair: pair[0])
        if isinstance(layout, QBoxLayout) and layout.direction() in (
            QBoxLayout.Direction.RightToLeft,
            QBoxLayout.Direction.BottomToTop,
        ):
            items.reverse()
        for _place, child in items:
            visit(child) if isinstance(child, QWidget) else lay_out(child)

    visit(widget)
    return found


def tab_in_reading_order(screen: QWidget, forward: bool) -> bool:
    """Move the focus to the next (or previous) control of `screen` in reading order; False when the focus is
    not on one of them (Qt's own order then applies)."""
    order = reading_order(screen)
    focus = QApplication.focusWidget()
    here = next((n for n, w in enumerate(order) if focus is not None and (w is focus or w.isAncestorOf(focus))), None)
    if here is None or len(order) < 2:
        return False
    target = order[(here + (1 if forward else -1)) % len(order)]
    target.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
    return True
