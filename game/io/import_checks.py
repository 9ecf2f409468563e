"""What any imported file goes through: read whole and refused unless it is text, and the fields JSON and CSV
share (texts, days, times, tags) checked, a wrong value said with where it is."""

import codecs
import json
import os
import re
import stat
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple, TypeAlias

from game.domain import limits
from game.io.intake import ImportError_
from game.io.messages import Message, tr
from game.io.tabular import MONTHS
from game.store.ideas import normal_tag

MAX_BYTES = 200 * 1024 * 1024
#: The longest text each field may hold (`game.domain.limits`, the one table the screens use too).
TEXT_LIMITS = (
    ("title", limits.TITLE_CHARS), ("text", limits.IDEA_CHARS), ("promise_who", limits.PROMISE_CHARS),
    ("promise_first_step", limits.PROMISE_CHARS), ("promise_success_sign", limits.PROMISE_CHARS),
    ("team", limits.NAMES_CHARS), ("player", limits.NAME_CHARS),
)  # fmt: skip
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
#: What no idea may hold: control characters but tab and line breaks, and lone surrogates (not text at all).
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
YEARS = range(limits.FIRST_YEAR, limits.LAST_YEAR + 1)
CHUNK = 5000  # ideas checked, made into rows and written at a time
#: What a CSV file may be saved in besides UTF-8 with or without a BOM (which are tried first, without guessing):
#: what Excel and LibreOffice write for Russian and Western European users.
CSV_ENCODINGS = ["cp1251", "cp1252", "koi8_r", "cp866", "mac_cyrillic", "iso8859_5", "utf_16_le", "utf_16_be"]


#: (the nested functions that run for every idea name their types here: spelled out in their annotations, they
#: would be made again at every call, a tenth of the JSON check's time)
Field: TypeAlias = str | None
Values: TypeAlias = dict[str, Any]
Fits: TypeAlias = Callable[[Any], bool]


class Record(NamedTuple):
    """One idea, checked one by one: the idea table's values (`intake.FIELDS`), its tags and its notes."""

    values: dict[str, Any]
    tags: list[str]
    notes: list[tuple[date, str]]


def shown(value: Any) -> str:
    """A value as the message quotes it: on one line, escaped, at most 60 characters (never a whole file)."""
    if isinstance(value, str):
        quoted = repr(value[:61])
    elif type(value) is int and not -(10**20) < value < 10**20:
        quoted = f"a number of {len(str(abs(value)))} digits"
    else:
        try:
            quoted = json.dumps(value, ensure_ascii=True)
        except (ValueError, RecursionError):
            quoted = type(value).__name__
    return quoted if len(quoted) <= 60 else quoted[:59] + "…"


def title_from(text: str) -> str:
    """The title of an idea that has only a text: its first line, as the round makes it (CSV and JSON alike)."""
    first = text.strip().split("\n", 1)[0].strip()
    return first if len(first) <= limits.TITLE_CHARS else first[: limits.TITLE_CHARS - 1].rstrip() + "…"


def unsafe_at(text: str) -> int | None:
    found = UNSAFE.search(text)
    return found.start() if found else None


def _character(char: str) -> str:
    return f"U+{ord(char):04X}"


def check_texts(values: dict[str, Any], bad: Callable[[str | None, Message], "ImportError_"]) -> None:
    """The idea's texts within their lengths (small, fast: len() of seven strings)."""
    for name, limit in TEXT_LIMITS:
        if len(values[name]) > limit:
            raise bad(name, Message(tr("{0} characters; at most {1} are kept"), len(values[name]), limit))


def check_unsafe(texts: dict[str, str], bad: Callable[[str | None, Message], "ImportError_"]) -> None:
    for name, value in texts.items():
        if value and (at := unsafe_at(value)) is not None:
            message = tr("character {0} at position {1} is not allowed (only tab and line breaks are)")
            raise bad(name, Message(message, _character(value[at]), at + 1))




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
    if (at := unsafe_at(text)) is not None:
        line = text.count("\n", 0, at) + 1
        column = at - text.rfind("\n", 0, at)
        message = tr("column {0}: character {1} is not allowed (only tab and line breaks are)")
        raise ImportError_(path, Message(message, column, _character(text[at])), line=line)


#: Bytes of UTF-8 text that are control characters (but tab and line breaks) → 1, all others → 0; and the C1 ones.
_CONTROL_BYTES = bytes(int((b < 0x20 and b not in (9, 10, 13)) or b == 0x7F) for b in range(256))
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")


def read_text(path: Path, guess: bool = False) -> tuple[str, str]:
    """The file as text (see `_decode`), refused if it holds a control character (with where)."""
    data = _read_bytes(path)
    text, encoding = _decode(path, data, guess)
    if encoding != "UTF-8" or b"\x01" in data.translate(_CONTROL_BYTES) or _C1_UTF8.search(data):
        _refuse_controls(path, text)  # UTF-8 is looked at as bytes first: four times quicker than as text
    return text, encoding


def date_in_range(day: date) -> bool:
    return day.year in YEARS


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


def now() -> datetime:
    return datetime.now(UTC)


_normal_tag = lru_cache(maxsize=4096)(normal_tag)  # a library has few tags, each on many ideas


def clean_tags(tags: list[str], bad: "Bad") -> list[str]:
    clean = [tag for tag in dict.fromkeys(map(_normal_tag, tags)) if tag]
    if len(clean) > limits.TAGS_PER_IDEA:
        raise bad("tags", Message(tr("{0} tags; an idea has at most {1}"), len(clean), limits.TAGS_PER_IDEA))
    for tag in clean:
        if len(tag) > limits.TAG_CHARS:
            raise bad("tags", Message(tr("tag {0} has {1} characters; at most {2} are kept"), shown(tag), len(tag),
                                      limits.TAG_CHARS))  # fmt: skip
    return clean
SCORES, DOTS = range(limits.CHECKS_PER_IDEA + 1), range(limits.DOTS_PER_IDEA + 1)


class Declined(Exception):
    """What a quick check raises where a one-by-one check would say what is wrong (it is not said here)."""


def decline(*_said: Any) -> Declined:
    return Declined()


def memo(values: list[Any], make: Callable[[Any], Any]) -> list[Any]:
    """`make` of each value, made once for each different value: most fields of many ideas hold a few values
    (statuses, days, tag lists, cells of a spreadsheet)."""
    made = {value: make(value) for value in set(values)}
    return list(map(made.__getitem__, values))


def untitled(values: dict[str, list[Any]]) -> None:
    """Ideas with a blank title get the first line of their text, as one by one; `Declined` if both are blank."""
    titles, texts = values["title"], values["text"]
    if all(map(str.strip, titles)):
        return
    titles = values["title"] = list(titles)
    for at, title in enumerate(titles):
        if not title.strip():
            if not texts[at].strip():
                raise Declined
            titles[at] = title_from(texts[at])


def fits_every_zone(stamp: datetime) -> bool:
    """A moment in the first or last year that stays within them in any time zone (±14 h)."""
    return datetime(YEARS[0], 1, 1, 14, tzinfo=UTC) <= stamp <= datetime(YEARS[-1], 12, 31, 10, tzinfo=UTC)


Bad: TypeAlias = Callable[[Field, str], ImportError_ | Exception]

