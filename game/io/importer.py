"""Ideas into the library from JSON (ours, lossless) and CSV (ours or any spreadsheet's, with its columns mapped).

A file is read and checked whole before anything is written, then every new idea goes in in one transaction: a
broken file changes nothing, and `ImportError_` says what is wrong and where (file, line or idea, field).
An idea already in the library (the same title and text, whatever the case and spacing) is skipped, not doubled.
"""

import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import Column, MetaData, Table, func, insert
from sqlalchemy import select as sa_select
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from game.domain.ideas import FOCUSES, STATUSES
from game.io.tabular import (
    COLUMNS,
    FOCUS_LABELS,
    FORMULA_START,
    JSON_FORMAT,
    JSON_VERSION,
    MONTHS,
    STATUS_LABELS,
    gc_paused,
)
from game.store.ideas import CARD_COLUMNS, normal_tag
from game.store.models import Idea, IdeaNote
from game.store.textsearch import index_text

MAX_BYTES = 200 * 1024 * 1024
TEXTS = ("title", "text", "promise_who", "promise_first_step", "promise_success_sign", "team", "player")
IGNORED = ("id", "session_id")  # another library's numbers: the ideas get new ones, sessions are not exported
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
_MONTH_NAMES = (
    MONTHS["ru"], MONTHS["en"],
    ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь",
     "декабрь"),
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    ("янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"),
)  # fmt: skip
_MONTH_NUMBERS = {name.casefold(): n for names in _MONTH_NAMES for n, name in enumerate(names, start=1)} | {"sept": 9}
_ISO_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[ T]00:00(?::00)?)?")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_DAY_MONTH = re.compile(r"(\d{1,2})\s+([^\W\d_]+)\.?,?\s+(\d{4})(?:\s*г\.?)?")
_MONTH_DAY = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})")
_AT_TIME = re.compile(r"(.+?),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?")
_NOTE = re.compile(r"(\d{4}-\d{2}-\d{2}): ?(.*)")


class ImportError_(Exception):  # not ImportError: that one is Python's, about modules
    """A file that cannot be imported: where (file, line or idea, field) and what is wrong. Nothing was written."""

    def __init__(self, path: Path | str, message: str, line: int | None = None, row: int | None = None,
                 field: str | None = None):  # fmt: skip
        self.path, self.message, self.line, self.row, self.field = Path(path), message, line, row, field
        where = f"{path}:{line}" if line is not None else f"{path}: idea {row}" if row is not None else f"{path}"
        super().__init__(f"{where}: " + (f"field '{field}': " if field else "") + message)


@dataclass
class ImportResult:
    added: int = 0
    skipped_duplicates: int = 0
    errors: list[str] = field(default_factory=list)  # what was left out without stopping the import


@dataclass
class _Record:
    """One idea, checked: the idea table's values (but tags and search text), its tags and its notes."""

    values: dict[str, Any]
    tags: list[str]
    notes: list[tuple[date, str]]


def fingerprint(title: str, text: str) -> tuple[str, str]:
    """What makes two ideas the same: their title and text, case-folded, all spacing as one space."""
    return " ".join(title.casefold().split()), " ".join(text.casefold().split())


