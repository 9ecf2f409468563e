"""A person plays the solo spark with clicks and keys; the ideas are in the library after a restart."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton

from game.ui.app import build_window
from game.ui.library_screen import LibraryScreen
from game.ui.round_screen import RoundScreen
from game.ui.screens import HomeScreen, ScenarioPicker, SummaryScreen
from game.ui.step_panels import CheckPanel, PromisePanel
from game.ui.vote_panel import VotePanel
from tests.ui.conftest import click, type_text

IDEAS = ["Photo diary of the forgotten umbrella", "Call back in ten minutes, not «later»", "Чай, пока ждёте 🙂"]


@pytest.fixture
def window(qtbot, data_home: Path):
    win = build_window(data_home, "en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.library.close()


def round_screen(win) -> RoundScreen:
    screen = win.current_screen()
    assert isinstance(screen, RoundScreen), type(screen)
    return screen


def start_solo_spark(qtbot, win) -> RoundScreen:
    home = win.current_screen()
    assert isinstance(home, HomeScreen)
    click(qtbot, home.solo_button)
    picker = win.current_screen()
    assert isinstance(picker, ScenarioPicker)
    click(qtbot, picker.buttons["solo-spark"])
    return round_screen(win)


def next_step(qtbot, screen: RoundScreen) -> None:
    qtbot.keyClick(screen, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_play_solo_round_end_to_end_and_find_ideas_after_restart(qtbot, window, data_home):
    screen = start_solo_spark(qtbot, window)
    assert screen.round.step.kind == "client"
    assert len(screen.panel.faces) == 2
    qtbot.keyClicks(screen.panel.note, "I expect honesty; I worry about the bill")
    next_step(qtbot, screen)
    assert screen.round.step.kind == "moment"
    click(qtbot, screen.next_button)
    assert screen.round.step.kind == "lens"
    next_step(qtbot, screen)
    assert screen.round.step.kind == "magic"
    assert [f.card.kind for f in screen.panel.faces] == ["technomagic", "constraint"]
    assert screen.timer.isVisible() and screen.timer.digits.text() == "05:00"
    # Next without ideas is refused with a friendly reason
    next_step(qtbot, screen)
    assert screen.round.step.kind == "magic"
    assert "at least one idea" in screen.message.text()
    ideas = screen.panel.ideas
    assert ideas.input.hasFocus()
    for text in IDEAS:
        type_text(qtbot, ideas.input, text)
        qtbot.keyClick(ideas.input, Qt.Key.Key_Return)
    assert [ideas.list.item(i).text() for i in range(ideas.list.count())] == IDEAS
    next_step(qtbot, screen)

    assert isinstance(screen.panel, CheckPanel)
    table = screen.panel.table
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_1)
    qtbot.keyClick(table, Qt.Key.Key_3)
    assert screen.round.ideas[0].score == 2
    assert table.item(0, table.columnCount() - 1).text() == "2"
    next_step(qtbot, screen)

    assert isinstance(screen.panel, VotePanel)
    panel = screen.panel
    first, third = screen.round.ideas[0], screen.round.ideas[2]
    for _ in range(2):
        click(qtbot, panel.findChild(QPushButton, f"dot-plus-{first.id}"))
    click(qtbot, panel.findChild(QPushButton, f"dot-plus-{third.id}"))
    click(qtbot, panel.findChild(QPushButton, f"dot-plus-{third.id}"))  # a fourth dot: refused
    assert "No dots left" in screen.message.text()
    assert screen.round.dots_left() == 0
    next_step(qtbot, screen)
    assert "Tag each chosen idea" in screen.message.text()
    click(qtbot, panel.chip(first.id, "wow"))
    click(qtbot, panel.chip(third.id, "planb"))
    next_step(qtbot, screen)

    assert isinstance(screen.panel, PromisePanel)
    for idea, who in ((first, "Anna"), (third, "Борис")):
        type_text(qtbot, screen.panel.findChild(QLineEdit, f"promise-who-{idea.id}"), who)
        qtbot.keyClicks(screen.panel.findChild(QLineEdit, f"promise-first_step-{idea.id}"), "Tell the team")
        week = next(b for b in screen.panel.findChildren(QPushButton) if b.property("key") == f"due-7-{idea.id}")
        click(qtbot, week)
    type_text(qtbot, screen.panel.findChild(QLineEdit, f"promise-success_sign-{first.id}"), "“You remembered!”")
    next_step(qtbot, screen)

    summary = window.current_screen()
    assert isinstance(summary, SummaryScreen)
    assert "3 ideas" in summary.saved.text()  # every idea of the round, chosen or not
    window.close()
    window.library.close()

    again = build_window(data_home, "en")
    qtbot.addWidget(again)
    again.show()
    click(qtbot, again.current_screen().library_button)
    library = again.current_screen()
    assert isinstance(library, LibraryScreen)
    model = library.table.model()
    rows = {model.index(r, 0).data(): model.index(r, 3).data() for r in range(model.rowCount())}
    assert rows == {IDEAS[0]: "Anna", IDEAS[1]: "", IDEAS[2]: "Борис"}  # the one not chosen has no promise
    again.library.close()


def test_typed_text_survives_back_next_and_a_language_switch(qtbot, window):
    screen = start_solo_spark(qtbot, window)
    qtbot.keyClicks(screen.panel.note, "Worried about the queue")
    next_step(qtbot, screen)
    next_step(qtbot, screen)
    next_step(qtbot, screen)
    qtbot.keyClicks(screen.panel.ideas.input, "A half-typed idea")
    qtbot.keyClick(screen, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert screen.round.step.kind == "lens"
    qtbot.keyClick(screen, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert screen.panel.ideas.input.text() == "A half-typed idea"
    window.set_language("ru")
    screen = round_screen(window)
    assert screen.next_button.text() == "Дальше →"
    assert screen.panel.ideas.input.text() == "A half-typed idea"
    for _ in range(3):
        qtbot.keyClick(screen, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert screen.panel.note.toPlainText() == "Worried about the queue"


def test_redraw_button_replaces_a_card(qtbot, window):
    screen = start_solo_spark(qtbot, window)
    before = [f.card.id for f in screen.panel.faces]
    click(qtbot, screen.panel.faces[0].redraw_button)
    after = [f.card.id for f in screen.panel.faces]
    assert after[1] == before[1] and after[0] != before[0]
    qtbot.keyClick(screen, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert screen.panel.faces[0].card.id not in (after[0],)


def test_example_story_opens_on_demand(qtbot, window):
    screen = start_solo_spark(qtbot, window)
    for _ in range(3):
        next_step(qtbot, screen)
    technique = screen.panel.faces[0]
    assert technique.card.kind == "technomagic" and not technique.example.isVisible()
    assert technique.marks.isVisible() and " · " in technique.marks.text()  # e.g. "minutes · free"
    assert not technique.why.isVisible()
    click(qtbot, technique.story_button)
    assert technique.example.isVisible() and technique.example.text()
    assert technique.why.isVisible() and technique.card.why.en in technique.why.text()


def test_timer_pauses_with_ctrl_space(qtbot, window):
    screen = start_solo_spark(qtbot, window)
    assert screen.round.timer.running
    qtbot.keyClick(screen, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert not screen.round.timer.running
    assert screen.timer.pause_button.text() == "Resume"


def test_drawn_cards_flip_in_unless_animations_are_off(qtbot, window):
    from game.ui.widgets import DrawOverlay

    window.settings.set("animations", True)
    screen = start_solo_spark(qtbot, window)
    overlays = screen.findChildren(DrawOverlay)
    assert len(overlays) == 2  # business and client arrive from the deck
    qtbot.waitUntil(lambda: not screen.findChildren(DrawOverlay), timeout=3000)
    click(qtbot, screen.panel.faces[1].redraw_button)
    assert [o.parent() for o in screen.findChildren(DrawOverlay)] == [screen.panel.faces[1]]
    qtbot.waitUntil(lambda: not screen.findChildren(DrawOverlay), timeout=3000)
    next_step(qtbot, screen)
    qtbot.keyClick(screen, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert not screen.panel.findChildren(DrawOverlay)  # going back shows the same cards: no new draw
    window.settings.set("animations", False)
    window.solo.start("solo-spark", seed=9)
    assert not round_screen(window).findChildren(DrawOverlay)


def test_a_hint_points_at_the_example_after_a_quiet_minute(qtbot, window, monkeypatch):
    monkeypatch.setattr("game.ui.round_screen.RoundScreen.HINT_MS", 60)
    screen = start_solo_spark(qtbot, window)
    assert not screen.hint_timer.isActive()  # the client step takes notes, not ideas
    for _ in range(3):
        next_step(qtbot, screen)
    qtbot.waitUntil(lambda: "Stuck?" in screen.message.text(), timeout=2000)
    type_text(qtbot, screen.panel.ideas.input, "Warm towels")
    qtbot.keyClick(screen.panel.ideas.input, Qt.Key.Key_Return)
    assert screen.message.text() == ""
