"""Never lose a round: the round in play is on disk at most half a second behind, written off the UI thread, and
comes back at the next start after a close, a kill or a crash.

On disk it is a snapshot (`AUTOSAVE_FILE`, the round's whole JSON) and a journal beside it (`JOURNAL_FILE`): each
half second that changed something appends one line with what changed (game/domain/journal.py), so a workshop of
thousands of phone ideas costs the UI thread what changed, not the whole round. The journal's first line names
its snapshot (a digest of its bytes); a journal left from an older snapshot is not applied. A new snapshot is
written when a round starts or comes back, when the journal outgrows it (and 1 MB), after a write failed, and
when the window closes (so the file alone holds the round, as older versions of the game read it)."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from game.domain.journal import Journal, header, restore
from game.io.atomic import write_text_atomically
from game.ui.widgets import tr

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

    from game.domain.content import Content
    from game.domain.round import Round
    from game.ui.main_window import MainWindow

AUTOSAVE_FILE = "round-in-play.json"
JOURNAL_FILE = "round-in-play.journal"
COMPACT_BYTES = 1 << 20  # a journal longer than this and than its snapshot is folded into a new snapshot
CHECK_ENV = "TECHNOMAGIC_CHECK_JOURNAL"  # set (the tests do): every journal line is checked against the round


def read_saved(data_dir: Path) -> dict[str, Any]:
    """The round in play as the files in `data_dir` hold it: the snapshot with its journal's lines."""
    try:
        journal: bytes | None = (data_dir / JOURNAL_FILE).read_bytes()
    except FileNotFoundError:
        journal = None
    return restore((data_dir / AUTOSAVE_FILE).read_bytes(), journal)


class _Files:
    """The snapshot and its journal, as the writer thread writes them (used from that thread only)."""

    def __init__(self, path: Path, journal: Path):
        self.path, self.journal = path, journal
        self.whole = False  # the journal on disk goes on from the snapshot on disk: lines may be appended
        self.problem = ""

    def snapshot(self, text: str) -> str:
        self.whole = False
        try:  # the snapshot first: a kill in between leaves the old journal, whose digest no longer matches
            write_text_atomically(self.path, text)
            write_text_atomically(self.journal, header(text))
        except OSError as e:
            self.problem = str(e.strerror or e)
            return self.problem
        self.whole, self.problem = True, ""
        return ""

    def append(self, line: str) -> str:
        if not self.whole:  # a failed write may have left half a line: only a new snapshot goes on from here
            return self.problem or "the journal was not begun"
        try:
            with open(self.journal, "ab") as handle:
                handle.write(line.encode("utf-8"))
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as e:
            self.whole, self.problem = False, str(e.strerror or e)
            return self.problem
        return ""