def _shown(value: Any) -> str:
    shown = repr(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 60 else shown[:59] + "…"


# --- reading a file ------------------------------------------------------------------------------------------


def _read_text(path: Path) -> str:
    """The file as text: UTF-8 (with or without a BOM), at most MAX_BYTES."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportError_(path, f"the file is {size / 2**20:.0f} MB; files over 200 MB are not imported")
        data = path.read_bytes()
    except OSError as e:
        raise ImportError_(path, f"cannot read the file ({e.strerror or e})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:  # e.object is what follows a BOM
        at, line = len(data) - len(e.object) + e.start + 1, e.object.count(b"\n", 0, e.start) + 1
        raise ImportError_(
            path, f"byte {at} (0x{e.object[e.start]:02x}) is not UTF-8 text: save the file as UTF-8", line=line
        ) from None


def parse_date(text: str) -> date | None:
    """A date as people write it: 2026-12-01, 1.12.2026, 1 декабря 2026, 1 December 2026, December 1, 2026."""
    text = " ".join(text.split())
    try:
        if m := _ISO_DAY.fullmatch(text):
            return date.fromisoformat(m[1])
        if m := _DOTTED.fullmatch(text):
            return date(int(m[3]), int(m[2]), int(m[1]))
        if (m := _DAY_MONTH.fullmatch(text)) and m[2].casefold() in _MONTH_NUMBERS:
            return date(int(m[3]), _MONTH_NUMBERS[m[2].casefold()], int(m[1]))
        if (m := _MONTH_DAY.fullmatch(text)) and m[1].casefold() in _MONTH_NUMBERS:
            return date(int(m[3]), _MONTH_NUMBERS[m[1].casefold()], int(m[2]))
    except ValueError:  # 31.02.2026
        return None
    return None


def parse_time(text: str) -> datetime | None:
    """A moment as the CSV export writes it ("1 December 2026, 14:05", the user's time) or ISO, in UTC."""
    text = " ".join(text.split())
    try:
        stamp = datetime.fromisoformat(text)
    except ValueError:
        m = _AT_TIME.fullmatch(text)
        day = parse_date(m[1] if m else text)
        if day is None:
            return None
        clock = (int(m[2]), int(m[3]), int(m[4] or 0)) if m else (0, 0, 0)
        try:
            stamp = datetime(day.year, day.month, day.day, *clock)
        except ValueError:  # 25:00
            return None
    return (stamp if stamp.tzinfo else stamp.astimezone()).astimezone(UTC)  # a time without a zone is the user's


def _now() -> datetime:
    return datetime.now(UTC)


def _search_text(record: "_Record") -> str:
    values = record.values
    return index_text(
        values["title"], values["text"], values["promise_who"], values["promise_first_step"],
        values["promise_success_sign"], " ".join(record.tags), values["team"], values["player"],
        *(text for _on, text in record.notes),
    )  # fmt: skip


_normal_tag = lru_cache(maxsize=4096)(normal_tag)  # a library has few tags, each on many ideas


def _clean_tags(tags: list[str]) -> list[str]:
    return [tag for tag in dict.fromkeys(map(_normal_tag, tags)) if tag]


# --- JSON ----------------------------------------------------------------------------------------------------


def _json_ideas(path: Path, text: str, errors: list[str]) -> list[_Record]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as e:
        raise ImportError_(path, f"not valid JSON: {e.msg} (column {e.colno})", line=e.lineno) from None
    if isinstance(document, list):  # what `technomagic search --json` prints
        items = document
    elif isinstance(document, dict):
        if document.get("format") != JSON_FORMAT:
            raise ImportError_(path, f'not an ideas file: it needs "format": "{JSON_FORMAT}"')
        version = document.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= JSON_VERSION:
            raise ImportError_(path, f"version {_shown(version)} is not one this game reads ({JSON_VERSION})")
        items = document.get("ideas")
        if not isinstance(items, list):
            raise ImportError_(path, '"ideas" is not a list')
    else:
        raise ImportError_(path, "not an ideas file: neither an object nor a list")
    unknown: set[str] = set()
    records = [_json_idea(path, number, item, unknown) for number, item in enumerate(items, start=1)]
    errors.extend(f"{path}: field '{name}' is not an idea field; left out" for name in sorted(unknown))
    return records


_JSON_KNOWN = frozenset({*TEXTS, *CARD_COLUMNS, *IGNORED, "focus", "status", "score", "dots", "checks",
                         "promise_due", "tags", "created_at", "updated_at", "notes"})  # fmt: skip
_FOCUS_CODES = frozenset(("", *FOCUSES))
_TEXT_TYPES, _CARD_TYPES = {str}, frozenset((str, type(None)))
_INT64 = range(-(2**63), 2**63)


def _json_idea(path: Path, number: int, item: Any, unknown: set[str]) -> _Record:
    """One idea of a JSON file, checked field by field (written for speed: 100 000 of them in seconds)."""

    def bad(name: str | None, message: str) -> ImportError_:
        return ImportError_(path, message, row=number, field=name)

    def first_wrong(found: dict[str, Any], fits: Callable[[Any], bool], what: str) -> ImportError_:
        name = next(name for name, value in found.items() if not fits(value))
        return bad(name, f"{_shown(found[name])} is not {what}")

    if type(item) is not dict:
        raise bad(None, f"{_shown(item)} is not an object")
    if not _JSON_KNOWN.issuperset(item):
        unknown.update(set(item) - _JSON_KNOWN)
    get = item.get
    values: dict[str, Any] = {name: get(name, "") for name in TEXTS}
    if set(map(type, values.values())) != _TEXT_TYPES:  # the types at once: the fields one by one only to say which
        raise first_wrong(values, lambda v: type(v) is str, "text")
    if not values["title"].strip() and not values["text"].strip():
        raise bad(None, "no title and no text")
    cards = {name: get(name) for name in CARD_COLUMNS}
    if not _CARD_TYPES.issuperset(map(type, cards.values())):
        raise first_wrong(cards, lambda v: v is None or type(v) is str, "a card id")
    values.update(cards)
    score, dots = values["score"], values["dots"] = get("score", 0), get("dots", 0)
    if not (type(score) is type(dots) is int and score in _INT64 and dots in _INT64):
        numbers = {"score": score, "dots": dots}
        raise first_wrong(numbers, lambda v: type(v) is int and v in _INT64, "a whole number the library can hold")
    values["status"] = status = get("status", "new")
    if status not in STATUSES:
        raise bad("status", f"{_shown(status)} is not one of {', '.join(STATUSES)}")
    values["focus"] = focus = get("focus", "")
    if type(focus) is not str or focus not in _FOCUS_CODES:
        raise bad("focus", f"{_shown(focus)} is not one of {', '.join(FOCUSES)} or empty")
    checks = get("checks", {})
    if type(checks) is not dict:
        raise bad("checks", f"{_shown(checks)} is not an object")
    values["checks_json"] = json.dumps(checks, ensure_ascii=False) if checks else "{}"
    due = get("promise_due")
    values["promise_due"] = None if due is None else _json_date(due, lambda m: bad("promise_due", m))
    for name in ("created_at", "updated_at"):
        stamp = get(name)
        values[name] = _now() if stamp is None else _json_time(stamp, lambda m, n=name: bad(n, m))
    tags = get("tags", [])
    if type(tags) is not list or not all(type(t) is str for t in tags):
        raise bad("tags", f"{_shown(tags)} is not a list of texts")
    notes = get("notes", [])
    if type(notes) is not list:
        raise bad("notes", f"{_shown(notes)} is not a list")
    checked = []
    for index, note in enumerate(notes, start=1):
        if type(note) is not dict or type(note.get("text")) is not str:
            raise bad(f"notes[{index}]", f'{_shown(note)} is not {{"on": date, "text": text}}')
        on = _json_date(note.get("on"), lambda m, i=index: bad(f"notes[{i}].on", m))
        checked.append((on, note["text"]))
    return _Record(values, _clean_tags(tags) if tags else [], checked)


def _json_date(value: Any, bad: Callable[[str], ImportError_]) -> date:
    try:
        if isinstance(value, str) and len(value) == 10:
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise bad(f"{_shown(value)} is not a date (YYYY-MM-DD)")


def _json_time(value: Any, bad: Callable[[str], ImportError_]) -> datetime:
    try:
        if isinstance(value, str):
            stamp = datetime.fromisoformat(value)
            if stamp.tzinfo is UTC:
                return stamp
            return stamp.astimezone(UTC) if stamp.tzinfo else stamp.replace(tzinfo=UTC)  # stored in UTC
    except ValueError:
        pass
    raise bad(f"{_shown(value)} is not a date and time (ISO 8601)")


# --- CSV -----------------------------------------------------------------------------------------------------


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
    """A cell as it was before our CSV export put an apostrophe in front of formula-looking text."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] and cell[1] in FORMULA_START else cell


def _delimiter(text: str) -> str:
    """Spreadsheets in many locales (Russian among them) write ';' between cells: counted in the first line."""
    first = re.sub(r'"[^"]*"', "", text.split("\n", 1)[0])
    return max((",", ";", "\t"), key=first.count)


def _reader(text: str):
    """Strict: a quote never closed, or text after a closing quote, is an error rather than a guess."""
    return csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)


def csv_preview(path: Path, rows: int = 5) -> tuple[list[str], list[list[str]], dict[str, str]]:
    """The header, the first `rows` rows (as they would be imported) and the suggested mapping, for the UI."""
    path = Path(path)
    reader = _reader(_read_text(path))
    try:
        headers = [name.strip() for name in next(reader, [])]
        first = [[_unquote(cell) for cell in row] for _, row in zip(range(rows), reader, strict=False)]
    except csv.Error as e:
        raise ImportError_(path, f"not valid CSV: {e}", line=reader.line_num) from None
    return headers, first, suggest_mapping(headers)


def _columns(path: Path, headers: list[str], mapping: dict[str, str]) -> dict[int, str]:
    """Column index → field, checked: every mapped column exists, no field twice, title or text among them."""
    by_field: dict[str, str] = {}
    columns: dict[int, str] = {}
    for name, key in mapping.items():
        if not key:
            continue
        if key not in COLUMNS:
            raise ImportError_(path, f"column '{name}' is mapped to '{key}', which is not a field", line=1)
        if key in by_field:
            raise ImportError_(path, f"columns '{by_field[key]}' and '{name}' are both mapped to '{key}'", line=1)
        if name not in headers:
            raise ImportError_(path, f"there is no column '{name}'", line=1)
        by_field[key] = name
        if key not in IGNORED:
            columns[headers.index(name)] = key
    if "title" not in columns.values() and "text" not in columns.values():
        raise ImportError_(path, "no column is mapped to the title or the text", line=1)
    return columns


def _csv_ideas(path: Path, text: str, mapping: dict[str, str] | None, errors: list[str]) -> list[_Record]:
    reader = _reader(text)
    records = []
    line = 1  # where the row being read starts
    try:
        headers = [name.strip() for name in next(reader, [])]
        mapping = suggest_mapping(headers) if mapping is None else mapping
        columns = _columns(path, headers, mapping)
        errors.extend(f"{path}: column '{name}' is not imported" for name in headers if name and not mapping.get(name))
        line = reader.line_num + 1
        for row_number, row in enumerate(reader, start=1):
            if any(cell.strip() for cell in row):
                cells = {key: _unquote(row[i]) if i < len(row) else "" for i, key in columns.items()}
                records.append(_csv_idea(path, line, row_number, cells))
            line = reader.line_num + 1
    except csv.Error as e:
        raise ImportError_(path, f"not valid CSV: {e}", line=line) from None
    return records


def _choice(value: str, codes: tuple[str, ...], labels: dict[str, dict[str, str]]) -> str | None:
    """A status or focus by its code or its label in either language."""
    folded = value.strip().casefold()
    for lang_labels in labels.values():
        for code, label in lang_labels.items():
            if folded in (code, label.casefold()):
                return code
    return None if folded else codes[0]


def _csv_idea(path: Path, line: int, row: int, cells: dict[str, str]) -> _Record:
    def bad(name: str | None, message: str) -> ImportError_:
        return ImportError_(path, message, line=line, row=row, field=name)

    values: dict[str, Any] = {name: cells.get(name, "") for name in TEXTS}
    if not values["title"].strip():
        if not values["text"].strip():
            raise bad(None, "no title and no text")
        values["title"] = values["text"].strip().split("\n", 1)[0][:80]  # a spreadsheet of texts only
    for name in CARD_COLUMNS:
        values[name] = cells.get(name, "").strip() or None
    for name in ("score", "dots"):
        value = cells.get(name, "").strip()
        if not re.fullmatch(r"-?\d{1,9}|", value):
            raise bad(name, f"{_shown(value)} is not a whole number")
        values[name] = int(value or 0)
    values["status"] = _choice(cells.get("status", ""), STATUSES, STATUS_LABELS)
    if values["status"] is None:
        raise bad("status", f"{_shown(cells['status'])} is not one of {', '.join(STATUSES)}")
    values["focus"] = _choice(cells.get("focus", ""), ("", *FOCUSES), FOCUS_LABELS)
    if values["focus"] is None:
        raise bad("focus", f"{_shown(cells['focus'])} is not one of {', '.join(FOCUSES)} or empty")
    values["checks_json"] = "{}"
    due = cells.get("promise_due", "").strip()
    values["promise_due"] = parse_date(due) if due else None
    if due and values["promise_due"] is None:
        raise bad("promise_due", f"{_shown(due)} is not a date")
    for name in ("created_at", "updated_at"):
        stamp = cells.get(name, "").strip()
        values[name] = parse_time(stamp) if stamp else _now()
        if values[name] is None:
            raise bad(name, f"{_shown(stamp)} is not a date")
    notes: list[tuple[date, str]] = []
    written = cells.get("notes", "").replace("\r\n", "\n").strip()
    for text_line in written.split("\n") if written else []:
        if m := _NOTE.fullmatch(text_line):  # "2026-12-01: what happened", as the export writes notes
            on = parse_date(m[1])
            if on is None:
                raise bad("notes", f"{_shown(m[1])} is not a date")
            notes.append((on, m[2]))
        elif notes:  # a note of several lines
            notes[-1] = (notes[-1][0], f"{notes[-1][1]}\n{text_line}")
        else:  # another program's comments: a note of the day they came in
            notes.append((_now().date(), text_line))
    return _Record(values, _clean_tags(cells.get("tags", "").split(",")), notes)


# --- into the library ----------------------------------------------------------------------------------------


def _insert(engine: Engine, records: list[_Record], result: ImportResult) -> ImportResult:
    """Every record that is not in the library yet, in one transaction (all of them or, on any failure, none)."""
    ideas_table, notes_table = Idea.__table__, IdeaNote.__table__
    with Session(engine) as session:
        seen = {fingerprint(title, text) for title, text in session.exec(select(Idea.title, Idea.text))}
        fresh = []
        for record in records:
            key = fingerprint(record.values["title"], record.values["text"])
            if key in seen:
                result.skipped_duplicates += 1
            else:
                seen.add(key)
                fresh.append(record)
        rows = []
        for record in fresh:
            tags = record.tags
            rows.append(record.values | {"tags": "," + ",".join(tags) + "," if tags else "", "session_id": None,
                                         "search_text": _search_text(record), "version": 1})  # fmt: skip
        connection, ids = session.connection(), []
        if rows and engine.dialect.name == "sqlite":
            ids = _insert_sqlite(session, rows)
        elif rows:
            statement = insert(ideas_table).returning(ideas_table.c.id, sort_by_parameter_order=True)
            ids = list(connection.execute(statement, rows).scalars())
        now = _now()
        notes = [
            {"idea_id": idea_id, "on": on, "text": text, "created_at": now}
            for idea_id, record in zip(ids, fresh, strict=True)
            for on, text in record.notes
        ]
        if notes:
            connection.execute(insert(notes_table), notes)
        session.commit()
    result.added = len(fresh)
    return result


def _stored_time(value: datetime) -> str:
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _bind_processor(column_type: Any, dialect: Any) -> Callable[[Any], Any] | None:
    """How the column type stores a value: SQLAlchemy's own conversion, or the same in C for dates and times.

    The quicker one is used only where it gives the very same text for moments with and without microseconds.
    """
    process = column_type.dialect_impl(dialect).bind_processor(dialect)
    kind = getattr(column_type, "impl_instance", column_type).python_type  # what a TypeDecorator stores
    quick = {datetime: _stored_time, date: date.isoformat}.get(kind) if process else None
    samples = {
        datetime: [datetime(987, 6, 5, 4, 3, 2, tzinfo=UTC), datetime(2026, 12, 1, 21, 5, 0, 7, tzinfo=UTC)],
        date: [date(987, 6, 5), date(2026, 12, 1)],
    }.get(kind, [])
    if quick and all(quick(sample) == process(sample) for sample in samples):
        return quick
    return process


def _insert_sqlite(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    """Insert the rows through a temporary table: one INSERT … SELECT lets the full-text index take them in one go.

    Row by row, the index's trigger flushes its pending terms after every statement (ten times slower). SQLite
    numbers a new row max(id) + 1 itself; saying so here gives the notes their ideas' ids, and inside this
    transaction no one else can take those numbers (a writer committing in between makes it fail whole).
    """
    ideas_table = Idea.__table__
    connection = session.connection()
    first = (session.exec(select(func.max(Idea.id))).one() or 0) + 1
    ids = list(range(first, first + len(rows)))
    columns = [Column(c.name, c.type, primary_key=c.primary_key) for c in ideas_table.c]
    staging = Table("idea_import", MetaData(), *columns, prefixes=["TEMPORARY"])
    staging.create(connection)
    try:
        # the driver's executemany after the column types' own conversions: SQLAlchemy's work for each row
        # would be a third of the import
        names = [c.name for c in staging.c]
        convert = [(c.name, p) for c in staging.c if (p := _bind_processor(c.type, connection.dialect))]
        cells = itemgetter(*names)

        def values(row: dict[str, Any], idea_id: int) -> tuple:
            row["id"] = idea_id
            for name, process in convert:
                if row[name] is not None:
                    row[name] = process(row[name])
            return cells(row)

        sql = f"INSERT INTO {staging.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        connection.connection.driver_connection.executemany(sql, map(values, rows, ids))
        connection.execute(insert(ideas_table).from_select(names, sa_select(*staging.c).order_by(staging.c.id)))
    finally:
        staging.drop(connection)
    return ids


def import_json(engine: Engine, path: Path) -> ImportResult:
    """Ideas from our JSON export (or `technomagic search --json`), every field as it was except ids and sessions."""
    path = Path(path)
    result = ImportResult()
    with gc_paused():
        records = _json_ideas(path, _read_text(path), result.errors)
        return _insert(engine, records, result)


def import_csv(engine: Engine, path: Path, mapping: dict[str, str] | None = None) -> ImportResult:
    """Ideas from a CSV file; `mapping` is column → field ("" leaves a column out), None takes `suggest_mapping`."""
    path = Path(path)
    result = ImportResult()
    with gc_paused():
        records = _csv_ideas(path, _read_text(path), mapping, result.errors)
        return _insert(engine, records, result)
