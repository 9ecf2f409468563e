"""The facilitator console: the room's pace in the trainer's hands, on the laptop, while the presenter view
shows the room what it needs.

What the room sees (small), the step's cards with Redraw, every control with its shortcut (F1 lists them
over the console), each team's ideas in its own column, what comes next and how long the session still runs.
"""

import time

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from game.domain.limits import TITLE_CHARS
from game.domain.round import StepBlocked
from game.domain.workshop import WRAP_UP, Workshop
from game.ui import theme
from game.ui.presenter import PresenterView, clock_text
from game.ui.round_screen import blocked_message, refusal_message
from game.ui.step_panels import IDEA_STEPS, CheckPanel, PromisePanel
from game.ui.team_panels import MergeDialog, TeamsPanel
from game.ui.vote_panel import VotePanel
from game.ui.widgets import (
    HelpOverlay,
    StepBar,
    ask,
    deck_word,
    give_back_keys,
    on_the_second,
    scroll_area,
    second_shot,
    step_word,
    tr,
    window_keys,
)

PREVIEW = QSize(336, 189)


def controls() -> list[tuple[str, str, tuple[str, ...]]]:
    """Every control of the console: key, what it does, its shortcuts (the buttons and F1 say the same)."""
    return [
        ("timer", tr("Start or pause the timer"), ("Ctrl+Space",)),
        ("minute", tr("+1 minute"), ("Ctrl+=", "Ctrl++")),
        ("next", tr("Next step"), ("Ctrl+Return", "Ctrl+Enter", "Alt+Right")),
        ("back", tr("Previous step"), ("Alt+Left",)),
        ("skip", tr("Skip this step"), ("Ctrl+J",)),
        ("repeat", tr("Repeat this step (full timer)"), ("Ctrl+Shift+R",)),
        ("redraw", tr("Redraw a card"), ("Ctrl+R",)),
        ("break", tr("Break, or end the break"), ("Ctrl+B",)),
        ("mute", tr("Mute or unmute the alarm"), ("Ctrl+M",)),
        ("merge", tr("Merge the selected idea into another"), ("Ctrl+G",)),
        ("reveal", tr("Reveal or hide the votes"), ("Ctrl+Shift+V",)),
        ("anonymous", tr("Ideas on the projector without teams"), ("Ctrl+Shift+A",)),
        ("presenter", tr("Show the presenter view"), ("Ctrl+P",)),
        ("full", tr("Presenter view full screen"), ("F11",)),
        ("end", tr("End the workshop early"), ("Ctrl+Shift+E",)),
        ("join", tr("Show or hide the join card (QR code) for phones"), ("Ctrl+Shift+J",)),
        ("phones", tr("The phones in the room"), ("Ctrl+Shift+D",)),
        ("help", tr("These shortcuts"), ("F1",)),
    ]


def help_rows() -> list[tuple[str, str]]:
    """The console's keys for the help overlay (F1), with the window's own."""
    rows = [(what, " / ".join(keys)) for _key, what, keys in controls() if _key != "help"]
    rows.append((tr("Type in team N's line"), "Alt+1 … Alt+8"))
    rows.append((tr("Choose who votes"), "Alt+1 … Alt+8"))
    return rows + window_keys()