class Autosave(QObject):
    """Keeps the window's round in play in `AUTOSAVE_FILE` and `JOURNAL_FILE` of its data folder."""

    written = Signal(int, str)  # sequence, problem ("" when written): from the writer thread
    INTERVAL_MS = 500  # a round in play is at most half a second behind on disk

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.path: Path = window.data_dir / AUTOSAVE_FILE
        self.journal_path: Path = window.data_dir / JOURNAL_FILE
        self._files = _Files(self.path, self.journal_path)
        self._journal: Journal | None = None  # the lines written since the last snapshot, for the round in play
        self._sizes = [0, 0]  # the snapshot's length and its journal's
        self._problem = ""
        self._seq = 0  # the latest write handed to the writer thread, and the latest one heard back from
        self._heard = 0
        self._writer: ThreadPoolExecutor | None = None
        self._check = bool(os.environ.get(CHECK_ENV))
        self.written.connect(self._done)
        self._timer = QTimer(self)  # typing changes the round without signals: each tick compares its head
        self._timer.timeout.connect(lambda: self.save(wait=False))
        self._timer.start(self.INTERVAL_MS)

    def save(self, wait: bool = True) -> None:
        """Write what changed in the round in play (a line appended to the journal and flushed, or a whole
        snapshot written atomically: a crash or a power cut never leaves half a file that counts). The
        half-second timer hands the write to a thread of its own (`wait=False`: flushing to the disk takes tens
        of milliseconds that typing never waits for); closing, finishing and the crash handler wait for it. A
        folder that cannot be written (a removed USB stick, a full disk) is said once in the status bar; the
        round stays in memory and is written whole as soon as the folder can take it again."""
        rnd = self.window.round
        if rnd is None or rnd.finished:
            return
        journal = self._journal
        if journal is None or not journal.follows(rnd) or self._sizes[1] > max(COMPACT_BYTES, self._sizes[0]):
            journal = self._journal = Journal(rnd, check=self._check)
            text = journal.snapshot()
            self._sizes = [len(text), 0]
            self._write(self._files.snapshot, text, wait)
        elif (line := journal.line()) is not None:
            self._sizes[1] += len(line)
            self._write(self._files.append, line, wait)
        elif wait:
            self._drain()

    def _write(self, write: Callable[[str], str], text: str, wait: bool) -> None:
        if self._writer is None:
            from concurrent.futures import ThreadPoolExecutor  # not on the way to the first window

            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._seq += 1
        seq = self._seq
        future = self._writer.submit(write, text)  # one writer: the writes land in the order they were made
        if wait:
            self._done(seq, future.result())
        else:
            future.add_done_callback(lambda f: self._reported(seq, f.result()))

    def _reported(self, seq: int, problem: str) -> None:
        with contextlib.suppress(RuntimeError):  # the window is gone: nothing to tell
            self.written.emit(seq, problem)

    def _done(self, seq: int, problem: str) -> None:
        if seq < self._heard:
            return  # a later write was heard from already
        self._heard = seq
        if problem:
            self._journal = None  # the next save writes the whole round again
            said = tr("Cannot keep the round in {0}: {1}").format(self.window.data_dir, problem)
            if said != self._problem:
                self._problem = said
                self.window.statusBar().showMessage(said)  # statusBar() makes one: only when there is news
            return
        if self._problem:
            self._problem = ""
            self.window.statusBar().clearMessage()

    def _drain(self) -> None:
        """Wait for the writes handed to the writer thread."""
        if self._writer is not None:
            self._writer.submit(lambda: None).result()
            self._heard = self._seq  # what they report now is old news

    def forget(self) -> None:
        """The round ended (saved, or kept in unsaved/): nothing to resume."""
        self._drain()  # a write still under way would bring the file back
        self.path.unlink(missing_ok=True)
        self.journal_path.unlink(missing_ok=True)
        self._journal = None
        self._files.whole = False  # the writer is idle (drained): the next write is a snapshot all the same

    def close(self) -> None:
        """The window closes: the round in play waits for the next start (after the writes under way), whole in
        its snapshot."""
        self._timer.stop()
        self._journal = None
        self.save()
        if self._writer is not None:
            self._writer.shutdown(wait=True)
            self._writer = None

    def resume(self, content: Content) -> tuple[Round | None, str]:
        """A round left unfinished (closed, killed or crashed), ready to continue, or what kept it from coming back
        (the unreadable files are put aside, never deleted)."""
        if not self.path.exists():
            return None, ""
        try:
            from game.domain.workshop import load_data

            return load_data(read_saved(self.window.data_dir), content), ""
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError) as e:
            stamp = time.strftime("%Y%m%d-%H%M%S")
            aside = self.path.with_name(f"round-unreadable-{stamp}.json")
            with contextlib.suppress(OSError):  # a folder that takes no writes: the files stay where they are
                self.path.replace(aside)
                if self.journal_path.exists():
                    self.journal_path.replace(self.path.with_name(f"round-unreadable-{stamp}.journal"))
            return None, tr("An unfinished round could not be read ({0}); it is kept in {1}").format(e, aside)
