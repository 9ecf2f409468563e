"""The scenario studio: a trainer builds a session from the game's steps, with timers, the decks each step draws
(each team its own, in a workshop), the voting rules, and the total time shown as they edit; "Rehearse" plays it.

Saved as you go into the user's scenarios folder; what the game would say about the file is shown as you type.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from game.domain.content import DECK_KINDS, LANGS, STEP_KINDS
from game.io.scenariofile import ScenarioFile
from game.ui.studio import _TextBox, lang_word, list_buttons, name_fields, save_timer, tool_button
from game.ui.widgets import deck_word, scroll_area, step_word, tr

DRAWN_KINDS = tuple(k for k in DECK_KINDS if k != "check")
NO_TIMER = ("check", "choose", "promise")


class ScenarioStudio(QWidget):
    done = Signal()
    rehearse = Signal(str)  # the scenario's id, saved: play it now

    def __init__(self, file: ScenarioFile, lang: str, catalogue: dict[str, dict[str, str]], parent=None):
        super().__init__(parent)
        self.file, self.lang, self.catalogue = file, lang, catalogue
        self.index = -1
        self._loading = False
        self._save = save_timer(self, self.save_now)  # saved as you go, once typing pauses

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        head = QHBoxLayout()
        title = QLabel(tr("Scenario studio"), self)
        title.setObjectName("screenTitle")
        head.addWidget(title)
        head.addStretch(1)
        self.names = name_fields(self, head, file, tr("Scenario name ({0})"), self._set_name)
        self.mode = QComboBox(self)
        self.mode.setAccessibleName(tr("Who plays it"))
        self.mode.addItem(tr("Alone"), "solo")
        self.mode.addItem(tr("Teams in a workshop"), "teams")
        self.mode.setCurrentIndex(max(0, self.mode.findData(file.head.get("mode", "solo"))))
        self.mode.currentIndexChanged.connect(self._mode_changed)
        head.addWidget(self.mode)
        layout.addLayout(head)

        body = QHBoxLayout()
        left = QVBoxLayout()
        self.list = QListWidget(self)
        self.list.setAccessibleName(tr("Steps of the scenario"))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(self._row_changed)
        left.addWidget(self.list, 1)
        self.add_button = QPushButton(tr("+ Step"), self)
        self.add_button.setAccessibleName(tr("Add a step after this one"))
        menu = QMenu(self.add_button)
        for kind in STEP_KINDS:
            action = menu.addAction(step_word(kind))
            action.triggered.connect(lambda _=False, k=kind: self.add_step(k))
        self.add_button.setMenu(menu)
        self.remove_button = self._button(tr("Remove"), tr("Take the step out"), self.remove_step)
        self.up_button = self._button(tr("↑"), tr("Move the step up"), lambda: self.move_step(-1))
        self.down_button = self._button(tr("↓"), tr("Move the step down"), lambda: self.move_step(1))
        left.addLayout(list_buttons(self.add_button, self.remove_button, self.up_button, self.down_button))
        body.addLayout(left, 2)

        form = QGridLayout()
        self.step_title = QLabel("", self)
        self.step_title.setObjectName("instruction")
        form.addWidget(self.step_title, 0, 0, 1, 3)
        form.addWidget(QLabel(tr("Timer"), self), 1, 0)
        timer = QHBoxLayout()
        self.minutes = self._spin(0, 120, tr("Minutes"), tr(" min"))
        self.seconds = self._spin(0, 59, tr("Seconds"), tr(" s"))
        for spin in (self.minutes, self.seconds):
            spin.valueChanged.connect(self._timer_changed)
            timer.addWidget(spin)
        timer.addStretch(1)
        form.addLayout(timer, 1, 1, 1, 2)
        form.addWidget(QLabel(tr("Decks drawn"), self), 2, 0, Qt.AlignmentFlag.AlignTop)
        draws = QGridLayout()
        self.draw_boxes: dict[str, QCheckBox] = {}
        self.team_boxes: dict[str, QCheckBox] = {}
        for n, kind in enumerate(DRAWN_KINDS):
            box = QCheckBox(deck_word(kind), self)
            box.setAccessibleName(tr("Draws a {0} card").format(deck_word(kind)))
            box.toggled.connect(self._draws_changed)
            own = QCheckBox(tr("each team its own"), self)
            own.setAccessibleName(tr("Each team draws its own {0} card").format(deck_word(kind)))
            own.toggled.connect(self._draws_changed)
            draws.addWidget(box, n, 0)
            draws.addWidget(own, n, 1)
            self.draw_boxes[kind], self.team_boxes[kind] = box, own
        form.addLayout(draws, 2, 1, 1, 2)
        self.shortlist_label = QLabel(tr("Shortlist per team"), self)
        self.shortlist = self._spin(0, 10, tr("Ideas each team puts forward for the check (0: every idea)"))
        self.shortlist.setSpecialValueText(tr("every idea"))
        self.shortlist.valueChanged.connect(self._shortlist_changed)
        self.teams_check = QCheckBox(tr("Teams tick on their phones"), self)
        self.teams_check.setToolTip(tr("When the room joins from phones: each team ticks its own ideas' checks"))
        self.teams_check.toggled.connect(self._teams_check_changed)
        self.draws_row = draws
        short = QHBoxLayout()
        short.addWidget(self.shortlist_label)
        short.addWidget(self.shortlist)
        short.addWidget(self.teams_check)
        short.addStretch(1)
        timer.addSpacing(24)
        timer.insertLayout(timer.count() - 1, short)
        self.instructions: dict[str, _TextBox] = {}
        for n, code in enumerate(LANGS):
            form.addWidget(QLabel(tr("Instruction ({0})").format(lang_word(code)), self), 3 + n, 0,
                           Qt.AlignmentFlag.AlignTop)
            box = _TextBox(self)
            box.setTabChangesFocus(True)
            box.setAccessibleName(tr("Instruction ({0})").format(lang_word(code)))
            box.textChanged.connect(lambda c=code, b=box: self._instruction_changed(c, b.toPlainText()))
            form.addWidget(box, 3 + n, 1, 1, 2)
            self.instructions[code] = box
        form.setRowStretch(5, 1)
        form.setColumnStretch(1, 1)
        holder = QWidget(self)
        holder.setLayout(form)
        scroll = scroll_area(self)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(holder)
        body.addWidget(scroll, 5)

        rules = QGridLayout()  # under the steps: the rules of the whole session, three pairs a row
        rules.setHorizontalSpacing(10)

        def pair(n: int, word: str, spin: QSpinBox) -> None:
            label = QLabel(word, self)
            label.setBuddy(spin)
            rules.addWidget(label, n // 3, (n % 3) * 2)
            rules.addWidget(spin, n // 3, (n % 3) * 2 + 1)

        self.length = self._spin(1, 600, tr("Stated length in minutes"), tr(" min"))
        self.length.setValue(int(file.head.get("minutes", 15) or 15))
        self.length.valueChanged.connect(lambda v: self._set_head("minutes", v))
        pair(0, tr("Stated length"), self.length)
        self.extras: dict[str, QSpinBox] = {}
        for n, (key, word) in enumerate(
            (("opening_minutes", tr("Opening")), ("break_minutes", tr("Break")), ("wrap_up_minutes", tr("Wrap-up"))),
            start=1,
        ):
            spin = self._spin(0, 120, word, tr(" min"))
            spin.setValue(int(file.head.get(key, 0) or 0))
            spin.valueChanged.connect(lambda v, k=key: self._set_head(k, v or None))
            pair(n, word, spin)
            self.extras[key] = spin
        self.dots = self._spin(1, 20, tr("Dots per voter"))
        self.dots.setValue(int(file.head.get("dots", 3) or 3))
        self.dots.valueChanged.connect(lambda v: self._set_head("dots", v))
        pair(4, tr("Dots per voter"), self.dots)
        self.cap = self._spin(1, 20, tr("Most dots on one idea"))
        self.cap.setValue(int(file.head.get("dot_cap", self.dots.value()) or self.dots.value()))
        self.cap.valueChanged.connect(lambda v: self._set_head("dot_cap", v))
        pair(5, tr("Most dots on one idea"), self.cap)
        self.self_votes = QCheckBox(tr("Votes for one's own ideas"), self)
        self.self_votes.setChecked(bool(file.head.get("self_votes", True)))
        self.self_votes.toggled.connect(lambda v: self._set_head("self_votes", v))
        rules.addWidget(self.self_votes, 2, 0, 1, 2)
        self.total = QLabel("", self)
        self.total.setWordWrap(True)
        self.total.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        rules.addWidget(self.total, 2, 2, 1, 4)
        for col in (1, 3, 5):
            rules.setColumnStretch(col, 1)
        layout.addLayout(body, 1)
        layout.addLayout(rules)

        self.problems = QLabel("", self)
        self.problems.setObjectName("problem")
        self.problems.setWordWrap(True)
        self.problems.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.problems)
        foot = QHBoxLayout()
        foot.addWidget(self._button(tr("← Decks"), tr("Back to every deck and scenario"), self.finish))
        self.saved = QLabel("", self)
        self.saved.setObjectName("muted")
        self.saved.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        foot.addWidget(self.saved, 1)
        self.rehearse_button = self._button(tr("Rehearse"), tr("Save it and play it now, alone"), self._rehearse)
        self.rehearse_button.setObjectName("primary")
        foot.addWidget(self.rehearse_button)
        layout.addLayout(foot)
        self._refill(0)
        self._save.stop()
        self._show_state()

    def _button(self, text: str, tip: str, slot) -> QPushButton:
        return tool_button(self, text, tip, slot)

    def _spin(self, low: int, high: int, name: str, suffix: str = "") -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        spin.setAccessibleName(name)
        spin.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel scrolls the page unless the box has focus
        return spin

    # --- the list of steps ----------------------------------------------------------------------------

    def _row_text(self, n: int) -> str:
        seconds = self.file.seconds(n)
        when = f"{seconds // 60}:{seconds % 60:02d}" if seconds else tr("no timer")
        decks = ", ".join(deck_word(k) for k in self.file.draws(n))
        return f"{n + 1}. {step_word(self.file.step_kind(n))} · {when}" + (f" · {decks}" if decks else "")

    def _refill(self, select: int) -> None:
        self._loading = True
        self.list.clear()
        self.list.addItems([self._row_text(n) for n in range(len(self.file.steps))])
        self._loading = False
        self.index = -1
        if self.file.steps:
            self.list.setCurrentRow(max(0, min(select, len(self.file.steps) - 1)))
        self._changed()

    def _row_changed(self, row: int) -> None:
        if self._loading or row < 0:
            return
        self.index = row
        self._loading = True
        kind = self.file.step_kind(row)
        self.step_title.setText(tr("Step {0}: {1}").format(row + 1, step_word(kind)))
        seconds = self.file.seconds(row)
        self.minutes.setValue(seconds // 60)
        self.seconds.setValue(seconds % 60)
        draws, own = self.file.draws(row), self.file.per_team(row)
        teams = self.file.head.get("mode") == "teams"
        for widget in (self.shortlist_label, self.shortlist, self.teams_check):
            widget.setVisible(kind == "check" and teams)
        self.teams_check.setChecked(self.file.steps[row].get("teams_check", True) is not False)
        value = self.file.steps[row].get("shortlist", 0)
        self.shortlist.setValue(value if isinstance(value, int) and not isinstance(value, bool) else 0)
        for deck, box in self.draw_boxes.items():
            box.setChecked(deck in draws)
            box.setEnabled(kind not in NO_TIMER)
            self.team_boxes[deck].setChecked(deck in own)
            self.team_boxes[deck].setVisible(teams)
            self.team_boxes[deck].setEnabled(deck in draws)
        for code, box in self.instructions.items():
            box.setPlainText(self._instruction(row, code))
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(row < len(self.file.steps) - 1)
        self._loading = False

    def _instruction(self, row: int, code: str) -> str:
        value = self.file.steps[row].get("instruction")
        return str(value.get(code, "")) if isinstance(value, dict) else ""

    def add_step(self, kind: str) -> None:
        at = self.index + 1 if self.file.steps else 0
        instruction = self.catalogue.get(kind, {"ru": "", "en": ""})
        self.file.insert_card(at, self.file.new_step(kind, instruction))
        self._refill(at)

    def remove_step(self) -> None:
        if self.file.steps and self.index >= 0:
            self.file.remove_card(self.index)
            self._refill(self.index)

    def move_step(self, step: int) -> None:
        to = self.index + step
        if self.index >= 0 and 0 <= to < len(self.file.steps):
            self.file.move_card(self.index, to)
            self._refill(to)

    # --- edits --------------------------------------------------------------------------------------

    def _set_name(self, code: str, text: str) -> None:
        self.file.set_deck_text("name", code, text)
        self._changed()

    def _set_head(self, key: str, value) -> None:
        if not self._loading:
            self.file.set_head(key, value)
            self._changed()

    def _mode_changed(self) -> None:
        self._set_head("mode", self.mode.currentData())
        if self.index >= 0:
            self._row_changed(self.index)

    def _timer_changed(self) -> None:
        if self._loading or self.index < 0:
            return
        self.file.set_step(self.index, "seconds", self.minutes.value() * 60 + self.seconds.value())
        self._update_row()

    def _shortlist_changed(self) -> None:
        if self._loading or self.index < 0:
            return
        self.file.set_step(self.index, "shortlist", self.shortlist.value() or None)
        self._changed()

    def _teams_check_changed(self) -> None:
        if self._loading or self.index < 0:
            return
        self.file.set_step(self.index, "teams_check", None if self.teams_check.isChecked() else False)
        self._changed()

    def _draws_changed(self) -> None:
        if self._loading or self.index < 0:
            return
        draws = [k for k, box in self.draw_boxes.items() if box.isChecked()]
        own = [k for k in draws if self.team_boxes[k].isChecked()]
        for deck, box in self.team_boxes.items():
            box.setEnabled(deck in draws)
        self.file.set_step(self.index, "draw", draws)
        self.file.set_step(self.index, "per_team", own or None)
        self._update_row()

    def _instruction_changed(self, code: str, text: str) -> None:
        if self._loading or self.index < 0:
            return
        current = self.file.steps[self.index].get("instruction")
        texts = dict(current) if isinstance(current, dict) else {"ru": "", "en": ""}
        texts[code] = text
        self.file.set_step(self.index, "instruction", {"ru": texts.get("ru", ""), "en": texts.get("en", "")})
        self._changed()

    def _update_row(self) -> None:
        item = self.list.item(self.index)
        if item is not None:
            item.setText(self._row_text(self.index))
        self._changed()

    # --- saving, the total, what is wrong -----------------------------------------------------------

    def _changed(self) -> None:
        self._show_total()
        self._save.start()

    def _show_total(self) -> None:
        total = self.file.planned_seconds()
        stated = int(self.file.head.get("minutes", 0) or 0)
        minutes = (total + 59) // 60
        text = tr("Steps, opening, break and wrap-up add up to {0} min; the scenario says {1} min.").format(
            minutes, stated
        )
        if minutes != stated:
            text += " " + tr("Change a timer or the stated length so they agree.")
        self.total.setText(text)
        self.total.setObjectName("problem" if minutes != stated else "muted")
        self.total.style().unpolish(self.total)
        self.total.style().polish(self.total)

    def hideEvent(self, event) -> None:
        if self._save.isActive():
            self.save_now()
        super().hideEvent(event)

    def save_now(self) -> bool:
        self._save.stop()
        try:
            self.file.save()
        except OSError as e:
            self.saved.setText(tr("Not saved: {0}: {1}").format(self.file.path, e.strerror or e))
            return False
        self.saved.setText(tr("Saved to {0}").format(self.file.path))
        self._show_state()
        return True

    def _show_state(self) -> None:
        self._show_total()
        problems = self.file.problems()
        words = [str(p).removeprefix(f"{p.path}: ") for p in problems[:3]]
        self.problems.setText(
            tr("Until this is fixed the game skips the scenario: {0}").format("; ".join(words)) if words else ""
        )
        self.rehearse_button.setEnabled(not problems)

    def _rehearse(self) -> None:
        if self.save_now() and not self.file.problems():
            self.rehearse.emit(str(self.file.head.get("id", "")))

    def finish(self) -> None:
        self.save_now()
        self.done.emit()
