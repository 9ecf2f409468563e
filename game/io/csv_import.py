"""Ideas from a CSV file, ours or any spreadsheet's: its separator, encoding and columns found, each row checked
column by column, or row by row to say which is wrong and why."""

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache, partial
from operator import itemgetter, methodcaller
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from sqlalchemy.engine import Engine

from game.domain import limits
from game.domain.ideas import FOCUSES, STATUSES
from game.io import import_checks
from game.io.import_checks import (
    DOTS,
    SCORES,
    TEXT_LIMITS,
    YEARS,
    Bad,
    Declined,
    Field,
    Record,
    check_texts,
    clean_tags,
    date_in_range,
    decline,
    fits_every_zone,
    memo,
    parse_date,
    parse_time,
    read_text,
    shown,
    title_from,
    untitled,
)
from game.io.intake import TEXTS, Batch, ImportError_, ImportResult, insert_checked
from game.io.messages import Message, shown_path, tr
from game.io.tabular import (
    CARD_TITLES,
    COLUMNS,
    FOCUS_LABELS,
    FORMULA_START,
    STATUS_LABELS,
)
from game.store.ideas import CARD_COLUMNS
from game.store.stemworker import Stemming

if TYPE_CHECKING:
    from _csv import Reader as CsvReader

#: Another library's numbers (the ideas get new ones, sessions are not exported) and the card titles our CSV
#: shows beside the ids (the ids are what is kept).
IGNORED = ("id", "session_id", *CARD_TITLES)
#: The fields a CSV column can fill (what the column-mapping preview offers).
CSV_FIELDS = [name for name in COLUMNS if name not in IGNORED]
#: Column names other programs use, besides our own labels and field names (compared case-folded).
SYNONYMS = {
    "title": ("title", "idea", "name", "идея", "название", "заголовок"),
    "text": ("text", "description", "details", "текст", "описание", "суть"),
    "focus": ("focus", "фокус"),
    "status": ("status", "state", "статус", "состояние"),
    "score": ("score", "points", "баллы", "оценка"),
    "dots": ("dots", "votes", "голоса", "точки"),
    "promise_who": ("who", "owner", "responsible", "кто", "ответственный"),
    "promise_due": ("due", "due date", "deadline", "by when", "срок", "дедлайн", "к какому сроку"),
    "promise_first_step": ("first step", "next step", "первый шаг", "следующий шаг"),
    "promise_success_sign": ("success sign", "признак успеха"),
    "tags": ("tags", "labels", "метки", "теги"),
    "team": ("team", "команда"),
    "player": ("player", "author", "игрок", "автор"),
    "created_at": ("created", "saved", "сохранено", "создано"),
    "updated_at": ("updated", "changed", "изменено"),
    "notes": ("notes", "comments", "what happened", "заметки", "комментарии", "что получилось"),
    "id": ("id", "№"),
    "session_id": ("session", "сессия"),
}
_NOTE = re.compile(r"(\d{4}-\d{2}-\d{2}): ?(.*)")




def _normal(name: str) -> str:
    return " ".join(name.replace("_", " ").split()).casefold()


_KNOWN_NAMES = {
    _normal(name): key
    for key, column in COLUMNS.items()
    for name in (key, column.ru, column.en, *SYNONYMS.get(key, ()))
}


def suggest_mapping(headers: list[str]) -> dict[str, str]:
    """Column → field for the columns we recognise: our own headers in either language and common synonyms."""
    mapping: dict[str, str] = {}
    for name in headers:
        key = _KNOWN_NAMES.get(_normal(name))
        if key and key not in mapping.values() and name not in mapping:
            mapping[name] = key
    return mapping


