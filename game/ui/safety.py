"""What the app shows about the library's safety: a library that cannot be trusted (and the ways out), the rounds
kept in `unsaved/`, and Library → Backups… (dates in words, idea counts, restore after one confirmation).

Imported only when needed (after the first window); the store's backup module is plain sqlite3.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from game.ui.widgets import format_date, tr

UNSAVED = "unsaved"


def when_words(taken: datetime, today: date | None = None) -> str:
    """"today, 14:05", "yesterday, 09:30" or "1 December 2026, 18:00"."""
    today = today or date.today()
    if taken.date() == today:
        day = tr("today")
    elif (today - taken.date()).days == 1:
        day = tr("yesterday")
    else:
        day = format_date(taken.date().isoformat())
    return f"{day}, {taken:%H:%M}"


def problem_words(kind: str) -> str:
    return {
        "damaged": tr("The idea library is damaged: part of the file cannot be read. Nothing will be written "
                      "into it."),
        "empty": tr("The idea library file is empty (0 bytes), though backups of it exist. Nothing will be "
                    "written into it."),
        "newer": tr("The idea library was made by a newer version of the game. Update the game to open it; "
                    "nothing will be written into it."),
        "unwritable": tr("The idea library cannot be written in its folder (the folder is read-only, or the disk "
                         "is full). The file itself is left as it was."),
    }.get(kind, tr("The idea library file cannot be read. Nothing will be written into it."))  # fmt: skip


def unsaved_rounds(data_dir: Path) -> list[Path]:
    folder = data_dir / UNSAVED
    return sorted(folder.glob("round-*.json")) if folder.is_dir() else []


class LibraryProblem(QFrame):
    """On the home screen: what is wrong with the library, in words, and the ways out."""

    restore = Signal()
    other_folder = Signal()
    rescue = Signal()

    def __init__(self, kind: str, path: Path, detail: str, good, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("panel")
        self.setAccessibleName("libraryProblem")
        layout = QVBoxLayout(self)
        said = QLabel(problem_words(kind) + "\n" + tr("File: {0}").format(path), self)
        said.setObjectName("problem")
        said.setWordWrap(True)
        said.setTextFormat(Qt.TextFormat.PlainText)
        said.setToolTip(detail)
        said.setMinimumWidth(600)  # two lines of words, not five
        layout.addWidget(said)
        self.restore_button = None
        if good is not None and kind in ("damaged", "empty", "unreadable"):
            backup, count = good
            self.restore_button = QPushButton(
                tr("Restore the backup of {0} ({1} ideas)").format(when_words(backup.taken), count), self
            )
            self.restore_button.setObjectName("chip")
            self.restore_button.clicked.connect(self.restore)
            first = QHBoxLayout()  # the way out that keeps the most: a line of its own
            first.addWidget(self.restore_button)
            first.addStretch(1)
            layout.addLayout(first)
        row = QHBoxLayout()
        self.folder_button = QPushButton(tr("Open another folder…"), self)
        self.folder_button.setObjectName("chip")
        self.folder_button.clicked.connect(self.other_folder)
        row.addWidget(self.folder_button)
        self.rescue_button = None
        if kind == "damaged":
            self.rescue_button = QPushButton(tr("Rescue what can be read"), self)
            self.rescue_button.setObjectName("chip")
            self.rescue_button.clicked.connect(self.rescue)
            row.addWidget(self.rescue_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.setMinimumHeight(layout.totalHeightForWidth(620))  # the wrapped words are never squeezed


class UnsavedRounds(QFrame):
    """On the home screen: rounds kept in `unsaved/` after a failed save, with one button to save them now."""

    save_now = Signal()

    def __init__(self, count: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("panel")
        row = QHBoxLayout(self)
        label = QLabel(tr("Rounds not yet in the library: {0}").format(count), self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(label, 1)
        self.button = QPushButton(tr("Save now"), self)
        self.button.setObjectName("chip")
        self.button.clicked.connect(self.save_now)
        row.addWidget(self.button)


def confirm_restore(parent: QWidget, taken: datetime, count: int) -> bool:
    """One question, No by default: the current library is set aside, not deleted."""
    box = QMessageBox(parent)
    box.setObjectName("confirmRestore")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Restore a backup"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        tr("Put the backup of {0} ({1} ideas) in place of the library? The library as it is now is set aside "
           "beside it, not deleted.").format(when_words(taken), count)
    )  # fmt: skip
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


class BackupsDialog(QDialog):
    """Library → Backups…: every backup with its date in words and its idea count; Back up now; Restore."""

    restored = Signal(str)  # what to say afterwards

    def __init__(self, data_dir: Path, before_restore, after_restore, parent: QWidget | None = None):
        super().__init__(parent)
        self.data_dir = data_dir
        self._before, self._after = before_restore, after_restore
        self.setWindowTitle(tr("Backups"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr("A checked copy of the library is kept before every import and upgrade, and when it changed: the "
               "last ten, one a day for a week and one a week for a month. Folder: {0}").format(
                data_dir / "backups"
            ),
            self,
        )  # fmt: skip
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setObjectName("backupList")
        layout.addWidget(self.list, 1)
        self.said = QLabel("", self)
        self.said.setWordWrap(True)
        self.said.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.said)
        row = QHBoxLayout()
        self.now_button = QPushButton(tr("Back up now"), self)
        self.now_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(tr("Restore…"), self)
        self.restore_button.clicked.connect(self.restore_chosen)
        close = QPushButton(tr("Close"), self)
        close.clicked.connect(self.accept)
        row.addWidget(self.now_button)
        row.addStretch(1)
        row.addWidget(self.restore_button)
        row.addWidget(close)
        layout.addLayout(row)
        self.fill()

    def fill(self) -> None:
        from game.store import backup

        self.list.clear()
        self.counts: dict[str, int | None] = {}
        for b in backup.backups(self.data_dir):
            count = b.ideas()
            self.counts[b.name] = count
            reason = {"import": tr("before an import"), "migration": tr("before an upgrade")}.get(b.reason, "")
            shown = tr("damaged") if count is None else tr("{0} ideas").format(count)
            text = f"{when_words(b.taken)} — {shown}" + (f" ({reason})" if reason else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, b.name)
            item.setData(Qt.ItemDataRole.UserRole + 1, b.taken)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.said.setText(tr("No backups yet."))
        self.restore_button.setEnabled(self.list.count() > 0)

    def back_up_now(self) -> None:
        from game.store import backup

        try:
            made = backup.take(self.data_dir, "manual")
        except backup.BackupError as e:
            self.said.setText(tr("The backup failed: {0}").format(e))
            return
        self.fill()
        self.said.setText(tr("Backed up: {0}").format(made.path) if made else tr("There is no library to back up."))

    def restore_chosen(self) -> None:
        from game.store import backup

        item = self.list.currentItem()
        if item is None:
            return
        name = item.data(Qt.ItemDataRole.UserRole)
        count = self.counts.get(name)
        if count is None:
            self.said.setText(tr("This backup is damaged and cannot be restored."))
            return
        if not confirm_restore(self, item.data(Qt.ItemDataRole.UserRole + 1), count):
            return
        self._before()
        try:
            chosen, count, aside = backup.restore(self.data_dir, name)
        except backup.BackupError as e:
            self.said.setText(tr("The backup could not be restored: {0}").format(e))
            self._after()
            return
        self._after()
        said = tr("Restored the backup of {0} ({1} ideas).").format(when_words(chosen.taken), count)
        if aside is not None:
            said += " " + tr("The library it replaced is kept as {0}").format(aside)
        self.said.setText(said)
        self.restored.emit(said)
        self.fill()
