"""The window's screens, one shown at a time, each registered under a name with the way to show it again.

The window and its controllers show every screen through `ScreenStack.show_screen`; a language switch rebuilds
the current screen the way it was registered, and a screen is found by its name, never by its class.
"""

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget


class Screen(StrEnum):
    HOME = "home"
    PICKER = "picker"  # a solo round's scenarios
    ROUND = "round"  # a solo round in play
    WORKSHOP_SETUP = "workshop-setup"
    CONSOLE = "console"  # a workshop in play
    SUMMARY = "summary"  # a round's or a workshop's end
    LIBRARY = "library"
    DECKS = "decks"
    DECK_STUDIO = "deck-studio"
    SCENARIO_STUDIO = "scenario-studio"


class ScreenStack(QStackedWidget):
    """Holds the current screen, its name and how to build it again from the state it shows."""

    leaving = Signal(str)  # the name of the screen about to be shown, before the old one goes

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.name: Screen | None = None
        self._rebuild: Callable[[], None] | None = None

    def show_screen(self, name: Screen, screen: QWidget, rebuild: Callable[[], None]) -> None:
        """Show `screen` instead of the current one; `rebuild()` shows it again (in another language, say)."""
        self.leaving.emit(name)
        self.name, self._rebuild = name, rebuild
        old = self.currentWidget()
        self.addWidget(screen)
        self.setCurrentWidget(screen)
        if old is not None:
            self.removeWidget(old)
            old.deleteLater()
        screen.setFocus()

    def get(self, name: Screen) -> QWidget | None:
        """The current screen when it is the one registered under `name`, else None."""
        return self.currentWidget() if self.name == name else None

    def rebuild(self) -> bool:
        """Show the current screen again from its state; False when there is none to rebuild."""
        if self._rebuild is None:
            return False
        self._rebuild()
        return True
