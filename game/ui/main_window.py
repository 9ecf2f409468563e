"""The main window: the stack of screens, the menus, settings, the help overlay, and the library's door (opening
it off the UI thread, backups, rounds waiting to be sent). A solo round, a workshop, a round's end, the decks and
the autosave each have a module of their own (solo_controller, workshop_controller, round_end, decks_controller,
autosave); screens are shown through `ScreenStack` under a name.

Only the home screen is imported before the first paint; every other screen, and the rules of the game, are
imported when first shown (start-up budget: 2x a bare PySide6 window).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from game import APP_NAME, __version__
from game.ui import i18n, theme
from game.ui.autosave import Autosave
from game.ui.decks_controller import DecksController
from game.ui.keyboard import keys_back_after_dialogs, tab_in_reading_order
from game.ui.library import Library
from game.ui.library_safety import LibrarySafety
from game.ui.round_end import RoundEnd
from game.ui.screen_stack import Screen, ScreenStack
from game.ui.screens import HomeScreen
from game.ui.settings import Settings
from game.ui.solo_controller import SoloController
from game.ui.widgets import give_back_keys, tr
from game.ui.workshop_controller import WorkshopController

if TYPE_CHECKING:
    from game.domain.content import Content
    from game.domain.round import Round


class MainWindow(QMainWindow):
    """Holds the content, the library door and the round in play; its controllers show the screens."""

    first_shown = Signal()
    library_ready = Signal()  # emitted from the thread that opened the library; delivered on the UI thread
    library_failed = Signal()  # the library cannot be trusted (damaged, empty, newer, unwritable): say so
    due_read = Signal(object)  # the promises due, read before the library opens (from that thread too)
    rounds_sent = Signal(int)  # rounds that waited in unsaved/ reached the library (from a worker thread)
    RESEND_MS = 2000  # how often rounds waiting in unsaved/ try the library again

    def __init__(
        self,
        load_content: Callable[[], Content],
        data_dir: Path,
        settings: Settings,
        lang: str,
        library_url: str | None = None,
    ):
        super().__init__()
        self._load_content = load_content
        self._content: Content | None = None
        self.data_dir = data_dir
        self.settings = settings
        self.lang = lang
        self.library = Library(data_dir, library_url)
        self._sending = threading.Lock()
        self._resend = QTimer(self)  # rounds kept while the library's server was away go to it once it is back
        self._resend.timeout.connect(self.send_waiting_rounds)
        self._resend.start(self.RESEND_MS)
        self.round: Round | None = None  # the round in play, solo or a workshop: autosaved while it runs
        self.resume_problem = ""
        self.saver = Autosave(self)
        self.library_ready.connect(self.show_due)
        self.safety = LibrarySafety(self)  # backups, a library that cannot be trusted, rounds kept in unsaved/
        keys_back_after_dialogs()  # every dialog gives the keys back to the window as it closes
        self.due_read.connect(self.show_due)
        self._shown = False
        self._base = 0
        self.setWindowIcon(theme.app_icon())
        self.stack = ScreenStack(self)
        self.setCentralWidget(self.stack)
        self.solo = SoloController(self)
        self.workshop = WorkshopController(self)
        self.round_end = RoundEnd(self)
        self.decks = DecksController(self)
        self.rounds_sent.connect(self.round_end.rounds_sent)
        self._build_menu()
        self.show_home()
        self.fit_to_screen()

    @property
    def content(self) -> Content:
        """The decks and scenarios, read on first use (start-up reads them right after the first paint)."""
        if self._content is None:
            self._content = self._load_content()
            if self.round is None:  # a round left unfinished (closed, killed or crashed) comes back
                self.round, self.resume_problem = self.saver.resume(self._content)
            home = self.stack.get(Screen.HOME)
            if home is not None:
                home.show_content(self._content, self.resumable(), self.resume_problem)
        return self._content

    # --- never lose a round -----------------------------------------------------------------------

    def autosave(self, wait: bool = True) -> None:
        """Write the round in play now (the crash handler, a workshop's setup and its room's port call this)."""
        self.saver.save(wait)

    def resumable(self) -> str:
        """What the home screen says about the round in play, or "" when there is none."""
        rnd = self.round
        if rnd is None or rnd.finished:
            return ""
        name, step, steps = rnd.scenario.name.get(self.lang), rnd.step_index + 1, len(rnd.steps)
        if rnd.in_teams:
            return tr("{0} with {1} teams, step {2} of {3}").format(name, len(rnd.teams), step, steps)
        return tr("{0}, step {1} of {2}").format(name, step, steps)

    # --- chrome ---------------------------------------------------------------------------------

    def _build_menu(self) -> None:
        """Menus and their actions, made once (each shortcut defined here only); texts come from `_retranslate`."""
        self.menus = {"game": self.menuBar().addMenu(""), "help": self.menuBar().addMenu("")}
        self.actions_: dict[str, QAction] = {}
        self.menus["library"] = self.menuBar().addMenu("")
        self.menuBar().insertMenu(self.menus["help"].menuAction(), self.menus["library"])
        for menu, key, shortcut, slot in (
            ("game", "home", "Ctrl+H", self.show_home),
            ("game", "library", "Ctrl+L", self.show_library),
            ("game", "decks", "Ctrl+D", lambda: self.decks.show()),
            ("game", "settings", "Ctrl+,", self.open_settings),
            ("game", "quit", "Ctrl+Q", self.close),
            ("library", "backups", "", lambda: self.safety.show_backups()),
            ("help", "help", "F1", self.show_help),
            ("help", "about", "", self.show_about),
        ):
            action = QAction(self)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            self.menus[menu].addAction(action)
            self.actions_[key] = action
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(f"{tr('Technomagic of Impressions')} {__version__}")
        self.menus["game"].setTitle(tr("&Game"))
        self.menus["help"].setTitle(tr("&Help"))
        self.menus["library"].setTitle(tr("&Library"))
        texts = {
            "home": tr("Home"),
            "library": tr("Idea library"),
            "decks": tr("Decks"),
            "settings": tr("Settings…"),
            "quit": tr("Quit"),
            "backups": tr("Backups…"),
            "help": tr("Keyboard shortcuts"),
            "about": tr("About"),
        }
        for key, text in texts.items():
            self.actions_[key].setText(text)

    def fit_to_screen(self, width: int = 1280, height: int = 760) -> None:
        """Open at a comfortable size, never larger than the screen's free area (a 1024×700 laptop included)."""
        free = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        self.resize(min(width, free.width()), min(height, free.height()))

    def resizeEvent(self, event) -> None:
        # the text grows with the window, never so much that the screen's minimum no longer fits its window
        base = max(13, min(22, self.height() // 48, self.width() // 64))
        if base != self._base:
            self._base = base
            self.setStyleSheet(theme.stylesheet(base))
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._shown:
            self._shown = True  # the first frame is being painted: the window is on screen
            QTimer.singleShot(0, self.first_shown)
        return super().event(event)

    # --- screens --------------------------------------------------------------------------------

    def show_home(self) -> None:
        home = HomeScreen(self)
        if self._content is not None:
            home.show_content(self._content, self.resumable(), self.resume_problem)
        home.resume.connect(self.show_round)
        if self.library.ready:
            QTimer.singleShot(0, self.show_due)
            QTimer.singleShot(0, self.safety.show_unsaved)
        elif self.library.problem is not None:
            QTimer.singleShot(0, self.safety.show_problem)
        home.play_solo.connect(lambda: self.leave_round_in_play() and self.solo.show_start())
        home.run_workshop.connect(lambda: self.leave_round_in_play() and self.workshop.show_start())
        home.open_library.connect(self.show_library)
        home.open_decks.connect(lambda: self.decks.show())
        self.stack.show_screen(Screen.HOME, home, self.show_home)

    def open_library_in_background(self) -> None:
        """Open the library (SQLAlchemy, migrations: ~0.5 s) off the UI thread once the window is on screen."""

        def work() -> None:
            due = self.library.quick_due(date.today())  # home shows them before SQLAlchemy is even imported
            if due is not None:
                with contextlib.suppress(RuntimeError):
                    self.due_read.emit(due)
            engine = self.library.engine()
            if engine is None:
                if self.library.problem is not None:
                    with contextlib.suppress(RuntimeError):
                        self.library_failed.emit()
                return
            from sqlalchemy.exc import SQLAlchemyError

            from game.store import ideas

            try:
                ideas.count(engine, ideas.IdeaFilter())  # the first ORM query sets SQLAlchemy's mappers up:
                ideas.find(engine, ideas.IdeaFilter(), limit=1)  # pay for it here, not when Library is clicked
            except SQLAlchemyError:
                return  # closed while warming up: the window is going away
            with contextlib.suppress(RuntimeError):  # the window was closed (and deleted) while it opened
                self.library_ready.emit()

        self.library_thread = threading.Thread(target=work, daemon=True)  # joined by tests before closing
        self.library_thread.start()

    def similar_titles(self, typed: str) -> list[str]:
        """Titles of library ideas like the one being typed (none while the library is still opening)."""
        return [idea.title for idea in self.library.similar(typed)] if self.library.ready else []

    def show_due(self, due=None) -> None:
        home = self.stack.get(Screen.HOME)
        if home is not None and (self.library.ready or due is not None):
            due = self.library.due(date.today()) if self.library.ready else due
            from game.ui.outcome import DuePromises

            panel = DuePromises(due, home) if due else None
            if panel is not None:
                panel.asked.connect(self.ask_outcome)
            home.show_due(panel)

    def ask_outcome(self, idea) -> None:
        from game.ui.outcome import OutcomeDialog, record_outcome

        dialog = OutcomeDialog(idea.title, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        give_back_keys(self)
        if accepted:
            record_outcome(self.library, idea, dialog.outcome(), dialog.note.text(), date.today())
            self.show_due()

    def leave_round_in_play(self) -> bool:
        """Before a new round: a round in play is given up only when the player says so (No keeps it)."""
        if self.round is None or self.round.finished:
            return True
        from game.ui.widgets import ask

        return ask(
            self,
            tr("A round is in play"),
            tr("Start a new round and give up the one in play ({0})?").format(self.resumable()),
            tr("Give it up, start anew"),
            tr("No, keep it"),
        )

    def flow(self, rnd: Round) -> SoloController | WorkshopController:
        """The controller that plays this round: the workshop's for a room of teams, else the solo one."""
        return self.workshop if rnd.in_teams else self.solo

    def show_round(self) -> None:
        """The round in play, where it stands (resumed, or kept open when it could not be saved)."""
        assert self.round is not None
        self.flow(self.round).show()

    def send_waiting_rounds(self) -> None:
        """Try the library again for the rounds waiting in unsaved/ (off the UI thread: a server may be slow)."""
        folder = self.data_dir / "unsaved"
        if not folder.is_dir() or not any(folder.glob("round-*.json")) or not self._sending.acquire(blocking=False):
            return
        content = self.content

        def work() -> None:
            try:
                sent, _known = self.library.send_waiting(content, self.lang)
            finally:
                self._sending.release()
            if sent:
                with contextlib.suppress(RuntimeError):  # the window went away meanwhile
                    self.rounds_sent.emit(sent)

        self.resend_thread = threading.Thread(target=work, daemon=True)
        self.resend_thread.start()

    def show_library(self) -> None:
        from game.ui.library_screen import LibraryScreen

        screen = LibraryScreen(self.library, self.content, self.lang, self)
        screen.go_home.connect(self.show_home)
        self.stack.show_screen(Screen.LIBRARY, screen, self.show_library)

    def reload_content(self) -> Content:
        """Read the decks and scenarios again (the user's decks folder changed)."""
        self._content = self._load_content()
        return self._content

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab walks the screen as it reads (game/ui/widgets.py), whatever the screen has built since."""
        return tab_in_reading_order(self.current_screen(), next) or super().focusNextPrevChild(next)

    def current_screen(self) -> QWidget:
        return self.stack.currentWidget()

    # --- settings and help ----------------------------------------------------------------------

    def open_settings(self) -> None:
        from game.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        dialog.library_button.clicked.connect(self.open_library_settings)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        give_back_keys(self)
        if accepted:
            self.apply_settings(dialog.language.currentData(), dialog.animations.isChecked(), dialog.room.currentData())

    def open_library_settings(self) -> None:
        """Settings → Library: choose the file or a server, or copy the library elsewhere."""
        from PySide6.QtWidgets import QApplication

        from game.store.engine import chosen_url
        from game.ui.library_settings import LibraryDialog

        current = chosen_url(self.data_dir, self.library.url)
        dialog = LibraryDialog(self.data_dir, current, self.library.url, QApplication.activeModalWidget() or self)
        dialog.chosen.connect(lambda _url: self.switch_library())
        dialog.exec()

    def switch_library(self) -> None:
        """Use the library chosen now (an override from --library stays), from the home screen."""
        self.library.close()
        self.library = Library(self.data_dir, self.library.url)
        self.show_home()
        self.open_library_in_background()

    def apply_settings(self, language: str, animations: bool, room: str | None = None) -> None:
        self.settings.set("language", language)
        self.settings.set("animations", animations)
        if room:
            self.settings.set("room_size", room)
        self.set_language(i18n.resolve(language))

    def set_language(self, lang: str) -> None:
        """Switch the UI language and rebuild the current screen from the state it shows."""
        self.lang = lang
        i18n.install(lang)
        self._retranslate()
        if not self.stack.rebuild():
            self.show_home()

    def show_help(self) -> None:
        """F1: the screen's keys and the window's over the screen (the same overlay everywhere)."""
        screen = self.current_screen()
        if hasattr(screen, "toggle_help"):
            screen.toggle_help()  # the workshop console keeps its overlay
            return
        from game.ui.widgets import HelpOverlay, window_keys

        old = screen.findChild(HelpOverlay, "helpOverlay", Qt.FindChildOption.FindDirectChildrenOnly)
        if old is not None and old.isVisible():
            old.hide()
            return
        if old is not None:
            old.deleteLater()
        rows = screen.help_keys() if hasattr(screen, "help_keys") else []
        HelpOverlay(screen, rows + window_keys()).toggle()  # made now: a round's keys follow its step

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            APP_NAME,
            tr("Technomagic of Impressions, version {0}.\nYour data: {1}").format(__version__, self.data_dir),
        )

    def closeEvent(self, event) -> None:
        focused = self.focusWidget()
        if focused is not None:
            focused.clearFocus()  # an edit that ends as the focus leaves is saved before the library closes
        self.saver.close()  # the round in play waits for the next start
        self.workshop.close_presenter()
        self.safety.close()
        self.workshop.close_room()
        self.library.close()
        super().closeEvent(event)

    # --- a second start ------------------------------------------------------------------------------

    def bring_to_front(self) -> None:
        """A second start on this data folder asked for this window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
