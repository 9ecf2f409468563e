"""Checked ideas into the library, a batch at a time, every new idea of a file in one transaction.

An import (`game.io.importer`) reads and checks a file's ideas into `Batch`es: column by column, the way they are
written too. Here they are compared with the library (an idea already in it, the same title and text whatever the
case and spacing, is skipped), the library is backed up, and the new ideas go in with their notes and search
index: on SQLite by a quick way of our own (a second thread writes one batch while the next is checked), on
PostgreSQL with SQLAlchemy's insert. A failure anywhere (a wrong idea found halfway through the file) rolls
everything back and deletes the backup taken for it.
"""

import sqlite3
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import func, insert
from sqlalchemy.engine import Connection, Dialect, Engine
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.types import TypeEngine
from sqlmodel import Session, select

from game.domain.ideas import fingerprints
from game.io.messages import Message, shown_path, tr
from game.store import sqlite_search, stemworker
from game.store.db import writer
from game.store.ideas import CARD_COLUMNS
from game.store.models import Idea, IdeaNote
from game.store.stemworker import Stemming, WorkerLost
from game.store.textsearch import index_texts

if TYPE_CHECKING:
    from game.store.backup import Pending

TEXTS = ("title", "text", "promise_who", "promise_first_step", "promise_success_sign", "team", "player")
#: What a checked idea holds for the idea table, in this order (its tags, search text, id and session come later).
FIELDS = (*TEXTS, *CARD_COLUMNS, "score", "dots", "status", "focus", "checks_json", "promise_due", "created_at",
          "updated_at")  # fmt: skip


class ImportError_(Exception):  # not ImportError: that one is Python's, about modules
    """A file that cannot be imported: where (file, line or idea, field) and what is wrong. Nothing was written.

    `message` is a `Message` (English as a str, its template and values kept), `render(translate)` the whole
    line in another language; the file name is shown on one line whatever it holds.
    """

    def __init__(self, path: Path | str, message: str, line: int | None = None, row: int | None = None,
                 field: str | None = None, idea: bool = False):  # fmt: skip
        self.path, self.message, self.line, self.row, self.field = Path(path), message, line, row, field
        shown = shown_path(path)
        if line is not None:  # `idea`: a JSON idea, found again at its line
            where = Message(tr("{0}:{1}: idea {2}"), shown, line, row) if idea else Message("{0}:{1}", shown, line)
        else:
            where = Message(tr("{0}: idea {1}"), shown, row) if row is not None else Message("{0}", shown)
        said = message if isinstance(message, Message) else Message("{0}", message)
        self.said = Message("{0}: {1}", where, Message(tr("field '{0}': {1}"), field, said) if field else said)
        super().__init__(str(self.said))

    def render(self, translate: Callable[[str], str] | None = None) -> str:
        return self.said.render(translate) if translate else str(self.said)


@dataclass
class ImportResult:
    added: int = 0
    skipped_duplicates: int = 0
    errors: list[str] = field(default_factory=list)  # what was left out without stopping the import (Messages)
    encoding: str = field(default="", compare=False)  # what a CSV file was read as (UTF-8, Windows-1251, …)


@dataclass
class Batch:
    """Checked ideas, a list for each field: `values` holds every one of `FIELDS` (texts as they are kept,
    numbers, codes, `date`s and UTC `datetime`s), `tags` each idea's tags (normal, distinct) and `notes` each
    idea's notes as (day, text)."""

    values: dict[str, list[Any]]
    tags: list[list[str]]
    notes: list[list[tuple[date, str]]]

    def __len__(self) -> int:
        return len(self.tags)

    @classmethod
    def of(cls, ideas: list[tuple[dict[str, Any], list[str], list[tuple[date, str]]]]) -> "Batch":
        """The batch of ideas checked one by one: (values, tags, notes) each."""
        return cls({name: [values[name] for values, _tags, _notes in ideas] for name in FIELDS},
                   [tags for _values, tags, _notes in ideas], [notes for _values, _tags, notes in ideas])  # fmt: skip

    def take(self, kept: list[int]) -> "Batch":
        """The ideas at these positions, in this order."""
        if len(kept) == len(self):
            return self

        def pick(column: list[Any]) -> list[Any]:
            return [column[at] for at in kept]

        return Batch({name: pick(column) for name, column in self.values.items()}, pick(self.tags), pick(self.notes))

    def search_parts(self) -> list[tuple[str | None, ...]]:
        """The texts each idea's search text is made of, in their order (what `index_texts` takes)."""
        columns = self.values | dict(zip(("tag_words", "note_words"), self.searched(), strict=True))
        return list(zip(*(columns[name] for name in stemworker.SEARCHED), strict=True))

    def searched(self) -> tuple[list[str], list[str]]:
        """The tags and the notes' texts of each idea as its search text takes them (parted by spaces)."""
        return list(map(" ".join, self.tags)), [" ".join([text for _on, text in notes]) for notes in self.notes]

    def tagged(self) -> list[str]:
        """The tags as the idea table keeps them: ",one,two," (so that one tag is matched exactly), or ""."""
        return ["," + ",".join(tags) + "," if tags else "" for tags in self.tags]


