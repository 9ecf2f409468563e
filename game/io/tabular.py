"""Ideas out of the library as CSV, XLSX, Markdown and JSON: any selection, page by page, in the UI language.

Every export reads one page of ideas at a time (never the whole selection) inside one read transaction, so the
file shows the library at one moment, and writes through `atomic.atomic_path`: a crash leaves the old file.
No Qt here: labels and month names come from the small tables below, so the CLI and tests need no QApplication.
"""

import calendar
import csv
import gc
import json
import re
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO, Any, NamedTuple, TypeVar

from sqlalchemy import ColumnElement, Select, String, bindparam, func, type_coerce
from sqlalchemy import select as sa_select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from game.io import EXPORT_FORMATS
from game.io.atomic import atomic_path, write_atomically
from game.io.messages import Message, tr
from game.store import ideas
from game.store.ideas import IdeaFilter, Order
from game.store.models import Idea, IdeaBase, IdeaNote, saved_id

LANGS = ("ru", "en")
JSON_FORMAT = "technomagic-ideas"
JSON_VERSION = 1


class Column(NamedTuple):
    ru: str
    en: str
    width: int  # characters, for XLSX


#: Every tabular export has these columns, in this order; the header is the label in the export's language.
COLUMNS: dict[str, Column] = {
    "id": Column("№", "ID", 7),
    "title": Column("Идея", "Idea", 40),
    "text": Column("Текст", "Text", 60),
    "focus": Column("Фокус", "Focus", 10),
    "status": Column("Статус", "Status", 14),
    "score": Column("Баллы", "Score", 8),
    "dots": Column("Голоса", "Dots", 8),
    "business_card": Column("Карта «Бизнес»", "Business card", 18),
    "business_card_title": Column("Карта «Бизнес»: название", "Business card: title", 24),
    "client_card": Column("Карта «Клиент»", "Client card", 18),
    "client_card_title": Column("Карта «Клиент»: название", "Client card: title", 24),
    "touchpoint_card": Column("Карта «Точка контакта»", "Touchpoint card", 18),
    "touchpoint_card_title": Column("Карта «Точка контакта»: название", "Touchpoint card: title", 24),
    "obstacle_card": Column("Карта «Нештатная ситуация»", "Obstacle card", 18),
    "obstacle_card_title": Column("Карта «Нештатная ситуация»: название", "Obstacle card: title", 24),
    "lens_card": Column("Карта «Линза»", "Lens card", 18),
    "lens_card_title": Column("Карта «Линза»: название", "Lens card: title", 24),
    "technique_card": Column("Карта «Техномагия»", "Technomagic card", 18),
    "technique_card_title": Column("Карта «Техномагия»: название", "Technomagic card: title", 24),
    "constraint_card": Column("Карта «Ограничение»", "Constraint card", 18),
    "constraint_card_title": Column("Карта «Ограничение»: название", "Constraint card: title", 24),
    "promise_who": Column("Кто", "Who", 18),
    "promise_due": Column("К какому сроку", "By when", 18),
    "promise_first_step": Column("Первый шаг", "First step", 40),
    "promise_success_sign": Column("Признак успеха", "Success sign", 40),
    "tags": Column("Метки", "Tags", 24),
    "team": Column("Команда", "Team", 16),
    "player": Column("Игрок", "Player", 16),
    "session_id": Column("Сессия", "Session", 9),
    "created_at": Column("Сохранено", "Saved", 22),
    "updated_at": Column("Изменено", "Changed", 22),
    "notes": Column("Что получилось", "What happened", 60),
}
#: The columns of card titles (in the export's language) beside the card ids: people read titles, import reads ids.
CARD_TITLES = tuple(name for name in COLUMNS if name.endswith("_card_title"))
#: The CSV delimiter a spreadsheet of the language opens into columns: Russian Excel's list separator is ';'.
DELIMITERS = {"ru": ";", "en": ","}
STATUS_LABELS = {
    "ru": {
        "new": "новая",
        "planned": "в планах",
        "tried": "попробовали",
        "working": "работает",
        "dropped": "отказались",
    },
    "en": {"new": "new", "planned": "planned", "tried": "tried", "working": "keeps working", "dropped": "dropped"},
}
FOCUS_LABELS = {
    "ru": {"": "", "fix": "Починка", "wow": "WOW", "planb": "План Б"},
    "en": {"": "", "fix": "Fix", "wow": "WOW", "planb": "Plan B"},
}
MONTHS = {
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}  # fmt: skip
WORDS = {
    "ru": {
        "ideas": "Идеи",
        "count": "Идей: {0}",
        "promise": "Обещание",
        "cards": "Карты",
        "untitled": "(без названия)",
    },
    "en": {"ideas": "Ideas", "count": "Ideas: {0}", "promise": "Promise", "cards": "Cards", "untitled": "(untitled)"},
}
#: What spreadsheet programs read as the start of a formula (or of a new cell): such cells get a leading '.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
#: Cells that get an apostrophe in front in CSV: formula-looking ones, and the user's own that start with an
#: apostrophe and then one of these (so that import, which takes away exactly the one added, gives them back).
_ESCAPED = (*FORMULA_START, "'")


