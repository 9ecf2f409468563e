"""Never lose a round: the round in play is on disk at most half a second behind, written off the UI thread, and
comes back at the next start after a close, a kill or a crash."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from game.io.atomic import write_text_atomically
from game.ui.widgets import tr

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

    from game.domain.content import Content
    from game.domain.round import Round
    from game.ui.main_window import MainWindow

AUTOSAVE_FILE = "round-in-play.json"


class Autosave(QObject):
    """Keeps the window's round in play in `AUTOSAVE_FILE` of its data folder."""

    written = Signal(int, str, str)  # sequence, state, problem ("" when written): from the writer thread
    INTERVAL_MS = 500  # a round in play is at most half a second behind on disk

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.path: Path = window.data_dir / AUTOSAVE_FILE
        self._saved = ""
        self._problem = ""
        self._seq = 0  # the latest write handed to the writer thread, and the latest one heard back from
        self._heard = 0
        self._queued = ""
        self._writer: ThreadPoolExecutor | None = None
        self.written.connect(self._done)
        self._timer = QTimer(self)  # typing changes the round without signals: compare and save each tick
        self._timer.timeout.connect(lambda: self.save(wait=False))
        self._timer.start(self.INTERVAL_MS)

    def save(self, wait: bool = True) -> None:
        """Write the round in play when it changed (atomically and flushed: a crash or a power cut never leaves
        half a file). The half-second timer hands the write to a thread of its own (`wait=False`: flushing to the
        disk takes tens of milliseconds that typing never waits for); closing, finishing and the crash handler
        wait for it. A folder that cannot be written (a removed USB stick, a full disk) is said once in the status
        bar; the round stays in memory and is written as soon as the folder can take it again."""
        rnd = self.window.round
        if rnd is None or rnd.finished:
            return
        state = rnd.to_json()
        if state == self._saved or (not wait and state == self._queued):
            return
        if self._writer is None:
            from concurrent.futures import ThreadPoolExecutor  # not on the way to the first window

            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._seq += 1
        seq, path = self._seq, self.path
        self._queued = state

        def write() -> str:
            try:
                write_text_atomically(path, state)
            except OSError as e:
                return str(e.strerror or e)
            return ""

        future = self._writer.submit(write)  # one writer: the writes land in the order they were made
        if wait:
            self._done(seq, state, future.result())
        else:
            future.add_done_callback(lambda f: self._reported(seq, state, f.result()))

    def _reported(self, seq: int, state: str, problem: str) -> None:
        with contextlib.suppress(RuntimeError):  # the window is gone: nothing to tell
            self.written.emit(seq, state, problem)

    def _done(self, seq: int, state: str, problem: str) -> None:
        if seq < self._heard:
            return  # a later write was heard from already
        self._heard = seq
        if self._queued == state:
            self._queued = ""
        if problem:
            said = tr("Cannot keep the round in {0}: {1}").format(self.window.data_dir, problem)
            if said != self._problem:
                self._problem = said
                self.window.statusBar().showMessage(said)  # statusBar() makes one: only when there is news
            return
        if self._problem:
            self._problem = ""
            self.window.statusBar().clearMessage()
        self._saved = state

    def _drain(self) -> None:
        """Wait for the writes handed to the writer thread."""
        if self._writer is not None:
            self._writer.submit(lambda: None).result()
            self._heard = self._seq  # what they report now is old news

    def forget(self) -> None:
        """The round ended (saved, or kept in unsaved/): nothing to resume."""
        self._drain()  # a write still under way would bring the file back
        self.path.unlink(missing_ok=True)
        self._saved = ""
        self._queued = ""

    def close(self) -> None:
        """The window closes: the round in play waits for the next start (after the writes under way)."""
        self._timer.stop()
        self.save()
        if self._writer is not None:
            self._writer.shutdown(wait=True)
            self._writer = None

    def resume(self, content: Content) -> tuple[Round | None, str]:
        """A round left unfinished (closed, killed or crashed), ready to continue, or what kept it from coming back
        (the unreadable file is put aside, never deleted)."""
        if not self.path.exists():
            return None, ""
        try:
            from game.domain.workshop import load_state

            return load_state(self.path.read_text(encoding="utf-8"), content), ""
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError) as e:
            aside = self.path.with_name(f"round-unreadable-{time.strftime('%Y%m%d-%H%M%S')}.json")
            with contextlib.suppress(OSError):  # a folder that takes no writes: the file stays where it is
                self.path.replace(aside)
            return None, tr("An unfinished round could not be read ({0}); it is kept in {1}").format(e, aside)