def insert_checked(engine: Engine, batches: Iterable[Batch], result: ImportResult, any_ideas: bool,
                   stemming: Stemming | None = None) -> ImportResult:  # fmt: skip
    """Every idea of the batches that is not in the library yet, in one transaction (all of them or, on any
    failure, none); `result` counts them.

    `batches` may check a file's ideas as they are taken: one found wrong raises `ImportError_`, which rolls back
    what the batches before it wrote. A file that may have ideas (`any_ideas`) has the library backed up first
    (the copy is kept when the file had some). `stemming`: a worker process that stages the rows."""
    backing_up = _Backup(engine) if any_ideas else None
    try:
        return _insert_backed_up(engine, batches, result, backing_up, stemming)
    finally:
        if backing_up is not None:
            backing_up.close()


def _insert_backed_up(engine: Engine, batches: Iterable[Batch], result: ImportResult,
                      backing_up: "_Backup | None", stemming: Stemming | None) -> ImportResult:  # fmt: skip
    with Session(writer(engine)) as session:
        stored = session.connection().exec_driver_sql("SELECT title, text FROM idea").all()  # no ORM rows
        fresh = Fresh(set(fingerprints(*zip(*stored, strict=True)) if stored else ()), result)
        if engine.dialect.name == "sqlite":
            result.added = _insert_sqlite(session, batches, datetime.now(UTC), fresh, stemming)
        else:
            result.added = _insert_portable(session.connection(), [fresh(batch) for batch in batches])
        if backing_up is not None and result.added + result.skipped_duplicates:  # (a file of no ideas: no backup)
            backing_up.publish()  # no commit without the checked copy of the library as it was
        session.commit()
    return result


class Fresh:
    """The ideas of a batch that are not in the library yet (`seen`: their fingerprints), nor earlier in the
    file; `result` counts the others as skipped."""

    def __init__(self, seen: set[str], result: ImportResult):
        self.seen, self.result = seen, result

    def __call__(self, batch: Batch) -> Batch:
        return batch.take(self.keep(batch))

    def keep(self, batch: Batch, keys: list[str] | None = None) -> list[int]:
        """Where the batch's new ideas are; `keys`: the batch's fingerprints, when they are made already (by the
        worker process)."""
        seen, kept = self.seen, []
        for at, key in enumerate(keys or fingerprints(batch.values["title"], batch.values["text"])):
            if key not in seen:
                seen.add(key)
                kept.append(at)
        self.result.skipped_duplicates += len(batch) - len(kept)
        return kept


def _insert_portable(connection: Connection, batches: list[Batch]) -> int:
    """The batches' ideas and their notes with SQLAlchemy's own insert (PostgreSQL; on SQLite, what the quick way
    into it must store the same as: tests/io/test_import_rows.py)."""
    batches = [batch for batch in batches if len(batch)]
    if not batches:
        return 0
    ideas_table, notes_table, now = Idea.__table__, IdeaNote.__table__, datetime.now(UTC)
    statement = insert(ideas_table).returning(ideas_table.c.id, sort_by_parameter_order=True)
    rows = [row for batch in batches for row in rows_of(batch)]
    ids = list(connection.execute(statement, rows).scalars())
    notes = [
        {"idea_id": idea_id, "on": on, "text": text, "created_at": now}
        for idea_id, idea_notes in zip(ids, (n for batch in batches for n in batch.notes), strict=True)
        for on, text in idea_notes
    ]
    if notes:
        connection.execute(insert(notes_table), notes)
    return len(rows)


