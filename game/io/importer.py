"""Ideas into the library from JSON (ours, lossless) and CSV (ours or any spreadsheet's, with its columns mapped).

A file is read whole; its ideas are parsed (our own JSON export a batch at a time, other files at once) and
checked a batch at a time, column by column, while the batch before is written (`game.io.intake`), every new idea
in one transaction: a broken file changes nothing (the transaction is rolled back, the backup taken for it
deleted), and `ImportError_` says what is wrong and where (file, line or idea, field): the checks of one idea at a
time say it, run when the quick ones decline a batch. An idea already in the library (the same title and text,
whatever the case and spacing) is skipped, not doubled.
"""

import codecs
import csv
import io
import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache, partial
from itertools import chain
from operator import itemgetter, methodcaller
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeAlias

from sqlalchemy.engine import Engine

from game.domain import limits
from game.domain.ideas import FOCUSES, STATUSES
from game.io.intake import TEXTS, Batch, ImportError_, ImportResult, insert_checked
from game.io.messages import Message, shown_path, tr
from game.io.tabular import (
    CARD_TITLES,
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
from game.store.stemworker import Stemming

if TYPE_CHECKING:
    from _csv import Reader as CsvReader

__all__ = [
    "ImportError_",
    "ImportResult",
    "csv_preview",
    "import_csv",
    "import_json",
    "parse_date",
    "parse_time",
    "suggest_mapping",
]  # fmt: skip

MAX_BYTES = 200 * 1024 * 1024
#: Another library's numbers (the ideas get new ones, sessions are not exported) and the card titles our CSV
#: shows beside the ids (the ids are what is kept).
IGNORED = ("id", "session_id", *CARD_TITLES)
#: The fields a CSV column can fill (what the column-mapping preview offers).
CSV_FIELDS = [name for name in COLUMNS if name not in IGNORED]
#: The longest text each field may hold (`game.domain.limits`, the one table the screens use too).
TEXT_LIMITS = (
    ("title", limits.TITLE_CHARS), ("text", limits.IDEA_CHARS), ("promise_who", limits.PROMISE_CHARS),
    ("promise_first_step", limits.PROMISE_CHARS), ("promise_success_sign", limits.PROMISE_CHARS),
    ("team", limits.NAMES_CHARS), ("player", limits.NAME_CHARS),
)  # fmt: skip
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
#: What no idea may hold: control characters but tab and line breaks, and lone surrogates (not text at all).
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_YEARS = range(limits.FIRST_YEAR, limits.LAST_YEAR + 1)
_CHUNK = 5000  # ideas checked, made into rows and written at a time
#: What a CSV file may be saved in besides UTF-8 with or without a BOM (which are tried first, without guessing):
#: what Excel and LibreOffice write for Russian and Western European users.
CSV_ENCODINGS = ["cp1251", "cp1252", "koi8_r", "cp866", "mac_cyrillic", "iso8859_5", "utf_16_le", "utf_16_be"]


#: (the nested functions that run for every idea name their types here: spelled out in their annotations, they
#: would be made again at every call, a tenth of the JSON check's time)
_Field: TypeAlias = str | None
_Values: TypeAlias = dict[str, Any]
_Fits: TypeAlias = Callable[[Any], bool]


class _Record(NamedTuple):
    """One idea, checked one by one: the idea table's values (`intake.FIELDS`), its tags and its notes."""

    values: dict[str, Any]
    tags: list[str]
    notes: list[tuple[date, str]]


def _shown(value: Any) -> str:
    """A value as the message quotes it: on one line, escaped, at most 60 characters (never a whole file)."""
    if isinstance(value, str):
        shown = repr(value[:61])
    elif type(value) is int and not -(10**20) < value < 10**20:
        shown = f"a number of {len(str(abs(value)))} digits"
    else:
        try:
            shown = json.dumps(value, ensure_ascii=True)
        except (ValueError, RecursionError):
            shown = type(value).__name__
    return shown if len(shown) <= 60 else shown[:59] + "…"


def title_from(text: str) -> str:
    """The title of an idea that has only a text: its first line, as the round makes it (CSV and JSON alike)."""
    first = text.strip().split("\n", 1)[0].strip()
    return first if len(first) <= limits.TITLE_CHARS else first[: limits.TITLE_CHARS - 1].rstrip() + "…"


def _unsafe_at(text: str) -> int | None:
    found = _UNSAFE.search(text)
    return found.start() if found else None


def _character(char: str) -> str:
    return f"U+{ord(char):04X}"


def _check_texts(values: dict[str, Any], bad: Callable[[str | None, Message], "ImportError_"]) -> None:
    """The idea's texts within their lengths (small, fast: len() of seven strings)."""
    for name, limit in TEXT_LIMITS:
        if len(values[name]) > limit:
            raise bad(name, Message(tr("{0} characters; at most {1} are kept"), len(values[name]), limit))


def _check_unsafe(texts: dict[str, str], bad: Callable[[str | None, Message], "ImportError_"]) -> None:
    for name, value in texts.items():
        if value and (at := _unsafe_at(value)) is not None:
            message = tr("character {0} at position {1} is not allowed (only tab and line breaks are)")
            raise bad(name, Message(message, _character(value[at]), at + 1))


# --- reading a file ------------------------------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    """The file's bytes: a regular file only (a pipe, a device or a folder is refused before it is read, so
    nothing hangs), at most MAX_BYTES, counted while reading (a file may not be what `stat` said)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except (OSError, ValueError) as e:
        raise ImportError_(path, Message(tr("cannot read the file ({0})"), getattr(e, "strerror", None) or e)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ImportError_(path, Message(tr("not a regular file (a folder, a device or a pipe); nothing was read")))
        chunks, total = [], 0
        want = min(info.st_size, MAX_BYTES) + 1
        while chunk := os.read(fd, want):
            total += len(chunk)
            if total > MAX_BYTES:
                raise ImportError_(path, Message(tr("the file is larger than {0} MB; it is not imported"),
                                                 f"{MAX_BYTES / 2**20:g}"))  # fmt: skip
            chunks.append(chunk)
            want = MAX_BYTES + 1 - total
    except OSError as e:
        raise ImportError_(path, Message(tr("cannot read the file ({0})"), e.strerror or e)) from None
    finally:
        os.close(fd)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig", "UTF-8"), (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
         (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"), (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
         (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"))  # fmt: skip
_ENCODING_NAMES = {"cp1251": "Windows-1251", "cp1252": "Windows-1252", "koi8_r": "KOI8-R", "cp866": "CP866",
                   "mac_cyrillic": "Mac Cyrillic", "iso8859_5": "ISO 8859-5", "utf_16_le": "UTF-16 LE",
                   "utf_16_be": "UTF-16 BE"}  # fmt: skip


def _decode(path: Path, data: bytes, guess: bool) -> tuple[str, str]:
    """The file as text and the name of its encoding: UTF-8/16/32 by their BOM, else UTF-8, else (`guess`, for
    CSV) what charset-normalizer finds among CSV_ENCODINGS."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), name
            except UnicodeDecodeError as e:
                if codec != "utf-8-sig":
                    raise ImportError_(path, Message(tr("byte {0} is not {1} text"), e.start + 1, name)) from None
                failure, guess = e, False  # the file says it is UTF-8
                break
    else:
        try:
            return data.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError as e:
            failure = e
    if guess:
        from charset_normalizer import from_bytes

        best = from_bytes(data, cp_isolation=CSV_ENCODINGS, preemptive_behaviour=False).best()
        if best is not None and best.encoding in _ENCODING_NAMES:
            try:
                return data.decode(best.encoding), _ENCODING_NAMES[best.encoding]
            except UnicodeDecodeError:
                pass
    at = len(data) - len(failure.object) + failure.start  # failure.object is what follows a BOM
    if path.suffix.lower() == ".json" or data.startswith(codecs.BOM_UTF8):
        message = tr("byte {0} (0x{1}) is not UTF-8 text: save the file as UTF-8")
    else:
        message = tr("byte {0} (0x{1}) is not UTF-8, Windows-1251 or UTF-16 text: save the file as UTF-8")
    line = data.count(b"\n", 0, at) + 1
    raise ImportError_(path, Message(message, at + 1, f"{data[at]:02x}"), line=line) from None


def _refuse_controls(path: Path, text: str) -> None:
    """A control character anywhere (but tab and line breaks) is refused with its line and column."""
    if (at := _unsafe_at(text)) is not None:
        line = text.count("\n", 0, at) + 1
        column = at - text.rfind("\n", 0, at)
        message = tr("column {0}: character {1} is not allowed (only tab and line breaks are)")
        raise ImportError_(path, Message(message, column, _character(text[at])), line=line)


#: Bytes of UTF-8 text that are control characters (but tab and line breaks) → 1, all others → 0; and the C1 ones.
_CONTROL_BYTES = bytes(int((b < 0x20 and b not in (9, 10, 13)) or b == 0x7F) for b in range(256))
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")


def _read_text(path: Path, guess: bool = False) -> tuple[str, str]:
    """The file as text (see `_decode`), refused if it holds a control character (with where)."""
    data = _read_bytes(path)
    text, encoding = _decode(path, data, guess)
    if encoding != "UTF-8" or b"\x01" in data.translate(_CONTROL_BYTES) or _C1_UTF8.search(data):
        _refuse_controls(path, text)  # UTF-8 is looked at as bytes first: four times quicker than as text
    return text, encoding


def _date_in_range(day: date) -> bool:
    return day.year in _YEARS


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
    """A moment as the CSV export writes it ("2026-12-01 14:05", the user's time), as older exports and people
    write it ("1 December 2026, 14:05") or ISO with a zone, in UTC; None if it is none, or not a time on Earth."""
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
    try:  # a time without a zone is the user's
        return (stamp if stamp.tzinfo else stamp.astimezone()).astimezone(UTC)
    except (OverflowError, ValueError, OSError):  # year 9999 west of UTC, year 1 east of it
        return None


def _now() -> datetime:
    return datetime.now(UTC)


_normal_tag = lru_cache(maxsize=4096)(normal_tag)  # a library has few tags, each on many ideas


def _clean_tags(tags: list[str], bad: "_Bad") -> list[str]:
    clean = [tag for tag in dict.fromkeys(map(_normal_tag, tags)) if tag]
    if len(clean) > limits.TAGS_PER_IDEA:
        raise bad("tags", Message(tr("{0} tags; an idea has at most {1}"), len(clean), limits.TAGS_PER_IDEA))
    for tag in clean:
        if len(tag) > limits.TAG_CHARS:
            raise bad("tags", Message(tr("tag {0} has {1} characters; at most {2} are kept"), _shown(tag), len(tag),
                                      limits.TAG_CHARS))  # fmt: skip
    return clean


# --- JSON ----------------------------------------------------------------------------------------------------


class _DuplicateKey(ValueError):
    pass


class _BadConstant(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return found


def _no_constant(name: str) -> Any:
    raise _BadConstant(name)


#: Objects and lists a JSON file may hold (counted as braces and brackets, strings included: an upper bound): a
#: file of millions of empty ones would take gigabytes to read. Ours has one or two per idea.
JSON_CONTAINERS = 8 * limits.IDEAS_PER_IMPORT


def _json_items(path: Path, text: str) -> list[Any]:
    """The ideas of a JSON file as parsed (not checked yet), the file's envelope checked."""
    if text.count("{") + text.count("[") > JSON_CONTAINERS:
        message = tr("more than {0} objects and lists; a file brings at most {1} ideas")
        raise ImportError_(path, Message(message, JSON_CONTAINERS, limits.IDEAS_PER_IMPORT))
    try:
        document = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError as e:
        message = Message(tr("not valid JSON: {0} (column {1})"), e.msg, e.colno)
        raise ImportError_(path, message, line=e.lineno) from None
    except _BadConstant as e:
        raise ImportError_(path, Message(tr("{0} is not a number JSON allows"), e.args[0])) from None
    except _DuplicateKey as e:
        raise ImportError_(path, Message(tr("the key {0} is twice in one object"), _shown(e.args[0]))) from None
    except RecursionError:
        raise ImportError_(path, Message(tr("not an ideas file: its lists and objects are nested too deep"))) from None
    except ValueError:  # Python refuses to read an integer of thousands of digits
        raise ImportError_(path, Message(tr("a number has too many digits"))) from None
    if isinstance(document, list):  # what `technomagic search --json` prints
        items = document
    elif isinstance(document, dict):
        if document.get("format") != JSON_FORMAT:
            raise ImportError_(path, Message(tr('not an ideas file: it needs "format": "{0}"'), JSON_FORMAT))
        version = document.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= JSON_VERSION:
            message = tr("version {0} is not one this game reads ({1})")
            raise ImportError_(path, Message(message, _shown(version), JSON_VERSION))
        listed = document.get("ideas")
        if not isinstance(listed, list):
            raise ImportError_(path, Message(tr('"ideas" is not a list')))
        items = listed
    else:
        raise ImportError_(path, Message(tr("not an ideas file: neither an object nor a list")))
    if len(items) > limits.IDEAS_PER_IMPORT:
        message = Message(tr("{0} ideas; a file brings at most {1}"), len(items), limits.IDEAS_PER_IMPORT)
        raise ImportError_(path, message)
    return items


def _json_batches(path: Path, text: str, chunks: Iterable[tuple[int, list[Any]]], unknown: set[str],
                  streamed: bool = False) -> Iterator[Batch]:  # fmt: skip
    """The ideas, `_CHUNK` at a time (their number and themselves), checked as they are taken (an import writes a
    batch while it checks the next): column by column (`_json_quick`), or one by one when that finds one needing
    a closer look, so that the first wrong one raises `ImportError_` with its line (`_Restart` instead when the
    ideas are `streamed`). `unknown` collects the fields that are not an idea's."""
    escaped = "\\u" in text  # only then can a parsed text hold what the raw file could not (checked per idea)
    for first, chunk in chunks:
        quick = _json_quick(chunk, unknown, escaped, _now())
        if quick is not None:
            yield quick
            continue
        try:
            yield Batch.of([_json_idea(path, number, item, unknown, escaped)
                            for number, item in enumerate(chunk, start=first)])  # fmt: skip
        except ImportError_ as e:
            if streamed:
                raise _Restart from None
            line = _idea_line(text, e.row) if e.row is not None else None
            if line is None:
                raise
            raise ImportError_(path, e.message, line=line, row=e.row, field=e.field, idea=True) from None


def _chunks(items: list[Any]) -> Iterator[tuple[int, list[Any]]]:
    return ((at + 1, items[at : at + _CHUNK]) for at in range(0, len(items), _CHUNK))


class _Restart(Exception):
    """A file read idea by idea (`_streamed`) was not what it looked like, or has a wrong idea: it is imported
    again the plain way, which says what is wrong exactly as it always does (nothing was kept of the first go)."""


#: The start of our own export, up to its list of ideas (the format's text as JSON writes it, a version number)
_ENVELOPE = re.compile(r'[ \t\n\r]*\{[ \t\n\r]*"format"[ \t\n\r]*:[ \t\n\r]*("(?:[^"\\\\]|\\\\.)*")[ \t\n\r]*,'
                       r'[ \t\n\r]*"version"[ \t\n\r]*:[ \t\n\r]*([1-9][0-9]{0,8})[ \t\n\r]*,'
                       r'[ \t\n\r]*"ideas"[ \t\n\r]*:[ \t\n\r]*\[')  # fmt: skip


def _streamed(text: str) -> Iterator[tuple[int, list[Any]]] | None:
    """The ideas of a file laid out as our export lays it out (its format and version first, then its list of
    ideas, nothing after it), parsed `_CHUNK` at a time as they are taken: the first batches are checked and
    written while the rest is parsed. None for any other file, and `_Restart` from the chunks for anything the
    whole file's parse (`_json_items`) would refuse: it is then imported that way, which says why."""
    envelope = _ENVELOPE.match(text)
    if envelope is None or text.count("{") + text.count("[") > JSON_CONTAINERS:
        return None
    try:
        if json.loads(envelope[1]) != JSON_FORMAT or not 1 <= int(envelope[2]) <= JSON_VERSION:
            return None
    except ValueError:
        return None
    decode = json.JSONDecoder(object_pairs_hook=_no_duplicates, parse_constant=_no_constant).raw_decode
    space, start = _space_end, _space_end(text, envelope.end())
    if text[start : start + 1] == "]":
        return None  # no ideas: no backup either, as the plain way decides

    def chunks() -> Iterator[tuple[int, list[Any]]]:
        at, count, chunk = start, 0, []
        try:
            while True:
                item, at = decode(text, at)
                chunk.append(item)
                count += 1
                at = space(text, at)
                if count > limits.IDEAS_PER_IMPORT or text[at] not in ",]":
                    raise _Restart
                if len(chunk) == _CHUNK:
                    yield count - len(chunk) + 1, chunk
                    chunk = []
                if text[at] == "]":
                    break
                at = space(text, at + 1)
            at = space(text, at + 1)
            if text[at : at + 1] != "}" or space(text, at + 1) != len(text):
                raise _Restart
        except (ValueError, IndexError, RecursionError):  # not JSON (or a key twice, NaN, a number too long)
            raise _Restart from None
        if chunk:
            yield count - len(chunk) + 1, chunk

    return chunks()


def _unknown_fields(path: Path, unknown: set[str]) -> list[str]:
    note = tr("field {0} is not an idea field; left out")
    return [Message("{0}: {1}", shown_path(path), Message(note, _shown(name))) for name in sorted(unknown)[:20]]


def _json_ideas(path: Path, text: str, errors: list[str]) -> list[_Record]:
    """Every idea of a JSON file, checked one by one (what the quick checks must agree with)."""
    unknown: set[str] = set()
    escaped = "\\u" in text
    records = [_json_idea(path, number, item, unknown, escaped)
               for number, item in enumerate(_json_items(path, text), start=1)]  # fmt: skip
    errors.extend(_unknown_fields(path, unknown))
    return records


_SPACE = re.compile(r"[ \t\n\r]*")


def _space_end(text: str, at: int = 0) -> int:
    """Where the white space from `at` on ends (`at` itself where there is none)."""
    found = _SPACE.match(text, at)
    return found.end() if found else at


def _idea_line(text: str, number: int) -> int | None:
    """The line where idea `number` of a JSON file starts: the file is read again up to it, value by value (only
    when that idea is refused, so the import pays nothing for it)."""
    decode, space = json.JSONDecoder().raw_decode, _space_end
    try:
        at = space(text)
        if text[at] == "{":  # our envelope: on to the "ideas" list
            at = space(text, at + 1)
            while True:
                key, at = decode(text, at)
                at = space(text, space(text, at) + 1)  # past the ':'
                if key == "ideas":
                    break
                _value, at = decode(text, at)
                at = space(text, space(text, at) + 1)  # past the ','
        at = space(text, at + 1)  # past the '['
        for _ in range(number - 1):
            _value, at = decode(text, at)
            at = space(text, space(text, at) + 1)  # past the ','
    except (ValueError, IndexError, RecursionError):
        return None
    return text.count("\n", 0, at) + 1


_JSON_KNOWN = frozenset({*TEXTS, *CARD_COLUMNS, "id", "session_id", "focus", "status", "score", "dots", "checks",
                         "promise_due", "tags", "created_at", "updated_at", "notes"})  # fmt: skip
_FOCUS_CODES = frozenset(("", *FOCUSES))
_TEXT_TYPES, _CARD_TYPES = {str}, frozenset((str, type(None)))
_SCORES, _DOTS = range(limits.CHECKS_PER_IDEA + 1), range(limits.DOTS_PER_IDEA + 1)


def _json_idea(path: Path, number: int, item: Any, unknown: set[str], escaped: bool = True) -> _Record:
    """One idea of a JSON file, checked field by field (written for speed: 100 000 of them in seconds)."""

    def bad(name: _Field, message: str) -> ImportError_:
        return ImportError_(path, message, row=number, field=name)

    def first_wrong(found: _Values, fits: _Fits, what: str) -> ImportError_:
        name = next(name for name, value in found.items() if not fits(value))
        return bad(name, Message(what, _shown(found[name])))

    if type(item) is not dict:
        raise bad(None, Message(tr("{0} is not an object"), _shown(item)))
    if not _JSON_KNOWN.issuperset(item):
        unknown.update(set(item) - _JSON_KNOWN)
    get = item.get
    values: dict[str, Any] = {name: get(name, "") for name in TEXTS}
    if set(map(type, values.values())) != _TEXT_TYPES:  # the types at once: the fields one by one only to say which
        raise first_wrong(values, lambda v: type(v) is str, tr("{0} is not text"))
    if not values["title"].strip():
        if not values["text"].strip():
            raise bad(None, Message(tr("no title and no text")))
        values["title"] = title_from(values["text"])
    _check_texts(values, bad)
    cards = {name: get(name) for name in CARD_COLUMNS}
    if not _CARD_TYPES.issuperset(map(type, cards.values())):
        raise first_wrong(cards, lambda v: v is None or type(v) is str, tr("{0} is not a card id"))
    for name, card in cards.items():
        if card and len(card) > limits.CARD_ID_CHARS:
            raise bad(name, Message(tr("{0} characters; at most {1} are kept"), len(card), limits.CARD_ID_CHARS))
    values.update(cards)
    score, dots = values["score"], values["dots"] = get("score", 0), get("dots", 0)
    if not (type(score) is type(dots) is int and score in _SCORES and dots in _DOTS):
        if not (type(score) is int and score in _SCORES):
            raise bad("score", Message(tr("{0} is not a whole number from 0 to {1}"), _shown(score), _SCORES[-1]))
        raise bad("dots", Message(tr("{0} is not a whole number from 0 to {1}"), _shown(dots), _DOTS[-1]))
    values["status"] = status = get("status", "new")
    if status not in STATUSES:
        raise bad("status", Message(tr("{0} is not one of {1}"), _shown(status), ", ".join(STATUSES)))
    values["focus"] = focus = get("focus", "")
    if type(focus) is not str or focus not in _FOCUS_CODES:
        raise bad("focus", Message(tr("{0} is not one of {1} or empty"), _shown(focus), ", ".join(FOCUSES)))
    checks = get("checks", {})
    if type(checks) is not dict:
        raise bad("checks", Message(tr("{0} is not an object"), _shown(checks)))
    values["checks_json"] = _checks_json(checks)
    if values["checks_json"] is None:
        message = tr("{0} is not at most {1} check ids, each true or false")
        raise bad("checks", Message(message, _shown(checks), limits.CHECKS_PER_IDEA))
    due = get("promise_due")
    values["promise_due"] = None if due is None else _json_date(due, lambda m: bad("promise_due", m))
    for name in ("created_at", "updated_at"):
        stamp = get(name)
        values[name] = _now() if stamp is None else _json_time(stamp, partial(bad, name))
    tags = get("tags", [])
    if type(tags) is not list or not all(type(t) is str for t in tags):
        raise bad("tags", Message(tr("{0} is not a list of texts"), _shown(tags)))
    notes = get("notes", [])
    if type(notes) is not list:
        raise bad("notes", Message(tr("{0} is not a list"), _shown(notes)))
    checked = _json_notes(notes, bad)
    if escaped:  # "\u0000" or "\ud800" in the file: the texts may hold what the file could not
        texts = {name: values[name] for name in TEXTS} | {name: card for name, card in cards.items() if card}
        texts |= {f"notes[{i}]": text for i, (_on, text) in enumerate(checked, 1)}
        _check_unsafe(texts | {"tags": "".join(tags), "checks": "".join(checks)}, bad)
    return _Record(values, _clean_tags(tags, bad) if tags else [], checked)


def _checks_json(checks: dict[str, Any]) -> str | None:
    """An idea's checks as the idea table keeps them, or None when they are not at most CHECKS_PER_IDEA check
    ids, each true or false."""
    if not checks:
        return "{}"
    if (len(checks) > limits.CHECKS_PER_IDEA or not all(type(v) is bool for v in checks.values())
            or max(map(len, checks)) > limits.CARD_ID_CHARS):  # fmt: skip
        return None
    return json.dumps(checks, ensure_ascii=False)


def _json_notes(notes: list[Any], bad: "_Bad") -> list[tuple[date, str]]:
    checked = []
    for index, note in enumerate(notes, start=1):
        if type(note) is not dict or type(note.get("text")) is not str:
            raise bad(f"notes[{index}]", Message(tr('{0} is not {{"on": date, "text": text}}'), _shown(note)))
        on = _json_date(note.get("on"), partial(bad, f"notes[{index}].on"))
        if len(note["text"]) > limits.NOTE_CHARS:
            message = Message(tr("{0} characters; at most {1} are kept"), len(note["text"]), limits.NOTE_CHARS)
            raise bad(f"notes[{index}]", message)
        checked.append((on, note["text"]))
    return checked


class _Declined(Exception):
    """What a quick check raises where a one-by-one check would say what is wrong (it is not said here)."""


def _decline(*_said: Any) -> _Declined:
    return _Declined()


def _memo(values: list[Any], make: Callable[[Any], Any]) -> list[Any]:
    """`make` of each value, made once for each different value: most fields of many ideas hold a few values
    (statuses, days, tag lists, cells of a spreadsheet)."""
    made = {value: make(value) for value in set(values)}
    return list(map(made.__getitem__, values))


def _untitled(values: dict[str, list[Any]]) -> None:
    """Ideas with a blank title get the first line of their text, as one by one; `_Declined` if both are blank."""
    titles, texts = values["title"], values["text"]
    if all(map(str.strip, titles)):
        return
    titles = values["title"] = list(titles)
    for at, title in enumerate(titles):
        if not title.strip():
            if not texts[at].strip():
                raise _Declined
            titles[at] = title_from(texts[at])


_TEXT_LIMITS = dict(TEXT_LIMITS)
#: The fields of a JSON idea that become its values, and what an idea without one of them has.
_JSON_DEFAULTS: dict[str, Any] = dict.fromkeys(TEXTS, "") | dict.fromkeys(CARD_COLUMNS) | {
    "score": 0, "dots": 0, "status": "new", "focus": "", "checks": {}, "tags": [], "notes": [], "promise_due": None,
    "created_at": None, "updated_at": None}  # fmt: skip
_STATUS_CODES = frozenset(STATUSES)
_SCORE_VALUES, _DOT_VALUES = frozenset(_SCORES), frozenset(_DOTS)
_STR, _NONE = str, type(None)


def _json_quick(items: list[Any], unknown: set[str], escaped: bool, now: datetime) -> Batch | None:
    """A batch of a JSON file's ideas checked column by column (each check one loop in C over a field of them
    all, each different date or tag list made once), or None when one of them needs a closer look (a wrong
    value, or one this does not take: `_json_idea` then checks them one by one and says what is wrong). What it
    returns is exactly what `_json_idea` makes of the same ideas (tests/io/test_import_quick.py)."""
    if set(map(type, items)) != {dict}:
        return None
    keys = set(chain.from_iterable(items))
    unknown.update(keys - _JSON_KNOWN)
    present = [name for name in _JSON_DEFAULTS if name in keys]
    try:  # every idea has every field some have (our own export): all of them taken at once, then transposed
        if len(present) < 2:  # (itemgetter gives one field as it is, not in a tuple)
            raise KeyError(present)
        found = dict(zip(present, map(list, zip(*map(itemgetter(*present), items), strict=True)), strict=True))
    except KeyError:
        found = {name: [item.get(name, _JSON_DEFAULTS[name]) for item in items] for name in present}

    def column(name: str) -> list[Any]:
        return found[name] if name in found else [_JSON_DEFAULTS[name]] * len(items)

    def types(values: list[Any]) -> set[type]:
        return set(map(type, values))

    def texts(values: list[Any], limit: int) -> bool:
        try:
            "".join(values)  # a TypeError for any value that is not text: quicker than looking at each type
        except TypeError:
            return False
        return max(map(len, values)) <= limit

    values = {name: column(name) for name in TEXTS}
    cards = {name: column(name) for name in CARD_COLUMNS}
    score, dots, status, focus = column("score"), column("dots"), column("status"), column("focus")
    checks, tags, notes = column("checks"), column("tags"), column("notes")
    due, stamps = column("promise_due"), [column("created_at"), column("updated_at")]
    if not (
        all(texts(v, _TEXT_LIMITS[n]) for n, v in values.items())
        and all(
            {_STR, _NONE}.issuperset(types(v)) and max(map(len, filter(None, v)), default=0) <= limits.CARD_ID_CHARS
            for v in cards.values()
        )
        and types(score) == types(dots) == {int}
        and _SCORE_VALUES.issuperset(score)
        and _DOT_VALUES.issuperset(dots)
        and texts(status, 99)
        and texts(focus, 99)
        and _STATUS_CODES.issuperset(status)
        and _FOCUS_CODES.issuperset(focus)
        and types(checks) == {dict}
        and types(tags) == types(notes) == {list}
        and texts(list(chain.from_iterable(tags)) or [""], 2**31)
        and {_STR, _NONE}.issuperset(types(due))
        and all({_STR, _NONE}.issuperset(types(v)) for v in stamps)
    ):
        return None  # fmt: skip
    try:
        _untitled(values)
        noted = _json_quick_notes(notes)
        if escaped:  # "\u0000" or "\ud800" in the file: the texts may hold what the file could not
            said = chain(*values.values(), *(filter(None, v) for v in cards.values()), chain.from_iterable(tags),
                         chain.from_iterable(checks), (text for n in noted for _on, text in n))  # fmt: skip
            if _UNSAFE.search("\n".join(said)):
                return None
        values |= cards
        values |= {"score": score, "dots": dots, "status": status, "focus": focus}
        values["checks_json"] = (
            ["{}"] * len(items) if not any(checks) else [_checks_json(c) if c else "{}" for c in checks]
        )
        if None in values["checks_json"]:
            return None
        values["promise_due"] = _memo(due, lambda day: None if day is None else _json_date(day, _decline))
        made: dict[str | None, datetime] = {None: now}
        for name, column_stamps in zip(("created_at", "updated_at"), stamps, strict=True):
            for stamp in set(column_stamps).difference(made):
                made[stamp] = _json_time(stamp, _decline)
            values[name] = list(map(made.__getitem__, column_stamps))
        listed = set(map(tuple, filter(None, tags)))  # each different list of tags cleaned once
        cleaned: dict[tuple[str, ...], list[str]] = {(): []} | {t: _clean_tags(list(t), _decline) for t in listed}
    except _Declined:
        return None
    return Batch(values, [cleaned[tuple(t)] for t in tags], noted)


def _json_quick_notes(notes: list[list[Any]]) -> list[list[tuple[date, str]]]:
    """The ideas' notes checked all at once (as `_json_notes` checks each idea's); `_Declined` for any doubt."""
    if not any(notes):
        return [[] for _ in notes]
    flat = list(chain.from_iterable(notes))
    if set(map(type, flat)) != {dict}:
        raise _Declined
    texts, days = [note.get("text") for note in flat], [note.get("on") for note in flat]
    if set(map(type, texts)) != {_STR} or set(map(type, days)) != {_STR} or max(map(len, texts)) > limits.NOTE_CHARS:
        raise _Declined
    pairs = list(zip(_memo(days, lambda day: _json_date(day, _decline)), texts, strict=True))
    noted, at = [], 0
    for count in map(len, notes):
        noted.append(pairs[at : at + count])
        at += count
    return noted


def _json_date(value: Any, bad: Callable[[str], Exception]) -> date:
    try:
        if isinstance(value, str) and len(value) == 10:
            day = date.fromisoformat(value)
            if day.year in _YEARS:
                return day
            raise bad(Message(tr("{0} is not between {1} and {2}"), _shown(value), _YEARS[0], _YEARS[-1]))
    except ValueError:
        pass
    raise bad(Message(tr("{0} is not a date (YYYY-MM-DD)"), _shown(value)))


def _json_time(value: Any, bad: Callable[[str], Exception]) -> datetime:
    try:
        if isinstance(value, str):
            stamp = datetime.fromisoformat(value)
            if stamp.tzinfo is not UTC:  # stored in UTC
                stamp = stamp.astimezone(UTC) if stamp.tzinfo else stamp.replace(tzinfo=UTC)
            if _YEARS[0] < stamp.year < _YEARS[-1] or (stamp.year in _YEARS and _fits_every_zone(stamp)):
                return stamp
            raise bad(Message(tr("{0} is not between {1} and {2}"), _shown(value), _YEARS[0], _YEARS[-1]))
    except OverflowError:  # year 9999 with a zone west of UTC, year 1 east of it
        raise bad(Message(tr("{0} is not between {1} and {2}"), _shown(value), _YEARS[0], _YEARS[-1])) from None
    except ValueError:
        pass
    raise bad(Message(tr("{0} is not a date and time (ISO 8601)"), _shown(value)))


def _fits_every_zone(stamp: datetime) -> bool:
    """A moment in the first or last year that stays within them in any time zone (±14 h)."""
    return datetime(_YEARS[0], 1, 1, 14, tzinfo=UTC) <= stamp <= datetime(_YEARS[-1], 12, 31, 10, tzinfo=UTC)


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
    return _read_text(path, guess=True)


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
            message: str = Message(tr("column {0} is mapped to {1}, which is not a field"), _shown(name), _shown(key))
            raise ImportError_(path, message, line=line)
        if key in by_field:
            message = tr("columns {0} and {1} are both mapped to {2}")
            raise ImportError_(path, Message(message, _shown(by_field[key]), _shown(name), _shown(key)), line=line)
        if name not in headers:
            raise ImportError_(path, Message(tr("there is no column {0}"), _shown(name)), line=line)
        by_field[key] = name
        if key not in IGNORED:
            columns[headers.index(name)] = key
    if "title" not in columns.values() and "text" not in columns.values():
        raise ImportError_(path, Message(tr("no column is mapped to the title or the text")), line=line)
    return columns


def _csv_ideas(path: Path, text: str, mapping: dict[str, str] | None, errors: list[str]) -> list[_Record]:
    """Every idea of a CSV file, checked one by one (what the quick checks must agree with)."""
    return [_csv_idea(path, line, number, dict(zip(keys, map(_unquote, cells), strict=True)))
            for keys, rows, places in _csv_rows(path, text, mapping, errors)
            for cells, (line, number) in zip(rows, places, strict=True)]  # fmt: skip


def _csv_batches(path: Path, text: str, mapping: dict[str, str] | None, errors: list[str]) -> Iterator[Batch]:
    """The ideas of a CSV file checked `_CHUNK` at a time (an import writes a batch while it checks the next):
    column by column (`_csv_quick`), or one by one when that finds one needing a closer look, so that the first
    wrong one raises `ImportError_` with its line. `errors` gets what is left out (columns not mapped)."""
    for keys, rows, places in _csv_rows(path, text, mapping, errors):
        quick = _csv_quick(keys, rows, _now())
        yield quick if quick is not None else Batch.of([
            _csv_idea(path, line, number, dict(zip(keys, map(_unquote, cells), strict=True)))
            for cells, (line, number) in zip(rows, places, strict=True)])  # fmt: skip


_Rows: TypeAlias = tuple[list[str], list[tuple[str, ...]], list[tuple[int, int]]]


def _csv_rows(path: Path, text: str, mapping: dict[str, str] | None, errors: list[str]) -> Iterator[_Rows]:
    """The rows of a CSV file that are not blank, `_CHUNK` at a time: the fields the columns are mapped to, the
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
        left = [_shown(name) for name in headers if name and not mapping.get(name)]
        if len(left) == 1:
            errors.append(Message("{0}: {1}", shown_path(path), Message(tr("column {0} is not imported"), left[0])))
        elif left:
            shown = ", ".join(left[:5]) + (", …" if len(left) > 5 else "")
            note = Message(tr("{0} columns are not imported: {1}"), len(left), shown)
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
                if len(rows) == _CHUNK:
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


def _csv_idea(path: Path, line: int, row: int, cells: dict[str, str]) -> _Record:
    """One row of a CSV file, checked: its cells by field (all of them unquoted, mapped fields only)."""

    def bad(name: _Field, message: str) -> ImportError_:
        return ImportError_(path, message, line=line, row=row, field=name)

    values: dict[str, Any] = {name: cells.get(name, "") for name in TEXTS}
    if not values["title"].strip():
        if not values["text"].strip():
            raise bad(None, Message(tr("no title and no text")))
        values["title"] = title_from(values["text"])  # a spreadsheet of texts only
    _check_texts(values, bad)
    for name in CARD_COLUMNS:
        values[name] = _csv_card(name, cells.get(name, ""), bad)
    for name in ("score", "dots"):
        values[name] = _csv_number(name, cells.get(name, ""), bad)
    values["status"] = _csv_status(cells.get("status", ""), bad)
    values["focus"] = _csv_focus(cells.get("focus", ""), bad)
    values["checks_json"] = "{}"
    values["promise_due"] = _csv_due(cells.get("promise_due", ""), bad)
    for name in ("created_at", "updated_at"):
        values[name] = _csv_time(name, cells.get(name, ""), bad) or _now()
    notes = _csv_notes(cells.get("notes", ""), bad, lambda: _now().date())
    return _Record(values, _clean_tags(cells.get("tags", "").split(","), bad), notes)


_Bad: TypeAlias = Callable[[_Field, str], ImportError_ | Exception]


def _csv_card(name: str, cell: str, bad: _Bad) -> str | None:
    card = cell.strip() or None
    if card and len(card) > limits.CARD_ID_CHARS:
        raise bad(name, Message(tr("{0} characters; at most {1} are kept"), len(card), limits.CARD_ID_CHARS))
    return card


def _csv_number(name: str, cell: str, bad: _Bad) -> int:
    allowed = _SCORES if name == "score" else _DOTS
    value = cell.strip()
    number = _whole(value, allowed)
    if number is None:
        raise bad(name, Message(tr("{0} is not a whole number from 0 to {1}"), _shown(value), allowed[-1]))
    return number


def _csv_status(cell: str, bad: _Bad) -> str:
    status = _choice(cell, STATUSES, _STATUS_NAMES)
    if status is None:
        raise bad("status", Message(tr("{0} is not one of {1}"), _shown(cell), ", ".join(STATUSES)))
    return status


def _csv_focus(cell: str, bad: _Bad) -> str:
    focus = _choice(cell, ("", *FOCUSES), _FOCUS_NAMES)
    if focus is None:
        raise bad("focus", Message(tr("{0} is not one of {1} or empty"), _shown(cell), ", ".join(FOCUSES)))
    return focus


def _csv_due(cell: str, bad: _Bad) -> date | None:
    due = cell.strip()
    if not due:
        return None
    day = parse_date(due)
    if day is None:
        raise bad("promise_due", Message(tr("{0} is not a date"), _shown(due)))
    if not _date_in_range(day):
        raise bad("promise_due", Message(tr("{0} is not between {1} and {2}"), _shown(due), _YEARS[0], _YEARS[-1]))
    return day


def _csv_time(name: str, cell: str, bad: _Bad) -> datetime | None:
    """The moment a cell holds, in UTC; None for an empty cell (the caller's now)."""
    stamp = cell.strip()
    if not stamp:
        return None
    moment = parse_time(stamp)
    if moment is None:
        if parse_date(stamp.split(" ")[0].split("T")[0]):  # a day beyond what a time zone can take
            raise bad(name, Message(tr("{0} is not between {1} and {2}"), _shown(stamp), _YEARS[0], _YEARS[-1]))
        raise bad(name, Message(tr("{0} is not a date"), _shown(stamp)))
    if not (_YEARS[0] < moment.year < _YEARS[-1] or _fits_every_zone(moment)):
        raise bad(name, Message(tr("{0} is not between {1} and {2}"), _shown(stamp), _YEARS[0], _YEARS[-1]))
    return moment


_note_day = lru_cache(maxsize=4096)(parse_date)  # (the days of a library's notes repeat)


def _csv_notes(cell: str, bad: _Bad, today: Callable[[], date]) -> list[tuple[date, str]]:
    notes: list[tuple[date, str]] = []
    written = cell.replace("\r\n", "\n").strip()
    for text_line in written.split("\n") if written else []:
        if m := _NOTE.fullmatch(text_line):  # "2026-12-01: what happened", as the export writes notes
            on = _note_day(m[1])
            if on is None:
                raise bad("notes", Message(tr("{0} is not a date"), _shown(m[1])))
            if not _date_in_range(on):
                raise bad("notes", Message(tr("{0} is not between {1} and {2}"), _shown(m[1]), _YEARS[0], _YEARS[-1]))
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
        _untitled(values)
        for name in CARD_COLUMNS:
            values[name] = (
                [None] * count if name not in cells else _memo(column(name), partial(_csv_card, name, bad=_decline))
            )
        for name in ("score", "dots"):
            values[name] = _memo(column(name), partial(_csv_number, name, bad=_decline))
        values["status"] = _memo(column("status"), partial(_csv_status, bad=_decline))
        values["focus"] = _memo(column("focus"), partial(_csv_focus, bad=_decline))
        values["checks_json"] = ["{}"] * count
        values["promise_due"] = _memo(column("promise_due"), partial(_csv_due, bad=_decline))
        made: dict[str, datetime] = {}
        for name in ("created_at", "updated_at"):
            for stamp in set(column(name)).difference(made):
                made[stamp] = _csv_time(name, stamp, _decline) or now
            values[name] = list(map(made.__getitem__, column(name)))
        notes = [_csv_notes(cell, _decline, lambda: today) if cell else [] for cell in column("notes")]
        tags = _memo(column("tags"), lambda cell: _clean_tags(cell.split(","), _decline))
    except _Declined:
        return None
    return Batch(values, tags, notes)


def import_json(engine: Engine, path: Path) -> ImportResult:
    """Ideas from our JSON export (or `technomagic search --json`), every field as it was except ids and sessions."""
    path = Path(path)
    with gc_paused(), _stemming(path, engine) as stemming:
        text = _read_text(path)[0]
        streamed = _streamed(text)
        if streamed is not None:  # our own export: parsed as it is written
            result, unknown = ImportResult(), set[str]()
            try:
                insert_checked(engine, _json_batches(path, text, streamed, unknown, True), result, True, stemming)
            except _Restart:
                pass
            else:
                result.errors.extend(_unknown_fields(path, unknown))
                return result
        result, unknown = ImportResult(), set[str]()
        items = _json_items(path, text)
        # each batch checked while the one before is written: a wrong idea rolls everything back
        insert_checked(engine, _json_batches(path, text, _chunks(items), unknown), result, bool(items), stemming)
        result.errors.extend(_unknown_fields(path, unknown))
        return result


def import_csv(engine: Engine, path: Path, mapping: dict[str, str] | None = None) -> ImportResult:
    """Ideas from a CSV file; `mapping` is column → field ("" leaves a column out), None takes `suggest_mapping`."""
    path = Path(path)
    result = ImportResult()
    with gc_paused(), _stemming(path, engine) as stemming:
        text, result.encoding = _csv_text(path)
        # each batch checked while the one before is written: a wrong idea rolls everything back
        return insert_checked(engine, _csv_batches(path, text, mapping, result.errors), result, True, stemming)


#: A file this large (some thousands of ideas) has its search texts made by a worker process (`stemworker`)
STEMMING_BYTES = 4 * 1024 * 1024


@contextmanager
def _stemming(path: Path, engine: Engine) -> Iterator[Stemming | None]:
    """A worker process for a large file's search texts, started before the file is read (it is ready by the time
    the first ideas are checked) and ended at the end of the import, whatever happens."""
    try:
        large = engine.dialect.name == "sqlite" and path.stat().st_size >= STEMMING_BYTES
    except OSError:  # said by the import when it reads the file
        large = False
    stemming = Stemming.start() if large else None
    try:
        yield stemming
    finally:
        if stemming is not None:
            stemming.close()