class WorkshopConsole(QWidget):
    """The facilitator's screen for a workshop in the main window; `finished` fires when it ends."""

    finished = Signal()
    TICK_MS = 250
    ROOM_REFRESH_MS = 100

    def __init__(
        self, ws: Workshop, lang: str, presenter: PresenterView, alarm, parent: QWidget | None = None, room=None
    ):
        super().__init__(parent)
        self.room = room  # the RoomEngine when phones join (game/room/engine.py), else None
        self.ws = ws
        self.lang = lang
        self.presenter = presenter
        self.alarm = alarm
        self._alarmed = self._time_up()
        self._ticks = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(6)
        self.bar = StepBar([s.kind for s in ws.steps], self)
        layout.addWidget(self.bar)
        layout.addLayout(self._header())
        middle = QHBoxLayout()
        middle.addLayout(self._side(), 0)
        self.body = QVBoxLayout()
        middle.addLayout(self.body, 1)
        layout.addLayout(middle, 1)
        layout.addLayout(self._footer())
        self._shortcuts()
        self.help = HelpOverlay(self, help_rows())
        self.panel: QWidget | None = None
        self.tick = QTimer(self)
        self.tick.setInterval(self.TICK_MS)
        self.tick.timeout.connect(self.on_tick)
        self.tick.start()
        # the digits change on the second, not up to a tick late
        self._second = second_shot(self, self.show_time, self.digits)
        self._presenter_gone = False
        presenter.destroyed.connect(self._lose_presenter)  # the window closes: the console goes with it
        if room is not None:
            self._connect_room(room)
        self.show_step()

    # --- building -------------------------------------------------------------------------------

    def _button(self, key: str, text: str, name: str = "") -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setProperty("key", key)
        found = next(((what, keys) for k, what, keys in controls() if k == key), None)
        if found:
            button.setToolTip(f"{found[0]} ({found[1][0]})")
        self.buttons[key] = button
        return button

    def _header(self) -> QHBoxLayout:
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        words = QVBoxLayout()
        self.title = QLabel(self)
        self.title.setObjectName("screenTitle")
        self.instruction = QLabel(self)
        self.instruction.setObjectName("muted")
        self.instruction.setWordWrap(True)
        self.coming = QLabel(self)
        self.coming.setObjectName("muted")
        for label in (self.title, self.instruction, self.coming):
            label.setTextFormat(Qt.TextFormat.PlainText)
            words.addWidget(label)
        row.addLayout(words, 1)
        self.digits = QLabel("--:--", self)
        self.digits.setObjectName("timer")
        row.addWidget(self.digits)
        timer_buttons = QVBoxLayout()
        self._button("timer", tr("Pause timer")).clicked.connect(self.toggle_timer)
        self._button("minute", tr("+1 min")).clicked.connect(self.add_minute)
        timer_buttons.addWidget(self.buttons["timer"])
        timer_buttons.addWidget(self.buttons["minute"])
        row.addLayout(timer_buttons)
        return row

    def _side(self) -> QVBoxLayout:
        side = QVBoxLayout()
        caption = QLabel(tr("The room sees"), self)
        caption.setObjectName("muted")
        side.addWidget(caption)
        self.preview = QLabel(self)
        self.preview.setObjectName("preview")
        self.preview.setFixedSize(PREVIEW)
        self.preview.setStyleSheet("QLabel#preview { border: 1px solid #D9CFBF; background: #FFFFFF; }")
        side.addWidget(self.preview)
        row = QHBoxLayout()
        self._button("presenter", tr("Presenter view")).clicked.connect(self.show_presenter)
        self._button("anonymous", tr("Anonymous")).setCheckable(True)
        self.buttons["anonymous"].setChecked(self.ws.anonymous)
        self.buttons["anonymous"].clicked.connect(self.set_anonymous)
        row.addWidget(self.buttons["presenter"])
        row.addWidget(self.buttons["anonymous"])
        side.addLayout(row)
        row = QHBoxLayout()
        self._button("phones", tr("Phones")).clicked.connect(self.show_phones)
        self._button("join", tr("Join card")).clicked.connect(self.presenter.toggle_join)
        row.addWidget(self.buttons["phones"])
        row.addWidget(self.buttons["join"])
        side.addLayout(row)
        for key in ("phones", "join"):
            self.buttons[key].setVisible(self.room is not None)
        self.cards_box = QVBoxLayout()
        side.addLayout(self.cards_box)
        side.addStretch(1)
        row = QHBoxLayout()
        self._button("break", tr("Break")).clicked.connect(self.toggle_break)
        self._button("mute", tr("Mute alarm")).setCheckable(True)
        self.buttons["mute"].setChecked(self.alarm.muted)
        self.buttons["mute"].clicked.connect(self.set_muted)
        if not self.alarm.available():  # the flash and the red 00:00 still say that time is up
            self.buttons["mute"].setEnabled(False)
            self.buttons["mute"].setToolTip(tr("No sound player on this computer: the alarm only flashes"))
        row.addWidget(self.buttons["break"])
        row.addWidget(self.buttons["mute"])
        self._button("help", tr("Shortcuts (F1)")).clicked.connect(self.toggle_help)
        row.addWidget(self.buttons["help"])  # here, not in the footer: the footer fits a 1024-px laptop
        side.addLayout(row)
        return side

    def _footer(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for key, text, slot in (
            ("back", tr("← Back"), self.go_back),
            ("repeat", tr("Repeat step"), self.repeat),
            ("skip", tr("Skip step"), self.skip),
            ("merge", tr("Merge…"), self.merge),
            ("reveal", tr("Reveal votes"), self.toggle_reveal),
            ("end", tr("End early"), self.end_early),
        ):
            self._button(key, text).clicked.connect(slot)
            row.addWidget(self.buttons[key])
        self.message = QLabel(self)
        self.message.setObjectName("problem")
        self.message.setWordWrap(True)
        row.addWidget(self.message, 1)
        self._button("next", tr("Next →"), "primary").clicked.connect(self.go_next)
        row.addWidget(self.buttons["next"])
        return row

    def _shortcuts(self) -> None:
        slots = {
            "timer": self.toggle_timer,
            "minute": self.add_minute,
            "next": self.go_next,
            "back": self.go_back,
            "skip": self.skip,
            "repeat": self.repeat,
            "redraw": lambda: self.redraw(None),
            "break": self.toggle_break,
            "mute": lambda: self.set_muted(not self.alarm.muted),
            "merge": self.merge,
            "reveal": self.toggle_reveal,
            "anonymous": lambda: self.set_anonymous(not self.ws.anonymous),
            "presenter": self.show_presenter,
            "full": self.presenter.toggle_full_screen,
            "end": self.end_early,
            "join": self.presenter.toggle_join,
            "phones": self.show_phones,
        }
        for key, _what, keys in controls():
            for sequence in keys if key in slots else ():
                QShortcut(QKeySequence(sequence), self, slots[key])
        for n in range(8):
            QShortcut(QKeySequence(f"Alt+{n + 1}"), self, lambda n=n: self.focus_team(n))

    # --- showing the step ---------------------------------------------------------------------------

    def show_step(self) -> None:
        ws = self.ws
        step = ws.step
        if self.panel is not None:
            self.body.removeWidget(self.panel)
            self.panel.hide()
            self.panel.deleteLater()
        self.bar.set_current(step.kind)
        self.title.setText(tr("Step {0} of {1} · {2}").format(ws.step_index + 1, len(ws.steps), step_word(step.kind)))
        self.instruction.setText(step.instruction.get(self.lang))
        self.message.clear()
        if step.kind in IDEA_STEPS:
            panel: QWidget = TeamsPanel(ws, self, self.lang)
        elif step.kind == "check":
            panel = CheckPanel(ws, self.lang, self)
        elif step.kind == "choose":
            panel = VotePanel(ws, self)
            panel.refused.connect(lambda reason: self.message.setText(refusal_message(reason)))
        elif step.kind == "promise":
            panel = PromisePanel(ws, self, columns=2 if self.width() >= 1600 else 1)  # a laptop: one column
        else:
            panel = QPlainTextEdit(ws.note(), self)
            panel.setObjectName("noteEdit")
            panel.setAccessibleName(tr("What the teams said"))
            panel.setTabChangesFocus(True)  # Tab goes on to the next control, never types into the note
            panel.setPlaceholderText(tr("What the teams said, a line or two each"))
            panel.textChanged.connect(lambda: ws.set_note(panel.toPlainText()))
            panel.textChanged.connect(self.changed)
        if hasattr(panel, "changed") and step.kind not in ("warmup", "client"):
            panel.changed.connect(self.changed)
        self.panel = panel
        self.body.addWidget(panel, 1)
        panel.show()
        self._show_cards()
        last = ws.step_index == len(ws.steps) - 1
        self.buttons["next"].setText(tr("Finish ✓") if last else tr("Next →"))
        self.buttons["back"].setEnabled(ws.step_index > 0)
        self.buttons["skip"].setEnabled(step.kind not in WRAP_UP)
        self.buttons["merge"].setEnabled(step.kind in IDEA_STEPS)
        self.buttons["reveal"].setEnabled(step.kind == "choose")
        self._alarmed = self._time_up()
        self.changed()
        target = panel.focus_target() if hasattr(panel, "focus_target") else panel
        target.setFocus()

    def _show_cards(self) -> None:
        while self.cards_box.count():
            item = self.cards_box.takeAt(0)
            if item.widget():
                item.widget().hide()
                item.widget().deleteLater()
        fixed = len(self.ws.step.cards)
        for slot, card in enumerate(self.ws.cards()):
            chip = QFrame(self)
            chip.setObjectName("panel")  # as wide as the side column: its title wraps, its Redraw stays whole
            row = QHBoxLayout(chip)
            label = QLabel(f"{deck_word(card.kind)}: {card.title.get(self.lang)}", chip)
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # wraps, never widens
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setToolTip(card.prompt.get(self.lang))
            row.addWidget(label, 1)
            if slot >= fixed:
                redraw = QPushButton(tr("Redraw"), chip)
                redraw.setObjectName("chip")
                redraw.setProperty("key", f"redraw-{slot}")
                redraw.setAccessibleName(tr("Redraw: {0}").format(deck_word(card.kind)))
                redraw.clicked.connect(lambda _=False, s=slot: self.redraw(s))
                row.addWidget(redraw)
            self.cards_box.addWidget(chip)
        if self.ws.team_draw():
            self.cards_box.addWidget(self._team_cards())

    def _team_cards(self) -> QWidget:
        """Where every team draws its own cards (a business and a client each): one line per team, and a
        button per card to redraw it for that team alone."""
        scroll = scroll_area(self)
        scroll.setObjectName("teamCards")
        scroll.setMaximumWidth(PREVIEW.width())
        scroll.setMaximumHeight(320)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        host = QWidget(scroll)
        column = QVBoxLayout(host)
        column.setContentsMargins(0, 0, 0, 0)
        for n, team in enumerate(self.ws.teams, 1):
            chip = QFrame(host)
            chip.setObjectName("panel")
            rows = QVBoxLayout(chip)
            cards = self.ws.own_cards(team.name)
            label = QLabel(self._team_line(team.name, cards), chip)
            label.setObjectName(f"teamCards-{n}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setToolTip("\n".join(f"{deck_word(c.kind)}: {c.prompt.get(self.lang)}" for c in cards))
            rows.addWidget(label)
            buttons = QHBoxLayout()
            for slot, card in enumerate(cards):
                redraw = QPushButton(f"↻ {deck_word(card.kind).lower()}", chip)
                redraw.setObjectName("chip")
                redraw.setProperty("key", f"redraw-team{n}-{slot}")  # tests find it by this
                redraw.setToolTip(tr("Redraw: {0}").format(card.title.get(self.lang)))
                redraw.setAccessibleName(tr("{0}: redraw {1}").format(team.name, card.title.get(self.lang)))
                redraw.clicked.connect(lambda _=False, t=team.name, s=slot: self.redraw_team(t, s))
                buttons.addWidget(redraw)
            buttons.addStretch(1)
            rows.addLayout(buttons)
            for slot, card in enumerate(cards):
                if "wild-card" in card.tags:  # the team names its own business or client: typed at the table
                    typed = QLineEdit(self.ws.wild.get(team.name, {}).get(card.id, ""), chip)
                    typed.setObjectName(f"wild-team{n}-{slot}")
                    typed.setMaxLength(TITLE_CHARS)
                    typed.setPlaceholderText(tr("{0}: type what the team names").format(card.title.get(self.lang)))
                    typed.textEdited.connect(
                        lambda text, t=team.name, c=card.id, shown=label: self._type_wild(t, c, text, shown)
                    )
                    rows.addWidget(typed)
            column.addWidget(chip)
        column.addStretch(1)
        scroll.setWidget(host)
        return scroll

    def _team_line(self, team: str, cards: list) -> str:
        return f"{team}: " + " · ".join(self.ws.title_for(team, c, self.lang) for c in cards)

    def _type_wild(self, team: str, card_id: str, text: str, shown: QLabel) -> None:
        self.ws.set_wild(team, card_id, text)
        shown.setText(self._team_line(team, self.ws.own_cards(team)))
        self.changed()

    def redraw_team(self, team: str, slot: int) -> None:
        self.ws.redraw_team(team, slot)
        self._show_cards()
        if isinstance(self.panel, TeamsPanel):
            self.panel.reload()
        self.changed()

    def changed(self) -> None:
        """After every change: the projector follows, the controls say what they will do."""
        ws = self.ws
        self.presenter.show_state()
        if self.room is not None:
            self.room.console_changed()
        self.buttons["break"].setText(tr("End break") if ws.on_break else tr("Break"))
        self.buttons["reveal"].setText(tr("Hide votes") if ws.revealed else tr("Reveal votes"))
        self.buttons["anonymous"].setChecked(ws.anonymous)
        self.show_time()

    def on_tick(self) -> None:
        """Every 250 ms: the time, and once a second the room's view (a grab of it costs a few ms, so typing
        an idea does not pay for one)."""
        self.show_time()
        self._ticks += 1
        if self._ticks % 4 == 1:
            self.refresh_preview()

    def show_time(self) -> None:
        """Time is read from the monotonic clock; this only shows it and rings the alarm once."""
        ws = self.ws
        timer = ws.pause if ws.on_break else ws.timer
        self.digits.setText(clock_text(timer.remaining()) if timer else "--:--")
        on_the_second(self._second, timer)
        theme.flag_style(self.digits, "alarm", bool(timer and timer.finished))
        paused = bool(timer and not timer.running and not timer.finished)
        if self.digits.property("paused") != ("true" if paused else "false"):
            theme.flag_style(self.digits, "paused", paused)  # grey digits and a word: the clock waits
            self.digits.setToolTip(tr("Paused") if paused else "")
        self.buttons["timer"].setText(tr("Pause timer") if timer and timer.running else tr("Start timer"))
        self.buttons["timer"].setEnabled(bool(timer) and not timer.finished)
        upcoming = ws.steps[ws.step_index + 1] if ws.step_index + 1 < len(ws.steps) else None
        coming = (
            tr("Next: {0}, {1} min").format(step_word(upcoming.kind), round(upcoming.seconds / 60))
            if upcoming
            else tr("Next: the summary")
        )
        prefix = tr("On a break · ") if ws.on_break else ""
        self.coming.setText(
            prefix + coming + " · " + tr("the session runs {0} more").format(clock_text(ws.remaining()))
        )
        up = self._time_up()
        if up and not self._alarmed:
            self.alarm.play()
            self.presenter.flash()
            self.presenter.show_time()
            if timer:
                timer.pause()
        self._alarmed = up

    def _time_up(self) -> bool:
        timer = self.ws.pause if self.ws.on_break else self.ws.timer
        return bool(timer and timer.finished)

    def refresh_preview(self) -> None:
        """What the room sees, small (once a second: a grab of the presenter view costs a few ms)."""
        shot = self.presenter.grab()
        self.preview.setPixmap(
            shot.scaled(PREVIEW, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        )

    # --- pace -----------------------------------------------------------------------------------

    def toggle_timer(self) -> None:
        timer = self.ws.pause if self.ws.on_break else self.ws.timer
        if timer:
            timer.toggle()
            self.changed()

    def add_minute(self) -> None:
        timer = self.ws.pause if self.ws.on_break else self.ws.timer
        if timer:
            timer.add(60)
            timer.start()
            self.changed()

    def go_next(self) -> None:
        ws = self.ws
        if isinstance(self.panel, TeamsPanel):
            self.panel.add_typed()
        try:
            ws.next()
        except StepBlocked as problem:
            if problem.reason == "need_reveal":
                self.toggle_reveal()
                self.message.setText(tr("Votes revealed: break any tie and tag the chosen ideas, then go on."))
            elif problem.reason == "need_tiebreak":
                self.message.setText(tr("A tie on the line: press Put ahead on the idea the room keeps."))
            else:
                self.message.setText(blocked_message(problem))
                if problem.reason == "need_promise" and isinstance(self.panel, PromisePanel):
                    self.panel.mark_missing(problem.idea_ids)
            return
        self._after_move()

    def go_back(self) -> None:
        if self.ws.step_index > 0:
            self.ws.back()
            self.show_step()

    def skip(self) -> None:
        try:
            self.ws.skip()
        except StepBlocked:
            self.message.setText(tr("Voting and promises cannot be skipped: use End early to stop here."))
            return
        self._after_move()

    def _after_move(self) -> None:
        if self.ws.finished:
            self.tick.stop()
            self._second.stop()
            self.finished.emit()
        else:
            self.show_step()

    def repeat(self) -> None:
        self.ws.repeat()
        self.changed()

    def redraw(self, slot: int | None) -> None:
        ws = self.ws
        fixed = len(ws.step.cards)
        slots = range(fixed, len(ws.draws.get(ws.step_index, [])))
        slot = slots[0] if slot is None and slots else slot
        if slot is not None and slot in slots:
            ws.redraw(slot)
            self._show_cards()
            self.changed()

    def toggle_break(self) -> None:
        self.ws.end_break() if self.ws.on_break else self.ws.start_break()
        self._alarmed = self._time_up()
        self.changed()

    def set_muted(self, muted: bool) -> None:
        self.alarm.muted = muted
        self.buttons["mute"].setChecked(muted)

    def set_anonymous(self, anonymous: bool) -> None:
        self.ws.anonymous = anonymous
        self.changed()

    def toggle_reveal(self) -> None:
        if self.ws.step.kind != "choose":
            return
        self.ws.reveal(not self.ws.revealed)
        if isinstance(self.panel, VotePanel):
            self.panel.refresh()
        self.changed()

    def merge(self) -> None:
        if not isinstance(self.panel, TeamsPanel):
            return
        idea_id = self.panel.selected_idea()
        if idea_id is None or len(self.ws.ideas) < 2:
            self.message.setText(tr("Select an idea in a team's list first, then merge it into the same one."))
            return
        dialog = MergeDialog(self.ws, idea_id, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        give_back_keys(self)
        if accepted and dialog.target() is not None:
            self.ws.merge(idea_id, dialog.target())
            self.panel.reload()
            self.changed()

    def end_early(self) -> None:
        if ask(  # in the game's style, No by default: Enter does not end a room's workshop
            self,
            tr("End early"),
            tr("End the workshop now? Every idea so far is saved to the library, chosen or not."),
            tr("End the workshop"),
            tr("No, go on"),
        ):
            self.ws.end_early()
            self._after_move()

    def focus_team(self, n: int) -> None:
        if isinstance(self.panel, TeamsPanel):
            self.panel.focus_team(n)
        elif isinstance(self.panel, VotePanel):
            self.panel.choose_voter(n)

    def show_presenter(self) -> None:
        self.presenter.place(self.window())
        self.presenter.raise_()

    def toggle_help(self) -> None:
        self.help.toggle()

    # --- phones ----------------------------------------------------------------------------------

    def _connect_room(self, room) -> None:
        """Phones' ideas appear in the team columns like typed ones; the projector follows a moment later
        (a burst of ideas from a room of phones repaints it once)."""
        self.phones_dialog = None
        self._phone_ids: tuple[set, set] = (set(), set())  # ideas phones changed, removed: shown at the next refresh
        self._room_shown = 0.0
        self._presenter_later = QTimer(self)
        self._presenter_later.setSingleShot(True)
        self._presenter_later.timeout.connect(self._room_refresh)
        room.ideas_changed.connect(self.phone_ideas)
        room.workshop_changed.connect(self.phone_changed)
        room.devices_changed.connect(self.phones_changed)
        self.presenter.set_room(room)
        self._phones_stale = self._panel_stale = False
        self._show_phones_count()

    def phone_ideas(self, changed: set, removed: set) -> None:
        self._phone_ids[0].update(changed)
        self._phone_ids[1].update(removed)
        self._refresh_soon()

    def _refresh_soon(self) -> None:
        """The columns and the projector follow phones at most every ROOM_REFRESH_MS: a room of phones sending
        at once costs a few repaints a second, not one per idea."""
        if not self._presenter_later.isActive():
            since = (time.monotonic() - self._room_shown) * 1000
            self._presenter_later.start(max(5, int(self.ROOM_REFRESH_MS - since)))

    def _lose_presenter(self) -> None:
        """The window is closing and its presenter view is gone: the room's last events (the room closes after
        the view) have nothing left to show."""
        self._presenter_gone = True
        self.tick.stop()
        if self.room is not None:
            self._presenter_later.stop()

    def _room_refresh(self) -> None:
        if self._presenter_gone:
            return
        self._room_shown = time.monotonic()
        changed, removed = self._phone_ids
        self._phone_ids = (set(), set())
        if isinstance(self.panel, TeamsPanel) and (changed or removed):
            self.panel.show_ideas(changed, removed)
        if self._phones_stale:
            self._phones_stale = False
            self._show_phones_count()
        if self._panel_stale:
            self._panel_stale = False
            if isinstance(self.panel, VotePanel):
                self.panel.show_dots()
            elif self.ws.step.kind in ("check", "promise") and not self.panel.show_round():
                self.show_step()  # the ideas themselves changed (not a phone's doing): built again
        self.presenter.show_state()

    def phone_changed(self) -> None:
        """Phones ticked checks, voted or promised: the step's panel shows it (at the next refresh)."""
        self._panel_stale = True
        self._refresh_soon()

    def phones_changed(self) -> None:
        self._phones_stale = True
        self._refresh_soon()

    def _show_phones_count(self) -> None:
        room = self.room
        connected = len(room.connected() & room.room.devices.keys())
        self.buttons["phones"].setText(tr("Phones: {0} of {1}").format(connected, len(room.room.devices)))
        if self.phones_dialog is not None and self.phones_dialog.isVisible():
            self.phones_dialog.refresh()

    def show_phones(self) -> None:
        if self.room is None:
            return
        if self.phones_dialog is None:
            from game.ui.room_panel import PhonesDialog

            self.phones_dialog = PhonesDialog(self.room, self)
        self.phones_dialog.refresh()
        self.phones_dialog.show()
        self.phones_dialog.raise_()

    def resizeEvent(self, event) -> None:
        if self.help.isVisible():
            self.help.setGeometry(self.rect())
        super().resizeEvent(event)
