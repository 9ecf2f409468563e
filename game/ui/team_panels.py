"""The facilitator's step panels for a room of teams: a column per team with its own input line, and the
dialog that merges two ideas saying the same (dot voting is game/ui/vote_panel.py, shared with solo)."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from game.domain.workshop import Team, Workshop
from game.ui.idea_column import IdeaRows
from game.ui.widgets import deck_word, scroll_area, tr


def idea_line(idea) -> str:
    """An idea as the console lists it: its number (what teams call out), its text, who said it too."""
    also = [m["team"] for m in idea.merged if m.get("team") and m["team"] != idea.team]
    return f"{idea.id}. {idea.text}" + (f"  (+ {', '.join(dict.fromkeys(also))})" if also else "")


class TeamColumn(QFrame):
    """One team's ideas and the line where they are typed (Enter adds, double-click reworks, Delete removes)."""

    changed = Signal()

    def __init__(self, ws: Workshop, team: Team, number: int, parent: QWidget | None = None, lang: str = "en"):
        super().__init__(parent)
        self.ws = ws
        self.team = team
        self.lang = lang
        self.setObjectName("panel")
        self.setMinimumWidth(150)  # four teams side by side on a 1024-pixel laptop
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("instruction")
        self.heading.setWordWrap(True)  # a long team name takes two lines, not the width of two columns
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setToolTip(tr("Alt+{0} jumps to this team's line").format(number))
        layout.addWidget(self.heading)
        self.cards = QLabel(self)  # the team's own business and client, where the scenario has teams draw their own
        self.cards.setObjectName("muted")
        self.cards.setWordWrap(True)
        self.cards.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.cards)
        self.items: dict[int, QListWidgetItem] = {}  # each idea's row, by the idea's id
        self.player: QComboBox | None = None
        if team.players:
            self.player = QComboBox(self)
            self.player.addItem(tr("the whole team"), "")
            for name in team.players:
                self.player.addItem(name, name)
            layout.addWidget(self.player)
        elif any(t.players for t in ws.teams):  # keep every team's line at one height: an unseen stand-in
            gap = QComboBox(self)
            policy = gap.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            gap.setSizePolicy(policy)
            gap.hide()
            layout.addWidget(gap)
        self.input = QLineEdit(ws.team_drafts.get(team.name, ""), self)
        self.input.setObjectName(f"teamInput-{number}")
        self.input.setAccessibleName(tr("New idea of {0}").format(team.name))
        self.input.setPlaceholderText(tr("{0}: type an idea, Enter").format(team.name))
        self.input.textChanged.connect(lambda text: ws.team_drafts.__setitem__(team.name, text))
        self.input.returnPressed.connect(self.add)
        layout.addWidget(self.input)
        self.list = IdeaRows(self)
        self.list.setObjectName(f"teamIdeas-{number}")
        self.list.setAccessibleName(tr("Ideas of {0}").format(team.name))
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        layout.addWidget(self.list, 1)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.list, self.remove_current,
                  context=Qt.ShortcutContext.WidgetShortcut)  # fmt: skip
        self.reload()
        self.list.itemChanged.connect(self._edited)

    def add(self) -> bool:
        player = self.player.currentData() if self.player is not None else ""
        added = self.ws.add_idea(self.input.text(), self.team.name, player) is not None
        if added:
            self.input.clear()
            self.reload()
            self.changed.emit()
        return added

    def reload(self) -> None:
        ideas = self.ws.ideas_of(self.team.name)
        self.heading.setText(f"{self.team.name} · {len(ideas)}")
        own = self.ws.all_own_cards(self.team.name)
        name = self.team.name
        self.cards.setText(" · ".join(self.ws.title_for(name, c, self.lang) for c in own))
        self.cards.setToolTip("\n".join(f"{deck_word(c.kind)}: {self.ws.title_for(name, c, self.lang)}" for c in own))
        self.cards.setVisible(bool(own))
        self.list.blockSignals(True)
        self.list.clear()
        self.items = {}
        for idea in ideas:
            self.items[idea.id] = item = _idea_item(idea)
            self.list.addItem(item)
        self._uniform_when_long()
        self.list.scrollToBottom()
        self.list.blockSignals(False)

    def show_idea(self, idea) -> None:
        """An idea a phone sent or changed, shown in place: a new one is added alone at the end (a room of
        phones sends many), a changed one takes its new text, and the row the trainer is reworking, the
        selection and the focus stay as they are."""
        shown = self.items.get(idea.id)
        if shown is not None:
            if shown.text() != idea_line(idea):
                self.list.blockSignals(True)  # not the trainer's edit: nothing to save back
                shown.setText(idea_line(idea))
                shown.setToolTip(idea.text)
                self.list.blockSignals(False)
            return
        last = self.list.item(self.list.count() - 1) if self.list.count() else None
        if last is not None and last.data(Qt.ItemDataRole.UserRole) > idea.id:
            self.reload()  # not the newest idea (never from a phone): the list is read again
            return
        self.list.blockSignals(True)
        self.items[idea.id] = item = _idea_item(idea)
        self.list.addItem(item)
        self._uniform_when_long()
        self.list.scrollToBottom()
        self.list.blockSignals(False)
        self.heading.setText(f"{self.team.name} · {self.list.count()}")

    def drop_idea(self, idea_id: int) -> bool:
        """A phone deleted its idea: its row goes, the others stay as they are. False when it is not here."""
        item = self.items.pop(idea_id, None)
        if item is None:
            return False
        self.list.takeItem(self.list.row(item))
        self.heading.setText(f"{self.team.name} · {self.list.count()}")
        self._uniform_when_long()
        return True

    def _uniform_when_long(self) -> None:
        self.list.fit_length()

    def current_idea(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _edited(self, item: QListWidgetItem) -> None:
        idea = self.ws.idea(item.data(Qt.ItemDataRole.UserRole))
        text = item.text()
        prefix = f"{idea.id}. "
        text = text[len(prefix) :] if text.startswith(prefix) else text
        if text.strip():
            self.ws.rework(idea.id, text.split("  (+ ")[0])
        else:
            self.ws.remove_idea(idea.id)
        self.reload()
        self.changed.emit()

    def remove_current(self) -> None:
        idea_id = self.current_idea()
        if idea_id is not None:
            self.ws.remove_idea(idea_id)
            self.reload()
            self.changed.emit()


class TeamsPanel(QWidget):
    """Every team's column side by side (four fit a laptop; eight on a laptop screen scroll sideways)."""

    changed = Signal()

    def __init__(self, ws: Workshop, parent: QWidget | None = None, lang: str = "en"):
        super().__init__(parent)
        self.ws = ws
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll = scroll_area(self)
        host = QWidget()
        row = QHBoxLayout(host)
        row.setContentsMargins(0, 0, 0, 0)
        self.columns: list[TeamColumn] = []
        for n, team in enumerate(ws.teams, 1):
            column = TeamColumn(ws, team, n, host, lang)
            column.changed.connect(self.changed)
            row.addWidget(column, 1)
            self.columns.append(column)
        scroll.setWidget(host)
        layout.addWidget(scroll, 1)

    def add_typed(self) -> None:
        """What is typed but not added yet counts when the step moves on."""
        for column in self.columns:
            column.add()

    def reload(self) -> None:
        for column in self.columns:
            column.reload()

    def show_ideas(self, changed: set[int], removed: set[int]) -> None:
        """Phones added, changed or deleted these ideas: each column changes in place."""
        for idea_id in removed:
            for column in self.columns:
                if column.drop_idea(idea_id):
                    break
        by_team = {c.team.name: c for c in self.columns}
        for idea_id in sorted(changed - removed):
            idea = next((i for i in reversed(self.ws.ideas) if i.id == idea_id), None)
            if idea is not None and idea.team in by_team:
                by_team[idea.team].show_idea(idea)

    def selected_idea(self) -> int | None:
        for column in self.columns:
            if column.list.hasFocus() and column.current_idea() is not None:
                return column.current_idea()
        return next((c.current_idea() for c in self.columns if c.current_idea() is not None), None)

    def focus_team(self, n: int) -> None:
        if 0 <= n < len(self.columns):
            self.columns[n].input.setFocus()

    def focus_target(self) -> QWidget:
        return self.columns[0].input


def _idea_item(idea) -> QListWidgetItem:
    """A row of a team's column: the idea's line, editable in place, the whole text in its tooltip."""
    item = QListWidgetItem(idea_line(idea))
    item.setData(Qt.ItemDataRole.UserRole, idea.id)
    item.setToolTip(idea.text)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
    return item


def _words(text: str) -> set[str]:
    return {w for w in "".join(c if c.isalnum() else " " for c in text.lower()).split() if len(w) > 2}


class MergeDialog(QDialog):
    """Pick the idea that says the same as the selected one."""

    def __init__(self, ws: Workshop, idea_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Merge ideas"))
        layout = QVBoxLayout(self)
        text = QLabel(tr("“{0}” is the same idea as:").format(ws.idea(idea_id).text[:200]), self)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(text)
        self.list = QListWidget(self)
        self.list.setObjectName("mergeTargets")
        self.list.setAccessibleName(tr("Merge ideas"))
        source = ws.idea(idea_id)
        words = _words(source.text)
        # the likeliest twin first: another team's idea sharing the most words (the same team's come last)
        candidates = sorted(
            (i for i in ws.ideas if i.id != idea_id),
            key=lambda i: (i.team == source.team, -len(words & _words(i.text)), i.id),
        )
        for idea in candidates:
            item = QListWidgetItem(f"{idea_line(idea)} — {idea.team}")
            item.setData(Qt.ItemDataRole.UserRole, idea.id)
            self.list.addItem(item)
        if candidates and words & _words(candidates[0].text):
            self.list.setCurrentRow(0)  # nothing in common: nothing chosen for the facilitator
        self.list.itemDoubleClicked.connect(self.accept)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def target(self) -> int | None:
        item = self.list.currentItem() if self.list.selectedItems() else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None
