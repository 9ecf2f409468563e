"""Search texts made by a process of its own while an import checks and writes: Python runs one thread at a time,
and stemming, a fifth of a large import's work, would otherwise wait for the rest of it (and it for stemming).

The worker is this program started again with the `stem-worker` command (`serve`). It reads frames from its
standard input, each a batch's columns (a 4-byte count, their 4-byte lengths, then each column's UTF-8 text, its
ideas' values parted by \\x00): the parts of the ideas' search texts, the title and the text first. It answers
each with a frame of the ideas' search texts (`textsearch.index_joined`) and their fingerprints
(`game.domain.ideas.fingerprints`, what makes two ideas the same), and ends at the end of its input.

`Stemming.start` starts one, or says it cannot (None: the import does it all by itself, the very same texts);
`submit` hands it one batch and gives a future of its answer; a thread of ours writes and reads the pipes, so
that a frame never waits on a full pipe and Python's lock is free while it waits. Any failure of the worker (it
could not start, it ended, it answered something else) makes the caller do the work: never other texts.
"""

import os
import struct
import subprocess
import sys
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import IO

from game.domain.ideas import fingerprints
from game.store.textsearch import index_joined, split_indexed

_COUNT, _LENGTHS = struct.Struct(">I"), struct.Struct(">II")
COMMAND = "stem-worker"
#: How long an answer may take (a batch takes a tenth of a second): past it the worker is ended, and the import
#: makes the texts itself.
ANSWER_WAIT_S = 20.0
_NO_WINDOW = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # (Windows: no console window for the worker)


def serve(given: IO[bytes] | None = None, answer: IO[bytes] | None = None) -> int:
    """The worker: frames in, frames out, until its input ends (the import closed it, or ended)."""
    given = given or sys.stdin.buffer
    answer = answer or sys.stdout.buffer
    while True:
        head = given.read(_COUNT.size)
        if len(head) < _COUNT.size:
            return 0
        (count,) = _COUNT.unpack(head)
        head = given.read(4 * count)
        sizes = struct.unpack(f">{count}I", head) if len(head) == 4 * count else ()
        body = given.read(sum(sizes))
        if not sizes or len(body) < sum(sizes):
            return 1
        columns, at = [], 0
        for size in sizes:
            columns.append(body[at : at + size].decode("utf-8").split("\x00"))
            at += size
        stems, keys = made_for(columns)
        answer.write(_LENGTHS.pack(len(stems), len(keys)) + stems + keys)
        answer.flush()


def made_for(columns: list[list[str]]) -> tuple[bytes, bytes]:
    """What the worker answers for a batch's columns (its ideas' search parts, the title and the text first):
    their search texts parted by \\x00 and their fingerprints parted by \\x01."""
    joined = "\x00".join([" ".join(filter(None, parts)) for parts in zip(*columns, strict=True)])
    keys = "\x01".join(fingerprints(columns[0], columns[1]))
    return index_joined(joined).encode("utf-8"), keys.encode("utf-8")


def command() -> list[str]:
    """How to start the worker: the frozen app is its own interpreter."""
    if getattr(sys, "frozen", False):
        return [sys.executable, COMMAND]
    return [sys.executable, "-m", "game", COMMAND]


def _environment() -> dict[str, str]:
    """Ours, with this copy of the game first on Python's path (it may be run from its folder, not installed)."""
    here = str(Path(__file__).resolve().parent.parent.parent)
    return os.environ | {"PYTHONPATH": os.pathsep.join(filter(None, [here, os.environ.get("PYTHONPATH")]))}


class WorkerLost(Exception):
    """The worker ended or answered something else: the caller stems by itself."""


class Stemming:
    """A started worker (`start`), used by one import and closed at its end."""

    def __init__(self, process: "subprocess.Popen[bytes]"):
        self.process = process
        self.pipes = ThreadPoolExecutor(1, "import-stems")

    @classmethod
    def start(cls) -> "Stemming | None":
        try:
            process = subprocess.Popen(command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       stderr=subprocess.DEVNULL, env=_environment(),
                                       creationflags=_NO_WINDOW)  # fmt: skip
        except (OSError, ValueError):
            return None
        return cls(process)

    def submit(self, columns: Sequence[Sequence[str]]) -> "Future[tuple[list[str], list[str]]] | None":
        """A future of a batch's search texts (`index_texts` of its ideas' parts) and fingerprints, from its
        columns: each a part of every idea's search text (the title first, then the text), or None when this batch
        is for the caller (a text holding \\x00 of its own, which an import refuses)."""
        count = len(columns[0])
        joined = ["\x00".join(column) for column in columns]
        if any(text.count("\x00") != count - 1 for text in joined):
            return None
        return self.pipes.submit(self._exchange, joined, count)

    def _exchange(self, joined: list[str], count: int) -> tuple[list[str], list[str]]:
        stdin, stdout = self.process.stdin, self.process.stdout
        if stdin is None or stdout is None:
            raise WorkerLost("no pipes")
        try:
            data = [text.encode("utf-8") for text in joined]
            stdin.write(_COUNT.pack(len(data)) + struct.pack(f">{len(data)}I", *map(len, data)) + b"".join(data))
            stdin.flush()
            head = stdout.read(_LENGTHS.size)
            if len(head) < _LENGTHS.size:
                raise WorkerLost("the worker ended")
            sizes = _LENGTHS.unpack(head)
            body = stdout.read(sum(sizes))
        except (OSError, ValueError, UnicodeEncodeError) as e:  # a broken pipe; a lone surrogate
            raise WorkerLost(str(e)) from None
        if len(body) < sum(sizes):
            raise WorkerLost("the worker ended")
        stems, keys = split_indexed(body[: sizes[0]].decode("utf-8")), body[sizes[0] :].decode("utf-8").split("\x01")
        if len(stems) != count or len(keys) != count:
            raise WorkerLost(f"{len(stems)} texts and {len(keys)} fingerprints for {count} ideas")
        return stems, keys

    def result(self, made: "Future[tuple[list[str], list[str]]]") -> tuple[list[str], list[str]]:
        """The answer to a `submit`; `WorkerLost` when the worker gives none within ANSWER_WAIT_S (it is ended
        then: a worker never keeps an import waiting for good)."""
        try:
            return made.result(timeout=ANSWER_WAIT_S)
        except TimeoutError:
            self.process.kill()  # the thread's read ends with it
            raise WorkerLost(f"no answer in {ANSWER_WAIT_S} s") from None

    def close(self) -> None:
        """The worker's input closed (it ends), waited for a moment, then ended; our thread ends with it."""
        try:
            if self.process.stdin is not None:
                self.process.stdin.close()
        except (OSError, ValueError):  # (our thread may be writing: it then fails, as the worker is gone)
            pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.pipes.shutdown(wait=True)
        if self.process.stdout is not None:
            self.process.stdout.close()
