"""A round in play is never lost: Home and back, closing the window, or a killed process."""

from PySide6.QtCore import Qt

from game.ui.autosave import AUTOSAVE_FILE
from game.ui.round_screen import RoundScreen
from game.ui.screens import HomeScreen, SummaryScreen
from tests.play import play_to_end
from tests.ui.conftest import click, run_then_kill, type_text


def home_with_resume(qtbot, win) -> HomeScreen:
    home = win.current_screen()
    assert isinstance(home, HomeScreen)
    qtbot.waitUntil(home.resume_button.isVisible)  # offered once the decks are read, just after start
    return home


def test_home_in_the_middle_of_a_round_offers_to_continue_it(qtbot, open_window):
    win = open_window()
    win.solo.start("solo-spark", seed=4)
    screen = win.current_screen()
    screen.go_next()
    cards = [f.card.id for f in screen.panel.faces]
    win.actions_["home"].trigger()
    home = home_with_resume(qtbot, win)
    assert home.resume_button.text() == "Continue: Solo spark, step 2 of 7"
    click(qtbot, home.resume_button)
    screen = win.current_screen()
    assert isinstance(screen, RoundScreen)
    assert [f.card.id for f in screen.panel.faces] == cards


def test_closing_the_window_keeps_the_round_for_the_next_start(qtbot, open_window, data_home):
    win = open_window()
    win.solo.start("solo-spark", seed=5)
    screen = win.current_screen()
    for _ in range(3):
        screen.go_next()
    type_text(qtbot, screen.panel.ideas.input, "Ёлка у входа 🎄")
    qtbot.keyClick(screen.panel.ideas.input, Qt.Key.Key_Return)
    type_text(qtbot, screen.panel.ideas.input, "half-typed")
    win.close()
    assert (data_home / AUTOSAVE_FILE).exists()

    again = open_window()
    click(qtbot, home_with_resume(qtbot, again).resume_button)
    screen = again.current_screen()
    assert screen.round.step.kind == "magic"
    assert [i.text for i in screen.round.ideas] == ["Ёлка у входа 🎄"]
    assert screen.panel.ideas.input.text() == "half-typed"
    play_to_end(screen.round, lambda: click(qtbot, screen.next_button))
    assert isinstance(again.current_screen(), SummaryScreen)
    assert not (data_home / AUTOSAVE_FILE).exists()  # finished and saved: nothing left to resume


def test_an_unreadable_round_file_is_set_aside_and_named(qtbot, open_window, data_home):
    data_home.mkdir(parents=True)
    (data_home / AUTOSAVE_FILE).write_text('{"version": 1, "scenario": "solo-spark"', encoding="utf-8")
    win = open_window()
    home = win.current_screen()
    qtbot.waitUntil(home.warning.isVisible)
    assert home.warning.text().startswith("An unfinished round could not be read (")
    [aside] = data_home.glob("round-unreadable-*.json")
    assert str(aside) in home.warning.text()
    assert not home.resume_button.isVisible()


KILLED = """
import sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from game.ui.app import build_window, make_application
app = make_application()
win = build_window(Path(sys.argv[1]), "en")
win.show()
win.solo.start("solo-spark", seed=8)
screen = win.current_screen()
for _ in range(3):
    screen.go_next()
for n in range(3):
    screen.panel.ideas.input.setText(f"idea {n}")
    screen.panel.ideas.add()
print("typed", flush=True)
while True:
    app.processEvents()
    time.sleep(0.02)
"""


def test_a_killed_game_resumes_with_every_idea_typed_a_second_before(qtbot, open_window, data_home):
    assert run_then_kill(KILLED, data_home) == "typed"
    win = open_window()
    click(qtbot, home_with_resume(qtbot, win).resume_button)
    assert [i.text for i in win.current_screen().round.ideas] == ["idea 0", "idea 1", "idea 2"]


def test_a_folder_that_cannot_be_written_is_said_once_and_the_round_is_kept(qtbot, open_window, data_home):
    win = open_window()
    win.solo.start("solo-spark", seed=3)
    win.round.set_note("my words")
    (data_home / AUTOSAVE_FILE).mkdir()  # the round's file cannot be replaced
    (data_home / AUTOSAVE_FILE / "in the way").touch()
    win.autosave()
    assert win.statusBar().currentMessage().startswith(f"Cannot keep the round in {data_home}: ")
    assert [p.name for p in data_home.iterdir() if p.name.startswith(".technomagic-tmp-")] == []  # none left
    (data_home / AUTOSAVE_FILE / "in the way").unlink()
    (data_home / AUTOSAVE_FILE).rmdir()
    win.autosave()
    assert win.statusBar().currentMessage() == ""
    assert "my words" in (data_home / AUTOSAVE_FILE).read_text(encoding="utf-8")
