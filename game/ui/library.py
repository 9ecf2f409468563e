"""The basic library screen: every saved idea with its focus and promise.

It imports the store (and so SQLAlchemy) only when the library is first opened, after the first window.
"""

import importlib
import threading
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from game.domain.round import Round
from game.ui.step_panels import focus_word
from game.ui.widgets import format_date, tr


def local_time(stamp: datetime) -> str:
    """A stored UTC time (SQLite keeps no zone) in the user's zone and language."""
    local = stamp.replace(tzinfo=stamp.tzinfo or UTC).astimezone()
    return f"{format_date(local.date().isoformat())}, {local:%H:%M}"


class Library:
    """The UI's door to the store: opened lazily, and a broken file becomes a message, not a crash."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self._engine = None
        self.error: str | None = None

    def preload(self) -> None:
        """Import the store (SQLAlchemy, ~0.4 s) in the background once the first window is on screen."""
        threading.Thread(target=importlib.import_module, args=("game.store.db",), daemon=True).start()

    def engine(self):
        if self._engine is None and self.error is None:
            from game.store.db import LibraryError, open_library

            try:
                self._engine = open_library(self.data_dir)
            except LibraryError as e:
                self.error = str(e)
        return self._engine

    def save(self, rnd: Round, lang: str) -> list[int]:
        """Save a finished round; raises OSError with a plain reason when the library cannot take it."""
        from sqlalchemy.exc import SQLAlchemyError

        from game.store.db import save_round

        engine = self.engine()
        if engine is None:
            raise OSError(self.error)
        try:
            return save_round(engine, rnd, lang)
        except SQLAlchemyError as e:
            raise OSError(f"{self.data_dir}: {getattr(e, 'orig', None) or e}") from e

    def ideas(self) -> list:
        from game.store.db import list_ideas

        engine = self.engine()
        return list_ideas(engine) if engine is not None else []

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


class LibraryScreen(QWidget):
    go_home = Signal()

    COLUMNS = ("Idea", "Focus", "Who", "By when", "First step", "Status", "Saved")

    def __init__(self, library: Library, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 16)
        title = QLabel(tr("Idea library"), self)
        title.setObjectName("screenTitle")
        layout.addWidget(title)
        self.status = QLabel(self)
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setObjectName("libraryTable")
        self.table.setHorizontalHeaderLabels(
            [tr("Idea"), tr("Focus"), tr("Who"), tr("By when"), tr("First step"), tr("Status"), tr("Saved")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        back = QPushButton(tr("← Home"), self)
        back.clicked.connect(self.go_home)
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)
        self.setFocusProxy(self.table)

    def reload(self) -> None:
        ideas = self.library.ideas()
        statuses = {
            "new": tr("new"),
            "planned": tr("planned"),
            "tried": tr("tried"),
            "working": tr("keeps working"),
            "dropped": tr("dropped"),
        }
        self.table.setRowCount(len(ideas))
        for row, idea in enumerate(ideas):
            values = (
                idea.text,
                focus_word(idea.focus),
                idea.promise_who,
                format_date(idea.promise_due.isoformat()) if idea.promise_due else "",
                idea.promise_first_step,
                statuses.get(idea.status, idea.status),
                local_time(idea.created_at),
            )
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        if self.library.error:
            self.status.setText(tr("The library could not be opened: {0}").format(self.library.error))
        elif not ideas:
            self.status.setText(tr("No ideas yet. Play a round: the ideas you choose land here."))
        else:
            self.status.setText(tr("{0} ideas").format(len(ideas)))
