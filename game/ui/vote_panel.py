"""Dot voting, one panel for a solo round and a workshop: a tile per idea with − / + dot, and Fix · WOW · Plan B
on the ideas chosen.

What differs is read from the round. A workshop's room picks who votes (a team or a player, Alt+1…8) within the
scenario's limits, keeps the totals hidden until the facilitator reveals them, draws a line (Ideas to take on)
and breaks ties across it with *Put ahead*. A solo round has one player's dots, always shown, and each tile
says what the human check scored.
"""

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from game.domain.ideas import FOCUSES, VoteRefused
from game.domain.round import Round
from game.ui.step_panels import TILE_CHARS, short_text
from game.ui.team_panels import idea_line
from game.ui.widgets import TileColumns, focus_word, scroll_area, tr


def focus_chips(box: QVBoxLayout, tile: QWidget, idea, choose: Callable[[int, str], None]) -> dict[str, QPushButton]:
    """Fix · WOW · Plan B under a chosen idea, its focus checked; `choose(idea_id, focus)` on a click."""
    row = QHBoxLayout()
    box.addLayout(row)  # before the chips: see game/ui/qt_fixes.py
    chips: dict[str, QPushButton] = {}
    for focus in FOCUSES:
        chip = QPushButton(focus_word(focus), tile)
        chip.setObjectName("chip")
        chip.setProperty("key", f"focus-{idea.id}-{focus}")  # tests and the self-test find it by this
        chip.setAccessibleName(tr("{0}: {1}").format(focus_word(focus), short_text(idea.text, 60)))
        chip.setCheckable(True)
        chip.setChecked(idea.focus == focus)
        chip.clicked.connect(lambda _=False, i=idea.id, f=focus: choose(i, f))
        row.addWidget(chip)
        chips[focus] = chip
    row.addStretch(1)
    return chips


