"""Everything is reachable by keyboard in visual order: Tab walks every screen's enabled controls, rows top to
bottom and left to right within a row (a column of its own, such as a side panel, is walked top to bottom before
the next column to its right), and misses none."""

import itertools
import os

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from tests.play import fill_step
from tests.ui.conftest import when_modal
from tests.ui.test_access import reachable_controls, spoken_name
from tests.ui.test_fit import settle, walk_workshop

TOLERANCE = 8  # px: a label's baseline, a taller button beside a line edit


def window_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def reading_key(widget: QWidget) -> tuple[int, int]:
    return window_rect(widget).top(), window_rect(widget).left()


def scroll_areas(widget: QWidget) -> list[QScrollArea]:
    """The scroll areas `widget` scrolls in, innermost first."""
    found = []
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None and parent.widget().isAncestorOf(widget):
            found.append(parent)
        parent = parent.parentWidget()
    return found


def rects(a: QWidget, b: QWidget) -> tuple[QRect, QRect]:
    """Where two widgets sit for reading: inside one scroll area as laid out there, before any scrolling (Tab
    scrolls as it goes); a widget in a scroll area the other is not in, as that area (its part of the page)."""
    shared = next((s for s in scroll_areas(a) if s in scroll_areas(b)), None)

    def place(w: QWidget) -> QRect:
        outer = [s for s in scroll_areas(w) if s is not shared]
        if outer:
            return window_rect(outer[-1])
        if shared is None:
            return window_rect(w)
        return QRect(w.mapTo(shared.widget(), QPoint(0, 0)), w.size())

    return place(a), place(b)


def name(widget: QWidget) -> str:
    where = window_rect(widget).getRect()
    return f"{type(widget).__name__}#{widget.objectName()} {spoken_name(widget)[:40]!r} at {where}"


def goes_back(a: QRect, b: QRect) -> bool:
    """Tab from `a` to `b` goes against the reading order: up to something not wholly to the right (a next
    column starts at the top), or leftwards on the same row."""
    above = b.bottom() < a.top() + TOLERANCE and b.center().y() < a.center().y() - TOLERANCE
    if above:
        return b.left() < a.right() - TOLERANCE
    same_row = abs(b.center().y() - a.center().y()) <= max(TOLERANCE, min(a.height(), b.height()) // 2)
    return same_row and b.right() <= a.left() + TOLERANCE


def walk(qtbot, start: QWidget, steps: int = 150) -> list[QWidget]:
    """The widgets Tab visits from `start`, once round."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [QApplication.focusWidget()]
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is seen[0] or widget in seen:
            break
        seen.append(widget)
    return seen


def out_of_order(qtbot, win, where: str) -> list[str]:
    """What Tab misses on the screen, and where it jumps against the reading order."""
    settle()
    screen = win.current_screen()
    controls = sorted(reachable_controls(screen), key=reading_key)
    if not controls:
        return []
    walked = walk(qtbot, controls[0])
    problems = [f"{where}: Tab never reaches {name(w)}" for w in controls if w not in walked]
    cycle = [w for w in walked if w is not None and screen.isAncestorOf(w)]
    if os.environ.get("TAB_ORDER_SHOW"):
        print(where, *(name(w) for w in cycle), sep="\n  ")
    backs = [(a, b) for a, b in itertools.pairwise([*cycle, cycle[0]]) if goes_back(*rects(a, b))]
    if backs:  # the chain is a circle: once round, it goes back to the top once
        backs.remove(max(backs, key=lambda pair: rects(*pair)[0].top() - rects(*pair)[1].top()))
    problems += [f"{where}: Tab goes back from {name(a)} to {name(b)}" for a, b in backs]
    return problems


@pytest.fixture
def window(qtbot, open_window):
    win = open_window("en", ready=True)
    win.resize(1366, 768 - 48)
    assert win.content.scenarios
    with qtbot.waitActive(win):
        win.activateWindow()
    return win


def test_home_picker_library_and_decks(qtbot, window):
    win = window
    problems = out_of_order(qtbot, win, "home")
    win.solo.show_start()
    problems += out_of_order(qtbot, win, "scenario picker")
    win.show_library()
    problems += out_of_order(qtbot, win, "library")
    win.decks.show()
    problems += out_of_order(qtbot, win, "decks")
    assert not problems, "\n".join(problems)


def test_every_step_of_a_solo_round_and_its_summary(qtbot, window):
    win = window
    win.solo.start("solo-spark", seed=3)
    screen = win.current_screen()
    problems: list[str] = []
    while not screen.round.finished:
        rnd = screen.round
        if rnd.step.kind in ("moment", "magic", "lens"):
            for n in range(3):
                rnd.add_idea(f"idea {n} at step {rnd.step_index}")
            screen.show_step()
        problems += out_of_order(qtbot, win, f"solo step {rnd.step_index + 1} {rnd.step.kind}")
        fill_step(rnd)
        screen.go_next()
    problems += out_of_order(qtbot, win, "summary")
    assert not problems, "\n".join(problems)


def test_the_deck_and_scenario_studios(qtbot, window, data_home):
    from game.io.scenariofile import ScenarioFile

    win = window
    win.decks.show()

    def new_deck(dialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData("lens"))
        dialog.name_ru.setText("Стоматология")
        dialog.name_en.setText("Dental clinic")
        dialog.ok.click()

    when_modal(new_deck)
    qtbot.mouseClick(win.current_screen().new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: type(win.current_screen()).__name__ == "DeckStudio")
    with qtbot.waitActive(win):  # the dialog closed before it was ever active (no person is that fast)
        win.activateWindow()
    problems = out_of_order(qtbot, win, "deck studio")
    source = win.content.scenarios["classic-workshop"].path
    copy = ScenarioFile.copy_of(source, data_home / "scenarios" / "mine.toml", "mine", {"ru": "Мой", "en": "Mine"})
    copy.save()
    win.decks.show_scenario_studio(copy.path)
    problems += out_of_order(qtbot, win, "scenario studio")
    assert not problems, "\n".join(problems)


def test_the_workshop_setup_and_console_at_every_stage(qtbot, window):
    win = window
    problems: list[str] = []

    def check(where: str) -> None:
        qtbot.waitUntil(win.isActiveWindow)
        problems.extend(out_of_order(qtbot, win, where))

    walk_workshop(win, check)  # the same walk through every stage as the fit test's
    assert not problems, "\n".join(problems)


def test_shift_tab_walks_the_same_way_back(qtbot, window):
    win = window
    win.show_library()
    settle()
    controls = sorted(reachable_controls(win.current_screen()), key=reading_key)
    forward = walk(qtbot, controls[0])
    controls[0].setFocus(Qt.FocusReason.BacktabFocusReason)
    back = [QApplication.focusWidget()]
    for _ in range(len(forward) - 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        back.append(QApplication.focusWidget())
    qtbot.keyRelease(QApplication.focusWidget(), Qt.Key.Key_Shift)  # let go of Shift (Qt remembers it held)
    assert back == [forward[0], *reversed(forward[1:])]
