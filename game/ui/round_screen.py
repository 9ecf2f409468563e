"""A round on screen: the step bar, the step's instruction, its panel, Back and Next with their shortcuts."""

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from game.domain.round import Round, StepBlocked
from game.ui.step_panels import IDEA_STEPS, CheckPanel, PromisePanel, TablePanel
from game.ui.vote_panel import VotePanel
from game.ui.widgets import DrawOverlay, StepBar, TimerView, step_word, tr

NEXT_KEYS = ("Ctrl+Return", "Ctrl+Enter", "Alt+Right")
BACK_KEYS = ("Alt+Left",)


def blocked_message(problem: StepBlocked) -> str:
    return {
        "need_idea": tr("Write at least one idea first: nothing is too small."),
        "need_choice": tr("Give at least one dot to the idea you want to keep."),
        "need_focus": tr("Tag each chosen idea: Fix, WOW or Plan B."),
        "need_promise": tr("Each chosen idea needs a promise: who, by when and the first step."),
    }.get(problem.reason, problem.reason)


def refusal_message(reason: str) -> str:
    return {
        "no_dots_left": tr("No dots left: take one back from another idea first."),
        "idea_cap": tr("This idea already has as many dots as one player may give it."),
        "own_idea": tr("In this scenario you cannot vote for your own idea."),
        "no_dot_to_take": tr("This idea has no dot of yours to take back."),
    }.get(reason, reason)


