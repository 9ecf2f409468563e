"""The phones in the room, for the facilitator: who joined which team, connected or not; move a phone to
another team, remove one, lock the room against new phones, let the phones take the session report home at the
end. A window beside the console (not modal)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from game.ui.widgets import tr


def status_word(status: str) -> str:
    return {"connected": tr("connected"), "idle": tr("idle"), "gone": tr("gone")}.get(status, status)


def report_switch(room, parent: QWidget) -> QCheckBox:
    """The trainer's tick that lets the phones take the session report home at the end (in the phones window
    during the workshop, on the summary after it). Off by default: the report names every team's ideas and votes,
    which a trainer may want to keep in the room."""
    box = QCheckBox(tr("Phones may take the report home"), parent)
    box.setObjectName("reportHome")
    box.setToolTip(tr("When the workshop ends, each phone can open the session report, the same as the laptop exports"))
    box.setChecked(room.room.report_home)
    box.toggled.connect(room.allow_report)
    return box


class PhonesDialog(QDialog):
    def __init__(self, room, parent: QWidget | None = None):
        super().__init__(parent)
        self.room = room
        self.setObjectName("phonesDialog")
        self.setWindowTitle(tr("Phones in the room"))
        layout = QVBoxLayout(self)
        self.where = QLabel(self)
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        self.where.setWordWrap(True)
        layout.addWidget(self.where)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("phonesTable")
        self.table.setHorizontalHeaderLabels([tr("Name"), tr("Team"), tr("Connection")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.team = QComboBox(self)
        self.team.setObjectName("moveTeam")
        for team in room.ws.teams:
            self.team.addItem(team.name, team.name)
        self.move = QPushButton(tr("Move to team"), self)
        self.move.setObjectName("movePhone")
        self.move.clicked.connect(self.move_selected)
        self.remove = QPushButton(tr("Remove"), self)
        self.remove.setObjectName("removePhone")
        self.remove.clicked.connect(self.remove_selected)
        row.addWidget(self.team)
        row.addWidget(self.move)
        row.addWidget(self.remove)
        row.addStretch(1)
        layout.addLayout(row)
        self.lock = QCheckBox(tr("Lock the room (no new phones)"), self)
        self.lock.setObjectName("lockRoom")
        self.lock.setChecked(room.room.locked)
        self.lock.toggled.connect(room.lock)
        layout.addWidget(self.lock, 0, Qt.AlignmentFlag.AlignLeft)  # its size: a click beside it is no tick
        self.report = report_switch(room, self)
        layout.addWidget(self.report, 0, Qt.AlignmentFlag.AlignLeft)
        close = QPushButton(tr("Close"), self)
        close.setObjectName("closePhones")
        close.clicked.connect(self.hide)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.table.itemSelectionChanged.connect(self._enable)
        self.resize(640, 420)

    def refresh(self) -> None:
        room = self.room
        selected = self.selected()
        devices = sorted(room.room.devices.values(), key=lambda d: (d.team, d.name.casefold(), d.token))
        self.tokens = [d.token for d in devices]
        connected = room.connected()
        self.table.setRowCount(len(devices))
        for n, device in enumerate(devices):
            cells = (
                device.name or tr("(no name)"),
                device.team or tr("(no team yet)"),
                status_word(room.status(device, connected)),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, device.token)
                self.table.setItem(n, col, item)
            if device.token == selected:
                self.table.selectRow(n)
        self.where.setText(
            tr("Phones open {0} and type the code {1}.").format(f"http://{room.address()}/", room.room.code)
            + " "
            + tr("Joined: {0}").format(len(devices))
        )
        for box, on in ((self.lock, room.room.locked), (self.report, room.room.report_home)):
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)
        self._enable()

    def selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _enable(self) -> None:
        chosen = self.selected() is not None
        self.move.setEnabled(chosen)
        self.remove.setEnabled(chosen)

    def move_selected(self) -> None:
        token = self.selected()
        if token is not None:
            self.room.move(token, self.team.currentData())

    def remove_selected(self) -> None:
        token = self.selected()
        if token is not None:
            self.room.remove(token)
