"""Each part of the window in its own room: the window shows screens through its registry, solo rounds and
workshops are played by their controllers, and nothing finds a screen by its class name."""

import ast
from pathlib import Path

import pytest

import game.ui
from game.domain.workshop import Team
from game.ui.screen_stack import Screen

UI = Path(game.ui.__file__).parent
WINDOW = ("main_window.py", "screen_stack.py", "solo_controller.py", "workshop_controller.py", "round_end.py",
          "decks_controller.py", "autosave.py", "library_safety.py")
WINDOW_LINES = 420  # main_window.py was 994 lines before the controllers took the rounds' flows


def ui_classes() -> set[str]:
    return {
        node.name for path in UI.glob("*.py") for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef)
    }  # fmt: skip


def test_no_screen_is_found_by_its_class_name_or_an_isinstance_chain():
    classes = ui_classes()
    assert {"HomeScreen", "RoundScreen", "WorkshopConsole", "SummaryScreen"} <= classes
    for name in WINDOW:
        for node in ast.walk(ast.parse((UI / name).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert node.value not in classes, f"{name}: the class name {node.value!r} as a string"
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id != "isinstance", f"{name}, line {node.lineno}: isinstance"
                if node.func.id == "type" and node.args and isinstance(node.args[0], ast.Call):
                    called = node.args[0].func
                    assert getattr(called, "attr", "") not in ("current_screen", "currentWidget"), name


def test_solo_and_workshop_flows_live_in_their_controllers_not_in_the_window():
    from game.ui.decks_controller import DecksController
    from game.ui.library_safety import LibrarySafety
    from game.ui.main_window import MainWindow
    from game.ui.round_end import RoundEnd
    from game.ui.solo_controller import SoloController
    from game.ui.workshop_controller import WorkshopController

    flows = {"show_picker", "start_round", "show_workshop_setup", "start_workshop", "show_console", "alarm",
             "open_room", "close_room", "close_presenter", "finish_round", "show_summary", "keep_round_file",
             "show_decks", "show_studio", "show_scenario_studio", "forget_autosave", "backup_in_background",
             "restore_latest", "rescue_library", "save_unsaved"}  # fmt: skip
    assert not flows & set(vars(MainWindow)), "a round's flow is back in the window"
    assert {"show_start", "start", "show"} <= set(vars(SoloController))
    assert {"show_start", "start", "show", "alarm", "open_room", "close_room", "close_presenter"} <= set(
        vars(WorkshopController)
    )
    assert {"finish", "keep_round_file", "show_summary"} <= set(vars(RoundEnd))
    assert {"show", "show_deck_studio", "show_scenario_studio", "rehearse"} <= set(vars(DecksController))
    assert {"backup_in_background", "restore_latest", "rescue_library", "save_unsaved"} <= set(vars(LibrarySafety))
    lines = len((UI / "main_window.py").read_text(encoding="utf-8").splitlines())
    assert lines <= WINDOW_LINES, f"main_window.py has {lines} lines"


def start_solo(win) -> None:
    win.solo.start("solo-spark", seed=1)


def start_workshop(win) -> None:
    win.workshop.start("classic-workshop", [Team("Owls"), Team("Foxes")], {}, seed=1)


def summary_of_a_round(win) -> None:
    start_solo(win)
    win.round_end.show_summary()


def scenario_studio(win) -> None:
    from game.io.scenariofile import ScenarioFile

    source = win.content.scenarios["solo-spark"].path
    mine = ScenarioFile.copy_of(source, win.data_dir / "scenarios" / "mine.toml", "mine", {"ru": "Мой", "en": "Mine"})
    mine.save()
    win.decks.show_scenario_studio(mine.path)


def deck_studio(win) -> None:
    import shutil

    from game import paths

    (win.data_dir / "cards").mkdir(parents=True, exist_ok=True)
    mine = shutil.copy(paths.shipped("cards") / "lens.toml", win.data_dir / "cards" / "lens.toml")
    win.decks.show_deck_studio(Path(mine))


SHOWN = {
    Screen.HOME: lambda win: win.show_home(),
    Screen.PICKER: lambda win: win.solo.show_start(),
    Screen.ROUND: start_solo,
    Screen.WORKSHOP_SETUP: lambda win: win.workshop.show_start(),
    Screen.CONSOLE: start_workshop,
    Screen.SUMMARY: summary_of_a_round,
    Screen.LIBRARY: lambda win: win.show_library(),
    Screen.DECKS: lambda win: win.decks.show(),
    Screen.DECK_STUDIO: deck_studio,
    Screen.SCENARIO_STUDIO: scenario_studio,
}


@pytest.mark.parametrize("name", list(SHOWN))
def test_a_language_switch_rebuilds_the_screen_shown_the_way_it_was_registered(qtbot, open_window, name):
    win = open_window("en", ready=True)
    SHOWN[name](win)
    assert win.stack.name == name
    before = win.current_screen()
    win.apply_settings("ru", True)
    assert win.stack.name == name and win.current_screen() is not before
    if name in (Screen.DECK_STUDIO, Screen.SCENARIO_STUDIO):  # a studio opens the same file again
        assert win.current_screen().file.path == before.file.path
    assert win.windowTitle().startswith("Техномагия")
    assert (win.workshop.presenter is not None) == (name == Screen.CONSOLE)  # the projector only with its console
