"""One copy of the game per data folder.

The first copy holds `<data>/technomagic.lock` (Qt's QLockFile: a lock left by a crashed copy is stale and taken
over). A second start on the same folder asks the first to come to the front and exits: it touches a file in
`<data>/instance/`, a folder the first copy watches (QFileSystemWatcher, in QtCore). QtNetwork's QLocalServer
would do the same, but the frozen app leaves QtNetwork out (build.spec: no network at all), and a watched folder
needs nothing more. The command line never takes the lock: `search`, `export` and `import` work beside the game;
`backup restore` refuses while the game is open (`held_by_another`, which needs no Qt).
"""

from __future__ import annotations

import os
from pathlib import Path

LOCK = "technomagic.lock"
WAKE_DIR = "instance"
WAKE_FILE = "show-window"


def held_by_another(data_dir: Path) -> bool:
    """A running copy of the game (another process) holds this folder's lock."""
    try:
        pid = int((data_dir / LOCK).read_text(encoding="utf-8", errors="replace").split()[0])
    except (OSError, ValueError, IndexError):
        return False
    from game.io.atomic import pid_alive

    return pid != os.getpid() and pid_alive(pid)


class SingleInstance:
    """`acquire()` is True for the first copy; then `wake` (a callable) runs whenever a second copy starts."""

    def __init__(self, data_dir: Path):
        from PySide6.QtCore import QLockFile

        self.data_dir = data_dir
        self.lock = QLockFile(str(data_dir / LOCK))
        self.lock.setStaleLockTime(0)  # only a lock whose process is gone is stale: a long session keeps it
        self.watcher = None
        self.wake = None

    def acquire(self) -> bool:
        if self.lock.tryLock(0):  # a crashed copy's lock (its process is gone) is taken over by tryLock
            self._watch()
            return True
        # a folder that takes no writes cannot hold a lock: start anyway (nothing can be written there either),
        # and the game says what it cannot do; only a lock held by a running copy sends this one away
        return self.lock.error() != self.lock.LockError.LockFailedError

    def ask_first_to_show(self) -> None:
        folder = self.data_dir / WAKE_DIR
        folder.mkdir(exist_ok=True)
        (folder / f"{WAKE_FILE}-{os.getpid()}").write_text("", encoding="utf-8")

    def _watch(self) -> None:
        from PySide6.QtCore import QFileSystemWatcher

        folder = self.data_dir / WAKE_DIR
        try:
            folder.mkdir(exist_ok=True)
            for old in folder.glob(f"{WAKE_FILE}-*"):
                old.unlink(missing_ok=True)
        except OSError:
            return
        self.watcher = QFileSystemWatcher([str(folder)])
        self.watcher.directoryChanged.connect(self._changed)

    def _changed(self, _folder: str) -> None:
        asked = list((self.data_dir / WAKE_DIR).glob(f"{WAKE_FILE}-*"))
        for request in asked:
            request.unlink(missing_ok=True)
        if asked and self.wake is not None:
            self.wake()

    def release(self) -> None:
        self.lock.unlock()
