"""The screens around a round: home, scenario pick, summary, decks."""

from __future__ import annotations

from functools import cmp_to_key
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCollator, QLocale, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from game.ui import theme
from game.ui.widgets import CardFace, deck_word, focus_word, format_date, scroll_area, step_word, tr, trn

if TYPE_CHECKING:  # the home screen is up before the decks are read
    from game.domain.content import Content, Scenario
    from game.domain.round import Round


def _label(text: str, name: str = "", parent: QWidget | None = None, wrap: bool = True) -> QLabel:
    label = QLabel(text, parent)
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class HomeScreen(QWidget):
    resume = Signal()
    play_solo = Signal()
    run_workshop = Signal()
    open_library = Signal()
    open_decks = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 32)
        outer.addStretch(1)
        self.art = QLabel(self)
        self.art.setPixmap(theme.app_icon().pixmap(QSize(132, 132)))
        outer.addWidget(self.art, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addWidget(
            _label(tr("Technomagic of Impressions"), "gameTitle", self, wrap=False), 0, Qt.AlignmentFlag.AlignHCenter
        )
        outer.addWidget(
            _label(tr("Small, human ideas that delight your clients, card by card."), "tagline", self, wrap=False),
            0,
            Qt.AlignmentFlag.AlignHCenter,
        )
        outer.addSpacing(24)
        self.resume_button = QPushButton(self)
        self.resume_button.setObjectName("bigPrimary")
        self.resume_button.clicked.connect(self.resume)
        self.resume_button.hide()
        outer.addWidget(self.resume_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.solo_button = QPushButton(tr("Play solo"), self)
        self.solo_button.setObjectName("bigPrimary")
        self.solo_button.setAccessibleDescription(tr("15 minutes alone with the cards"))
        self.solo_button.clicked.connect(self.play_solo)
        self.workshop_button = QPushButton(tr("Run a workshop"), self)
        self.workshop_button.setObjectName("big")
        self.workshop_button.setAccessibleDescription(tr("Teams, a projector and a facilitator console"))
        self.workshop_button.clicked.connect(self.run_workshop)
        row = QHBoxLayout()  # side by side: room below for the promises due
        row.addStretch(1)
        row.addWidget(self.solo_button)
        row.addWidget(self.workshop_button)
        row.addStretch(1)
        outer.addLayout(row)
        row = QHBoxLayout()
        row.addStretch(1)
        self.library_button = QPushButton(tr("Idea library"), self)
        self.library_button.clicked.connect(self.open_library)
        self.decks_button = QPushButton(tr("Decks"), self)
        self.decks_button.clicked.connect(self.open_decks)
        row.addWidget(self.library_button)
        row.addWidget(self.decks_button)
        row.addStretch(1)
        outer.addLayout(row)
        self.due_box = QHBoxLayout()
        self.due_box.addStretch(1)
        self.due_box.addStretch(1)
        outer.addLayout(self.due_box, 8)
        self.due: QWidget | None = None
        self.notices = QVBoxLayout()  # the library's safety: a library that cannot be trusted, unsaved rounds
        outer.addLayout(self.notices)
        self.notice: dict[str, QWidget] = {}
        self._due_scroll: QWidget | None = None
        self.warning = _label("", "problem", self)
        self.warning.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.warning.hide()
        outer.addWidget(self.warning)
        outer.addStretch(1)
        self.setFocusProxy(self.solo_button)

    def resizeEvent(self, event) -> None:
        self._fit_art()
        super().resizeEvent(event)

    def _fit_art(self) -> None:
        # a short laptop screen keeps the promises due in sight: the picture gets smaller
        size = 132 if self.height() >= 760 or self.due is None else 64
        if self.art.pixmap().width() != size:
            self.art.setPixmap(theme.app_icon().pixmap(QSize(size, size)))

    def show_due(self, panel: QWidget | None) -> None:
        """Put the promises due this week (or nothing) under the buttons."""
        if self.due is not None:
            self.due.hide()
            self.due.deleteLater()
        self.due = panel
        if self._due_scroll is not None:
            self._due_scroll.hide()
            self._due_scroll.deleteLater()
            self._due_scroll = None
        if panel is not None:  # the list scrolls rather than push the window past a laptop's screen
            scroll = scroll_area(self)
            scroll.setObjectName("dueScroll")
            scroll.setMaximumWidth(900)
            scroll.setWidget(panel)
            self._due_scroll = scroll
            self.due_box.insertWidget(1, scroll, 6)
        self._fit_art()

    def show_notice(self, key: str, panel: QWidget | None) -> None:
        """Put a notice (or nothing) under the buttons, replacing the one with the same key."""
        old = self.notice.pop(key, None)
        if old is not None:
            old.hide()
            old.deleteLater()
        if panel is not None:
            panel.setMaximumWidth(900)
            self.notice[key] = panel
            self.notices.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
            panel.show()  # now, not on the layout's queued show: the notice is there as soon as it is said

    def show_content(self, content: Content, resumable: str = "", problem: str = "") -> None:
        """What the decks tell (they are read just after the window first shows): skipped files, and a round
        in play to continue."""
        files = len(content.skipped_files())
        lines = [problem] if problem else []
        if files:
            lines.append(
                tr("{0} deck or scenario file(s) could not be read and were skipped: see Decks.").format(files)
            )
        self.warning.setText("\n".join(lines))
        self.warning.setVisible(bool(lines))
        self.resume_button.setText(tr("Continue: {0}").format(resumable))
        self.resume_button.setVisible(bool(resumable))
        if resumable:
            self.solo_button.setObjectName("big")
            self.solo_button.style().unpolish(self.solo_button)
            self.solo_button.style().polish(self.solo_button)
            self.setFocusProxy(self.resume_button)
            self.resume_button.setFocus()


class ScenarioPicker(QWidget):
    chosen = Signal(str)
    cancelled = Signal()

    def __init__(self, content: Content, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.addWidget(_label(tr("Choose a scenario"), "screenTitle", self))
        self.buttons: dict[str, QPushButton] = {}
        scroll = scroll_area(self)
        host = QWidget()
        tiles = QVBoxLayout(host)
        by_minutes = sorted(content.scenarios.values(), key=lambda s: (s.minutes, s.id))
        solo = [s for s in by_minutes if s.mode == "solo"]
        teams = [s for s in by_minutes if s.mode == "teams"]
        for scenario in solo:
            tiles.addWidget(self._tile(scenario, lang, host))
        if not solo:
            tiles.addWidget(
                _label(tr("No solo scenario could be loaded: see Decks for what was skipped."), "problem", host)
            )
        if teams:
            tiles.addWidget(_label(tr("Workshop scenarios: play one alone to rehearse it"), "muted", host))
            for scenario in teams:
                tiles.addWidget(self._tile(scenario, lang, host))
        tiles.addStretch(1)
        scroll.setWidget(host)
        layout.addWidget(scroll, 1)
        back = QPushButton(tr("← Home"), self)
        back.clicked.connect(self.cancelled)
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)
        first = self.buttons.get("solo-spark") or next(iter(self.buttons.values()), None)
        if first:
            self.setFocusProxy(first)

    def _tile(self, scenario: Scenario, lang: str, parent: QWidget) -> QFrame:
        tile = QFrame(parent)
        tile.setObjectName("panel")
        row = QHBoxLayout(tile)
        text = QVBoxLayout()
        text.addWidget(_label(scenario.name.get(lang), "instruction", tile))
        text.addWidget(
            _label(tr("{0} min").format(scenario.minutes) + " · " + scenario.description.get(lang), "muted", tile)
        )
        row.addLayout(text, 1)
        button = QPushButton(tr("Play"), tile)
        button.setObjectName("primary")
        button.setProperty("key", f"play-{scenario.id}")
        button.setAccessibleName(tr("Play {0}").format(scenario.name.get(lang)))
        button.clicked.connect(lambda: self.chosen.emit(scenario.id))
        row.addWidget(button)
        self.buttons[scenario.id] = button
        return tile


class SummaryScreen(QWidget):
    """The round on one page: cards drawn, chosen ideas with their promises, where they were saved."""

    play_again = Signal()
    open_library = Signal()
    go_home = Signal()
    export = Signal()
    report = Signal()

    def __init__(self, rnd: Round, lang: str, saved_note: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        workshop = rnd.in_teams
        layout.addWidget(_label(tr("Your workshop") if workshop else tr("Your round"), "screenTitle", self))
        cards = [c for i in sorted(rnd.draws) for c in rnd.cards(i)]
        layout.addWidget(_label(" · ".join(f"{deck_word(c.kind)}: {c.title.get(lang)}" for c in cards), "muted", self))
        layout.addWidget(
            _label(
                tr("{0}, {1} chosen.").format(trn("%n ideas", len(rnd.ideas)), len(rnd.chosen())), "instruction", self
            )
        )
        if workshop:
            teams = " · ".join(
                tr("{0}: {1}, {2}").format(
                    t.name,
                    trn("%n ideas", len(rnd.ideas_of(t.name))),
                    trn("%n dots", sum(i.dots for i in rnd.ideas_of(t.name))),
                )
                for t in rnd.teams
            )
            layout.addWidget(_label(teams, "muted", self))
        scroll = scroll_area(self)
        host = QWidget()
        grid = QGridLayout(host)
        for n, idea in enumerate(rnd.chosen()):
            tile = QFrame(host)
            tile.setObjectName("panel")
            box = QVBoxLayout(tile)
            teams = f" — {' + '.join(idea.authors())}" if workshop else ""
            box.addWidget(_label(f"{focus_word(idea.focus)} · {idea.text}{teams}", "instruction", tile))
            p = idea.promise
            lines = [
                tr("Who: {0}").format(p.who),
                tr("By when: {0}").format(format_date(p.due)),
                tr("First step: {0}").format(p.first_step),
            ]
            if p.success_sign:
                lines.append(tr("Success sign: {0}").format(p.success_sign))
            box.addWidget(_label("\n".join(lines), "", tile))
            box.addStretch(1)  # a tile as tall as its neighbour keeps its words at the top
            grid.addWidget(tile, n // 2, n % 2)
        grid.setRowStretch(len(rnd.chosen()) // 2 + 1, 1)
        scroll.setWidget(host)
        layout.addWidget(scroll, 1)
        self.saved = _label(saved_note, "muted", self)
        layout.addWidget(self.saved)
        row = QHBoxLayout()
        for text, signal, name in (
            (tr("Play again"), self.play_again, "primary"),
            (tr("Export…"), self.export, ""),
            (tr("Session report…"), self.report, ""),
            (tr("Idea library"), self.open_library, ""),
            (tr("Home"), self.go_home, ""),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(signal)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)

    def add_room_control(self, widget: QWidget) -> None:
        """What of a workshop's room still matters at its end (round_end adds it), just above the buttons."""
        layout = self.layout()
        layout.insertWidget(layout.count() - 1, widget, 0, Qt.AlignmentFlag.AlignLeft)


SCENARIO_ROLE = Qt.ItemDataRole.UserRole + 1


class DecksScreen(QWidget):
    """Browse every deck's cards; make, edit, install and export decks; files that were skipped are listed."""

    go_home = Signal()
    edit_deck = Signal(Path, bool)  # a user deck file to open in the studio; True when it replaces a shipped deck
    edit_scenario = Signal(Path)  # a user scenario file to open in the scenario studio
    decks_changed = Signal(str)  # the decks folder changed (what to tell the trainer): read the decks again

    def __init__(
        self, content: Content, lang: str, parent: QWidget | None = None, decks_dir: Path | None = None
    ):
        super().__init__(parent)
        from game import paths

        self.content = content
        self.lang = lang
        self.decks_dir = decks_dir
        self.scenarios_dir = decks_dir.parent / "scenarios" if decks_dir is not None else None
        self.shipped_dir = paths.shipped("cards")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 16)
        self.top = QHBoxLayout()  # title, then what makes a new deck: written here or installed from a file
        self.top.addWidget(_label(tr("Decks"), "screenTitle", self))
        self.top.addStretch(1)
        layout.addLayout(self.top)
        if content.problems:
            layout.addWidget(
                _label(
                    tr("Skipped, with the reason:") + "\n" + "\n".join(str(p) for p in content.problems[:20]),
                    "problem",
                    self,
                )
            )
        row = QHBoxLayout()
        self.list = QListWidget(self)
        self.list.setObjectName("deckList")
        self.list.setAccessibleName(tr("Decks"))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long names end in "…"
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        collator = QCollator(QLocale())  # «Бизнес» before «Клиент» in Russian, Business before Client in English
        by_name = sorted(
            content.decks.values(), key=cmp_to_key(lambda a, b: collator.compare(a.name.get(lang), b.name.get(lang)))
        )
        for deck in by_name:
            mine = "" if self._shipped(deck) else " ✎"
            item = QListWidgetItem(f"{deck.name.get(lang)} — {len(deck.cards)}{mine}")
            item.setData(Qt.ItemDataRole.UserRole, deck.id)
            self.list.addItem(item)
        if decks_dir is not None:  # the scenarios, below the decks: made and edited in the scenario studio
            header = QListWidgetItem(tr("Scenarios"))
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            self.list.addItem(header)
            for scenario in content.scenarios.values():
                mine = "" if scenario.path.parent == paths.shipped("scenarios") else " ✎"
                item = QListWidgetItem(f"{scenario.name.get(lang)} — {scenario.minutes} {tr('min')}{mine}")
                item.setData(SCENARIO_ROLE, scenario.id)
                self.list.addItem(item)
        self.list.currentItemChanged.connect(self._show)
        row.addWidget(self.list, 1)
        self.scroll = scroll_area(self)
        row.addWidget(self.scroll, 3)
        layout.addLayout(row, 1)
        self.print_button = QPushButton(tr("Print this deck…"), self)
        self.print_button.setToolTip(tr("A PDF of cut-out cards, fronts and backs, for groups without laptops"))
        self.print_button.clicked.connect(self._print)
        self.new_button = QPushButton(tr("New deck…"), self)
        self.new_button.setToolTip(tr("Write your own deck: cards in Russian and English, saved as you go"))
        self.new_button.clicked.connect(self._new)
        self.new_scenario_button = QPushButton(tr("New scenario…"), self)
        self.new_scenario_button.setToolTip(tr("Build a session from the game's steps, with your timers and decks"))
        self.new_scenario_button.clicked.connect(self._new_scenario)
        self.edit_button = QPushButton(tr("Edit"), self)
        self.edit_button.clicked.connect(self._edit)
        self.install_button = QPushButton(tr("Install deck…"), self)
        self.install_button.setToolTip(tr("Add a deck a colleague gave you (a .tmdeck file), checked first"))
        self.install_button.clicked.connect(self._install)
        self.export_button = QPushButton(tr("Export deck…"), self)
        self.export_button.setToolTip(tr("One .tmdeck file with the deck and its art, to give to a colleague"))
        self.export_button.clicked.connect(self._export)
        for button in (self.new_button, self.new_scenario_button, self.edit_button, self.install_button,
                       self.export_button):
            button.setVisible(decks_dir is not None)
        back = QPushButton(tr("← Home"), self)
        back.clicked.connect(self.go_home)
        self.top.addWidget(self.new_button)
        self.top.addWidget(self.new_scenario_button)
        self.top.addWidget(self.install_button)
        row = QHBoxLayout()
        row.addWidget(back)
        row.addStretch(1)
        for button in (self.edit_button, self.export_button, self.print_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.said = _label("", "muted", self)
        layout.addWidget(self.said)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.setFocusProxy(self.list)

    def _shipped(self, deck) -> bool:
        from game.ui.deck_actions import is_shipped

        return is_shipped(deck, self.shipped_dir)

    def current_deck(self):
        item = self.list.currentItem()
        deck_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return self.content.decks.get(deck_id) if deck_id else None

    def current_scenario(self):
        item = self.list.currentItem()
        scenario_id = item.data(SCENARIO_ROLE) if item is not None else None
        return self.content.scenarios.get(scenario_id) if scenario_id else None

    def _new_scenario(self) -> None:
        from game.ui.deck_actions import new_scenario

        path = new_scenario(self, self.content, self.scenarios_dir, self.lang)
        if path is not None:
            self.edit_scenario.emit(path)

    def _edit_scenario(self, scenario) -> None:
        from game import paths
        from game.ui.deck_actions import own_scenario_copy

        if scenario.path.parent == paths.shipped("scenarios"):
            path = own_scenario_copy(self, scenario, self.scenarios_dir)
            if path is not None:
                self.edit_scenario.emit(path)
        else:
            self.edit_scenario.emit(scenario.path)

    def _new(self) -> None:
        from game.ui.deck_actions import new_deck

        path = new_deck(self, self.content, self.decks_dir)
        if path is not None:
            self.edit_deck.emit(path, False)

    def _edit(self) -> None:
        from game.ui.deck_actions import own_copy

        deck = self.current_deck()
        if deck is None:
            if (scenario := self.current_scenario()) is not None:
                self._edit_scenario(scenario)
            return
        shipped_ids = {p.stem for p in self.shipped_dir.glob("*.toml")}
        if self._shipped(deck):
            path = own_copy(self, deck, self.decks_dir)
            if path is not None:
                self.edit_deck.emit(path, True)
        else:
            self.edit_deck.emit(deck.path, deck.id in shipped_ids)

    def _install(self) -> None:
        from game.ui.deck_actions import install_pack

        said = install_pack(self, self.decks_dir, self.lang)
        if said:
            self.decks_changed.emit(said)

    def _export(self) -> None:
        from game.ui.deck_actions import export_pack

        deck = self.current_deck()
        said = export_pack(self, deck) if deck is not None else None
        if said:
            self.said.setText(said)

    def _print(self) -> None:
        from game.ui.transfer import print_deck

        deck = self.current_deck()
        if deck is not None:
            said = print_deck(self, deck, self.lang)
            if said:
                self.said.setText(said)

    def _show(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.export_button.setEnabled(self.current_deck() is not None)
        self.print_button.setEnabled(self.current_deck() is not None)
        if (scenario := self.current_scenario()) is not None:
            self._show_scenario(scenario)
            return
        deck = self.current_deck()
        if deck is None:
            return
        self.edit_button.setText(tr("Edit a copy…") if self._shipped(deck) else tr("Edit…"))
        self.edit_button.setToolTip(
            tr("Shipped decks stay as they are: you edit your own copy, which your games then play")
            if self._shipped(deck) else tr("Open the deck in the studio")
        )
        host = QWidget()
        grid = QGridLayout(host)
        for n, card in enumerate(deck.cards):
            face = CardFace(card, self.lang, deck=deck, redraw=False, parent=host)
            face.setMinimumHeight(260)
            grid.addWidget(face, n // 3, n % 3)
        self.scroll.setWidget(host)

    def _show_scenario(self, scenario) -> None:
        from game import paths

        shipped = scenario.path.parent == paths.shipped("scenarios")
        self.edit_button.setText(tr("Edit a copy…") if shipped else tr("Edit…"))
        self.edit_button.setToolTip(tr("Open the scenario in the scenario studio"))
        lines = [scenario.description.get(self.lang), ""]
        for n, step in enumerate(scenario.steps, 1):
            when = f"{step.seconds // 60}:{step.seconds % 60:02d}" if step.seconds else "—"
            decks = ", ".join(deck_word(k) for k in step.draw)
            lines.append(f"{n}. {step_word(step.kind)} · {when}" + (f" · {decks}" if decks else ""))
        self.scroll.setWidget(_label("\n".join(lines), "", self))
