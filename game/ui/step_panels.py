"""The middle of each step: the card table with notes and ideas, the human check, dot voting, promises.

A panel shows the round's state and writes every change straight into the `Round`, so nothing typed lives
only in a widget: Back, Next and a language switch rebuild panels from the round without losing a word.
"""

from collections.abc import Callable
from datetime import date
from itertools import pairwise

from PySide6.QtCore import QDate, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from game.domain.limits import IDEA_CHARS
from game.domain.round import Round
from game.ui import theme
from game.ui.widgets import (
    CardFace,
    TileColumns,
    TimerView,
    focus_word,
    scroll_area,
    tr,
    wheel_only_when_focused,
)

IDEA_STEPS = ("moment", "obstacle", "lens", "magic")


class IdeaLine(QLineEdit):
    """The idea input: at most IDEA_CHARS; pasted text of several lines is offered as several ideas."""

    lines_pasted = Signal(list)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMaxLength(IDEA_CHARS)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Paste) and self._paste_lines(QGuiApplication.clipboard().text()):
            return
        super().keyPressEvent(event)

    def insertFromMenu(self, text: str) -> None:  # pragma: no cover - the context menu's Paste
        if not self._paste_lines(text):
            self.insert(text)

    def _paste_lines(self, text: str) -> bool:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if len(lines) < 2:
            return False
        self.lines_pasted.emit(lines)
        return True


class RoomyEditor(QStyledItemDelegate):
    """Reworking an idea in a list: the editor takes the whole row, so no letter is cut at the bottom."""

    def updateEditorGeometry(self, editor, option, index) -> None:
        editor.setGeometry(option.rect)


