"""An import's rows made by a process of its own while the import checks the next batch: Python runs one thread
at a time, and stemming, building rows and putting them into a table (half of a large import's work) would
otherwise wait for the checks (and they for it).

The worker is this program started again with the `stem-worker` command (`serve`). It reads frames from its
standard input, each a batch's columns (a 4-byte count, their 4-byte lengths, then each column's UTF-8 text, its
ideas' values parted by \\x00; `COLUMNS` says which, `NONE` stands for a missing value). It answers each with a
frame of the ideas' fingerprints (`game.domain.ideas.fingerprints`, what makes two ideas the same) and an SQLite
database, serialized, whose table `stage` holds the batch's rows (`staged`, what an import without a worker makes
itself): the idea table's values, the tags, the search text (`textsearch.index_texts`) and the facets
(`facets.facets_of`), row n the batch's n-th idea. It ends at the end of its input.

`Stemming.start` starts one, or says it cannot (None: the import does it all by itself, the very same rows);
`submit` hands it one batch and gives a future of its answer; a thread of ours writes and reads the pipes, so
that a frame never waits on a full pipe and Python's lock is free while it waits. Any failure of the worker (it
could not start, it ended, it answered something else) makes the caller do the work: never other rows.
"""

import os
import sqlite3
import struct
import subprocess
import sys
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import IO, Any

from game.domain.ideas import fingerprints
from game.store.facets import facets_of
from game.store.textsearch import index_texts

_COUNT, _LENGTHS = struct.Struct(">I"), struct.Struct(">II")
COMMAND = "stem-worker"
CARDS = ("business_card", "client_card", "touchpoint_card", "obstacle_card", "lens_card", "technique_card",
         "constraint_card")  # fmt: skip
#: The idea table's values as an import stages them (`game.io.intake.FIELDS`, in its order)
FIELDS = ("title", "text", "promise_who", "promise_first_step", "promise_success_sign", "team", "player", *CARDS,
          "score", "dots", "status", "focus", "checks_json", "promise_due", "created_at", "updated_at")  # fmt: skip
#: A frame's columns: the fields (as the library stores them, numbers as digits), the tags as stored (",a,b,"),
#: and the tags and the notes' texts as searched (parted by spaces)
COLUMNS = (*FIELDS, "tags", "tag_words", "note_words")
_NUMBERS = ("score", "dots")
NONE = "\x01"  #: a field without a value (no text of an idea holds a control character)
#: The staged rows' columns, in the worker's database (and the one an import stages itself, `staged`)
STAGED = (*FIELDS, "tags", "search_text", "facets")
#: The texts an idea's search text is made of (`textsearch.index_texts`), in their order: fields, and the tags
#: and the notes' texts as searched
SEARCHED = ("title", "text", "promise_who", "promise_first_step", "promise_success_sign", "tag_words", "team",
            "player", "note_words")  # fmt: skip
#: How long an answer may take (a batch takes a tenth of a second): past it the worker is ended, and the import
#: makes the rows itself.
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
        keys, image = made_for(columns)
        answer.write(_LENGTHS.pack(len(keys), len(image)) + keys + image)
        answer.flush()


def made_for(columns: Sequence[Sequence[str]]) -> tuple[bytes, bytes]:
    """What the worker answers for a batch's `COLUMNS`: its fingerprints parted by \\x01, and its `staged` rows."""
    values = dict(zip(COLUMNS, columns, strict=True))
    return "\x01".join(fingerprints(values["title"], values["text"])).encode("utf-8"), staged(columns)


def staged(columns: Sequence[Sequence[str]]) -> bytes:
    """A batch's rows, from its `COLUMNS`, in a serialized database (table `stage`, `STAGED`; row n the n-th
    idea): what the worker makes, and an import without one makes itself."""
    values: dict[str, Sequence[Any]] = dict(zip(COLUMNS, columns, strict=True))
    texts = index_texts(list(zip(*(values[name] for name in SEARCHED), strict=True)))
    for name in _NUMBERS:
        values[name] = list(map(int, values[name]))
    for name in FIELDS:
        if NONE in values[name]:  # (the cards and the due day; no text holds a control character)
            values[name] = [None if value == NONE else value for value in values[name]]
    found = facets_of(values["status"], values["created_at"], [values[name] for name in CARDS], values["tags"])
    db = sqlite3.connect(":memory:")
    try:
        db.execute(f"CREATE TABLE stage ({', '.join(STAGED)})")  # no types: the values stay as they are
        db.executemany(f"INSERT INTO stage VALUES ({', '.join('?' * len(STAGED))})",
                       zip(*(values[name] for name in (*FIELDS, "tags")), texts, found, strict=True))  # fmt: skip
        db.commit()
        return db.serialize()
    finally:
        db.close()


def command() -> list[str]:
    """How to start the worker: the frozen app is its own interpreter."""
    if getattr(sys, "frozen", False):
        return [sys.executable, COMMAND]
    return [sys.executable, "-m", "game", COMMAND]


def _environment() -> dict[str, str]:
    """Ours, with this copy of the game first on Python's path (it may be run from its folder, not installed)."""
    here = str(Path(__file__).resolve().parent.parent.parent)
    return os.environ | {"PYTHONPATH": os.pathsep.join(filter(None, [here, os.environ.get("PYTHONPATH")]))}


#: A batch's fingerprints, and its staged rows in a serialized SQLite database (table `stage`)
Answer = tuple[list[str], bytes]


class WorkerLost(Exception):
    """The worker ended or answered something else: the caller makes the rows by itself."""


class Stemming:
    """A started worker (`start`), used by one import and closed at its end."""

    def __init__(self, process: "subprocess.Popen[bytes]"):
        self.process = process
        self.pipes = ThreadPoolExecutor(1, "import-stems")

    @classmethod
    def start(cls) -> "Stemming | None":
        if not hasattr(sqlite3.Connection, "deserialize"):  # (SQLite before 3.23: the import stages its rows)
            return None
        try:
            process = subprocess.Popen(command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       stderr=subprocess.DEVNULL, env=_environment(),
                                       creationflags=_NO_WINDOW)  # fmt: skip
        except (OSError, ValueError):
            return None
        return cls(process)

    def submit(self, columns: Sequence[Sequence[str]]) -> "Future[Answer] | None":
        """A future of a batch's fingerprints and staged rows (`made_for`), from its `COLUMNS`; None when this
        batch is for the caller (a text holding \\x00 of its own, which an import refuses, or a value that is not
        text)."""
        count = len(columns[0])
        try:
            joined = ["\x00".join(column) for column in columns]
        except TypeError:  # a value that is not text: not the worker's to stage
            return None
        if len(columns) != len(COLUMNS) or any(text.count("\x00") != count - 1 for text in joined):
            return None
        return self.pipes.submit(self._exchange, joined, count)

    def _exchange(self, joined: list[str], count: int) -> Answer:
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
        keys = body[: sizes[0]].decode("utf-8").split("\x01")
        if len(keys) != count:
            raise WorkerLost(f"{len(keys)} fingerprints for {count} ideas")
        return keys, body[sizes[0] :]

    def result(self, made: "Future[Answer]") -> Answer:
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
