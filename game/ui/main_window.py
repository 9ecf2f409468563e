"""The main window: a stack of screens, the menu, settings and the help overlay.

Only the home screen is imported before the first paint; every other screen, and the rules of the game, are
imported when first shown (start-up budget: 2x a bare PySide6 window).
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from game import APP_NAME, __version__
from game.ui import i18n, theme
from game.ui.library import Library
from game.ui.screens import HomeScreen
from game.ui.settings import Settings
from game.ui.widgets import give_back_keys, tr, trn

if TYPE_CHECKING:
    from game.domain.content import Content
    from game.domain.round import Round
    from game.ui.screens import SummaryScreen

AUTOSAVE_FILE = "round-in-play.json"


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Settings"))
        form = QFormLayout(self)
        self.language = QComboBox(self)
        self.language.setObjectName("languageCombo")
        for label, code in ((tr("System language"), ""), ("Русский", "ru"), ("English", "en")):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("language"))))
        form.addRow(tr("Language"), self.language)
        self.room = QComboBox(self)
        self.room.setObjectName("roomCombo")
        for label, code in (
            (tr("S: a small room, the screen close"), "S"),
            (tr("M: a meeting room"), "M"),
            (tr("L: a large room"), "L"),
            (tr("XL: a hall"), "XL"),
        ):
            self.room.addItem(label, code)
        self.room.setCurrentIndex(max(0, self.room.findData(settings.get("room_size"))))
        form.addRow(tr("Projector text"), self.room)
        self.animations = QCheckBox(tr("Card animations"), self)
        self.animations.setChecked(bool(settings.get("animations")))
        form.addRow("", self.animations)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class MainWindow(QMainWindow):
    """Holds the content, the library door and the current round; screens are rebuilt from them."""

    first_shown = Signal()
    library_ready = Signal()  # emitted from the thread that opened the library; delivered on the UI thread
    AUTOSAVE_MS = 500  # a round in play is at most half a second behind on disk

    def __init__(self, load_content: Callable[[], Content], data_dir: Path, settings: Settings, lang: str):
        super().__init__()
        self._load_content = load_content
        self._content: Content | None = None
        self.data_dir = data_dir
        self.settings = settings
        self.lang = lang
        self.library = Library(data_dir)
        self.round: Round | None = None
        self.saved_note = ""
        self.saved_ids: list[int] = []
        self.resume_problem = ""
        self.presenter = None  # the workshop's presenter view, a window of its own
        self._alarm = None
        self._autosaved = ""
        self._autosave_problem = ""
        self._autosave = QTimer(self)  # typing changes the round without signals: compare and save each second
        self._autosave.timeout.connect(self.autosave)
        self._autosave.start(self.AUTOSAVE_MS)
        self.library_ready.connect(self.show_due)
        self._shown = False
        self._base = 0
        self.setWindowIcon(theme.app_icon())
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self._build_menu()
        self.show_home()
        self.fit_to_screen()

    @property
    def content(self) -> Content:
        """The decks and scenarios, read on first use (start-up reads them right after the first paint)."""
        if self._content is None:
            self._content = self._load_content()
            self._resume_autosaved()
            home = self.current_screen()
            if isinstance(home, HomeScreen):
                home.show_content(self._content, self.resumable(), self.resume_problem)
        return self._content

    # --- never lose a round -----------------------------------------------------------------------

    @property
    def autosave_path(self) -> Path:
        return self.data_dir / AUTOSAVE_FILE

    def autosave(self) -> None:
        """Write the round in play when it changed (atomically: a crash never leaves half a file).

        A folder that cannot be written (a removed USB stick, a full disk) is said once in the status bar;
        the round stays in memory and is written as soon as the folder can take it again."""
        if self.round is None or self.round.finished:
            return
        state = self.round.to_json()
        if state != self._autosaved:
            tmp = self.autosave_path.with_suffix(".tmp")
            try:
                tmp.write_text(state, encoding="utf-8")
                tmp.replace(self.autosave_path)
            except OSError as e:
                problem = tr("Cannot keep the round in {0}: {1}").format(self.data_dir, e.strerror or e)
                if problem != self._autosave_problem:
                    self._autosave_problem = problem
                    self.statusBar().showMessage(problem)
                return
            if self._autosave_problem:
                self._autosave_problem = ""
                self.statusBar().clearMessage()
            self._autosaved = state

    def forget_autosave(self) -> None:
        self.autosave_path.unlink(missing_ok=True)
        self._autosaved = ""

    def _resume_autosaved(self) -> None:
        """A round left unfinished (closed, killed or crashed) comes back, ready to continue."""
        path = self.autosave_path
        if self.round is not None or not path.exists():
            return
        try:
            from game.domain.workshop import load_state

            self.round = load_state(path.read_text(encoding="utf-8"), self._content)
        except (OSError, ValueError, KeyError, TypeError, IndexError) as e:
            aside = path.with_name(f"round-unreadable-{time.strftime('%Y%m%d-%H%M%S')}.json")
            path.replace(aside)
            self.resume_problem = tr("An unfinished round could not be read ({0}); it is kept in {1}").format(e, aside)

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
        for menu, key, shortcut, slot in (
            ("game", "home", "Ctrl+H", self.show_home),
            ("game", "library", "Ctrl+L", self.show_library),
            ("game", "decks", "Ctrl+D", self.show_decks),
            ("game", "settings", "Ctrl+,", self.open_settings),
            ("game", "quit", "Ctrl+Q", self.close),
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
        texts = {
            "home": tr("Home"),
            "library": tr("Idea library"),
            "decks": tr("Decks"),
            "settings": tr("Settings…"),
            "quit": tr("Quit"),
            "help": tr("Keyboard shortcuts"),
            "about": tr("About"),
        }
        for key, text in texts.items():
            self.actions_[key].setText(text)

    def _set(self, screen: QWidget) -> None:
        if self.presenter is not None and not getattr(screen, "keeps_presenter", False):
            self.close_presenter()  # the projector goes dark when the workshop is left
        old = self.stack.currentWidget()
        self.stack.addWidget(screen)
        self.stack.setCurrentWidget(screen)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        screen.setFocus()

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
        home.play_solo.connect(lambda: self.leave_round_in_play() and self.show_picker())
        home.run_workshop.connect(lambda: self.leave_round_in_play() and self.show_workshop_setup())
        home.open_library.connect(self.show_library)
        home.open_decks.connect(self.show_decks)
        self._set(home)

    def open_library_in_background(self) -> None:
        """Open the library (SQLAlchemy, migrations: ~0.5 s) off the UI thread once the window is on screen."""

        def work() -> None:
            engine = self.library.engine()
            if engine is None:
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

        threading.Thread(target=work, daemon=True).start()

    def similar_titles(self, typed: str) -> list[str]:
        """Titles of library ideas like the one being typed (none while the library is still opening)."""
        return [idea.title for idea in self.library.similar(typed)] if self.library.ready else []

    def show_due(self) -> None:
        home = self.current_screen()
        if isinstance(home, HomeScreen) and self.library.ready:
            due = self.library.due(date.today())
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

    def show_picker(self) -> None:
        from game.ui.screens import ScenarioPicker

        picker = ScenarioPicker(self.content, self.lang, self)
        picker.chosen.connect(self.start_round)
        picker.cancelled.connect(self.show_home)
        self._set(picker)

    def start_round(self, scenario_id: str, seed: int | None = None) -> None:
        from game.domain.round import new_round

        self.round = new_round(self.content.scenarios[scenario_id], self.content, seed)
        self.show_round(just_drawn=True)

    # --- workshops ------------------------------------------------------------------------------

    def show_workshop_setup(self) -> None:
        from game.ui.workshop_setup import WorkshopSetup

        setup = WorkshopSetup(self.content, self.lang, self)
        setup.started.connect(self.start_workshop)
        setup.cancelled.connect(self.show_home)
        self._set(setup)

    def start_workshop(self, scenario_id: str, teams: list, options: dict, seed: int | None = None) -> None:
        from game.domain.workshop import new_workshop

        scenario = self.content.scenarios[scenario_id]
        self.round = new_workshop(scenario, self.content, teams, seed=seed, **options)
        self.autosave()  # the room's setup is on disk before the first idea
        self.show_round()

    def alarm(self):
        if self._alarm is None:
            from game.ui.sound import default_alarm

            self._alarm = default_alarm(self)
            self._alarm.muted = bool(self.settings.get("alarm_muted"))
        return self._alarm

    def show_console(self) -> None:
        from game.ui.console import WorkshopConsole
        from game.ui.presenter import PresenterView

        ws = self.round
        assert ws is not None and ws.in_teams
        self.close_presenter()
        self.presenter = PresenterView(ws, self.lang, str(self.settings.get("room_size")))
        console = WorkshopConsole(ws, self.lang, self.presenter, self.alarm(), self)
        console.finished.connect(self.finish_round)
        console.buttons["mute"].toggled.connect(lambda muted: self.settings.set("alarm_muted", muted))
        self._set(console)
        console.show_presenter()  # a started, resumed or re-translated workshop puts the room's view up

    def close_presenter(self) -> None:
        if self.presenter is not None:
            self.presenter.close()
            self.presenter.deleteLater()
            self.presenter = None

    def show_round(self, just_drawn: bool = False) -> None:
        assert self.round is not None
        if self.round.in_teams:
            self.show_console()
            return
        from game.ui.round_screen import RoundScreen

        screen = RoundScreen(
            self.round, self.lang, bool(self.settings.get("animations")), just_drawn, self, self.similar_titles
        )
        screen.finished.connect(self.finish_round)
        self._set(screen)
        screen.panel.focus_target().setFocus()

    def finish_round(self) -> None:
        rnd = self.round
        assert rnd is not None
        try:
            ids = self.library.save(rnd, self.lang)
        except OSError as e:  # the library is broken: keep the round in a file, say where
            kept = self.keep_round_file(rnd)
            self.saved_note = tr("Could not save to the library ({0}). Your round is kept in {1}").format(e, kept)
            ids = []
        else:
            self.saved_note = tr("Saved to the idea library: {0}.").format(trn("%n ideas", len(ids)))
        self.saved_ids = ids
        self.forget_autosave()
        if self.presenter is not None:
            self.presenter.show_state()  # the room sees the closing view: the chosen ideas and promises
        self.show_summary()

    def keep_round_file(self, rnd: Round) -> Path:
        folder = self.data_dir / "unsaved"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"round-{time.strftime('%Y%m%d-%H%M%S')}.json"
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(json.loads(rnd.to_json()), ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(path)
        return path

    def show_summary(self) -> None:
        assert self.round is not None
        from game.ui.screens import SummaryScreen

        summary = SummaryScreen(self.round, self.lang, self.saved_note, self)
        summary.play_again.connect(self.show_workshop_setup if self.round.in_teams else self.show_picker)
        summary.open_library.connect(self.show_library)
        summary.go_home.connect(self.show_home)
        summary.export.connect(lambda: self._export_round(summary))
        summary.report.connect(lambda: self._report_round(summary))
        self._set(summary)

    def _export_round(self, summary: SummaryScreen) -> None:
        from game.ui.transfer import export_ideas

        engine = self.library.engine()
        if engine is None or not self.saved_ids:
            summary.saved.setText(self.saved_note)
            return
        from game.store.ideas import IdeaFilter

        title = self.round.scenario.name.get(self.lang)
        said = export_ideas(self, engine, IdeaFilter(ids=tuple(self.saved_ids)), self.lang, tr("round"), title)
        if said:
            summary.saved.setText(said)

    def _report_round(self, summary: SummaryScreen) -> None:
        from game.ui.transfer import report_round

        said = report_round(self, self.round, self.lang)
        if said:
            summary.saved.setText(said)

    def show_library(self) -> None:
        from game.ui.library_screen import LibraryScreen

        screen = LibraryScreen(self.library, self.content, self.lang, self)
        screen.go_home.connect(self.show_home)
        self._set(screen)

    def show_decks(self) -> None:
        from game.ui.screens import DecksScreen

        screen = DecksScreen(self.content, self.lang, self)
        screen.go_home.connect(self.show_home)
        self._set(screen)

    def current_screen(self) -> QWidget:
        return self.stack.currentWidget()

    # --- settings and help ----------------------------------------------------------------------

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        give_back_keys(self)
        if accepted:
            self.apply_settings(dialog.language.currentData(), dialog.animations.isChecked(), dialog.room.currentData())

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
        rebuild = {
            "RoundScreen": self.show_round,
            "WorkshopConsole": self.show_round,
            "WorkshopSetup": self.show_workshop_setup,
            "SummaryScreen": self.show_summary,
            "LibraryScreen": self.show_library,
            "DecksScreen": self.show_decks,
            "ScenarioPicker": self.show_picker,
        }
        rebuild.get(type(self.current_screen()).__name__, self.show_home)()

    def show_help(self) -> None:
        """F1: the screen's keys and the window's over the screen (the same overlay everywhere)."""
        screen = self.current_screen()
        if hasattr(screen, "toggle_help"):
            screen.toggle_help()  # the workshop console keeps its overlay
            return
        from game.ui.widgets import HelpOverlay, window_keys

        old = screen.findChild(HelpOverlay, "", Qt.FindChildOption.FindDirectChildrenOnly)
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
        self.autosave()  # the round in play waits for the next start
        self.close_presenter()
        self.library.close()
        super().closeEvent(event)