def _unquote(cell: str) -> str:
    """A cell as it was before our CSV export put an apostrophe in front of it: of formula-looking text, or of
    text of the user's that starts with an apostrophe and a formula character ('=x became ''=x)."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] and cell[1] in _QUOTED else cell


_QUOTED = (*FORMULA_START, "'")
_starts_quoted = methodcaller("startswith", "'")
_DELIMITERS = (",", ";", "\t")
_SEP_LINE = re.compile(r'"?sep=(.)"?[,;\t]*\r?\n')


def _delimiter(text: str) -> tuple[str, bool]:
    """The delimiter and whether the file names it (Excel's `sep=;` first line). Else the one that splits the
    first rows into the same number of cells, most of them, fewest starting with a space (spreadsheets write
    none after a delimiter, people write one after a comma in a text): spreadsheets in many locales (Russian
    among them) write ';', and a header of one column says nothing."""
    if m := _SEP_LINE.match(text):
        return m[1], True
    sample = text[:65536]
    best, best_score = ",", (-1, 0, 0, 0)
    for candidate in _DELIMITERS:
        rows: list[list[str]] = []
        try:
            reader = csv.reader(io.StringIO(sample, newline=""), delimiter=candidate)
            rows.extend(row for _, row in zip(range(20), reader, strict=False))
        except csv.Error:
            pass
        if len(rows) > 1 and len(sample) == 65536:
            rows.pop()  # the sample may cut the last row
        rows = [row for row in rows if row]
        if not rows:
            continue
        width = len(rows[0])
        same = sum(1 for row in rows if len(row) == width)
        spaced = sum(1 for row in rows for cell in row[1:] if cell[:1] == " ")
        score = (1 if width > 1 else 0, same, -spaced, width)
        if score > best_score:
            best, best_score = candidate, score
    return best, False


def _reader(text: str) -> "CsvReader":
    """Strict: a quote never closed, or text after a closing quote, is an error rather than a guess. The row
    naming the delimiter (Excel's `sep=;`) is read and left out here."""
    delimiter, named = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    if named:
        next(reader)
    return reader


@dataclass
class CsvPreview:
    """What the import dialog shows before importing: the header, the first rows, the suggested mapping, the
    encoding the file was read in (guessed when it is not UTF-8) and the delimiter."""

    headers: list[str]
    rows: list[list[str]]
    mapping: dict[str, str]
    encoding: str
    delimiter: str


def _csv_text(path: Path) -> tuple[str, str]:
    return read_text(path, guess=True)


def _headers(path: Path, reader: "CsvReader") -> list[str]:
    headers = [name.strip() for name in next(reader, [])]
    if len(headers) > limits.CSV_COLUMNS:
        message = Message(tr("{0} columns; at most {1} are read"), len(headers), limits.CSV_COLUMNS)
        raise ImportError_(path, message, line=reader.line_num)
    return headers


def csv_preview(path: Path, rows: int = 5) -> CsvPreview:
    """The header, the first `rows` rows (as they would be imported) and the suggested mapping, for the UI."""
    path = Path(path)
    text, encoding = _csv_text(path)
    reader = _reader(text)
    try:
        headers = _headers(path, reader)
        first = [[_unquote(cell) for cell in row] for _, row in zip(range(rows), reader, strict=False)]
    except csv.Error as e:
        raise ImportError_(path, Message(tr("not valid CSV: {0}"), str(e)), line=reader.line_num) from None
    return CsvPreview(headers, first, suggest_mapping(headers), encoding, reader.dialect.delimiter)


def _columns(path: Path, headers: list[str], mapping: dict[str, str], line: int = 1) -> dict[int, str]:
    """Column index → field, checked: every mapped column exists, no field twice, title or text among them."""
    by_field: dict[str, str] = {}
    columns: dict[int, str] = {}
    for name, key in mapping.items():
        if not key:
            continue
        if key not in COLUMNS:
            message: str = Message(tr("column {0} is mapped to {1}, which is not a field"), shown(name), shown(key))
            raise ImportError_(path, message, line=line)
        if key in by_field:
            message = tr("columns {0} and {1} are both mapped to {2}")
            raise ImportError_(path, Message(message, shown(by_field[key]), shown(name), shown(key)), line=line)
        if name not in headers:
            raise ImportError_(path, Message(tr("there is no column {0}"), shown(name)), line=line)
        by_field[key] = name
        if key not in IGNORED:
            columns[headers.index(name)] = key
    if "title" not in columns.values() and "text" not in columns.values():
        raise ImportError_(path, Message(tr("no column is mapped to the title or the text")), line=line)
    return columns


def _csv_ideas(path: Path, text: str, mapping: dict[str, str] | None, errors: list[str]) -> list[Record]:
    """Every idea of a CSV file, checked one by one (what the quick checks must agree with)."""
    return [_csv_idea(path, line, number, dict(zip(keys, map(_unquote, cells), strict=True)))
            for keys, rows, places in _csv_rows(path, text, mapping, errors)
            for cells, (line, number) in zip(rows, places, strict=True)]  # fmt: skip


def _csv_batches(path: Path, text: str, mapping: dict[str, str] | None, errors: list[str]) -> Iterator[Batch]:
    """The ideas of a CSV file checked `CHUNK` at a time (an import writes a batch while it checks the next):
    column by column (`_csv_quick`), or one by one when that finds one needing a closer look, so that the first
    wrong one raises `ImportError_` with its line. `errors` gets what is left out (columns not mapped)."""
    for keys, rows, places in _csv_rows(path, text, mapping, errors):
        quick = _csv_quick(keys, rows, import_checks.now())
        yield quick if quick is not None else Batch.of([
            _csv_idea(path, line, number, dict(zip(keys, map(_unquote, cells), strict=True)))
            for cells, (line, number) in zip(rows, places, strict=True)])  # fmt: skip


_Rows: TypeAlias = tuple[list[str], list[tuple[str, ...]], list[tuple[int, int]]]


def _csv_rows(path: Path, text: str, mapping: dict[str, str] | None, errors: list[str]) -> Iterator[_Rows]:
    """The rows of a CSV file that are not blank, `CHUNK` at a time: the fields the columns are mapped to, the
    rows' cells for them (in that order, a short row's missing ones empty, not unquoted yet) and where each row
    is (its line and its number among the file's rows). `errors` gets what is left out (columns not mapped)."""
    reader = _reader(text)
    rows: list[tuple[str, ...]] = []
    places: list[tuple[int, int]] = []
    count = 0
    line = reader.line_num + 1  # where the row being read starts
    try:
        headers = _headers(path, reader)
        mapping = suggest_mapping(headers) if mapping is None else mapping
        columns = _columns(path, headers, mapping, line)
        left = [shown(name) for name in headers if name and not mapping.get(name)]
        if len(left) == 1:
            errors.append(Message("{0}: {1}", shown_path(path), Message(tr("column {0} is not imported"), left[0])))
        elif left:
            listed = ", ".join(left[:5]) + (", …" if len(left) > 5 else "")
            note = Message(tr("{0} columns are not imported: {1}"), len(left), listed)
            errors.append(Message("{0}: {1}", shown_path(path), note))
        line = reader.line_num + 1
        keys, width = list(columns.values()), max(columns) + 1
        pick = itemgetter(*columns) if len(columns) > 1 else lambda row: (row[next(iter(columns))],)
        for row_number, row in enumerate(reader, start=1):
            if any(map(str.strip, row)):
                if count == limits.IDEAS_PER_IMPORT:
                    message = Message(tr("more than {0} ideas; a file brings at most that many"), count)
                    raise ImportError_(path, message, line=line)
                count += 1
                rows.append(pick(row if len(row) >= width else row + [""] * (width - len(row))))
                places.append((line, row_number))
                if len(rows) == import_checks.CHUNK:
                    yield keys, rows, places
                    rows, places = [], []
            line = reader.line_num + 1
    except csv.Error as e:
        raise ImportError_(path, Message(tr("not valid CSV: {0}"), str(e)), line=line) from None
    if rows:
        yield keys, rows, places


def _names(labels: dict[str, dict[str, str]]) -> dict[str, str]:
    """Code or case-folded label → code, the first one found as the languages and their labels are listed (looked
    up for every row of a CSV file: a dict, not a loop over the labels)."""
    names: dict[str, str] = {}
    for lang_labels in labels.values():
        for code, label in lang_labels.items():
            names.setdefault(code, code)
            names.setdefault(label.casefold(), code)
    return names


_STATUS_NAMES, _FOCUS_NAMES = _names(STATUS_LABELS), _names(FOCUS_LABELS)


def _choice(value: str, codes: tuple[str, ...], names: dict[str, str]) -> str | None:
    """A status or focus by its code or its label in either language (`names`: `_names` of its labels)."""
    folded = value.strip().casefold()
    found = names.get(folded)
    return found if found is not None else (None if folded else codes[0])


def _whole(value: str, allowed: range) -> int | None:
    """A cell's whole number within `allowed` (a str method, not a regex: this runs for every row)."""
    if not value:
        return 0
    if len(value) <= 6 and value.isascii() and value.isdigit() and int(value) in allowed:
        return int(value)
    return None


def _csv_idea(path: Path, line: int, row: int, cells: dict[str, str]) -> Record:
    """One row of a CSV file, checked: its cells by field (all of them unquoted, mapped fields only)."""

    def bad(name: Field, message: str) -> ImportError_:
        return ImportError_(path, message, line=line, row=row, field=name)

    values: dict[str, Any] = {name: cells.get(name, "") for name in TEXTS}
    if not values["title"].strip():
        if not values["text"].strip():
            raise bad(None, Message(tr("no title and no text")))
        values["title"] = title_from(values["text"])  # a spreadsheet of texts only
    check_texts(values, bad)
    for name in CARD_COLUMNS:
        values[name] = _csv_card(name, cells.get(name, ""), bad)
    for name in ("score", "dots"):
        values[name] = _csv_number(name, cells.get(name, ""), bad)
    values["status"] = _csv_status(cells.get("status", ""), bad)
    values["focus"] = _csv_focus(cells.get("focus", ""), bad)
    values["checks_json"] = "{}"
    values["promise_due"] = _csv_due(cells.get("promise_due", ""), bad)
    for name in ("created_at", "updated_at"):
        values[name] = _csv_time(name, cells.get(name, ""), bad) or import_checks.now()
    notes = _csv_notes(cells.get("notes", ""), bad, lambda: import_checks.now().date())
    return Record(values, clean_tags(cells.get("tags", "").split(","), bad), notes)


def _csv_card(name: str, cell: str, bad: Bad) -> str | None:
    card = cell.strip() or None
    if card and len(card) > limits.CARD_ID_CHARS:
        raise bad(name, Message(tr("{0} characters; at most {1} are kept"), len(card), limits.CARD_ID_CHARS))
    return card


def _csv_number(name: str, cell: str, bad: Bad) -> int:
    allowed = SCORES if name == "score" else DOTS
    value = cell.strip()
    number = _whole(value, allowed)
    if number is None:
        raise bad(name, Message(tr("{0} is not a whole number from 0 to {1}"), shown(value), allowed[-1]))
    return number


def _csv_status(cell: str, bad: Bad) -> str:
    status = _choice(cell, STATUSES, _STATUS_NAMES)
    if status is None:
        raise bad("status", Message(tr("{0} is not one of {1}"), shown(cell), ", ".join(STATUSES)))
    return status


def _csv_focus(cell: str, bad: Bad) -> str:
    focus = _choice(cell, ("", *FOCUSES), _FOCUS_NAMES)
    if focus is None:
        raise bad("focus", Message(tr("{0} is not one of {1} or empty"), shown(cell), ", ".join(FOCUSES)))
    return focus


def _csv_due(cell: str, bad: Bad) -> date | None:
    due = cell.strip()
    if not due:
        return None
    day = parse_date(due)
    if day is None:
        raise bad("promise_due", Message(tr("{0} is not a date"), shown(due)))
    if not date_in_range(day):
        raise bad("promise_due", Message(tr("{0} is not between {1} and {2}"), shown(due), YEARS[0], YEARS[-1]))
    return day


def _csv_time(name: str, cell: str, bad: Bad) -> datetime | None:
    """The moment a cell holds, in UTC; None for an empty cell (the caller's now)."""
    stamp = cell.strip()
    if not stamp:
        return None
    moment = parse_time(stamp)
    if moment is None:
        if parse_date(stamp.split(" ")[0].split("T")[0]):  # a day beyond what a time zone can take
            raise bad(name, Message(tr("{0} is not between {1} and {2}"), shown(stamp), YEARS[0], YEARS[-1]))
        raise bad(name, Message(tr("{0} is not a date"), shown(stamp)))
    if not (YEARS[0] < moment.year < YEARS[-1] or fits_every_zone(moment)):
        raise bad(name, Message(tr("{0} is not between {1} and {2}"), shown(stamp), YEARS[0], YEARS[-1]))
    return moment


_note_day = lru_cache(maxsize=4096)(parse_date)  # (the days of a library's notes repeat)


def _csv_notes(cell: str, bad: Bad, today: Callable[[], date]) -> list[tuple[date, str]]:
    notes: list[tuple[date, str]] = []
    written = cell.replace("\r\n", "\n").strip()
    for text_line in written.split("\n") if written else []:
        if m := _NOTE.fullmatch(text_line):  # "2026-12-01: what happened", as the export writes notes
            on = _note_day(m[1])
            if on is None:
                raise bad("notes", Message(tr("{0} is not a date"), shown(m[1])))
            if not date_in_range(on):
                raise bad("notes", Message(tr("{0} is not between {1} and {2}"), shown(m[1]), YEARS[0], YEARS[-1]))
            notes.append((on, m[2]))
        elif notes:  # a note of several lines
            notes[-1] = (notes[-1][0], f"{notes[-1][1]}\n{text_line}")
        else:  # another program's comments: a note of the day they came in
            notes.append((today(), text_line))
    for on, note in notes:
        if len(note) > limits.NOTE_CHARS:
            message = Message(tr("a note of {0} has {1} characters; at most {2} are kept"), on.isoformat(),
                              len(note), limits.NOTE_CHARS)  # fmt: skip
            raise bad("notes", message)
    return notes


def _csv_quick(keys: list[str], rows: list[tuple[str, ...]], now: datetime) -> Batch | None:
    """A batch of a CSV file's rows (`_csv_rows`) checked column by column, each different cell of a column made
    once (a spreadsheet's statuses, cards, days and tags repeat), or None when one of them needs a closer look
    (`_csv_idea` then checks them one by one and says what is wrong). What it returns is exactly what `_csv_idea`
    makes of the same rows (tests/io/test_import_quick.py)."""
    count = len(rows)
    cells = dict(zip(keys, map(list, zip(*rows, strict=True)), strict=True))
    for key, cell_column in cells.items():  # (no cell holds \x00: a file with one is refused)
        if "\x00'" in "\x00" + "\x00".join(cell_column):  # a cell starting with an apostrophe: one join, no loop
            cells[key] = list(map(_unquote, cell_column))
    empty = [""] * count

    def column(name: str) -> list[str]:
        return cells.get(name, empty)

    values: dict[str, list[Any]] = {name: column(name) for name in TEXTS}
    if any(max(map(len, values[name])) > limit for name, limit in TEXT_LIMITS):
        return None
    today = now.date()
    try:
        untitled(values)
        for name in CARD_COLUMNS:
            values[name] = (
                [None] * count if name not in cells else memo(column(name), partial(_csv_card, name, bad=decline))
            )
        for name in ("score", "dots"):
            values[name] = memo(column(name), partial(_csv_number, name, bad=decline))
        values["status"] = memo(column("status"), partial(_csv_status, bad=decline))
        values["focus"] = memo(column("focus"), partial(_csv_focus, bad=decline))
        values["checks_json"] = ["{}"] * count
        values["promise_due"] = memo(column("promise_due"), partial(_csv_due, bad=decline))
        made: dict[str, datetime] = {}
        for name in ("created_at", "updated_at"):
            for stamp in set(column(name)).difference(made):
                made[stamp] = _csv_time(name, stamp, decline) or now
            values[name] = list(map(made.__getitem__, column(name)))
        notes = [_csv_notes(cell, decline, lambda: today) if cell else [] for cell in column("notes")]
        tags = memo(column("tags"), lambda cell: clean_tags(cell.split(","), decline))
    except Declined:
        return None
    return Batch(values, tags, notes)


def insert(engine: Engine, path: Path, mapping: dict[str, str] | None, stemming: Stemming | None) -> ImportResult:
    """Every new idea of the file into the library (`importer.import_csv`)."""
    result = ImportResult()
    text, result.encoding = _csv_text(path)
    # each batch checked while the one before is written: a wrong idea rolls everything back
    return insert_checked(engine, _csv_batches(path, text, mapping, result.errors), result, True, stemming)