class RoundScreen(QWidget):
    """Shows the round's current step; `finished` fires after the last step's Next."""

    HINT_MS = 60_000  # a minute without a new idea: point at the example story

    finished = Signal()

    def __init__(
        self,
        rnd: Round,
        lang: str,
        animate: bool = False,
        just_drawn: bool = False,
        parent: QWidget | None = None,
        similar: Callable[[str], list[str]] | None = None,
    ):
        super().__init__(parent)
        self.round = rnd
        self.lang = lang
        self.animate = animate
        self.similar = similar
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        self.bar = StepBar([s.kind for s in rnd.steps], self)
        layout.addWidget(self.bar)
        self.title = QLabel(self)
        self.title.setObjectName("screenTitle")
        layout.addWidget(self.title)
        self.instruction = QLabel(self)
        self.instruction.setObjectName("instruction")
        self.instruction.setWordWrap(True)
        layout.addWidget(self.instruction)
        self.body = QVBoxLayout()
        layout.addLayout(self.body, 1)
        self.timer = TimerView(self)
        self.message = QLabel(self)
        self.message.setObjectName("problem")
        self.message.setWordWrap(True)
        footer = QHBoxLayout()
        self.back_button = QPushButton(tr("← Back"), self)
        self.back_button.setObjectName("backButton")
        self.back_button.setToolTip(tr("Previous step (Alt+←)"))
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("primary")
        self.next_button.setProperty("key", "next")
        self.next_button.setToolTip(tr("Next step (Ctrl+Enter or Alt+→)"))
        self.next_button.clicked.connect(self.go_next)
        footer.addWidget(self.back_button)
        footer.addWidget(self.message, 1)
        footer.addWidget(self.next_button)
        layout.addLayout(footer)
        for keys, slot in ((NEXT_KEYS, self.go_next), (BACK_KEYS, self.go_back)):
            for key in keys:
                QShortcut(QKeySequence(key), self, slot)
        QShortcut(QKeySequence("Ctrl+Space"), self, self.timer.toggle)
        QShortcut(QKeySequence("Ctrl+R"), self, lambda: self.redraw(0))
        self.hint_timer = QTimer(self)
        self.hint_timer.setSingleShot(True)
        self.hint_timer.timeout.connect(self.show_hint)
        self.panel: QWidget | None = None
        self.show_step(drawn=range(len(rnd.draws[rnd.step_index])) if just_drawn else ())

    def show_step(self, drawn=()) -> None:
        """Show the round's current step; the cards in the `drawn` slots arrive with a flip."""
        rnd = self.round
        step = rnd.step
        if self.panel is not None:
            self.body.removeWidget(self.panel)
            self.timer.setParent(self)  # keep the shared timer alive while its old panel goes
            self.panel.hide()
            self.panel.deleteLater()
        self.bar.set_current(step.kind)
        self.title.setText(tr("Step {0} of {1} · {2}").format(rnd.step_index + 1, len(rnd.steps), step_word(step.kind)))
        self.instruction.setText(step.instruction.get(self.lang))
        self.message.clear()
        if step.kind == "check":
            panel: QWidget = CheckPanel(rnd, self.lang, self)
        elif step.kind == "choose":
            panel = VotePanel(rnd, self)
            panel.refused.connect(lambda reason: self.message.setText(refusal_message(reason)))
        elif step.kind == "promise":
            panel = PromisePanel(rnd, self)
        else:
            panel = TablePanel(rnd, self.lang, self.timer, self.similar, self)
            panel.redraw_requested.connect(self.redraw)
            if self.animate:
                for slot in drawn:
                    DrawOverlay(panel.faces[slot])
        self.timer.attach(rnd.timer if isinstance(panel, TablePanel) else None)
        panel.changed.connect(self._changed)
        self.panel = panel
        self.body.addWidget(panel)
        panel.show()  # now, not on the next event loop pass: focus and tests need it on screen
        self.hint_timer.stop()
        if rnd.scenario.hints and isinstance(panel, TablePanel) and panel.ideas is not None:
            self.hint_timer.start(self.HINT_MS)
        last = rnd.step_index == len(rnd.steps) - 1
        self.next_button.setText(tr("Finish ✓") if last else tr("Next →"))
        self.back_button.setEnabled(rnd.step_index > 0)
        panel.focus_target().setFocus()

    def _changed(self) -> None:
        self.message.clear()
        if self.hint_timer.isActive():
            self.hint_timer.start(self.HINT_MS)

    def show_hint(self) -> None:
        if not self.message.text() and isinstance(self.panel, TablePanel):
            stories = [face for face in self.panel.faces if face.card.example]
            if stories:
                self.message.setText(tr("Stuck? Open the example story on the card: someone has done this before."))

    def go_next(self) -> None:
        if self.round.step.kind in IDEA_STEPS and isinstance(self.panel, TablePanel) and self.panel.ideas is not None:
            self.panel.ideas.add()  # a typed idea counts even if Enter was not pressed
        fresh = self.round.step_index + 1 not in self.round.draws
        try:
            self.round.next()
        except StepBlocked as problem:
            self.message.setText(blocked_message(problem))
            if problem.reason == "need_promise" and isinstance(self.panel, PromisePanel):
                self.panel.mark_missing(problem.idea_ids)
            return
        if self.round.finished:
            self.timer.attach(None)
            self.finished.emit()
        else:
            self.show_step(drawn=range(len(self.round.draws[self.round.step_index])) if fresh else ())

    def go_back(self) -> None:
        if self.round.step_index > 0:
            self.round.back()
            self.show_step()

    def redraw(self, slot: int) -> None:
        if isinstance(self.panel, TablePanel) and self.panel.faces[slot:] and self.panel.faces[slot].can_redraw:
            self.round.redraw(slot)
            self.show_step(drawn=(slot,))

    def help_keys(self) -> list[tuple[str, str]]:
        """This step's keys, for the help overlay (F1)."""
        kind = self.round.step.kind
        rows = [
            (tr("Next step"), " / ".join(NEXT_KEYS)),
            (tr("Previous step"), " / ".join(BACK_KEYS)),
        ]
        if kind in IDEA_STEPS:
            rows += [
                (tr("Add the idea you typed"), "Enter"),
                (tr("Paste several lines as separate ideas"), "Ctrl+V"),
                (tr("Rework an idea in a list"), tr("double-click or F2")),
                (tr("Remove the selected idea"), "Delete"),
            ]
        if isinstance(self.panel, TablePanel):
            rows += [(tr("Pause or resume the timer"), "Ctrl+Space"), (tr("Redraw the first card"), "Ctrl+R")]
        if kind == "check":
            rows += [
                (tr("Toggle a human check for the selected idea"), "1 … 8"),
                (tr("Rework an idea in a list"), tr("double-click or F2")),
            ]
        return rows

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.message.clear()
        super().keyPressEvent(event)