class VotePanel(QWidget):
    """The choose step: give or take dots on each idea's tile, then tag the chosen ones."""

    changed = Signal()
    refused = Signal(str)  # a vote the rules refuse: the reason's key (see round_screen.refusal_message)

    def __init__(self, rnd: Round, parent: QWidget | None = None):
        super().__init__(parent)
        self.round = rnd
        self.in_room = rnd.in_teams  # voters, hidden totals, a line and its ties
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.voter_buttons: dict[str, QPushButton] = {}
        self.rules = QLabel(self)
        self.rules.setWordWrap(True)
        if self.in_room:
            layout.addLayout(self._voter_row())
            layout.addLayout(self._options())
        else:
            self.rules.setObjectName("dots")  # "Dots left: ●●○"
            layout.addWidget(self.rules)
        self.scroll = scroll_area(self)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.scroll, 1)
        self.tiles: dict[int, dict[str, QPushButton]] = {}  # each idea's buttons: minus, plus, prefer, its focuses
        self.dot_labels: dict[int, QLabel] = {}
        self._order: list[int] = []
        self.first: QWidget | None = None
        self.columns: TileColumns | None = None
        self.refresh()

    def _voter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for n, voter in enumerate(self.round.voters()):
            button = QPushButton(self)
            button.setObjectName("chip")
            button.setCheckable(True)
            button.setProperty("key", f"voter-{n + 1}")
            button.setToolTip(tr("Alt+{0} picks who votes").format(n + 1) if n < 8 else "")
            self.group.addButton(button, n)
            row.addWidget(button)
            self.voter_buttons[voter] = button
        row.addStretch(1)
        self.group.button(0).setChecked(True)
        self.group.idClicked.connect(lambda _n: self.refresh())
        return row

    def _options(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.rules.setObjectName("muted")
        row.addWidget(self.rules, 1)
        keep_label = QLabel(tr("Ideas to take on"), self)
        row.addWidget(keep_label)
        self.keep = QSpinBox(self)
        self.keep.setObjectName("keepSpin")
        keep_label.setBuddy(self.keep)  # a screen reader names the number by its label
        self.keep.setRange(0, 99)
        self.keep.setSpecialValueText(tr("all with a dot"))
        self.keep.setValue(self.round.keep)
        self.keep.valueChanged.connect(self._set_keep)
        row.addWidget(self.keep)
        return row

    # --- what the user does ------------------------------------------------------------------------

    @property
    def voter(self) -> str:
        """Who gives the dots now: the team or player picked in a room; "" for a solo round's one player."""
        return self.round.voters()[max(0, self.group.checkedId())] if self.in_room else ""

    def choose_voter(self, n: int) -> None:
        button = self.group.button(n)
        if button is not None:
            button.setChecked(True)
            self.refresh()

    def vote(self, idea_id: int, delta: int) -> None:
        act = self.round.give_dot if delta > 0 else self.round.take_dot
        whose = (self.voter,) if self.in_room else ()  # a solo round's dots are its one player's
        try:
            act(idea_id, *whose)
        except VoteRefused as e:
            self.refused.emit(e.reason)
            return
        self._changed()

    def prefer(self, idea_id: int) -> None:
        self.round.prefer(idea_id)
        self._changed()

    def set_focus(self, idea_id: int, focus: str) -> None:
        self.round.set_focus(idea_id, focus)
        self._changed()

    def _set_keep(self, value: int) -> None:
        self.round.keep = value
        self._changed()

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()

    # --- what the panel shows ------------------------------------------------------------------------

    def refresh(self) -> None:
        """The rules, the dots left and every tile; the tiles are built again only when their order changes
        (a room's reveal ranks them)."""
        rnd = self.round
        if self.in_room:
            ballot = rnd.ballot
            rules = [tr("{0} dots each, at most {1} on one idea").format(ballot.dots, ballot.cap)]
            if not ballot.self_votes:
                rules.append(tr("no votes for your own team's ideas"))
            rules.append(tr("votes shown") if rnd.revealed else tr("votes hidden until revealed (Ctrl+Shift+V)"))
            self.rules.setText("; ".join(rules))
        else:
            left, total = rnd.dots_left(), rnd.ballot.dots
            self.rules.setText(tr("Dots left: {0}").format("●" * left + "○" * (total - left)))
        if [i.id for i in self._ordered()] != self._order:
            self._build_tiles()
        else:
            self.show_dots()

    def show_dots(self) -> None:
        """Each voter's dots left and the dots on each idea (a room's totals only once revealed), the tie and
        focus chips where they apply, without building a tile again: phones voting call this."""
        rnd = self.round
        for voter, button in self.voter_buttons.items():
            left = rnd.dots_left(voter)
            button.setText(f"{voter}  {'●' * left}{'○' * (rnd.ballot.dots - left)}")
        shown = not self.in_room or rnd.revealed
        chosen = {i.id for i in rnd.chosen()} if shown else set()
        tied = {i.id for i in rnd.tie()[0]} if self.in_room and shown else set()
        mine = rnd.ballot.given.get(self.voter, {}) if self.in_room else {}
        for idea in rnd.ideas:
            if idea.id not in self.tiles:
                continue  # added since (phones): the next refresh builds its tile
            if self.in_room:
                given = mine.get(idea.id, 0)
                said = [tr("yours: {0}").format("●" * given)] if given else []
                if shown:
                    said.append(tr("in all: {0}").format("●" * idea.dots if idea.dots else "0"))
                text = " · ".join(said)
            else:
                text = "●" * idea.dots
            label = self.dot_labels[idea.id]
            if label.text() != text:
                label.setText(text)
            buttons = self.tiles[idea.id]
            for focus in FOCUSES:
                buttons[focus].setVisible(idea.id in chosen)
                buttons[focus].setChecked(idea.focus == focus)
            if "prefer" in buttons:
                buttons["prefer"].setVisible(idea.id in tied)
                buttons["prefer"].setChecked(idea.id in rnd.preferred)
        if self.columns is not None:
            self.columns.arrange()  # a revealed total widens a tile: two may no longer fit side by side

    def _ordered(self) -> list:
        rnd = self.round
        if not (self.in_room and rnd.revealed):
            return list(rnd.ideas)
        ranked = rnd.ranking()
        return ranked + [i for i in rnd.ideas if i not in ranked]

    def _build_tiles(self) -> None:
        ideas = self._ordered()
        host = QWidget()
        grid = QGridLayout(host)
        self.tiles, self.dot_labels, self.first, self.columns = {}, {}, None, None
        tiles = [self._tile(idea, host) for idea in ideas]
        self._order = [i.id for i in ideas]
        self.show_dots()  # what shows is settled before the scroll area measures the tiles
        bar = self.scroll.verticalScrollBar().value()  # a dot given keeps the tiles where they were
        self.scroll.setWidget(host)
        self.columns = TileColumns(self.scroll, grid, tiles)  # two side by side where they fit, else stacked
        self.scroll.verticalScrollBar().setValue(bar)

    def _tile(self, idea, host: QWidget) -> QFrame:
        """An idea's tile: its dots and − / + dot first (a long idea never pushes them out of sight), the idea,
        then Put ahead on a tie and the focus chips once it is chosen."""
        tile = QFrame(host)
        tile.setObjectName("panel")
        box = QVBoxLayout(tile)
        row = QHBoxLayout()
        dots = QLabel(tile)
        dots.setObjectName("dots")
        row.addWidget(dots, 1)
        if not self.in_room:
            score = QLabel(tr("Check score: {0}").format(idea.score), tile)  # what the human check said
            score.setObjectName("muted")
            row.addWidget(score)
        buttons: dict[str, QPushButton] = {}
        for key, label, delta in (("minus", tr("− dot"), -1), ("plus", tr("+ dot"), +1)):
            button = QPushButton(label, tile)
            button.setObjectName(f"dot-{key}-{idea.id}")
            button.clicked.connect(lambda _=False, i=idea.id, d=delta: self.vote(i, d))
            row.addWidget(button)
            buttons[key] = button
        box.addLayout(row)
        line = f"{idea_line(idea)} — {' + '.join(idea.authors())}" if self.in_room else idea.text
        text = QLabel(short_text(line), tile)
        text.setToolTip(line if len(line) > TILE_CHARS else "")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        box.addWidget(text)
        if self.in_room:
            ahead = QPushButton(tr("Put ahead (tie)"), tile)
            ahead.setObjectName("chip")
            ahead.setProperty("key", f"prefer-{idea.id}")
            ahead.setCheckable(True)
            ahead.clicked.connect(lambda _=False, i=idea.id: self.prefer(i))
            box.addWidget(ahead)
            buttons["prefer"] = ahead
        buttons.update(focus_chips(box, tile, idea, self.set_focus))
        self.tiles[idea.id] = buttons
        self.dot_labels[idea.id] = dots
        self.first = self.first or buttons["plus"]
        return tile

    def chip(self, idea_id: int, focus: str) -> QPushButton:
        return self.tiles[idea_id][focus]

    def focus_target(self) -> QWidget:
        return (self.group.button(0) if self.in_room else self.first) or self