def rows_of(batch: Batch) -> list[dict[str, Any]]:
    """The idea table's values of a batch's ideas (but their ids), as SQLAlchemy's insert takes them."""
    names = (*FIELDS, "tags", "session_id", "search_text", "version")
    texts = index_texts(batch.search_parts())
    columns = [batch.values[name] for name in FIELDS]
    return [dict(zip(names, (*row, None, text, 1), strict=True))
            for row, text in zip(zip(*columns, batch.tagged(), strict=True), texts, strict=True)]  # fmt: skip


class _Backup:
    """A checked copy of the library before an import writes into it (`technomagic backup restore` undoes it),
    taken in a thread while the import checks, makes and writes its rows (copying and checking a library of
    100 000 ideas takes a second and a half, mostly waiting for the disk). The copy reads the library as it was:
    the import's rows are not committed before `publish` has put the checked copy among the backups (a
    write-ahead log shows a reader nothing uncommitted). An import that fails (a wrong idea found halfway
    through the file) discards the copy: the library did not change."""

    def __init__(self, engine: Engine):
        self.library = Path(engine.url.database) if engine.dialect.name == "sqlite" and engine.url.database else None
        self.error: Exception | None = None
        self.pending: Pending | None = None
        self.thread = threading.Thread(target=self._take, name="import-backup", daemon=True)
        self.thread.start()

    def _take(self) -> None:
        if self.library is None:  # a server keeps its own backups
            return
        from game.store import backup

        try:
            self.pending = backup.copy_checked(self.library.parent, "import")
        except backup.BackupError as e:
            self.error = e

    def publish(self) -> None:
        """Wait for the copy and put it among the backups; raises `ImportError_` when there is none."""
        from game.store import backup

        self.thread.join()
        pending, self.pending = self.pending, None
        try:
            if self.error is None and pending is not None:
                pending.publish()
        except backup.BackupError as e:
            self.error = e
        if self.error is not None and self.library is not None:
            raise ImportError_(self.library, f"nothing was imported: no backup could be taken first ({self.error})")

    def close(self) -> None:
        """Never left running; a copy not published (the import failed) is deleted."""
        self.thread.join()
        if self.pending is not None:
            self.pending.discard()


def _stored_time(value: datetime) -> str:
    if value.tzinfo is UTC:  # as every checked idea holds it: the same text without the zone's "+00:00"
        return value.isoformat(" ", "microseconds")[:-6]
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _bind_processor(column_type: TypeEngine[Any], dialect: Dialect) -> Callable[[Any], Any] | None:
    """How the column type stores a value: SQLAlchemy's own conversion, or the same in C for dates and times.

    The quicker one is used only where it gives the very same text for moments with and without microseconds.
    """
    process = column_type.dialect_impl(dialect).bind_processor(dialect)
    kind = getattr(column_type, "impl_instance", column_type).python_type  # what a TypeDecorator stores
    quick = {datetime: _stored_time, date: date.isoformat}.get(kind) if process else None
    samples: dict[type, list[Any]] = {
        datetime: [datetime(987, 6, 5, 4, 3, 2, tzinfo=UTC), datetime(2026, 12, 1, 21, 5, 0, 7, tzinfo=UTC)],
        date: [date(987, 6, 5), date(2026, 12, 1)],
    }
    if quick and process and all(quick(sample) == process(sample) for sample in samples.get(kind, [])):
        return quick
    return process


