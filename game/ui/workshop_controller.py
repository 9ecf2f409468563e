"""A workshop's flow: its setup, the facilitator's console with the presenter view (the projector) and the room
of phones, and Play again from its summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.ui.screen_stack import Screen
from game.ui.widgets import tr

if TYPE_CHECKING:
    from game.ui.main_window import MainWindow
    from game.ui.presenter import PresenterView
    from game.ui.sound import Alarm


class WorkshopController:
    """Starts and shows the window's workshop; owns its presenter view and its room while they are on."""

    KEEPS_ROOM = (Screen.CONSOLE, Screen.SUMMARY)  # after a workshop the room still sees its promises

    def __init__(self, window: MainWindow):
        self.window = window
        self.presenter: PresenterView | None = None  # a window of its own, for the projector
        self.room = None  # a RoomEngine (game/room/engine.py) while phones join
        self._alarm: Alarm | None = None
        window.stack.leaving.connect(self._leaving)

    def show_start(self) -> None:
        """The workshop's setup (from the home screen, or Play again)."""
        from game.ui.workshop_setup import WorkshopSetup

        win = self.window
        setup = WorkshopSetup(win.content, win.lang, win)
        setup.started.connect(self.start)
        setup.cancelled.connect(win.show_home)
        win.stack.show_screen(Screen.WORKSHOP_SETUP, setup, self.show_start)

    def start(self, scenario_id: str, teams: list, options: dict, seed: int | None = None) -> None:
        from game.domain.workshop import new_workshop

        win = self.window
        scenario = win.content.scenarios[scenario_id]
        options = dict(options)
        room_host = options.pop("room_host", None)
        win.round = new_workshop(scenario, win.content, teams, seed=seed, **options)
        if room_host:
            from game.domain.room import RoomState

            win.round.room = RoomState(room_host)
        win.autosave()  # the room's setup is on disk before the first idea
        self.show()

    def alarm(self) -> Alarm:
        if self._alarm is None:
            from game.ui.sound import default_alarm

            self._alarm = default_alarm(self.window)
            self._alarm.muted = bool(self.window.settings.get("alarm_muted"))
        return self._alarm

    def show(self, just_drawn: bool = False) -> None:
        """The console at the workshop's step, with the room's view up (started, resumed or re-translated)."""
        from game.ui.console import WorkshopConsole
        from game.ui.presenter import PresenterView

        win = self.window
        ws = win.round
        assert ws is not None and ws.in_teams
        self.close_presenter()
        self.open_room()
        self.presenter = PresenterView(ws, win.lang, str(win.settings.get("room_size")))
        console = WorkshopConsole(ws, win.lang, self.presenter, self.alarm(), win, room=self.room)
        console.finished.connect(win.round_end.finish)
        console.buttons["mute"].toggled.connect(lambda muted: win.settings.set("alarm_muted", muted))
        win.stack.show_screen(Screen.CONSOLE, console, self.show)
        console.show_presenter()

    def round_ended(self) -> None:
        """The room sees the closing view: the chosen ideas and their promises."""
        if self.presenter is not None:
            self.presenter.show_state()

    def open_room(self) -> None:
        """The workshop's room, when it joins from phones: opened once (a resumed one on its saved port and
        token, so phones reconnect by themselves), kept while the console or the summary shows."""
        win = self.window
        ws = win.round
        if ws is None or getattr(ws, "room", None) is None or ws.finished:
            return
        if self.room is not None and self.room.ws is ws:
            return
        self.close_room()
        try:
            from game.room.engine import RoomEngine

            engine = RoomEngine(ws, win.lang, win)
            opened = engine.open()
        except Exception as e:  # the workshop goes on without phones, and says why
            problem = f"{type(e).__name__}: {e}"
            opened, engine = False, None
        else:
            problem = engine.problem
        if not opened:
            win.statusBar().showMessage(tr("The room could not open on {0}: {1}").format(ws.room.host, problem))
            if engine is not None:
                engine.deleteLater()
            return
        self.room = engine
        win.autosave()  # the port it got is on disk for a resume

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

    def close(self) -> None:
        self.close_presenter()
        self.close_room()

    def _leaving(self, name: Screen) -> None:
        if name not in self.KEEPS_ROOM:
            self.close()  # the projector goes dark and the phones' server stops when the workshop is left
