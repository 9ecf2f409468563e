"""A solo round's flow: the scenario picker, the round's screen step by step, and Play again from its summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.ui.screen_stack import Screen

if TYPE_CHECKING:
    from game.ui.main_window import MainWindow


class SoloController:
    """Starts and shows the window's solo round; its end goes to the window's `RoundEnd`."""

    def __init__(self, window: MainWindow):
        self.window = window

    def show_start(self) -> None:
        """The scenario picker (from the home screen, or Play again)."""
        from game.ui.screens import ScenarioPicker

        win = self.window
        picker = ScenarioPicker(win.content, win.lang, win)
        picker.chosen.connect(self.start)
        picker.cancelled.connect(win.show_home)
        win.stack.show_screen(Screen.PICKER, picker, self.show_start)

    def start(self, scenario_id: str, seed: int | None = None) -> None:
        from game.domain.round import new_round

        win = self.window
        win.round = new_round(win.content.scenarios[scenario_id], win.content, seed)
        self.show(just_drawn=True)

    def show(self, just_drawn: bool = False) -> None:
        """The round in play at its step (the cards come in with their animation when `just_drawn`)."""
        from game.ui.round_screen import RoundScreen

        win = self.window
        assert win.round is not None and not win.round.in_teams
        animations = bool(win.settings.get("animations"))
        screen = RoundScreen(win.round, win.lang, animations, just_drawn, win, win.similar_titles)
        screen.finished.connect(win.round_end.finish)
        win.stack.show_screen(Screen.ROUND, screen, self.show)
        screen.panel.focus_target().setFocus()
