"""Settings → Library: which library the game uses (the file in the data folder or a PostgreSQL server), and
copying it to another one with a progress bar. Passwords are never kept here: libpq reads ~/.pgpass,
PGPASSWORD or a service file.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from game.ui.widgets import tr

PLACEHOLDER = "postgresql://user@host/database"


class LibraryDialog(QDialog):
    """Choose the library; `chosen` carries the URL to use (None: the file in the data folder)."""

    chosen = Signal(object)
    progressed = Signal(int, int)  # from the copying thread
    copied = Signal(str)  # what to say when the copy ends (from the copying thread)

    def __init__(self, data_dir: Path, current: str, override: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        from game.store.engine import default_url, safe_url

        self.data_dir = data_dir
        self.current = current
        self.setWindowTitle(tr("Idea library"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        where = QLabel(tr("In use now: {0}").format(safe_url(current)), self)
        where.setObjectName("libraryInUse")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(where)
        if override:
            note = QLabel(tr("This run was started with a library of its own (--library or TECHNOMAGIC_LIBRARY): "
                             "a choice made here applies when neither is given."), self)  # fmt: skip
            note.setObjectName("muted")
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(QLabel(tr("A PostgreSQL server the team shares, or a SQLite file:"), self))
        self.url = QLineEdit(self)
        self.url.setObjectName("libraryUrl")
        self.url.setPlaceholderText(PLACEHOLDER)
        self.url.setText("" if current == default_url(data_dir) else safe_url(current))
        layout.addWidget(self.url)
        hint = QLabel(tr("Passwords are never kept here: put them in ~/.pgpass or PGPASSWORD, as for psql."), self)
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        row = QHBoxLayout()
        self.use_button = QPushButton(tr("Use this library"), self)
        self.use_button.setObjectName("useLibrary")
        self.use_button.clicked.connect(self.use)
        self.local_button = QPushButton(tr("Use the file in the data folder"), self)
        self.local_button.clicked.connect(self.use_local)
        row.addWidget(self.use_button)
        row.addWidget(self.local_button)
        row.addStretch(1)
        layout.addLayout(row)

        layout.addSpacing(12)
        layout.addWidget(QLabel(tr("Copy every round, idea and note of the library in use to another one:"), self))
        copy_row = QHBoxLayout()
        self.target = QLineEdit(self)
        self.target.setObjectName("copyTarget")
        self.target.setPlaceholderText(PLACEHOLDER)
        self.copy_button = QPushButton(tr("Copy to…"), self)
        self.copy_button.setObjectName("copyLibrary")
        self.copy_button.clicked.connect(self.copy)
        copy_row.addWidget(self.target, 1)
        copy_row.addWidget(self.copy_button)
        layout.addLayout(copy_row)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("copyProgress")
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        self.said = QLabel(self)
        self.said.setObjectName("librarySaid")
        self.said.setWordWrap(True)
        layout.addWidget(self.said)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.progressed.connect(self._progress)
        self.copied.connect(self._copied)
        self._copying: threading.Thread | None = None

    def _check(self, url: str) -> str | None:
        """What is wrong with the URL, or None (it opens as a library)."""
        from game.store.db import LibraryError
        from game.store.engine import BadLibraryUrl, open_url

        try:
            open_url(url).dispose()
        except (LibraryError, BadLibraryUrl) as e:
            return str(e)
        return None

    def use(self) -> None:
        from game.store.engine import store_choice

        url = self.url.text().strip()
        if not url:
            self.use_local()
            return
        self.said.setText(tr("Opening…"))
        self.repaint()
        problem = self._check(url)
        if problem:
            self.said.setText(tr("Not changed: {0}").format(problem))
            return
        store_choice(self.data_dir, url)
        self.chosen.emit(url)
        self.accept()

    def use_local(self) -> None:
        from game.store.engine import store_choice

        store_choice(self.data_dir, None)
        self.chosen.emit(None)
        self.accept()

    def copy(self) -> None:
        target = self.target.text().strip()
        if not target or self._copying is not None:
            return
        self.copy_button.setEnabled(False)
        self.progress.setValue(0)
        self.said.setText(tr("Copying…"))
        source = self.current

        def work() -> None:
            from sqlalchemy.exc import SQLAlchemyError

            from game.store.copy import CopyError, copy_library
            from game.store.db import LibraryError
            from game.store.engine import BadLibraryUrl, open_url

            engines = []
            try:
                for url in (source, target):
                    engines.append(open_url(url))
                result = copy_library(*engines, progress=self.progressed.emit)
                said = tr("Copied: {0} rounds, {1} ideas, {2} notes.").format(
                    result.total["play_session"], result.total["idea"], result.total["idea_note"]
                )
            except (LibraryError, BadLibraryUrl, CopyError, SQLAlchemyError) as e:
                reason = " ".join(str(getattr(e, "orig", None) or e).split())
                said = tr("The copy stopped: {0}. Copy again to go on where it stopped.").format(reason)
            finally:
                for engine in engines:
                    engine.dispose()
            self.copied.emit(said)

        self._copying = threading.Thread(target=work, daemon=True)
        self._copying.start()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _copied(self, said: str) -> None:
        if self._copying is not None:
            self._copying.join()
        self._copying = None
        self.copy_button.setEnabled(True)
        self.said.setText(said)