def header(lang: str) -> list[str]:
    return [getattr(column, _lang(lang)) for column in COLUMNS.values()]


def _lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"language must be one of {LANGS}, not {lang!r}")
    return lang


def format_date(day: date | None, lang: str) -> str:
    """A date as people of the language write it: "1 December 2026", «1 декабря 2026»."""
    return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}" if day else ""


def local_time(stamp: datetime) -> datetime:
    """A stored time (UTC; SQLite keeps no zone) in the user's zone, without the zone (as spreadsheets want)."""
    return stamp.replace(tzinfo=stamp.tzinfo or UTC).astimezone().replace(tzinfo=None)


def format_time(stamp: datetime | None, lang: str) -> str:
    if stamp is None:
        return ""
    local = local_time(stamp)
    return f"{format_date(local.date(), lang)}, {local:%H:%M}"


@contextmanager
def gc_paused() -> Iterator[None]:
    """Cyclic garbage collection paused for bulk work that makes no cycles (plain rows, dicts, tuples): the
    collector's passes over 100 000 of them would cost a sixth of a CSV export and a third of an import.
    Reference counting frees everything as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def neutralise(cell: str) -> str:
    """A cell that a spreadsheet would take for a formula, as text: an apostrophe in front; and a cell that
    starts with an apostrophe and a formula character (the user's `'=x`), so that import gives it back whole."""
    if cell.startswith(FORMULA_START) or (cell[:1] == "'" and cell[1:2] and cell[1] in _ESCAPED):
        return "'" + cell
    return cell


def card_titles(engine: Engine, lang: str) -> dict[str, str]:
    """Card id → its title in `lang`: the shipped decks and the library folder's own (a user's deck)."""
    from game import paths
    from game.domain.content import load_content

    folders = [paths.shipped("cards")]
    if engine.dialect.name == "sqlite" and engine.url.database:
        folders.append(paths.user_decks_dir(Path(engine.url.database).parent))
    content = load_content(folders, [])
    return {card.id: card.title.get(lang) for deck in content.decks.values() for card in deck.cards}


def notes_text(notes: list[tuple[date, str]]) -> str:
    return "\n".join(f"{on.isoformat()}: {text}" for on, text in notes)


# --- reading the selection, page by page ----------------------------------------------------------------------

#: Read as the text SQLite holds and parsed here (cached): much faster than a type conversion for every row.
_RAW_DATES = ("promise_due", "created_at", "updated_at")
_ROW_COLUMNS = [name for name in COLUMNS if name != "notes" and name not in CARD_TITLES]
_NUMBERS = ("id", "score", "dots", "session_id")
#: JSON keys in the order of the model's fields (`model_dump` of a loaded idea follows no particular order).
_JSON_KEYS = ["id", *("checks" if n == "checks_json" else n for n in IdeaBase.model_fields), "session_id",
              "created_at", "updated_at"]  # fmt: skip


Notes = dict[int, list[tuple[date, str]]]
Statement = TypeVar("Statement", bound=Select[*tuple[Any, ...]])
Item = TypeVar("Item")


def _pages(engine: Engine, flt: IdeaFilter, order: Order | None, page: int) -> Iterator[tuple[Sequence[Idea], Notes]]:
    """Pages of ideas (ORM objects) with their notes, for the exports that write whole ideas (JSON, Markdown, the
    PDF handout); the CSV and XLSX exports read plain rows (`_row_pages`).

    Ordered by id, a page starts after the last id of the one before (the index finds it at once); other orders
    page by offset. All pages come from one read transaction, so ideas saved meanwhile never shift a page.
    """
    if page < 1:
        raise ValueError("page must be at least 1")
    order = order or Order()
    column = getattr(Idea, order.column)
    by = [column.desc(), col(Idea.id).desc()] if order.descending else [column.asc(), col(Idea.id).asc()]
    with Session(engine) as session:
        whole = ideas._where(select(Idea), flt, engine.dialect.name).order_by(*by)  # the library screen's own filter
        yield from _paged(session, whole, order, page, lambda query: list(session.exec(query)), saved_id)


def _paged(
    session: Session,
    statement: Statement,
    order: Order,
    page: int,
    fetch: Callable[[Statement], Sequence[Item]],
    id_of: Callable[[Item], int],
) -> Iterator[tuple[Sequence[Item], Notes]]:
    by_id = order.column == "id"
    last_id, offset = None, 0
    while True:
        query = statement
        if by_id and last_id is not None:
            query = query.where(col(Idea.id) < last_id if order.descending else col(Idea.id) > last_id)
        elif not by_id:
            query = query.offset(offset)
        query = query.limit(page)
        batch = fetch(query)
        if not batch:
            return
        ids = [id_of(item) for item in batch]
        yield batch, _notes(session, ids)
        if len(batch) < page:
            return
        last_id, offset = ids[-1], offset + page
        session.expunge_all()


def _notes(session: Session, idea_ids: list[int]) -> dict[int, list[tuple[date, str]]]:
    low, high = min(idea_ids), max(idea_ids)
    near = high - low < 4 * len(idea_ids)  # one range of the index is cheaper than a thousand parameters
    which = col(IdeaNote.idea_id).between(low, high) if near else col(IdeaNote.idea_id).in_(idea_ids)
    statement = (
        select(col(IdeaNote.idea_id), col(IdeaNote.on), col(IdeaNote.text))
        .where(which)
        .order_by(col(IdeaNote.idea_id), col(IdeaNote.on), col(IdeaNote.id))
    )
    wanted = set(idea_ids)
    found: dict[int, list[tuple[date, str]]] = {}
    for idea_id, on, text in session.exec(statement):
        if idea_id in wanted:
            found.setdefault(idea_id, []).append((on, text))
    return found


def iter_ideas(engine: Engine, flt: IdeaFilter, order: Order | None = None, page: int = 1000) -> Iterator[Idea]:
    """Every idea matching `flt`, in `order` (newest saved first by default), read `page` ideas at a time."""
    for batch, _notes_by_id in _pages(engine, flt, order, page):
        yield from batch


def iter_idea_dicts(
    engine: Engine, flt: IdeaFilter, order: Order | None = None, page: int = 1000
) -> Iterator[dict[str, Any]]:
    """What the JSON export writes for each idea: `ideas.to_json_dict` plus its dated notes."""
    for batch, notes in _pages(engine, flt, order, page):
        for idea in batch:
            data = ideas.to_json_dict(idea)
            data = {key: data.pop(key) for key in _JSON_KEYS if key in data} | data
            dated = notes.get(idea.id, []) if idea.id is not None else []
            data["notes"] = [{"on": on.isoformat(), "text": text} for on, text in dated]
            yield data


def _raw_text(column: ColumnElement[Any], engine: Engine) -> ColumnElement[Any]:
    """A date or time column as the text SQLite holds (`2026-12-01 21:05:00.000007`), on PostgreSQL too."""
    if engine.dialect.name != "postgresql":
        return type_coerce(column, String)
    pattern = "YYYY-MM-DD" if column.name in ("promise_due", "on") else "YYYY-MM-DD HH24:MI:SS.US"
    return func.to_char(column, pattern)


def _export_columns(engine: Engine) -> list[ColumnElement[Any]]:
    """The columns of `_ROW_COLUMNS` as the CSV and XLSX exports read them: dates and times as the text SQLite
    holds, no card as "" (never None)."""
    table = Idea.__table__
    cards = set(ideas.CARD_COLUMNS)
    return [
        _raw_text(table.c[n], engine) if n in _RAW_DATES else func.coalesce(table.c[n], "") if n in cards
        else table.c[n]
        for n in _ROW_COLUMNS
    ]  # fmt: skip


def _row_pages(
    engine: Engine, flt: IdeaFilter, order: Order | None, columns: list[ColumnElement[Any]], size: int = 1000
) -> Iterator[tuple[Sequence[Sequence[Any]], dict[int, str]]]:
    """Pages of `size` plain rows of `columns` (the first is the id), each with its ideas' notes as the exports
    write them (id → "2026-12-01: text" lines): one query in one read transaction, its rows streamed.

    Made for writing every idea of a library: on SQLite the driver's own tuples straight from the cursor (making
    SQLAlchemy's rows, or ORM objects, costs more than writing them); elsewhere (PostgreSQL) a server-side cursor.
    """
    if size < 1:
        raise ValueError("size must be at least 1")
    order = order or Order()
    by = getattr(Idea, order.column)
    by_id = col(Idea.id)
    statement = ideas._where(sa_select(*columns), flt, engine.dialect.name).order_by(
        *((by.desc(), by_id.desc()) if order.descending else (by.asc(), by_id.asc()))
    )
    note = IdeaNote.__table__
    notes = sa_select(note.c.idea_id, _raw_text(note.c.on, engine), note.c.text).order_by(
        note.c.idea_id, note.c.on, note.c.id
    )
    # built once, so that each page's query is found in SQLAlchemy's cache of compiled statements at once
    notes_between = notes.where(note.c.idea_id.between(bindparam("low"), bindparam("high")))
    notes_of = notes.where(note.c.idea_id.in_(bindparam("ids", expanding=True)))
    with engine.connect() as connection, connection.begin():
        sqlite = engine.dialect.name == "sqlite"  # no server-side cursors, none needed: SQLite steps as it is read
        result = connection.execute(statement.execution_options(stream_results=not sqlite))
        fetch = result.cursor.fetchmany if sqlite else result.fetchmany

        def notes_text(idea_ids: list[int]) -> dict[int, str]:
            """The notes of these ideas as the exports write them: a line each, "2026-12-01: text", oldest first."""
            low, high = min(idea_ids), max(idea_ids)
            if high - low < 4 * len(idea_ids):  # one range of the index is cheaper than a thousand parameters
                found = connection.execute(notes_between, {"low": low, "high": high})
            else:
                found = connection.execute(notes_of, {"ids": idea_ids})
            with found:
                return _notes_text(found.cursor.fetchall() if sqlite else found.all(), set(idea_ids))

        try:
            while batch := fetch(size):
                yield batch, notes_text([row[0] for row in batch])
        finally:
            result.close()


def _notes_text(notes: Iterable[Sequence[Any]], wanted: set[int]) -> dict[int, str]:
    """Notes (idea id, date as text, text; in order) as the exports write them: an idea's in lines of
    "2026-12-01: text"; of the ideas `wanted` only."""
    found: dict[int, list[str]] = {}
    for which, on, text in notes:
        if which in wanted:
            found.setdefault(which, []).append(f"{on[:10]}: {text}")
    return {which: "\n".join(lines) for which, lines in found.items()}


# --- the formats ---------------------------------------------------------------------------------------------


_UNKNOWN = object()


class _LocalTimes:
    """Stored UTC times (SQLite's text) in the user's zone, fast: the zone is asked once per hour of UTC."""

    def __init__(self, lang: str = "en") -> None:
        self._offsets: dict[datetime, timedelta | None] = {}
        self._hours: dict[str, str | None] = {}
        self._by_hour: dict[str, object] = {}  # "2026-12-01 21" → the offset of that hour of UTC (None: ask each time)
        self._months = MONTHS[lang]

    def _offset(self, hour: datetime) -> timedelta | None:
        """The zone's offset all through this hour of UTC; None if the clocks change within it."""
        if hour not in self._offsets:
            start = calendar.timegm(hour.timetuple())
            offset = time.localtime(start).tm_gmtoff  # what astimezone() asks too, without making datetimes
            same = time.localtime(start + 3600).tm_gmtoff == offset
            self._offsets[hour] = timedelta(seconds=offset) if same else None
        return self._offsets[hour]

    def __call__(self, raw: str | None) -> datetime | None:
        if not raw:
            return None
        if len(raw) in (19, 26):  # as stored, UTC without a zone, to the second or µs: the hour's offset, cached
            offset = self._by_hour.get(raw[:13], _UNKNOWN)
            if offset is _UNKNOWN:
                offset = self._by_hour[raw[:13]] = self._hour_offset(raw[:13])
            if isinstance(offset, timedelta):
                stamp = datetime.fromisoformat(raw)
                if stamp.tzinfo is None and stamp.year < 9999:  # (9999 east of UTC would not fit: below)
                    return stamp + offset
        return self._local(raw)

    def _hour_offset(self, hour: str) -> timedelta | None:
        try:
            return self._offset(datetime.fromisoformat(hour + ":00"))
        except (OverflowError, ValueError, OSError):
            return None

    def _local(self, raw: str) -> datetime:
        stamp = datetime.fromisoformat(raw)
        if (zone_offset := stamp.utcoffset()) is not None:
            stamp = (stamp - zone_offset).replace(tzinfo=None)
        try:
            offset = self._offset(stamp.replace(minute=0, second=0, microsecond=0))
            return local_time(stamp) if offset is None else stamp + offset
        except (OverflowError, ValueError, OSError):  # year 9999 east of UTC (a library of an older import): as stored
            return stamp

    def text(self, raw: str | None) -> str:
        """A stored time as ISO in the user's zone ("2026-12-01 14:05", what spreadsheets sort and read as a
        time); in a zone of whole hours only the minutes differ within an hour."""
        if not raw:
            return ""
        if len(raw) in (19, 26) or (len(raw) in (25, 32) and raw.endswith("+00:00")):  # UTC, to the second or µs
            prefix = self._hours.get(raw[:13], "")
            if prefix == "":
                prefix = self._hours[raw[:13]] = self._hour_prefix(datetime.fromisoformat(raw[:13] + ":00"))
            if prefix is not None:
                return prefix + raw[14:16]
        t = self._local(raw)
        return f"{t:%Y-%m-%d %H:%M}" if t.year >= 1000 else f"{t.year:04d}-{t:%m-%d %H:%M}"

    def texts(self, raws: Sequence[str | None]) -> list[str]:
        """`text` of each, the common case (UTC to the second or µs, in an hour already seen) done inline."""
        hours, text = self._hours, self.text
        return [
            prefix + raw[14:16] if raw and len(raw) in (19, 26) and (prefix := hours.get(raw[:13])) else text(raw)
            for raw in raws
        ]

    def _hour_prefix(self, hour: datetime) -> str | None:
        try:
            offset = self._offset(hour)
            if offset is None or offset % timedelta(hours=1):
                return None
            t = hour + offset
        except (OverflowError, ValueError, OSError):
            return None
        return f"{t.year:04d}-{t.month:02d}-{t.day:02d} {t.hour:02d}:"


#: A cell of a column joined with NULs before each that `neutralise` changes (a NUL within a cell may only make
#: the column be checked cell by cell).
_FORMULA_STARTS = re.compile("\0[" + re.escape("".join(_ESCAPED)) + "]")
#: The columns of the user's own text (and card ids), which the CSV export checks for formulas.
_TEXT_COLUMNS = [name for name in _ROW_COLUMNS if name not in (*_NUMBERS, *_RAW_DATES, "focus", "status")]


def _csv_pages(
    engine: Engine, flt: IdeaFilter, order: Order | None, lang: str
) -> Generator[list[Sequence[Any]], None, None]:
    """The CSV export's cells, a page at a time, as its columns (in the order of COLUMNS; ints and None in the
    columns of numbers, strings in the rest).

    Written for the budget (3x Python's csv module writing the same rows): a page is made column by column, each
    by one comprehension or left as the database gave it. A column's text cells are checked at once in C (few ever
    look like a formula), and only dates, labels, tags, notes and card titles are made here.
    """
    statuses, focuses, local = STATUS_LABELS[lang], FOCUS_LABELS[lang], _LocalTimes(lang)
    titles = {card: neutralise(title) for card, title in card_titles(engine, lang).items()}
    for batch, notes in _row_pages(engine, flt, order, _export_columns(engine)):
        cells: dict[str, Sequence[Any]] = dict(zip(_ROW_COLUMNS, zip(*batch, strict=True), strict=True))
        for card in ideas.CARD_COLUMNS:
            cells[f"{card}_title"] = [titles.get(card_id, "") if card_id else "" for card_id in cells[card]]
        cells["tags"] = [tags.strip(",").replace(",", ", ") for tags in cells["tags"]]
        for name in _TEXT_COLUMNS:  # every cell starts after a NUL: one search of the column, in C
            if _FORMULA_STARTS.search("\0" + "\0".join(cells[name])):
                cells[name] = [neutralise(cell) for cell in cells[name]]
        cells["focus"] = [focuses.get(code) or neutralise(code) for code in cells["focus"]]
        cells["status"] = [statuses.get(code) or neutralise(code) for code in cells["status"]]
        cells["promise_due"] = [due[:10] if due else "" for due in cells["promise_due"]]  # ISO: what spreadsheets sort
        created, changed = cells["created_at"], cells["updated_at"]
        saved = cells["created_at"] = local.texts(created)
        cells["updated_at"] = [
            shown if raw == made else local.text(raw) for shown, raw, made in zip(saved, changed, created, strict=True)
        ]
        cells["notes"] = [notes.get(idea_id, "") for idea_id in cells["id"]]
        yield [cells[name] for name in COLUMNS]


#: The characters that make the csv module put a cell in quotes (QUOTE_MINIMAL): the delimiter, the quote and
#: the line terminator's.
_CSV_QUOTED = {delimiter: re.compile(f'[{re.escape(delimiter)}"\r\n]') for delimiter in (",", ";", "\t")}


def csv_lines(columns: Sequence[Sequence[Any]], delimiter: str) -> str:
    """Rows given as their columns, as the csv module's writer writes them (QUOTE_MINIMAL, "\r\n" after each
    row; None as an empty cell, numbers as `str` makes them), in a few C calls a column instead of its loop over
    every character: a column is searched at once for the characters that want quotes, and only if one has them
    its cells are looked at one by one. (tests/io/test_tabular.py checks it against the csv module.)"""
    if not columns or not columns[0]:
        return ""
    quoted = _CSV_QUOTED[delimiter]
    texts = []
    for column in columns:
        try:
            joined = "\0".join(column)
        except TypeError:  # numbers or None
            column = ["" if cell is None else str(cell) for cell in column]
            joined = "\0".join(column)
        if quoted.search(joined):
            column = ['"' + cell.replace('"', '""') + '"' if quoted.search(cell) else cell for cell in column]
        texts.append(column)
    if len(texts) == 1 and "" in texts[0]:  # an empty cell alone in its row is written as ""
        texts[0] = ['""' if cell == "" else cell for cell in texts[0]]
    return "\r\n".join(map(delimiter.join, zip(*texts, strict=True))) + "\r\n"


def export_csv(engine: Engine, flt: IdeaFilter, path: Path, lang: str, order: Order | None = None,
               delimiter: str | None = None) -> int:  # fmt: skip
    """CSV in UTF-8 with a BOM (so spreadsheet programs read Cyrillic), a header row, one idea a row; cells
    separated as the language's spreadsheets expect (`;` in Russian, `,` in English) unless `delimiter` says."""
    _lang(lang)
    delimiter = delimiter or DELIMITERS[lang]
    if delimiter not in (",", ";", "\t"):
        raise ValueError(f"delimiter must be ',', ';' or a tab, not {delimiter!r}")
    written = 0

    def write(handle: IO[str]) -> None:
        nonlocal written
        csv.writer(handle, delimiter=delimiter).writerow(header(lang))
        with closing(_csv_pages(engine, flt, order, lang)) as pages:  # its read ends here, even on an error
            for columns in pages:
                handle.write(csv_lines(columns, delimiter))  # a page's rows encoded and written at once
                written += len(columns[0])

    with gc_paused():
        write_atomically(Path(path), write, "w", encoding="utf-8-sig", newline="")
    return written


XLSX_CELL_CHARS = 32_767  #: the most characters a workbook's cell holds (Excel's limit)


class Written(int):
    """How many ideas an export wrote, and what it had to change to write them (`Message`s, one line each)."""

    warnings: tuple[str, ...]

    def __new__(cls, count: int, warnings: Sequence[str] = ()) -> "Written":
        self = super().__new__(cls, count)
        self.warnings = tuple(warnings)
        return self


def _xlsx_pages(
    engine: Engine, flt: IdeaFilter, order: Order | None, lang: str
) -> Generator[list[Sequence[Any]], None, None]:
    """The XLSX export's columns (`xlsx.write_sheet`), a page at a time: ints, labels in `lang`, text as it is,
    the date promised and the local times as serials."""
    from game.io.xlsx import date_serial, time_serial

    statuses, focuses, local = STATUS_LABELS[lang], FOCUS_LABELS[lang], _LocalTimes()
    titles = {card: title or "" for card, title in card_titles(engine, lang).items()}
    days: dict[str, int] = {}  # a date promised → its serial: few dates, many ideas

    def day(raw: str) -> int:
        if raw not in days:
            days[raw] = date_serial(date.fromisoformat(raw[:10]))
        return days[raw]

    for batch, notes in _row_pages(engine, flt, order, _export_columns(engine)):
        cells: dict[str, Sequence[Any]] = dict(zip(_ROW_COLUMNS, zip(*batch, strict=True), strict=True))
        for card in ideas.CARD_COLUMNS:
            cells[f"{card}_title"] = [titles.get(card_id, "") if card_id else "" for card_id in cells[card]]
        cells["focus"] = [focuses.get(code, code) for code in cells["focus"]]
        cells["status"] = [statuses.get(code, code) for code in cells["status"]]
        cells["promise_due"] = [day(due) if due else None for due in cells["promise_due"]]
        cells["tags"] = [tags.strip(",").replace(",", ", ") for tags in cells["tags"]]
        created, changed = cells["created_at"], cells["updated_at"]
        saved = cells["created_at"] = [None if (t := local(raw)) is None else time_serial(t) for raw in created]
        cells["updated_at"] = [
            serial if raw == made else None if (t := local(raw)) is None else time_serial(t)
            for serial, raw, made in zip(saved, changed, created, strict=True)
        ]
        cells["notes"] = [notes.get(idea_id, "") for idea_id in cells["id"]]
        yield [cells[name] for name in COLUMNS]


def export_xlsx(engine: Engine, flt: IdeaFilter, path: Path, lang: str, order: Order | None = None) -> Written:
    """A workbook with typed cells (numbers, dates, times), text that stays text, a frozen bold header and an
    auto-filter (game/io/xlsx.py: 100 000 ideas in a few seconds, where XlsxWriter and openpyxl take 20 s and more).

    A workbook cannot hold control characters nor more than 32,767 characters in a cell: such cells are
    changed, and the result's `warnings` say how many. The target folder is checked before anything is made, so a
    path that cannot be written fails at once, with nothing half-made left behind."""
    from game.io import xlsx

    _lang(lang)
    locale = "[$-419]" if lang == "ru" else "[$-809]"  # month names in the export's language, whatever Excel's
    date_format, time_format = f"{locale}d mmmm yyyy", f"{locale}d mmmm yyyy h:mm"
    widths = [column.width for column in COLUMNS.values()]
    kinds = [xlsx.NUMBER if name in _NUMBERS else xlsx.TEXT for name in COLUMNS]  # what `_xlsx_pages` makes
    kinds[list(COLUMNS).index("promise_due")] = xlsx.DATE
    kinds[list(COLUMNS).index("created_at")] = kinds[list(COLUMNS).index("updated_at")] = xlsx.TIME
    changed = {"cut": 0, "dropped": 0}
    with gc_paused(), atomic_path(Path(path)) as tmp, closing(_xlsx_pages(engine, flt, order, lang)) as pages:
        written = xlsx.write_sheet(
            tmp, WORDS[lang]["ideas"], header(lang), widths, kinds, pages, date_format, time_format, changed
        )
    warnings = []
    if changed["cut"]:
        message = tr("{0} cells were longer than {1} characters, which a workbook holds, and were cut")
        warnings.append(Message(message, changed["cut"], f"{XLSX_CELL_CHARS:,}"))
    if changed["dropped"]:
        message = tr("{0} cells had control characters, which a workbook cannot hold; they were left out")
        warnings.append(Message(message, changed["dropped"]))
    return Written(written, warnings)


_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~#&])")
_MD_LINE_START = re.compile(r"^([-+=>])|^(\d+)([.)])")


def md_escape(text: str) -> str:
    """One line of user text as Markdown that shows exactly that text: no emphasis, links, HTML or headings."""
    line = _MD_INLINE.sub(r"\\\1", text.strip())
    return _MD_LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", line)


def md_block(text: str, indent: str = "") -> str:
    """User text of many lines: its line breaks kept (hard breaks), paragraphs kept, every line escaped."""
    paragraphs = re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").replace("\r", "\n").strip())
    return f"\n\n{indent}".join(
        f"\\\n{indent}".join(md_escape(line) for line in paragraph.split("\n")) for paragraph in paragraphs
    )


def _markdown(data: dict[str, Any], lang: str) -> str:
    labels = {key: getattr(column, lang) for key, column in COLUMNS.items()}
    title = " ".join(data["title"].split()) or WORDS[lang]["untitled"]
    parts = [f"## {md_escape(title)}"]
    if data["text"].strip():
        parts.append(md_block(data["text"]))
    facts = [
        f"**{labels['status']}:** {md_escape(STATUS_LABELS[lang].get(data['status'], data['status']))}",
        f"**{labels['score']}:** {data['score']}",
        f"**{labels['dots']}:** {data['dots']}",
    ]
    if data["focus"]:
        facts.insert(1, f"**{labels['focus']}:** {md_escape(FOCUS_LABELS[lang].get(data['focus'], data['focus']))}")
    lines = [" · ".join(facts)]
    if data["tags"]:
        lines.append(f"**{labels['tags']}:** " + ", ".join(md_escape(tag) for tag in data["tags"]))
    for key in ("team", "player"):
        if data[key].strip():
            lines.append(f"**{labels[key]}:** {md_escape(' '.join(data[key].split()))}")
    cards = [md_escape(data[key]) for key in ideas.CARD_COLUMNS if data[key]]
    if cards:
        lines.append(f"**{WORDS[lang]['cards']}:** " + ", ".join(cards))
    parts.append("\\\n".join(lines))
    due = date.fromisoformat(data["promise_due"]) if data["promise_due"] else None
    promise = [
        (labels["promise_who"], md_block(data["promise_who"], "  ")),
        (labels["promise_due"], format_date(due, lang)),
        (labels["promise_first_step"], md_block(data["promise_first_step"], "  ")),
        (labels["promise_success_sign"], md_block(data["promise_success_sign"], "  ")),
    ]
    if any(value for _label, value in promise):
        parts.append(f"**{WORDS[lang]['promise']}**\n\n" + "\n".join(f"- {k}: {v}" for k, v in promise if v))
    if data["notes"]:
        items = [
            f"- {format_date(date.fromisoformat(note['on']), lang)}: {md_block(note['text'], '  ')}"
            for note in data["notes"]
        ]
        parts.append(f"**{labels['notes']}**\n\n" + "\n".join(items))
    return "\n\n".join(parts) + "\n"


def export_markdown(engine: Engine, flt: IdeaFilter, path: Path, lang: str, order: Order | None = None) -> int:
    """A heading, then one section per idea: its text, status, tags, cards, promise and dated notes."""
    _lang(lang)
    written = 0

    def write(handle: IO[str]) -> None:
        nonlocal written
        handle.write(f"# {WORDS[lang]['ideas']}\n")
        for data in iter_idea_dicts(engine, flt, order):
            handle.write("\n" + _markdown(data, lang))
            written += 1
        handle.write(f"\n---\n\n{WORDS[lang]['count'].format(written)}\n")

    write_atomically(Path(path), write, "w", encoding="utf-8", newline="\n")
    return written


def export_json(engine: Engine, flt: IdeaFilter, path: Path, lang: str = "en", order: Order | None = None) -> int:
    """Every field of every idea and its notes; `importer.import_json` gives the same ideas back.

    Oldest saved first by default, so ideas restored from the file keep their order. `lang` changes nothing:
    the file holds codes and ISO dates, not words. One idea a line, streamed.
    """
    order = order or Order("id", descending=False)
    written = 0

    def write(handle: IO[str]) -> None:
        nonlocal written
        handle.write(f'{{\n  "format": "{JSON_FORMAT}",\n  "version": {JSON_VERSION},\n  "ideas": [')
        for data in iter_idea_dicts(engine, flt, order):
            handle.write(("," if written else "") + "\n    " + json.dumps(data, ensure_ascii=False))
            written += 1
        handle.write("\n  ]\n}\n" if written else "]\n}\n")

    write_atomically(Path(path), write, "w", encoding="utf-8", newline="\n")
    return written


FORMATS = EXPORT_FORMATS


def export(engine: Engine, flt: IdeaFilter, path: Path, fmt: str, lang: str, title: str = "",
           delimiter: str | None = None) -> int:  # fmt: skip
    """Write the matching ideas in one of FORMATS (the one entry point of the CLI and the screens); `delimiter`
    is for CSV. The count written is an `int`; an XLSX export's has `.warnings` (cells it had to change)."""
    if fmt == "pdf":  # painted with Qt: callers keep it on the UI thread
        from game.io import report

        found = list(iter_idea_dicts(engine, flt))
        report.write_handout(found, path, lang, title or WORDS[_lang(lang)]["ideas"])
        return len(found)
    if fmt == "csv":
        return export_csv(engine, flt, path, lang, delimiter=delimiter)
    writers = {"xlsx": export_xlsx, "md": export_markdown, "json": export_json}
    return writers[fmt](engine, flt, path, lang)
