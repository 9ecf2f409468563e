"""The Settings dialog: language, the projector's text size, card animations, and the door to the library's."""

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QPushButton, QWidget

from game.ui.settings import Settings
from game.ui.widgets import tr


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Settings"))
        form = QFormLayout(self)
        self.language = QComboBox(self)
        self.language.setObjectName("languageCombo")
        for label, code in ((tr("System language"), ""), ("Русский", "ru"), ("English", "en")):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("language"))))
        form.addRow(tr("Language"), self.language)
        self.room = QComboBox(self)
        self.room.setObjectName("roomCombo")
        for label, code in (
            (tr("S: a small room, the screen close"), "S"),
            (tr("M: a meeting room"), "M"),
            (tr("L: a large room"), "L"),
            (tr("XL: a hall"), "XL"),
        ):
            self.room.addItem(label, code)
        self.room.setCurrentIndex(max(0, self.room.findData(settings.get("room_size"))))
        form.addRow(tr("Projector text"), self.room)
        self.animations = QCheckBox(tr("Card animations"), self)
        self.animations.setChecked(bool(settings.get("animations")))
        form.addRow("", self.animations)
        self.library_button = QPushButton(tr("Library…"), self)  # opens Settings → Library (library_settings.py)
        self.library_button.setObjectName("librarySettings")
        form.addRow(tr("Idea library"), self.library_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
