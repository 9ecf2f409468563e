"""Preferences in one place: QSettings in the user's data folder, with their defaults."""

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

DEFAULTS: dict[str, Any] = {
    "language": "",  # "" follows the system locale; "ru" or "en" otherwise
    "animations": True,
    "alarm_muted": False,  # the workshop alarm's sound (the flash always shows)
    "room_size": "M",  # the projector's text: S, M, L or XL (a small meeting room … a hall)
}


class Settings:
    def __init__(self, data_dir: Path):
        self._q = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)

    def get(self, key: str) -> Any:
        default = DEFAULTS[key]
        value = self._q.value(key)  # no default passed: PySide mishandles Python bools handed to value()
        if value is None:
            return default
        if isinstance(default, bool) and isinstance(value, str):
            return value.lower() in ("true", "1", "yes")
        return value

    def set(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        self._q.setValue(key, value)
        self._q.sync()
