"""After any of the game's dialogs closes, the window is active again and its shortcuts work at once, without a
click (a desktop's window manager does not always give the keys back: seen with openbox under Xvfb)."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from game.domain.workshop import Team


def press(qtbot, sequence: str) -> None:
    """A key as the keyboard sends it: to the widget with the focus, or the active window; nowhere when no window
    of the game has the keys (the bug: nothing happens until the window is clicked)."""
    combo = QKeySequence(sequence)[0]
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, f"{sequence} goes nowhere: no window of the game has the keys"
    qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())


def escape_once_it_has_the_keys(seen: list[str]) -> QTimer:
    """Press Esc in the next dialog once it is up and has the keys, as a person does on seeing it."""
    from PySide6.QtTest import QTest

    timer = QTimer()
    timer.setInterval(10)

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and QApplication.activeWindow() is dialog:
            timer.stop()
            seen.append(type(dialog).__name__)
            QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)

    timer.timeout.connect(poll)
    timer.start()
    return timer


def settings(qtbot, win) -> None:
    press(qtbot, "Ctrl+,")


def about(qtbot, win) -> None:
    win.menus["help"].setActiveAction(win.actions_["about"])  # Help → About, as the menu does
    win.actions_["about"].trigger()


def new_round_over_one_in_play(qtbot, win) -> None:
    win.solo.start("solo-spark", seed=3)
    win.show_home()
    qtbot.mouseClick(win.current_screen().solo_button, Qt.MouseButton.LeftButton)


def end_workshop_early(qtbot, win) -> None:
    win.workshop.start("classic-workshop", [Team("Owls"), Team("Foxes")], {}, seed=5)
    with qtbot.waitActive(win):
        win.activateWindow()
    press(qtbot, "Ctrl+Shift+E")


def merge_ideas(qtbot, win) -> None:
    win.workshop.start("classic-workshop", [Team("Owls"), Team("Foxes")], {}, seed=5)
    console = win.current_screen()
    ws = console.ws
    while ws.step.kind != "magic":
        ws.next()
    ws.add_idea("Tea while you wait", team="Owls")
    ws.add_idea("Tea while they wait", team="Foxes")
    console.show_step()
    column = console.panel.columns[0].list
    column.setCurrentRow(0)
    with qtbot.waitActive(win):
        win.activateWindow()
    column.setFocus()
    press(qtbot, "Ctrl+G")


def new_deck(qtbot, win) -> None:
    win.decks.show()
    qtbot.mouseClick(win.current_screen().new_button, Qt.MouseButton.LeftButton)


DIALOGS = [settings, about, new_deck, new_round_over_one_in_play, end_workshop_early, merge_ideas]


@pytest.mark.parametrize("open_dialog", DIALOGS, ids=lambda f: f.__name__)
def test_after_a_dialog_closes_the_window_has_the_keys_without_a_click(qtbot, open_window, open_dialog):
    win = open_window("en", ready=True)
    assert win.content.scenarios
    with qtbot.waitActive(win):
        win.activateWindow()
    seen: list[str] = []
    pressing = escape_once_it_has_the_keys(seen)
    open_dialog(qtbot, win)
    qtbot.waitUntil(lambda: bool(seen) and QApplication.activeModalWidget() is None)
    pressing.stop()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)  # given back, with no click
    press(qtbot, "Ctrl+L")
    assert type(win.current_screen()).__name__ == "LibraryScreen", seen


def test_the_presenter_view_leaves_the_keys_to_the_console(qtbot, open_window):
    """On a single screen the room's view opens over the console, but it has no controls: the keys stay with the
    facilitator, so Ctrl+J skips a step at once."""
    win = open_window("en", ready=True)
    assert win.content.scenarios
    with qtbot.waitActive(win):
        win.activateWindow()
    win.workshop.start("classic-workshop", [Team("Owls"), Team("Foxes")], {}, seed=5)
    console = win.current_screen()
    qtbot.waitUntil(lambda: win.workshop.presenter is not None and win.workshop.presenter.isVisible())
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    press(qtbot, "Ctrl+J")
    assert console.ws.step_index == 1