class IdeaList(QFrame):
    """The always-ready input line and the ideas typed so far (double-click to rework, Delete removes).

    While an idea is typed, ideas already in the library that share its words are shown under the line.
    """

    changed = Signal()
    SIMILAR_DELAY_MS = 300

    def __init__(self, rnd: Round, similar: Callable[[str], list[str]] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.round = rnd
        self.similar = similar
        self.setObjectName("panel")
        layout = QVBoxLayout(self)
        heading = QLabel(tr("Ideas"), self)
        heading.setObjectName("instruction")
        layout.addWidget(heading)
        row = QHBoxLayout()
        self.input = IdeaLine(self)
        self.input.setObjectName("ideaInput")
        self.input.setAccessibleName(tr("New idea"))
        self.input.lines_pasted.connect(self.ask_lines)
        self.input.setPlaceholderText(tr("Nothing is too small. Write it down and press Enter"))
        self.input.setText(rnd.drafts.get(rnd.step_index, ""))
        self.input.textChanged.connect(self._keep_draft)
        self.input.returnPressed.connect(self.add)
        row.addWidget(self.input, 1)
        self.add_button = QPushButton(tr("Add"), self)
        self.add_button.setObjectName("addIdeaButton")
        self.add_button.clicked.connect(self.add)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self.counter = QLabel(self)  # shown near the limit: the line stops taking letters at IDEA_CHARS
        self.counter.setObjectName("muted")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.counter.hide()
        layout.addWidget(self.counter)
        self.input.textChanged.connect(self._count)
        self.pasted: list[str] = []
        self.paste_bar = QFrame(self)  # a one-line question, not a dialog: the typing goes on
        bar = QHBoxLayout(self.paste_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.paste_question = QLabel(self.paste_bar)
        self.paste_question.setWordWrap(True)
        bar.addWidget(self.paste_question, 1)
        self.paste_apart = QPushButton(tr("Separate ideas"), self.paste_bar)
        self.paste_apart.setObjectName("primary")
        self.paste_apart.clicked.connect(lambda: self.take_lines(apart=True))
        self.paste_together = QPushButton(tr("One idea"), self.paste_bar)
        self.paste_together.clicked.connect(lambda: self.take_lines(apart=False))
        bar.addWidget(self.paste_apart)
        bar.addWidget(self.paste_together)
        self.paste_bar.hide()
        layout.addWidget(self.paste_bar)
        self.similar_label = QLabel(self)
        self.similar_label.setObjectName("muted")
        self.similar_label.setWordWrap(True)
        self.similar_label.setTextFormat(Qt.TextFormat.PlainText)
        self.similar_label.hide()
        layout.addWidget(self.similar_label)
        self._similar_timer = QTimer(self)
        self._similar_timer.setSingleShot(True)
        self._similar_timer.timeout.connect(self.show_similar)
        self.input.textChanged.connect(lambda _t: self._similar_timer.start(self.SIMILAR_DELAY_MS))
        self.list = QListWidget(self)
        self.list.setObjectName("ideaList")
        self.list.setAccessibleName(tr("Ideas"))
        self.list.setItemDelegate(RoomyEditor(self.list))
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the text wraps
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        layout.addWidget(self.list, 1)
        self.empty = QLabel(tr("No ideas yet. The first one is the hardest: try the example story."), self)
        self.empty.setObjectName("muted")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        QShortcut(
            QKeySequence(Qt.Key.Key_Delete), self.list, self.remove_current, context=Qt.ShortcutContext.WidgetShortcut
        )
        self.reload()
        self.list.itemChanged.connect(self._edited)

    def show_similar(self) -> None:
        """Ideas from past rounds with the same words, so the team builds on them rather than repeats them."""
        typed = self.input.text().strip()
        found = self.similar(typed) if self.similar and len(typed) >= 4 else []
        self.similar_label.setText(
            tr("Already in your library: {0}").format("; ".join(tr("“{0}”").format(t[:80]) for t in found))
            if found
            else ""
        )
        self.similar_label.setVisible(bool(found))

    def _count(self, text: str) -> None:
        near = len(text) >= IDEA_CHARS * 0.8
        self.counter.setVisible(near)
        if near:
            self.counter.setText(tr("{0} of {1} characters").format(len(text), IDEA_CHARS))

    def ask_lines(self, lines: list[str]) -> None:
        """Several pasted lines: separate ideas, or one?"""
        self.pasted = lines
        self.paste_question.setText(tr("Lines pasted: {0}. Make each line an idea of its own?").format(len(lines)))
        self.paste_bar.show()
        self.paste_apart.setFocus()

    def take_lines(self, apart: bool) -> None:
        lines, self.pasted = self.pasted, []
        self.paste_bar.hide()
        if apart:
            for line in lines:
                self.round.add_idea(line)
            self.reload()
            self.changed.emit()
        else:
            self.input.insert(" ".join(lines))
        self.input.setFocus()

    def _keep_draft(self, text: str) -> None:
        self.round.drafts[self.round.step_index] = text

    def add(self) -> None:
        if self.round.add_idea(self.input.text()):
            self.input.clear()
            self.reload()
            self.changed.emit()
        self.input.setFocus()

    def reload(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for idea in self.round.ideas:
            item = QListWidgetItem(idea.text)
            item.setData(Qt.ItemDataRole.UserRole, idea.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        self.list.scrollToBottom()
        self.list.blockSignals(False)
        self.empty.setVisible(not self.round.ideas)

    def _edited(self, item: QListWidgetItem) -> None:
        idea_id = item.data(Qt.ItemDataRole.UserRole)
        if item.text().strip():
            self.round.rework(idea_id, item.text())
        else:
            self.round.remove_idea(idea_id)
        self.reload()
        self.changed.emit()

    def remove_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.round.remove_idea(item.data(Qt.ItemDataRole.UserRole))
            self.reload()
            self.changed.emit()


class TablePanel(QWidget):
    """A card step: the drawn cards on the left, notes; the timer and the ideas on the right."""

    redraw_requested = Signal(int)
    changed = Signal()

    def __init__(
        self,
        rnd: Round,
        lang: str,
        timer: TimerView,
        similar: Callable[[str], list[str]] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.round = rnd
        kind = rnd.step.kind
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        cards_row = QHBoxLayout()
        self.faces: list[CardFace] = []
        for slot, card in enumerate(rnd.cards()):
            fixed = slot < len(rnd.step.cards)  # cards the scenario names are not redrawn
            face = CardFace(card, lang, slot, rnd.content.decks.get(card.deck_id), redraw=not fixed, parent=self)
            face.redraw_requested.connect(self.redraw_requested)
            cards_row.addWidget(face, 1)
            self.faces.append(face)
        left.addLayout(cards_row, 3)
        self.note: QPlainTextEdit | None = None
        self.ideas: IdeaList | None = None
        if kind not in IDEA_STEPS:
            self.note = QPlainTextEdit(self)
            self.note.setObjectName("noteEdit")
            self.note.setAccessibleName(tr("Your answer"))
            self.note.setTabChangesFocus(True)  # Tab goes on to the next control, never types into the note
            self.note.setPlaceholderText(
                tr("In the client's voice: “I expect… I worry that…”")
                if kind == "client"
                else tr("Your answer, in a few words")
            )
            self.note.setPlainText(rnd.note())
            self.note.textChanged.connect(lambda: rnd.set_note(self.note.toPlainText()))
            left.addWidget(self.note, 2)
        row.addLayout(left, 2)
        right = QVBoxLayout()
        right.addWidget(timer)
        if kind in IDEA_STEPS:
            self.ideas = IdeaList(rnd, similar, self)
            self.ideas.changed.connect(self.changed)
            right.addWidget(self.ideas, 1)
        else:
            right.addStretch(1)
        row.addLayout(right, 1)
        for face in self.faces:  # after opening a story the typing goes on where it was
            face.story_button.clicked.connect(lambda _=False: self.focus_target().setFocus())

    def focus_target(self) -> QWidget:
        return self.ideas.input if self.ideas else (self.note or self)


CHECKABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable


class CheckPanel(QWidget):
    """The human check: ideas as rows, check cards as columns; keys 1–8 toggle a check, F2 reworks."""

    changed = Signal()

    def __init__(self, rnd: Round, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.round = rnd
        self.checks = rnd.check_cards()
        # a workshop's check on shortlists: each team puts forward its N strongest ideas (★), only those are checked
        self.shortlist = rnd.shortlist_size() if hasattr(rnd, "shortlist_size") else 0
        ideas = sorted(rnd.ideas, key=lambda i: rnd.team_index(i)) if self.shortlist else list(rnd.ideas)
        self.star_column = len(self.checks) + 2
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(len(ideas), len(self.checks) + 2 + bool(self.shortlist), self)
        self.table.setObjectName("checkTable")
        self.table.setAccessibleName(tr("Ideas and their human checks"))
        headers = [tr("Idea")] + [c.title.get(lang) for c in self.checks] + [tr("Score")]
        headers += [tr("★ Shortlist")] if self.shortlist else []
        self.table.setHorizontalHeaderLabels(headers)
        for col, card in enumerate(self.checks, 1):
            self.table.horizontalHeaderItem(col).setToolTip(f"{col}  {asked(card, lang)}")
        self.titles = [c.title.get(lang) for c in self.checks]
        self.header_style = "one line"
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(self.checks) + 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(bool(self.shortlist))  # the team of each idea, when teams choose
        if self.shortlist:
            self.table.setVerticalHeaderLabels([rnd.idea_team(i) for i in ideas])
            header.setSectionResizeMode(self.star_column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # the arrows move between cells; Tab goes on to Next
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        for row, idea in enumerate(ideas):
            text = QTableWidgetItem(idea.text)
            text.setToolTip(idea.text)
            text.setData(Qt.ItemDataRole.UserRole, idea.id)
            self.table.setItem(row, 0, text)
            for col, card in enumerate(self.checks, 1):
                cell = QTableWidgetItem()
                cell.setFlags(
                    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
                )
                passed = idea.checks.get(card.id, False)
                cell.setCheckState(Qt.CheckState.Checked if passed else Qt.CheckState.Unchecked)
                self.table.setItem(row, col, cell)
            score = QTableWidgetItem(str(idea.score))
            score.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, len(self.checks) + 1, score)
            if self.shortlist:
                star = QTableWidgetItem()
                star.setFlags(CHECKABLE)
                star.setCheckState(Qt.CheckState.Checked if rnd.shortlisted(idea.id) else Qt.CheckState.Unchecked)
                self.table.setItem(row, self.star_column, star)
                self._enable_checks(row, rnd.shortlisted(idea.id))
        self.table.itemChanged.connect(self._changed)
        layout.addWidget(self.table, 1)
        self.refused = QLabel("", self)
        self.refused.setObjectName("problem")
        self.refused.setWordWrap(True)
        self.refused.setVisible(bool(self.shortlist))
        if self.shortlist:
            self.refused.setText(
                tr("Each team puts forward its {0} strongest ideas (★, key S): only those are checked.").format(
                    self.shortlist
                )
            )
            self.refused.setObjectName("muted")
            QShortcut(QKeySequence("S"), self.table, lambda: self.toggle(self.star_column),
                      context=Qt.ShortcutContext.WidgetShortcut)  # fmt: skip
        layout.addWidget(self.refused)
        keys = tr("Keys 1–{0} toggle a check for the selected idea; double-click an idea to rework it.").format(
            len(self.checks)
        )
        legend = "   ".join(f"{n}  {asked(c, lang)}" for n, c in enumerate(self.checks, 1))
        titles = " · ".join(f"{n} {c.title.get(lang)}" for n, c in enumerate(self.checks, 1))
        self.legends = (keys + "\n" + legend, keys + "\n" + titles)  # the questions; their titles when short of room
        self.hint = hint = QLabel(self.legends[0], self)
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        for n in range(1, min(len(self.checks), 9) + 1):
            QShortcut(
                QKeySequence(str(n)), self.table, lambda n=n: self.toggle(n), context=Qt.ShortcutContext.WidgetShortcut
            )
        if rnd.ideas:
            self.table.setCurrentCell(0, 0)

    HEADER_STYLES = ("one line", "two lines", "numbers")

    def _headings(self, style: str) -> list[str]:
        """The check columns' headings: the titles on one line, on two, or only the key that ticks them (the
        legend under the table and each heading's tooltip still say what the check asks)."""
        if style == "numbers":
            return [str(n) for n in range(1, len(self.titles) + 1)]
        return [two_lines(t) if style == "two lines" else t for t in self.titles]

    def fit_headings(self) -> None:
        """The widest headings that leave the idea column room for a sentence's start, and no sideways scroll."""
        table, header = self.table, self.table.horizontalHeader()
        room = table.width() - 2 * table.frameWidth() - table.verticalScrollBar().sizeHint().width()
        if table.verticalHeader().isVisible():
            room -= table.verticalHeader().sizeHint().width()
        idea = table.fontMetrics().averageCharWidth() * 32  # "Send the forgotten scarf back wi…"
        for style in self.HEADER_STYLES:
            self._show_headings(style)
            need = sum(
                max(header.sectionSizeHint(col), table.sizeHintForColumn(col)) for col in range(1, table.columnCount())
            )
            if room - need >= idea:
                break

    def _show_headings(self, style: str) -> None:
        if style == self.header_style:
            return
        self.header_style = style
        for col, text in enumerate(self._headings(style), 1):
            self.table.horizontalHeaderItem(col).setText(text)
        if self.shortlist:
            star = tr("★ Shortlist")
            heading = {"one line": star, "two lines": two_lines(star)}.get(style, "★")
            self.table.horizontalHeaderItem(self.star_column).setText(heading)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_headings()
        self.fit_legend()

    def fit_legend(self) -> None:
        """The check questions under the table while it still shows its ideas (seven at least); on a short screen
        (a laptop's console) only their titles, the questions in the tooltip, so the table keeps its rows."""
        whole, short = self.legends
        area = QRect(0, 0, max(1, self.width()), 100_000)
        needs = self.hint.fontMetrics().boundingRect(area, Qt.TextFlag.TextWordWrap, whole).height()
        table = self.table
        rows = min(table.rowCount(), 7) * max(table.verticalHeader().defaultSectionSize(), 1)
        rows += table.horizontalHeader().height() + 2 * table.frameWidth()
        others = self.refused.sizeHint().height() if self.refused.isVisibleTo(self) else 0
        spacing = self.layout().spacing() * 2
        roomy = self.height() - needs - others - spacing >= rows
        wanted = whole if roomy else short
        if self.hint.text() != wanted:
            self.hint.setText(wanted)
            self.hint.setToolTip("" if roomy else whole)

    def show_round(self) -> bool:
        """Phones ticked checks or stars: the cells follow in place, so the trainer's current cell, an idea being
        reworked and the keyboard focus stay where they are. False when the ideas themselves changed."""
        rnd = self.round
        rows = self.table.rowCount()
        ids = [self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) for row in range(rows)]
        if sorted(ids) != sorted(i.id for i in rnd.ideas):
            return False
        self.table.blockSignals(True)  # what the round already holds is not set again
        for row, idea_id in enumerate(ids):
            idea = rnd.idea(idea_id)
            for col, card in enumerate(self.checks, 1):
                _set_check(self.table.item(row, col), idea.checks.get(card.id, False))
            score = self.table.item(row, len(self.checks) + 1)
            if score.text() != str(idea.score):
                score.setText(str(idea.score))
            if self.shortlist:
                starred = rnd.shortlisted(idea_id)
                _set_check(self.table.item(row, self.star_column), starred)
                self._enable_checks(row, starred)
        self.table.blockSignals(False)
        return True

    def toggle(self, column: int) -> None:
        row = self.table.currentRow()
        cell = self.table.item(row, column) if row >= 0 else None
        if cell is not None and cell.flags() & Qt.ItemFlag.ItemIsEnabled:  # not a check of an idea off the shortlist
            checked = cell.checkState() == Qt.CheckState.Checked
            cell.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _enable_checks(self, row: int, on: bool) -> None:
        """A check can be ticked only for an idea on its team's shortlist (when the step has shortlists)."""
        flags = Qt.ItemFlag.ItemIsSelectable | (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable if on
                                                 else Qt.ItemFlag.NoItemFlags)  # fmt: skip
        for col in range(1, len(self.checks) + 1):
            cell = self.table.item(row, col)
            if cell is not None:
                cell.setFlags(flags)

    def _star(self, row: int, item: QTableWidgetItem, idea) -> None:
        from game.domain.workshop import ShortlistFull

        wanted = item.checkState() == Qt.CheckState.Checked
        if wanted == self.round.shortlisted(idea.id):
            return
        try:
            self.round.toggle_shortlist(idea.id)
        except ShortlistFull as full:
            self.table.blockSignals(True)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.table.blockSignals(False)
            self.refused.setText(
                tr("{0} already has {1} ideas on its shortlist: take one off first.").format(full.team, full.size)
            )
            self.refused.setObjectName("problem")
            self.refused.style().unpolish(self.refused)
            self.refused.style().polish(self.refused)
            return
        self._enable_checks(row, wanted)

    def _changed(self, item: QTableWidgetItem) -> None:
        row, col = item.row(), item.column()
        idea = self.round.idea(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole))
        if self.shortlist and col == self.star_column:
            self._star(row, item, idea)
        elif col == 0:
            self.round.rework(idea.id, item.text())
        elif 1 <= col <= len(self.checks):
            self.round.set_check(idea.id, self.checks[col - 1].id, item.checkState() == Qt.CheckState.Checked)
            score = self.table.item(row, len(self.checks) + 1)
            if score is not None:
                score.setText(str(idea.score))
        self.changed.emit()

    def focus_target(self) -> QWidget:
        return self.table


def asked(card, lang: str) -> str:
    """A check card's title and its question: "Simple: Could anyone…", and "One-off or a rule? Is this…" with no
    colon after a title that asks already."""
    title = card.title.get(lang)
    return f"{title} {card.prompt.get(lang)}" if title.endswith("?") else f"{title}: {card.prompt.get(lang)}"


def two_lines(text: str) -> str:
    """A heading of several words on two lines, broken at the space nearest its middle."""
    spaces = [n for n, c in enumerate(text) if c == " "]
    if not spaces:
        return text
    cut = min(spaces, key=lambda n: abs(len(text) / 2 - n))
    return text[:cut] + "\n" + text[cut + 1 :]


def _set_check(cell: QTableWidgetItem, on: bool) -> None:
    state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
    if cell.checkState() != state:
        cell.setCheckState(state)


TILE_CHARS = 180  # a tile shows a sentence or two; the whole idea is in its tooltip


def short_text(text: str, limit: int = TILE_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class PromisePanel(QWidget):
    """One card per chosen idea: who, by when (with presets), first step, what the client should say."""

    changed = Signal()

    def __init__(self, rnd: Round, parent: QWidget | None = None, columns: int = 2):
        super().__init__(parent)
        self.round = rnd
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll = scroll_area(self)
        host = QWidget()
        grid = QGridLayout(host)
        self.cards: list[QFrame] = []  # side by side where the width allows, stacked on a laptop
        self.first: QWidget | None = None
        chosen = rnd.chosen()
        self.ideas = {i.id for i in chosen}
        for idea in chosen:
            card = QFrame(host)
            card.setObjectName("panel")
            form = QGridLayout(card)
            title = QLabel(f"{focus_word(idea.focus)} · {idea.text}", card)
            title.setWordWrap(True)
            title.setTextFormat(Qt.TextFormat.PlainText)
            title.setObjectName("instruction")
            form.addWidget(title, 0, 0, 1, 3)
            p = idea.promise
            fields = (
                ("who", tr("Who"), tr("a name, not “we”"), p.who),
                ("first_step", tr("First step"), tr("what happens tomorrow morning"), p.first_step),
                ("success_sign", tr("Success sign"), tr("what the client will say if it worked"), p.success_sign),
            )
            for row, (name, label, hint, value) in enumerate(fields, 1):
                form.addWidget(QLabel(label, card), row if row == 1 else row + 1, 0)
                edit = QLineEdit(value, card)
                edit.setObjectName(f"promise-{name}-{idea.id}")
                edit.setAccessibleName(tr("{0}: {1}").format(label, short_text(idea.text, 60)))
                edit.setPlaceholderText(hint)
                edit.textChanged.connect(lambda text, i=idea.id, f=name: self._set(i, f, text))
                form.addWidget(edit, row if row == 1 else row + 1, 1, 1, 2)
                self.first = self.first or edit
            form.addWidget(QLabel(tr("By when"), card), 2, 0)
            due = wheel_only_when_focused(QDateEdit(card))  # the wheel scrolls the promises, not the date
            due.setObjectName(f"promise-due-{idea.id}")
            due.setAccessibleName(tr("{0}: {1}").format(tr("By when"), short_text(idea.text, 60)))
            due.setCalendarPopup(True)
            due.setDisplayFormat("d MMMM yyyy")
            today = date.today()
            due.setMinimumDate(QDate(today.year, today.month, today.day).addDays(-1))
            due.setSpecialValueText(tr("not set"))
            due.setDate(QDate.fromString(p.due, "yyyy-MM-dd") if p.due else due.minimumDate())
            due.dateChanged.connect(lambda d, i=idea.id, w=due: self._set_due(i, w, d))
            form.addWidget(due, 2, 1)
            presets = QHBoxLayout()
            order = [card.findChild(QLineEdit, f"promise-who-{idea.id}"), due]
            for label, days in ((tr("In a week"), 7), (tr("In a month"), 30)):
                button = QPushButton(label, card)
                button.setObjectName("chip")
                button.setProperty("key", f"due-{days}-{idea.id}")
                button.clicked.connect(lambda _=False, w=due, d=days: w.setDate(QDate.currentDate().addDays(d)))
                presets.addWidget(button)
                order.append(button)
            form.addLayout(presets, 2, 2)
            form.setColumnStretch(1, 1)  # a wide card widens the fields, not the gap after the labels
            form.setRowStretch(5, 1)  # a card as tall as its neighbour keeps its title at the top
            order += [card.findChild(QLineEdit, f"promise-{f}-{idea.id}") for f in ("first_step", "success_sign")]
            for before, after in pairwise(order):  # Tab walks the card as it reads
                QWidget.setTabOrder(before, after)
            self.cards.append(card)
        scroll.setWidget(host)
        layout.addWidget(scroll, 1)
        self.columns = TileColumns(scroll, grid, self.cards, columns)

    def show_round(self) -> bool:
        """Phones wrote promises: each field takes the phone's words in place, except the one the trainer is
        typing in (the trainer's words win there). False when the chosen ideas themselves changed."""
        chosen = self.round.chosen()
        if {i.id for i in chosen} != self.ideas:
            return False
        for idea in chosen:
            p = idea.promise
            for name in ("who", "first_step", "success_sign"):
                edit = self.findChild(QLineEdit, f"promise-{name}-{idea.id}")
                if edit is not None and not edit.hasFocus() and edit.text() != getattr(p, name):
                    edit.blockSignals(True)
                    edit.setText(getattr(p, name))
                    edit.blockSignals(False)
            due = self.findChild(QDateEdit, f"promise-due-{idea.id}")
            if due is not None and not due.hasFocus():
                shown = QDate.fromString(p.due, "yyyy-MM-dd") if p.due else due.minimumDate()
                if shown != due.date():
                    due.blockSignals(True)
                    due.setDate(shown)
                    due.blockSignals(False)
        return True

    def _set(self, idea_id: int, name: str, text: str) -> None:
        self.round.set_promise(idea_id, **{name: text})
        self._unmark(f"promise-{name}-{idea_id}")
        self.changed.emit()

    def _unmark(self, name: str) -> None:
        widget = self.findChild(QWidget, name)
        if widget is not None and widget.property("missing") == "true":
            theme.flag_style(widget, "missing", False)

    def mark_missing(self, idea_ids: tuple) -> QWidget | None:
        """Finish was refused: outline each empty field a promise needs and put the cursor in the first."""
        first = None
        for idea_id in idea_ids:
            for name in self.round.idea(idea_id).promise.missing():
                widget = self.findChild(QWidget, f"promise-{name}-{idea_id}")
                if widget is not None:
                    theme.flag_style(widget, "missing", True)
                    first = first or widget
        if first is not None:
            first.setFocus()
            scroll = self.findChild(QScrollArea)
            if scroll is not None:
                scroll.ensureWidgetVisible(first)
        return first

    def _set_due(self, idea_id: int, widget: QDateEdit, value: QDate) -> None:
        unset = value == widget.minimumDate()
        self.round.set_promise(idea_id, due="" if unset else value.toString("yyyy-MM-dd"))
        if not unset:
            self._unmark(f"promise-due-{idea_id}")
        self.changed.emit()

    def focus_target(self) -> QWidget:
        return self.first or self
