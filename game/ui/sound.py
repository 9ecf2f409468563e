"""The alarm that ends a workshop timer, played by the system's own player, without QtMultimedia.

Not QSoundEffect: QtMultimedia (PySide6-Addons, a 175 MB wheel) adds to the frozen Linux app, already at its 120 MB
budget, 4.8 MB of Qt (QtMultimedia.abi3.so 0.7 + libQt6Multimedia 1.9 + libQt6Network 2.2) + ~6 MB libpulse/Kerberos,
or ~49 MB with the ffmpeg plugin PyInstaller collects (FFmpeg 19.5, QtQuick/Qml/OpenGL 17.3); the WAV costs 48 KB.
Windows: winsound (stdlib); macOS: afplay; Linux: the first of pw-play, paplay, aplay. Nothing raises or shows a
dialog: without a player the game is silent.
"""

import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QProcess

from game import paths

AUTO: object = object()  # `player=AUTO`: the platform's own player


def system_player() -> list[str] | None:
    """The command line (the WAV path goes last) that plays a sound on macOS or Linux; None if there is none."""
    players = [("afplay",)] if sys.platform == "darwin" else [("pw-play",), ("paplay",), ("aplay", "-q")]
    for name, *args in players:
        if found := shutil.which(name):
            return [found, *args]
    return None


def _winsound(path: str | None) -> bool:
    """Windows: start the WAV and return at once; None stops the sound in progress."""
    import winsound

    try:
        winsound.PlaySound(path, winsound.SND_FILENAME | winsound.SND_ASYNC | winsound.SND_NODEFAULT if path else 0)
    except RuntimeError:
        return False
    return True


def _stop(process: QProcess) -> None:
    """Kill a playing sound and reap it (a killed child is gone in a moment, so this does not hang)."""
    if process.state() != QProcess.ProcessState.NotRunning:
        process.kill()
        process.waitForFinished(1000)


class Alarm(QObject):
    """Plays one WAV file; `player` is AUTO, None (no sound) or a command line prefix."""

    def __init__(self, path: Path, parent: QObject | None = None, player: list[str] | object | None = AUTO) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self._muted = False
        self._winsound = player is AUTO and sys.platform == "win32"
        command = system_player() if player is AUTO and not self._winsound else player
        self._command: list[str] | None = list(command) if isinstance(command, list | tuple) and command else None
        self._process = QProcess(self)
        self._process.setStandardOutputFile(QProcess.nullDevice())
        self._process.setStandardErrorFile(QProcess.nullDevice())
        self.destroyed.connect(lambda *_, process=self._process: _stop(process))

    @property
    def muted(self) -> bool:
        return self._muted

    @muted.setter
    def muted(self, muted: bool) -> None:
        self._muted = muted
        if muted and self._winsound:
            _winsound(None)
        elif muted:
            _stop(self._process)

    def available(self) -> bool:
        return self._winsound or (self._command is not None and shutil.which(self._command[0]) is not None)

    def play(self) -> bool:
        """Start the sound without waiting for it; False if muted, unavailable, failed or still playing."""
        if self._muted or not self.available() or not self.path.is_file():
            return False
        if self._winsound:
            return _winsound(str(self.path))
        if self._command is None or self._process.state() != QProcess.ProcessState.NotRunning:
            return False
        self._process.start(self._command[0], [*self._command[1:], str(self.path)])
        return self._process.state() != QProcess.ProcessState.NotRunning


def default_alarm(parent: QObject | None = None) -> Alarm:
    """The chime shipped in assets/sounds (made by tools/make_alarm.py)."""
    return Alarm(paths.asset("sounds", "alarm.wav"), parent)