def _sqlite_driver(connection: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under SQLAlchemy's, whose executemany takes plain tuples at the driver's own speed."""
    driver = connection.connection.driver_connection
    if not isinstance(driver, sqlite3.Connection):  # the pool let it go (invalidated) during the import
        raise DisconnectionError("the library's connection was lost during the import")
    return driver


#: The page cache of the library's connection while an import writes (SQLite's default is 2 MB): its indexes'
#: pages stay in memory instead of being written out and read back for each batch (half the insert's time).
_IMPORT_CACHE_KB = 64 * 1024
_STAGE_NOTES, _KEPT = "temp.import_note", "temp.import_kept"
#: Where a batch the worker process staged is opened (`sqlite3.Connection.deserialize`, inside the transaction)
_IMAGE = "import_image"
if stemworker.FIELDS != FIELDS:
    raise TypeError("the worker process stages other fields than the import")


def _empty_image() -> bytes:
    """A database of one empty table: what the import's schema of the worker's batches holds once it is done
    (a schema cannot be detached inside a transaction; this frees the last batch's memory)."""
    db = sqlite3.connect(":memory:")
    try:
        db.execute("CREATE TABLE stage (done)")
        db.commit()
        return db.serialize()
    finally:
        db.close()


def _insert_sqlite(session: Session, batches: Iterable[Batch], now: datetime, fresh: Fresh,
                   stemming: Stemming | None = None) -> int:  # fmt: skip
    """Insert the batches' ideas and their notes (noted `now`); how many ideas were inserted.

    Python's lock is what limits a writing thread (an executemany takes it back for every row, waiting for the
    thread that makes rows to let go of it), so each batch is staged in untyped, unindexed tables, and a second
    thread moves it into the library with a few statements that hold no Python lock: the ideas with their seven
    indexes, the notes, the full-text index (one statement for the batch, `sqlite_search.insert_trigger_aside`).
    A batch's rows are staged in a database of their own (`stemworker.staged`: the rows of the batch's stored
    values, its search texts and facets), by the worker process (`stemworker`) while this thread checks the next
    batch, or here without one (a small file, or a worker that failed: the very same code); this thread opens it
    in an attached schema (a copy of its pages), and the rows are joined with the ideas kept (not in the library
    yet) and the ids they get. SQLite numbers a new row max(id) + 1 itself; saying so here
    gives the notes their ideas' ids, and inside this transaction no one else can take those numbers (a writer
    committing in between makes it fail whole)."""
    connection = session.connection()
    next_id = (session.exec(select(func.max(Idea.id))).one() or 0) + 1
    # the column types' own conversions (SQLAlchemy's work for each row would be a third of the import)
    dialect = connection.dialect
    convert = {c.name: p for c in Idea.__table__.c if (p := _bind_processor(c.type, dialect))}
    if not set(convert) <= set(FIELDS):
        raise TypeError(f"no conversion for {sorted(set(convert) - set(FIELDS))}")
    if "created_at" not in convert:  # its stored text is what the facets are made of
        raise TypeError("created_at is not stored as text")
    notes_table = IdeaNote.__table__
    on_text, created = (_bind_processor(notes_table.c[name].type, dialect) for name in ("on", "created_at"))
    noted_at = created(now) if created else now

    def stored(name: str, values: list[Any], made: dict[Callable[[Any], Any], dict[Any, Any]]) -> list[Any]:
        """A column's values as stored, each different one converted once (`made`: what is, by conversion)."""
        process = convert.get(name)
        if process is None:
            return values
        known = made.setdefault(process, {None: None})  # (the times an idea was saved and changed often agree)
        for value in set(values).difference(known):
            known[value] = process(value)
        return list(map(known.__getitem__, values))

    def columns_of(batch: Batch) -> dict[str, list[Any]]:
        made: dict[Callable[[Any], Any], dict[Any, Any]] = {}
        return {name: stored(name, batch.values[name], made) for name in FIELDS}

    def wired(batch: Batch) -> list[list[str]]:
        """The batch's `stemworker.COLUMNS`, as text: the stored values, digits for numbers, NONE for none."""
        columns = columns_of(batch)
        for name, values in columns.items():
            if name in ("score", "dots"):
                columns[name] = list(map(str, values))
            elif None in values:
                columns[name] = [stemworker.NONE if value is None else value for value in values]
        return [*(columns[name] for name in FIELDS), batch.tagged(), *batch.searched()]

    def notes(batch: Batch, kept: list[int], numbers: range) -> list[tuple[Any, ...]]:
        return [(idea_id, on_text(on) if on_text else on, text, noted_at)
                for idea_id, idea_notes in zip(numbers, (batch.notes[at] for at in kept), strict=True) if idea_notes
                for on, text in idea_notes]  # fmt: skip

    names = ", ".join((*FIELDS, "tags", "search_text"))
    note_names = 'idea_id, "on", text, created_at'
    of_image = f"{_IMAGE}.stage AS s JOIN {_KEPT} AS k ON k.row = s.rowid"  # (only k has an id, only s the rest)
    moves = [f"INSERT INTO idea ({names}, id, session_id, version) "
             f"SELECT {', '.join(f's.{name}' for name in (*FIELDS, 'tags', 'search_text'))}, k.id, NULL, 1 "
             f"FROM {of_image} ORDER BY k.id",
             f"INSERT INTO idea_note ({note_names}) SELECT {note_names} FROM {_STAGE_NOTES} ORDER BY rowid",
             sqlite_search.INDEX_FROM.format(of_image),
             f"DELETE FROM {_KEPT}", f"DELETE FROM {_STAGE_NOTES}"]  # fmt: skip
    driver = _sqlite_driver(connection)

    def move(statements: list[str]) -> None:  # in the second thread: SQLite's own work, without Python's lock
        for statement in statements:
            driver.execute(statement)

    def opened(image: bytes, count: int) -> bool:
        """A batch's staged rows opened in the image schema, if they are the batch's, one for each idea (what is
        no database, from a worker gone wrong, is put aside at once: every statement of the connection reads each
        schema)."""
        try:
            driver.deserialize(image, name=_IMAGE)
            found = driver.execute(f"SELECT count(*), max(rowid) FROM {_IMAGE}.stage").fetchone()
            if found == (count, count):
                return True
        except sqlite3.DatabaseError:
            pass
        driver.deserialize(empty, name=_IMAGE)
        return False

    cache = driver.execute("PRAGMA cache_size").fetchone()[0]
    driver.execute(f"PRAGMA cache_size = -{_IMPORT_CACHE_KB}")
    driver.execute(f"CREATE TABLE {_STAGE_NOTES} ({note_names})")
    driver.execute(f"CREATE TABLE {_KEPT} (row INTEGER PRIMARY KEY, id)")
    driver.execute(f"PRAGMA temp.cache_size = -{_IMPORT_CACHE_KB // 4}")  # a batch never spills to a file
    empty = _empty_image()
    if _IMAGE not in {row[1] for row in driver.execute("PRAGMA database_list")}:
        driver.execute(f"ATTACH ':memory:' AS {_IMAGE}")  # (kept by the connection, emptied at the end)
    first, moving = next_id, cast("Future[None] | None", None)

    def write(batch: Batch, made: "Future[stemworker.Answer] | None") -> None:
        """The batch's new ideas staged, once the one before is written (`made`: the worker's fingerprints and
        rows, if it makes them), and given to the second thread to write."""
        nonlocal moving, next_id
        keys = image = None
        if made is not None and stemming is not None:
            with suppress(WorkerLost):  # (a lost worker is still asked: its thread fails at once, as it is gone)
                keys, image = stemming.result(made)
        kept = fresh.keep(batch, keys)
        if not kept:
            return
        numbers = range(next_id, next_id + len(kept))
        next_id += len(kept)
        noted = notes(batch, kept, numbers)
        if moving is not None:
            moving.result()
        if (image is None or not opened(image, len(batch))) and not opened(stemworker.staged(wired(batch)), len(batch)):
            raise RuntimeError("the import staged other rows than its batch's")  # (never: the same code as the worker)
        driver.executemany(f"INSERT INTO {_KEPT} VALUES (?, ?)", zip((at + 1 for at in kept), numbers, strict=True))
        driver.executemany(f"INSERT INTO {_STAGE_NOTES} VALUES (?, ?, ?, ?)", noted)
        moving = writing.submit(move, moves)

    try:
        # the pool's exit waits for the second thread whatever happens (it is never left writing), before the
        # trigger is put back or the caller rolls back
        with sqlite_search.insert_trigger_aside(connection), ThreadPoolExecutor(1, "import-writer") as writing:
            # each batch is checked here while the second thread writes the one before and the worker process
            # (if any) stages the one after: a batch is written once the next one is checked
            waiting: tuple[Batch, Future[stemworker.Answer] | None] | None = None
            for batch in batches:
                if not len(batch):
                    continue
                made = stemming.submit(wired(batch)) if stemming else None
                if waiting is not None:
                    write(*waiting)
                waiting = (batch, made)
            if waiting is not None:
                write(*waiting)
            if moving is not None:
                moving.result()
        for table in (_STAGE_NOTES, _KEPT):
            driver.execute(f"DROP TABLE {table}")
    finally:
        driver.execute(f"PRAGMA cache_size = {cache}")
        with suppress(sqlite3.DatabaseError):
            driver.deserialize(empty, name=_IMAGE)
    return next_id - first
