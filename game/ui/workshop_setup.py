"""Run a workshop: the scenario, 2–8 teams (players optional) and the voting rules, on one screen."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from game.domain.content import Content
from game.domain.workshop import MAX_NAME, MAX_TEAMS, MIN_TEAMS, Team, clean_teams
from game.ui.widgets import tr


def team_problem(reason: str) -> str:
    return {
        "teams_count": tr("A workshop needs 2 to 8 teams."),
        "team_name": tr("Every team needs a name."),
        "team_twice": tr("Two teams have the same name: each team needs its own."),
        "player_twice": tr("A player's name appears twice in one team."),
    }.get(reason, reason)


class WorkshopSetup(QWidget):
    """`started` carries the scenario id, the teams and the options `new_workshop` takes."""

    started = Signal(str, object, object)
    cancelled = Signal()

    def __init__(self, content: Content, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.content = content
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 24, 48, 16)
        title = QLabel(tr("Run a workshop"), self)
        title.setObjectName("screenTitle")
        outer.addWidget(title)
        hint = QLabel(tr("Name the teams as the room calls them; empty names become Team 1, Team 2…"), self)
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        outer.addWidget(hint)
        columns = QHBoxLayout()
        outer.addLayout(columns, 1)

        teams_side = QVBoxLayout()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        host = QWidget()
        self.grid = QGridLayout(host)
        self.grid.addWidget(QLabel(tr("Team"), host), 0, 1)
        self.grid.addWidget(QLabel(tr("Players (optional, comma-separated)"), host), 0, 2)
        self.rows: list[tuple[QLineEdit, QLineEdit]] = []
        for n in range(MAX_TEAMS):
            number = QLabel(f"{n + 1}.", host)
            name = QLineEdit(host)
            name.setObjectName(f"teamName-{n + 1}")
            name.setAccessibleName(tr("Team {0}: name").format(n + 1))
            name.setMaxLength(MAX_NAME)
            name.setPlaceholderText(tr("Team {0}").format(n + 1))
            players = QLineEdit(host)
            players.setObjectName(f"teamPlayers-{n + 1}")
            players.setAccessibleName(tr("Team {0}: players").format(n + 1))
            players.setPlaceholderText(tr("Anna, Boris"))
            for col, widget in enumerate((number, name, players)):
                self.grid.addWidget(widget, n + 1, col)
            self.rows.append((name, players))
        self.grid.setRowStretch(MAX_TEAMS + 1, 1)
        scroll.setWidget(host)
        teams_side.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.more = QPushButton(tr("+ team"), self)
        self.more.clicked.connect(lambda: self.set_team_count(self.team_count + 1))
        self.fewer = QPushButton(tr("− team"), self)
        self.fewer.clicked.connect(lambda: self.set_team_count(self.team_count - 1))
        buttons.addWidget(self.more)
        buttons.addWidget(self.fewer)
        buttons.addStretch(1)
        teams_side.addLayout(buttons)
        columns.addLayout(teams_side, 3)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a laptop: a field under its label
        self.scenario = QComboBox(self)
        self.scenario.setObjectName("scenarioCombo")
        self.scenario.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scenario.setMinimumContentsLength(18)
        ordered = sorted(content.scenarios.values(), key=lambda s: (s.mode != "teams", s.minutes, s.id))
        for scenario in ordered:
            self.scenario.addItem(f"{scenario.name.get(lang)} · {tr('{0} min').format(scenario.minutes)}", scenario.id)
        self.scenario.setCurrentIndex(max(0, self.scenario.findData("classic-workshop")))
        self.scenario.currentIndexChanged.connect(self._rules_from_scenario)
        form.addRow(tr("Scenario"), self.scenario)
        self.dots = QSpinBox(self)
        self.dots.setObjectName("dotsSpin")
        self.dots.setRange(1, 10)
        form.addRow(tr("Dots for each voter"), self.dots)
        self.cap = QSpinBox(self)
        self.cap.setObjectName("capSpin")
        self.cap.setRange(1, 10)
        form.addRow(tr("At most on one idea"), self.cap)
        self.self_votes = QCheckBox(tr("Teams may vote for their own ideas"), self)
        form.addRow(self.self_votes)  # the whole row: every tick box starts at one edge
        self.by_player = QCheckBox(tr("Every named player votes (not each team)"), self)
        form.addRow(self.by_player)
        self.anonymous = QCheckBox(tr("Show ideas on the projector without teams"), self)
        form.addRow(self.anonymous)
        self.keep = QSpinBox(self)
        self.keep.setObjectName("keepSpin")
        self.keep.setRange(0, 99)
        self.keep.setSpecialValueText(tr("all with a dot"))
        form.addRow(tr("Ideas to take on to promises"), self.keep)
        self._room_rows(form)
        columns.addLayout(form, 2)

        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        outer.addWidget(self.problem)
        footer = QHBoxLayout()
        back = QPushButton(tr("← Home"), self)
        back.clicked.connect(self.cancelled)
        footer.addWidget(back)
        footer.addStretch(1)
        self.start = QPushButton(tr("Start the workshop"), self)
        self.start.setObjectName("primary")
        self.start.clicked.connect(self.submit)
        footer.addWidget(self.start)
        outer.addLayout(footer)
        self.team_count = 0
        self.set_team_count(3)
        self._rules_from_scenario()
        self.setFocusProxy(self.rows[0][0])

    def _room_rows(self, form: QFormLayout) -> None:
        """The room joins from phones: on when the laptop has a network; the likely network first."""
        from game.room.network import addresses

        found = addresses()
        self.phones = QCheckBox(tr("The room joins from phones"), self)
        self.phones.setObjectName("phonesCheck")
        self.phones.setToolTip(tr("Participants scan a QR code and send their ideas and votes from their phones"))
        form.addRow(self.phones)
        self.network = QComboBox(self)
        self.network.setObjectName("networkCombo")
        self.network.setAccessibleName(tr("The network the phones join on"))
        for address in found:
            self.network.addItem(address.label(), address.ip)
        self.network.addItem(tr("127.0.0.1 · this laptop only"), "127.0.0.1")
        form.addRow(tr("Network"), self.network)
        self.phones.setChecked(bool(found))
        self.phones.toggled.connect(self.network.setEnabled)
        self.network.setEnabled(self.phones.isChecked())

    def set_team_count(self, count: int) -> None:
        self.team_count = max(MIN_TEAMS, min(MAX_TEAMS, count))
        for n in range(MAX_TEAMS):
            for col in range(3):
                self.grid.itemAtPosition(n + 1, col).widget().setVisible(n < self.team_count)
        self.more.setEnabled(self.team_count < MAX_TEAMS)
        self.fewer.setEnabled(self.team_count > MIN_TEAMS)

    def _rules_from_scenario(self) -> None:
        scenario = self.content.scenarios[self.scenario.currentData()]
        self.dots.setValue(scenario.dots)
        self.cap.setValue(scenario.dot_cap)
        self.self_votes.setChecked(scenario.self_votes)

    def teams(self) -> list[Team]:
        return [
            Team(
                name.text().strip() or name.placeholderText(),
                [p.strip() for p in players.text().split(",") if p.strip()],
            )
            for name, players in self.rows[: self.team_count]
        ]

    def submit(self) -> None:
        try:
            teams = clean_teams(self.teams())
        except ValueError as e:
            self.problem.setText(team_problem(str(e)))
            return
        if self.by_player.isChecked() and not any(t.players for t in teams):
            self.problem.setText(tr("Name the players of at least one team, or let each team vote."))
            return
        options = {
            "dots": self.dots.value(),
            "cap": self.cap.value(),
            "self_votes": self.self_votes.isChecked(),
            "by_player": self.by_player.isChecked(),
            "anonymous": self.anonymous.isChecked(),
            "keep": self.keep.value(),
            "room_host": self.network.currentData() if self.phones.isChecked() else None,
        }
        self.started.emit(self.scenario.currentData(), teams, options)

    def keyPressEvent(self, event) -> None:
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.submit()
        else:
            super().keyPressEvent(event)
