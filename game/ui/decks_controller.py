"""The decks screen and its two studios, a deck's cards and a scenario's steps: open, edit, rehearse."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.ui.screen_stack import Screen
from game.ui.widgets import tr

if TYPE_CHECKING:
    from pathlib import Path

    from game.ui.main_window import MainWindow


class DecksController:
    """Shows the decks and the studios; a change to the user's decks folder reads the decks again."""

    def __init__(self, window: MainWindow):
        self.window = window

    def show(self, said: str = "") -> None:
        from game import paths
        from game.ui.screens import DecksScreen

        win = self.window
        screen = DecksScreen(win.content, win.lang, win, decks_dir=paths.user_decks_dir(win.data_dir))
        screen.go_home.connect(win.show_home)
        screen.edit_deck.connect(self.show_deck_studio)
        screen.edit_scenario.connect(self.show_scenario_studio)
        screen.decks_changed.connect(self.changed)
        if said:
            screen.said.setText(said)
        win.stack.show_screen(Screen.DECKS, screen, self.show)

    def changed(self, said: str = "") -> None:
        """The user's decks folder changed: read the decks again and show them."""
        self.window.reload_content()
        self.show(said)

    def show_scenario_studio(self, path: Path) -> None:
        import tomllib

        from game.io.scenariofile import ScenarioFile
        from game.ui.deck_actions import step_catalogue
        from game.ui.scenario_studio import ScenarioStudio

        win = self.window
        try:
            file = ScenarioFile.open(path)
        except (OSError, ValueError, tomllib.TOMLDecodeError) as e:
            self.show(tr("Cannot open {0}: {1}").format(path, e))
            return
        screen = ScenarioStudio(file, win.lang, step_catalogue(win.content), parent=win)
        screen.done.connect(self.changed)
        screen.rehearse.connect(self.rehearse)
        win.stack.show_screen(Screen.SCENARIO_STUDIO, screen, lambda: self.show_scenario_studio(path))

    def rehearse(self, scenario_id: str) -> None:
        """Play a scenario from the studio at once (alone: a trainer rehearses a workshop this way too)."""
        win = self.window
        content = win.reload_content()
        if scenario_id not in content.scenarios:
            problems = "; ".join(str(p) for p in content.problems if scenario_id in str(p.path))
            win.statusBar().showMessage(tr("The game cannot play it yet: {0}").format(problems))
            return
        win.solo.start(scenario_id)

    def show_deck_studio(self, path: Path, replaces_shipped: bool = False) -> None:
        import tomllib

        from game.io.deckfile import DeckFile
        from game.ui.deck_actions import put_aside
        from game.ui.studio import DeckStudio

        win = self.window
        try:
            file = DeckFile.open(path)
        except (OSError, ValueError, tomllib.TOMLDecodeError) as e:  # a hand-edited file with a typo, say
            self.show(tr("Cannot open {0}: {1}").format(path, e))
            return
        screen = DeckStudio(file, win.lang, shipped=replaces_shipped, parent=win)
        screen.done.connect(self.changed)
        screen.back_to_shipped.connect(lambda p: self.changed(tr("Your copy is kept in {0}").format(put_aside(p))))
        win.stack.show_screen(Screen.DECK_STUDIO, screen, lambda: self.show_deck_studio(path, replaces_shipped))
