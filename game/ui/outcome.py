"""The follow-up loop: promises due this week on the home screen, and "How did it go?" for each."""

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from game.ui.widgets import format_date, tr

OUTCOMES = ("tried", "working", "dropped", "later")


def outcome_word(outcome: str) -> str:
    return {
        "tried": tr("We tried it"),
        "working": tr("It keeps working"),
        "dropped": tr("We dropped it"),
        "later": tr("Not yet: give it another week"),
    }[outcome]


class OutcomeDialog(QDialog):
    """What happened with one promise, and what clients said."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("How did it go?"))
        layout = QVBoxLayout(self)
        heading = QLabel(title, self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        heading.setObjectName("instruction")
        layout.addWidget(heading)
        self.choices = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for outcome in OUTCOMES:
            button = QRadioButton(outcome_word(outcome), self)
            button.setObjectName(f"outcome-{outcome}")
            self.choices.addButton(button)
            self.buttons[outcome] = button
            layout.addWidget(button)
        self.buttons["tried"].setChecked(True)
        self.note = QLineEdit(self)
        self.note.setObjectName("outcomeNote")
        self.note.setPlaceholderText(tr("What did clients say? (optional)"))
        layout.addWidget(self.note)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def outcome(self) -> str:
        return next(name for name, button in self.buttons.items() if button.isChecked())


def record_outcome(library, idea, outcome: str, note: str, today: date) -> None:
    """Store the answer: the new status (or a week more), and the clients' words as a dated note."""
    from game.store import ideas

    engine = library.engine()
    if outcome == "later":
        ideas.update(engine, [idea.id], status="planned", promise_due=today + timedelta(days=7))
    else:
        ideas.update(engine, [idea.id], status=outcome)
    if note.strip():
        ideas.add_note(engine, idea.id, today, note)


class DuePromises(QFrame):
    """Home's "Promises due this week", each with a one-click "How did it go?"."""

    asked = Signal(object)  # the idea

    def __init__(self, due: list, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("panel")
        layout = QVBoxLayout(self)
        heading = QLabel(tr("Promises due this week"), self)
        heading.setObjectName("instruction")
        layout.addWidget(heading)
        self.buttons: list[QPushButton] = []
        total = getattr(due, "total", len(due))  # Library.due loads only the first few of a long list
        for idea in due[:5]:
            row = QHBoxLayout()
            when = format_date(idea.promise_due.isoformat())
            label = QLabel(tr("{0} — {1}, by {2}").format(" ".join(idea.title.split())[:90], idea.promise_who, when))
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)  # a long title takes a second line, never cut mid-letter
            row.addWidget(label, 1)
            button = QPushButton(tr("How did it go?"), self)
            button.setObjectName("chip")
            button.clicked.connect(lambda _=False, i=idea: self.asked.emit(i))
            row.addWidget(button)
            self.buttons.append(button)
            layout.addLayout(row)
        if total > 5:
            more = QLabel(tr("…and {0} more in the library").format(total - 5), self)
            more.setObjectName("muted")
            layout.addWidget(more)
