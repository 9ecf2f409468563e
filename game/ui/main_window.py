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
    QPushButton,
    QStackedWidget,
    QWidget,
)

from game import APP_NAME, __version__
from game.io.atomic import write_text_atomically
from game.ui import i18n, theme
from game.ui.keyboard import keys_back_after_dialogs, tab_in_reading_order
from game.ui.library import Library, ServerAway
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
        self.library_button = QPushButton(tr("Library…"), self)  # opens Settings → Library (library_settings.py)
        self.library_button.setObjectName("librarySettings")
        form.addRow(tr("Idea library"), self.library_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class MainWindow(QMainWindow):
    """Holds the content, the library door and the current round; screens are rebuilt from them."""

    first_shown = Signal()
    library_ready = Signal()  # emitted from the thread that opened the library; delivered on the UI thread
    library_failed = Signal()  # the library cannot be trusted (damaged, empty, newer, unwritable): say so
    autosave_written = Signal(int, str, str)  # sequence, state, problem ("" when written): from the writer thread
    BACKUP_MS = 30 * 60 * 1000  # while the game runs, a changed library is backed up at most this often
    due_read = Signal(object)  # the promises due, read before the library opens (from that thread too)
    rounds_sent = Signal(int)  # rounds that waited in unsaved/ reached the library (from a worker thread)
    RESEND_MS = 2000  # how often rounds waiting in unsaved/ try the library again
    AUTOSAVE_MS = 500  # a round in play is at most half a second behind on disk

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
        self.rounds_sent.connect(self._said_sent)
        self.round: Round | None = None
        self.saved_note = ""
        self.saved_ids: list[int] = []
        self.resume_problem = ""
        self.presenter = None  # the workshop's presenter view, a window of its own
        self.room = None  # the workshop's room (phones), a RoomEngine while its console or summary shows
        self._alarm = None
        self._autosaved = ""
        self._autosave_problem = ""
        self._autosave_seq = 0  # the latest write handed to the writer thread, and the latest one heard back from
        self._autosave_heard = 0
        self._autosave_queued = ""
        self._autosave_writer = None
        self.autosave_written.connect(self._autosave_done)
        self._autosave = QTimer(self)  # typing changes the round without signals: compare and save each second
        self._autosave.timeout.connect(lambda: self.autosave(wait=False))
        self._autosave.start(self.AUTOSAVE_MS)
        self.library_ready.connect(self.show_due)
        self.library_ready.connect(self.show_unsaved)
        self.library_failed.connect(self.show_library_problem)
        keys_back_after_dialogs()  # every dialog gives the keys back to the window as it closes
        self._backing_up = threading.Lock()
        self._backup_proc = None  # the background backup's process
        self._finishing = False
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(self.BACKUP_MS)
        self._backup_timer.timeout.connect(self.backup_in_background)
        self.library_ready.connect(self._backup_timer.start)
        self.due_read.connect(self.show_due)
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

    def autosave(self, wait: bool = True) -> None:
        """Write the round in play when it changed (atomically and flushed: a crash or a power cut never leaves
        half a file). The half-second timer hands the write to a thread of its own (`wait=False`: flushing to the
        disk takes tens of milliseconds that typing never waits for); closing, finishing and the crash handler
        wait for it. A folder that cannot be written (a removed USB stick, a full disk) is said once in the status
        bar; the round stays in memory and is written as soon as the folder can take it again."""
        if self.round is None or self.round.finished:
            return
        state = self.round.to_json()
        if state == self._autosaved or (not wait and state == self._autosave_queued):
            return
        if self._autosave_writer is None:
            from concurrent.futures import ThreadPoolExecutor

            self._autosave_writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._autosave_seq += 1
        seq, path = self._autosave_seq, self.autosave_path
        self._autosave_queued = state

        def write() -> str:
            try:
                write_text_atomically(path, state)
            except OSError as e:
                return str(e.strerror or e)
            return ""

        future = self._autosave_writer.submit(write)  # one writer: the writes land in the order they were made
        if wait:
            self._autosave_done(seq, state, future.result())
        else:
            future.add_done_callback(lambda f: self._autosave_reported(seq, state, f.result()))

    def _autosave_reported(self, seq: int, state: str, problem: str) -> None:
        with contextlib.suppress(RuntimeError):  # the window is gone: nothing to tell
            self.autosave_written.emit(seq, state, problem)

    def _autosave_done(self, seq: int, state: str, problem: str) -> None:
        if seq < self._autosave_heard:
            return  # a later write was heard from already
        self._autosave_heard = seq
        if self._autosave_queued == state:
            self._autosave_queued = ""
        if problem:
            said = tr("Cannot keep the round in {0}: {1}").format(self.data_dir, problem)
            if said != self._autosave_problem:
                self._autosave_problem = said
                self.statusBar().showMessage(said)
            return
        if self._autosave_problem:
            self._autosave_problem = ""
            self.statusBar().clearMessage()
        self._autosaved = state

    def _autosave_drain(self) -> None:
        """Wait for the writes handed to the writer thread."""
        if self._autosave_writer is not None:
            self._autosave_writer.submit(lambda: None).result()
            self._autosave_heard = self._autosave_seq  # what they report now is old news

    def forget_autosave(self) -> None:
        self._autosave_drain()  # a write still under way would bring the file back
        self.autosave_path.unlink(missing_ok=True)
        self._autosaved = ""
        self._autosave_queued = ""

    def _resume_autosaved(self) -> None:
        """A round left unfinished (closed, killed or crashed) comes back, ready to continue."""
        path = self.autosave_path
        if self.round is not None or not path.exists():
            return
        try:
            from game.domain.workshop import load_state

            self.round = load_state(path.read_text(encoding="utf-8"), self._content)
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError) as e:
            aside = path.with_name(f"round-unreadable-{time.strftime('%Y%m%d-%H%M%S')}.json")
            with contextlib.suppress(OSError):  # a folder that takes no writes: the file stays where it is
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
        self.menus["library"] = self.menuBar().addMenu("")
        self.menuBar().insertMenu(self.menus["help"].menuAction(), self.menus["library"])
        for menu, key, shortcut, slot in (
            ("game", "home", "Ctrl+H", self.show_home),
            ("game", "library", "Ctrl+L", self.show_library),
            ("game", "decks", "Ctrl+D", self.show_decks),
            ("game", "settings", "Ctrl+,", self.open_settings),
            ("game", "quit", "Ctrl+Q", self.close),
            ("library", "backups", "", self.show_backups),
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

    def _set(self, screen: QWidget) -> None:
        if self.presenter is not None and not getattr(screen, "keeps_presenter", False):
            self.close_presenter()  # the projector goes dark when the workshop is left
        if self.room is not None and not getattr(screen, "keeps_room", False):
            self.close_room()  # the phones' server runs only while its workshop is on the screen
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
            QTimer.singleShot(0, self.show_unsaved)
        elif self.library.problem is not None:
            QTimer.singleShot(0, self.show_library_problem)
        home.play_solo.connect(lambda: self.leave_round_in_play() and self.show_picker())
        home.run_workshop.connect(lambda: self.leave_round_in_play() and self.show_workshop_setup())
        home.open_library.connect(self.show_library)
        home.open_decks.connect(self.show_decks)
        self._set(home)

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
        home = self.current_screen()
        if isinstance(home, HomeScreen) and (self.library.ready or due is not None):
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
        options = dict(options)
        room_host = options.pop("room_host", None)
        self.round = new_workshop(scenario, self.content, teams, seed=seed, **options)
        if room_host:
            from game.domain.room import RoomState

            self.round.room = RoomState(room_host)
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
        self.open_room()
        self.presenter = PresenterView(ws, self.lang, str(self.settings.get("room_size")))
        console = WorkshopConsole(ws, self.lang, self.presenter, self.alarm(), self, room=self.room)
        console.finished.connect(self.finish_round)
        console.buttons["mute"].toggled.connect(lambda muted: self.settings.set("alarm_muted", muted))
        self._set(console)
        console.show_presenter()  # a started, resumed or re-translated workshop puts the room's view up

    def open_room(self) -> None:
        """The workshop's room, when it joins from phones: opened once (a resumed one on its saved port and
        token, so phones reconnect by themselves), kept while the console or the summary shows."""
        ws = self.round
        if ws is None or getattr(ws, "room", None) is None or ws.finished:
            return
        if self.room is not None and self.room.ws is ws:
            return
        self.close_room()
        try:
            from game.room.engine import RoomEngine

            engine = RoomEngine(ws, self.lang, self)
            opened = engine.open()
        except Exception as e:  # the workshop goes on without phones, and says why
            problem = f"{type(e).__name__}: {e}"
            opened, engine = False, None
        else:
            problem = engine.problem
        if not opened:
            self.statusBar().showMessage(tr("The room could not open on {0}: {1}").format(ws.room.host, problem))
            if engine is not None:
                engine.deleteLater()
            return
        self.room = engine
        self.autosave()  # the port it got is on disk for a resume

    def close_room(self) -> None:
        if self.room is not None:
            self.room.close()
            self.room.deleteLater()
            self.room = None

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
        if self._finishing:
            return  # a second Finish while the first one waits for the library
        from game.ui.transfer import run_off_ui

        self._finishing = True
        try:  # off the UI thread: a library busy with an import elsewhere is waited for, the window keeps painting
            ids = run_off_ui(self, tr("Saving to the idea library…"), lambda: self.library.save(rnd, self.lang))
        except ServerAway as e:  # the game plays on; the round goes to the library once its server is back
            kept = self.keep_round_file(rnd)
            self.saved_note = tr(
                "The library server ({0}) cannot be reached: your round waits in {1} and is sent when it is back."
            ).format(e, kept.parent)
            ids = []
        except OSError as e:  # the library is broken: keep the round in a file, say where
            try:
                kept = self.keep_round_file(rnd)
            except OSError as kept_error:  # the folder takes no writes either: the round stays open, in memory
                self.statusBar().showMessage(
                    tr("Could not save to the library ({0}), nor keep the round in {1} ({2}). The round stays open: "
                       "free some space or fix the folder, then finish again.").format(
                        e, self.data_dir / "unsaved", kept_error.strerror or kept_error
                    )
                )  # fmt: skip
                self.show_round()
                return
            self.saved_note = tr("Could not save to the library ({0}). Your round is kept in {1}").format(e, kept)
            ids = []
        else:
            self.saved_note = tr("Saved to the idea library: {0}.").format(trn("%n ideas", len(ids)))
        finally:
            self._finishing = False
        self.saved_ids = ids
        self.forget_autosave()
        if self.presenter is not None:
            self.presenter.show_state()  # the room sees the closing view: the chosen ideas and promises
        self.show_summary()

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

    def _said_sent(self, count: int) -> None:
        self.saved_note = tr("The library is back: rounds that waited, saved now: {0}.").format(count)
        saved = getattr(self.current_screen(), "saved", None)
        if saved is not None:
            saved.setText(self.saved_note)

    def keep_round_file(self, rnd: Round) -> Path:
        folder = self.data_dir / "unsaved"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"round-{time.strftime('%Y%m%d-%H%M%S')}-{rnd.uid[:8]}.json"
        write_text_atomically(path, json.dumps(json.loads(rnd.to_json()), ensure_ascii=False, indent=1))
        return path

    def show_summary(self) -> None:
        assert self.round is not None
        from game.ui.screens import SummaryScreen

        summary = SummaryScreen(self.round, self.lang, self.saved_note, self)
        summary.keeps_room = True  # the phones take the list home from here
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

    def show_decks(self, said: str = "") -> None:
        from game import paths
        from game.ui.screens import DecksScreen

        screen = DecksScreen(self.content, self.lang, self, decks_dir=paths.user_decks_dir(self.data_dir))
        screen.go_home.connect(self.show_home)
        screen.edit_deck.connect(self.show_studio)
        screen.edit_scenario.connect(self.show_scenario_studio)
        screen.decks_changed.connect(self._decks_changed)
        if said:
            screen.said.setText(said)
        self._set(screen)

    def _decks_changed(self, said: str = "") -> None:
        """The user's decks folder changed: read the decks again and show them."""
        self._content = self._load_content()
        self.show_decks(said)

    def show_scenario_studio(self, path: Path) -> None:
        import tomllib

        from game.io.scenariofile import ScenarioFile
        from game.ui.deck_actions import step_catalogue
        from game.ui.scenario_studio import ScenarioStudio

        try:
            file = ScenarioFile.open(path)
        except (OSError, ValueError, tomllib.TOMLDecodeError) as e:
            self.show_decks(tr("Cannot open {0}: {1}").format(path, e))
            return
        self._studio = (path, False)
        screen = ScenarioStudio(file, self.lang, step_catalogue(self.content), parent=self)
        screen.done.connect(self._decks_changed)
        screen.rehearse.connect(self._rehearse)
        self._set(screen)

    def _rehearse(self, scenario_id: str) -> None:
        """Play a scenario from the studio at once (alone: a trainer rehearses a workshop this way too)."""
        self._content = self._load_content()
        if scenario_id not in self.content.scenarios:
            problems = "; ".join(str(p) for p in self.content.problems if scenario_id in str(p.path))
            self.statusBar().showMessage(tr("The game cannot play it yet: {0}").format(problems))
            return
        self.start_round(scenario_id)

    def show_studio(self, path: Path, replaces_shipped: bool = False) -> None:
        import tomllib

        from game.io.deckfile import DeckFile
        from game.ui.deck_actions import put_aside
        from game.ui.studio import DeckStudio

        try:
            file = DeckFile.open(path)
        except (OSError, ValueError, tomllib.TOMLDecodeError) as e:  # a hand-edited file with a typo, say
            self.show_decks(tr("Cannot open {0}: {1}").format(path, e))
            return
        self._studio = (path, replaces_shipped)
        screen = DeckStudio(file, self.lang, shipped=replaces_shipped, parent=self)
        screen.done.connect(self._decks_changed)
        screen.back_to_shipped.connect(
            lambda p: self._decks_changed(tr("Your copy is kept in {0}").format(put_aside(p)))
        )
        self._set(screen)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab walks the screen as it reads (game/ui/widgets.py), whatever the screen has built since."""
        return tab_in_reading_order(self.current_screen(), next) or super().focusNextPrevChild(next)

    def current_screen(self) -> QWidget:
        return self.stack.currentWidget()

    # --- settings and help ----------------------------------------------------------------------

    def open_settings(self) -> None:
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
        rebuild = {
            "RoundScreen": self.show_round,
            "WorkshopConsole": self.show_round,
            "WorkshopSetup": self.show_workshop_setup,
            "SummaryScreen": self.show_summary,
            "LibraryScreen": self.show_library,
            "DecksScreen": self.show_decks,
            "DeckStudio": lambda: self.show_studio(*self._studio),
            "ScenarioStudio": lambda: self.show_scenario_studio(self._studio[0]),
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
        focused = self.focusWidget()
        if focused is not None:
            focused.clearFocus()  # an edit that ends as the focus leaves is saved before the library closes
        self._autosave.stop()  # a closed window writes no more
        self.autosave()  # the round in play waits for the next start (after the writes under way)
        if self._autosave_writer is not None:
            self._autosave_writer.shutdown(wait=True)
            self._autosave_writer = None
        self.close_presenter()
        self._backup_timer.stop()
        if self._backup_proc is not None:
            self._backup_proc.waitForFinished(30_000)
        if self.library.ready:
            self.back_up_if_changed()  # on close, as Anki does (a library that cannot be trusted is not copied)
        self.close_room()
        self.library.close()
        super().closeEvent(event)

    # --- the library's safety: backups, a library that cannot be trusted, rounds not yet saved -------------

    def bring_to_front(self) -> None:
        """A second start on this data folder asked for this window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def back_up_if_changed(self, reason: str = "") -> str:
        """Take a checked backup when the library changed since the last one; returns what to say ("" if fine)."""
        from game.store import backup

        if not self._backing_up.acquire(blocking=False):
            return ""  # one is under way
        try:
            if backup.changed_since_last(self.data_dir):
                backup.take(self.data_dir, reason)
        except (backup.BackupError, OSError) as e:
            return tr("The library could not be backed up: {0}").format(e)
        finally:
            self._backing_up.release()
        return ""

    def backup_in_background(self) -> None:
        """Every 30 minutes while the game runs: `technomagic backup now --if-changed` in a process of its own.
        Not a thread: Python's sqlite3 keeps the interpreter lock for tens of milliseconds at a time while it
        copies and checks, and typing would feel it (bench/safety.py measures the UI's longest stall)."""
        import sys

        from PySide6.QtCore import QProcess, QProcessEnvironment

        if self._backup_proc is not None and self._backup_proc.state() != QProcess.ProcessState.NotRunning:
            return  # one is under way
        proc = QProcess(self)
        env = QProcessEnvironment.systemEnvironment()
        package_root = str(Path(__file__).resolve().parents[2])
        env.insert("PYTHONPATH", package_root + (":" + env.value("PYTHONPATH") if env.contains("PYTHONPATH") else ""))
        proc.setProcessEnvironment(env)
        proc.finished.connect(lambda code, _status: self._backup_finished(proc, code))
        frozen = getattr(sys, "frozen", False)
        args = [] if frozen else ["-m", "game"]
        proc.start(sys.executable, [*args, "--data-dir", str(self.data_dir), "backup", "now", "--if-changed"])
        self._backup_proc = proc

    def _backup_finished(self, proc, code: int) -> None:
        if code != 0:
            said = bytes(proc.readAllStandardError().data()).decode("utf-8", "replace").strip().splitlines()
            self._backup_said(tr("The library could not be backed up: {0}").format(said[-1] if said else code))

    def _backup_said(self, said: str) -> None:
        self.statusBar().showMessage(said)

    def show_library_problem(self) -> None:
        home = self.current_screen()
        problem = self.library.problem
        if not isinstance(home, HomeScreen) or problem is None:
            return
        from game.store import backup
        from game.ui.safety import LibraryProblem

        good = backup.latest_good(self.data_dir) if problem.restorable else None
        panel = LibraryProblem(problem.kind, problem.path, problem.reason, good, home)
        panel.restore.connect(self.restore_latest)
        panel.other_folder.connect(self.open_other_folder)
        panel.rescue.connect(self.rescue_library)
        home.show_notice("library", panel)

    def _library_changed(self, said: str) -> None:
        """The library file was replaced (restore, rescue): open and check it again, say what happened."""
        self.library.reopen()
        self.statusBar().showMessage(said)
        if isinstance(self.current_screen(), HomeScreen):
            self.show_home()  # without the old notices (a round or the library screen stays as it is)
        self.open_library_in_background()

    def restore_latest(self) -> None:
        from game.store import backup
        from game.ui.safety import confirm_restore, when_words

        good = backup.latest_good(self.data_dir)
        if good is None or not confirm_restore(self, good[0].taken, good[1]):
            return
        self.library.reopen()  # let go of the file first
        try:
            chosen, count, aside = backup.restore(self.data_dir, good[0].name)
        except backup.BackupError as e:
            self._library_changed(tr("The backup could not be restored: {0}").format(e))
            return
        said = tr("Restored the backup of {0} ({1} ideas).").format(when_words(chosen.taken), count)
        if aside is not None:
            said += " " + tr("The library it replaced is kept as {0}").format(aside)
        self._library_changed(said)

    def rescue_library(self) -> None:
        from game.store.rescue import rescue
        from game.ui.transfer import run_off_ui

        self.library.reopen()
        try:
            done = run_off_ui(self, tr("Rescuing the library…"), lambda: rescue(self.data_dir))
        except Exception as e:  # whatever the damaged file does, the app says it and goes on
            self._library_changed(tr("Nothing could be rescued: {0}").format(e))
            return
        if done is None:
            return
        self._library_changed(
            tr("Rescued {0} ideas into a new library; {1} damaged rows were skipped. The damaged file is kept as "
               "{2}").format(done.ideas, done.skipped_rows, done.aside)
        )  # fmt: skip

    def choose_folder(self) -> str:
        from PySide6.QtWidgets import QFileDialog

        return QFileDialog.getExistingDirectory(self, tr("Open another folder"), str(self.data_dir.parent))

    def launch(self, folder: str) -> bool:
        """Start the game on another data folder (this copy then closes: one folder per copy)."""
        import sys

        from PySide6.QtCore import QProcess

        frozen = getattr(sys, "frozen", False)
        args = ["--data-dir", folder] if frozen else ["-m", "game", "--data-dir", folder]
        return QProcess.startDetached(sys.executable, args)[0]

    def open_other_folder(self) -> None:
        folder = self.choose_folder()
        if folder and self.launch(folder):
            self.close()

    def show_backups(self) -> None:
        from game.ui.safety import BackupsDialog

        dialog = BackupsDialog(self.data_dir, self.library.reopen, lambda: None, self)
        dialog.restored.connect(lambda said: self._library_changed(said))
        dialog.exec()

    def show_unsaved(self) -> None:
        home = self.current_screen()
        if not isinstance(home, HomeScreen) or not self.library.ready:
            return
        from game.ui.safety import UnsavedRounds, unsaved_rounds

        count = len(unsaved_rounds(self.data_dir))
        panel = UnsavedRounds(count, home) if count else None
        if panel is not None:
            panel.save_now.connect(self.save_unsaved)
        home.show_notice("unsaved", panel)

    def save_unsaved(self) -> None:
        """Save the rounds kept in `unsaved/` (each once: a round's id is unique in the library)."""
        from game.domain.workshop import load_state
        from game.ui.safety import unsaved_rounds

        saved, problems = 0, []
        for path in unsaved_rounds(self.data_dir):
            try:
                text = path.read_text(encoding="utf-8")
                rnd = load_state(text, self.content)
            except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError) as e:
                problems.append(f"{path.name}: {e}")
                continue
            if '"uid"' not in text:  # kept before rounds had ids: the file's content names it, saved once too
                import hashlib

                rnd.uid = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
            try:
                self.library.save(rnd, self.lang)
            except OSError as e:
                problems.append(f"{path.name}: {e}")
                break  # the library takes nothing now: keep the rest for later
            path.unlink(missing_ok=True)
            saved += 1
        said = tr("Rounds saved to the idea library: {0}.").format(saved)
        if problems:
            said += " " + tr("Not saved: {0}").format("; ".join(problems))
        self.statusBar().showMessage(said)
        self.show_unsaved()
        self.show_due()
