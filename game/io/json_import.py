"""Ideas from our JSON export (or `technomagic search --json`): parsed (our own layout a batch at a time), then
checked column by column, or idea by idea to say which is wrong and why."""

import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from functools import partial
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from game.domain import limits
from game.domain.ideas import FOCUSES, STATUSES
from game.io import import_checks
from game.io.import_checks import (
    DOTS,
    SCORES,
    TEXT_LIMITS,
    UNSAFE,
    YEARS,
    Bad,
    Declined,
    Field,
    Fits,
    Record,
    Values,
    check_texts,
    check_unsafe,
    clean_tags,
    decline,
    fits_every_zone,
    memo,
    read_text,
    shown,
    title_from,
    untitled,
)
from game.io.intake import TEXTS, Batch, ImportError_, ImportResult, insert_checked
from game.io.messages import Message, shown_path, tr
from game.io.tabular import JSON_FORMAT, JSON_VERSION
from game.store.ideas import CARD_COLUMNS
from game.store.stemworker import Stemming


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
        raise ImportError_(path, Message(tr("the key {0} is twice in one object"), shown(e.args[0]))) from None
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
            raise ImportError_(path, Message(message, shown(version), JSON_VERSION))
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
    """The ideas, `CHUNK` at a time (their number and themselves), checked as they are taken (an import writes a
    batch while it checks the next): column by column (`_json_quick`), or one by one when that finds one needing
    a closer look, so that the first wrong one raises `ImportError_` with its line (`_Restart` instead when the
    ideas are `streamed`). `unknown` collects the fields that are not an idea's."""
    escaped = "\\u" in text  # only then can a parsed text hold what the raw file could not (checked per idea)
    for first, chunk in chunks:
        quick = _json_quick(chunk, unknown, escaped, import_checks.now())
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
    return ((at + 1, items[at : at + import_checks.CHUNK]) for at in range(0, len(items), import_checks.CHUNK))


class _Restart(Exception):
    """A file read idea by idea (`_streamed`) was not what it looked like, or has a wrong idea: it is imported
    again the plain way, which says what is wrong exactly as it always does (nothing was kept of the first go)."""


#: The start of our own export, up to its list of ideas (the format's text as JSON writes it, a version number)
_ENVELOPE = re.compile(r'[ \t\n\r]*\{[ \t\n\r]*"format"[ \t\n\r]*:[ \t\n\r]*("(?:[^"\\\\]|\\\\.)*")[ \t\n\r]*,'
                       r'[ \t\n\r]*"version"[ \t\n\r]*:[ \t\n\r]*([1-9][0-9]{0,8})[ \t\n\r]*,'
                       r'[ \t\n\r]*"ideas"[ \t\n\r]*:[ \t\n\r]*\[')  # fmt: skip


def _streamed(text: str) -> Iterator[tuple[int, list[Any]]] | None:
    """The ideas of a file laid out as our export lays it out (its format and version first, then its list of
    ideas, nothing after it), parsed `CHUNK` at a time as they are taken: the first batches are checked and
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
                if len(chunk) == import_checks.CHUNK:
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
    return [Message("{0}: {1}", shown_path(path), Message(note, shown(name))) for name in sorted(unknown)[:20]]


def _json_ideas(path: Path, text: str, errors: list[str]) -> list[Record]:
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


def _json_idea(path: Path, number: int, item: Any, unknown: set[str], escaped: bool = True) -> Record:
    """One idea of a JSON file, checked field by field (written for speed: 100 000 of them in seconds)."""

    def bad(name: Field, message: str) -> ImportError_:
        return ImportError_(path, message, row=number, field=name)

    def first_wrong(found: Values, fits: Fits, what: str) -> ImportError_:
        name = next(name for name, value in found.items() if not fits(value))
        return bad(name, Message(what, shown(found[name])))

    if type(item) is not dict:
        raise bad(None, Message(tr("{0} is not an object"), shown(item)))
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
    check_texts(values, bad)
    cards = {name: get(name) for name in CARD_COLUMNS}
    if not _CARD_TYPES.issuperset(map(type, cards.values())):
        raise first_wrong(cards, lambda v: v is None or type(v) is str, tr("{0} is not a card id"))
    for name, card in cards.items():
        if card and len(card) > limits.CARD_ID_CHARS:
            raise bad(name, Message(tr("{0} characters; at most {1} are kept"), len(card), limits.CARD_ID_CHARS))
    values.update(cards)
    score, dots = values["score"], values["dots"] = get("score", 0), get("dots", 0)
    if not (type(score) is type(dots) is int and score in SCORES and dots in DOTS):
        if not (type(score) is int and score in SCORES):
            raise bad("score", Message(tr("{0} is not a whole number from 0 to {1}"), shown(score), SCORES[-1]))
        raise bad("dots", Message(tr("{0} is not a whole number from 0 to {1}"), shown(dots), DOTS[-1]))
    values["status"] = status = get("status", "new")
    if status not in STATUSES:
        raise bad("status", Message(tr("{0} is not one of {1}"), shown(status), ", ".join(STATUSES)))
    values["focus"] = focus = get("focus", "")
    if type(focus) is not str or focus not in _FOCUS_CODES:
        raise bad("focus", Message(tr("{0} is not one of {1} or empty"), shown(focus), ", ".join(FOCUSES)))
    checks = get("checks", {})
    if type(checks) is not dict:
        raise bad("checks", Message(tr("{0} is not an object"), shown(checks)))
    values["checks_json"] = _checks_json(checks)
    if values["checks_json"] is None:
        message = tr("{0} is not at most {1} check ids, each true or false")
        raise bad("checks", Message(message, shown(checks), limits.CHECKS_PER_IDEA))
    due = get("promise_due")
    values["promise_due"] = None if due is None else _json_date(due, lambda m: bad("promise_due", m))
    for name in ("created_at", "updated_at"):
        stamp = get(name)
        values[name] = import_checks.now() if stamp is None else _json_time(stamp, partial(bad, name))
    tags = get("tags", [])
    if type(tags) is not list or not all(type(t) is str for t in tags):
        raise bad("tags", Message(tr("{0} is not a list of texts"), shown(tags)))
    notes = get("notes", [])
    if type(notes) is not list:
        raise bad("notes", Message(tr("{0} is not a list"), shown(notes)))
    checked = _json_notes(notes, bad)
    if escaped:  # "\u0000" or "\ud800" in the file: the texts may hold what the file could not
        texts = {name: values[name] for name in TEXTS} | {name: card for name, card in cards.items() if card}
        texts |= {f"notes[{i}]": text for i, (_on, text) in enumerate(checked, 1)}
        check_unsafe(texts | {"tags": "".join(tags), "checks": "".join(checks)}, bad)
    return Record(values, clean_tags(tags, bad) if tags else [], checked)


def _checks_json(checks: dict[str, Any]) -> str | None:
    """An idea's checks as the idea table keeps them, or None when they are not at most CHECKS_PER_IDEA check
    ids, each true or false."""
    if not checks:
        return "{}"
    if (len(checks) > limits.CHECKS_PER_IDEA or not all(type(v) is bool for v in checks.values())
            or max(map(len, checks)) > limits.CARD_ID_CHARS):  # fmt: skip
        return None
    return json.dumps(checks, ensure_ascii=False)


def _json_notes(notes: list[Any], bad: "Bad") -> list[tuple[date, str]]:
    checked = []
    for index, note in enumerate(notes, start=1):
        if type(note) is not dict or type(note.get("text")) is not str:
            raise bad(f"notes[{index}]", Message(tr('{0} is not {{"on": date, "text": text}}'), shown(note)))
        on = _json_date(note.get("on"), partial(bad, f"notes[{index}].on"))
        if len(note["text"]) > limits.NOTE_CHARS:
            message = Message(tr("{0} characters; at most {1} are kept"), len(note["text"]), limits.NOTE_CHARS)
            raise bad(f"notes[{index}]", message)
        checked.append((on, note["text"]))
    return checked


_TEXT_LIMITS = dict(TEXT_LIMITS)
#: The fields of a JSON idea that become its values, and what an idea without one of them has.
_JSON_DEFAULTS: dict[str, Any] = dict.fromkeys(TEXTS, "") | dict.fromkeys(CARD_COLUMNS) | {
    "score": 0, "dots": 0, "status": "new", "focus": "", "checks": {}, "tags": [], "notes": [], "promise_due": None,
    "created_at": None, "updated_at": None}  # fmt: skip
_STATUS_CODES = frozenset(STATUSES)
_SCORE_VALUES, _DOT_VALUES = frozenset(SCORES), frozenset(DOTS)
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
        untitled(values)
        noted = _json_quick_notes(notes)
        if escaped:  # "\u0000" or "\ud800" in the file: the texts may hold what the file could not
            said = chain(*values.values(), *(filter(None, v) for v in cards.values()), chain.from_iterable(tags),
                         chain.from_iterable(checks), (text for n in noted for _on, text in n))  # fmt: skip
            if UNSAFE.search("\n".join(said)):
                return None
        values |= cards
        values |= {"score": score, "dots": dots, "status": status, "focus": focus}
        values["checks_json"] = (
            ["{}"] * len(items) if not any(checks) else [_checks_json(c) if c else "{}" for c in checks]
        )
        if None in values["checks_json"]:
            return None
        values["promise_due"] = memo(due, lambda day: None if day is None else _json_date(day, decline))
        made: dict[str | None, datetime] = {None: now}
        for name, column_stamps in zip(("created_at", "updated_at"), stamps, strict=True):
            for stamp in set(column_stamps).difference(made):
                made[stamp] = _json_time(stamp, decline)
            values[name] = list(map(made.__getitem__, column_stamps))
        listed = set(map(tuple, filter(None, tags)))  # each different list of tags cleaned once
        cleaned: dict[tuple[str, ...], list[str]] = {(): []} | {t: clean_tags(list(t), decline) for t in listed}
    except Declined:
        return None
    return Batch(values, [cleaned[tuple(t)] for t in tags], noted)


def _json_quick_notes(notes: list[list[Any]]) -> list[list[tuple[date, str]]]:
    """The ideas' notes checked all at once (as `_json_notes` checks each idea's); `Declined` for any doubt."""
    if not any(notes):
        return [[] for _ in notes]
    flat = list(chain.from_iterable(notes))
    if set(map(type, flat)) != {dict}:
        raise Declined
    texts, days = [note.get("text") for note in flat], [note.get("on") for note in flat]
    if set(map(type, texts)) != {_STR} or set(map(type, days)) != {_STR} or max(map(len, texts)) > limits.NOTE_CHARS:
        raise Declined
    pairs = list(zip(memo(days, lambda day: _json_date(day, decline)), texts, strict=True))
    noted, at = [], 0
    for count in map(len, notes):
        noted.append(pairs[at : at + count])
        at += count
    return noted


def _json_date(value: Any, bad: Callable[[str], Exception]) -> date:
    try:
        if isinstance(value, str) and len(value) == 10:
            day = date.fromisoformat(value)
            if day.year in YEARS:
                return day
            raise bad(Message(tr("{0} is not between {1} and {2}"), shown(value), YEARS[0], YEARS[-1]))
    except ValueError:
        pass
    raise bad(Message(tr("{0} is not a date (YYYY-MM-DD)"), shown(value)))


def _json_time(value: Any, bad: Callable[[str], Exception]) -> datetime:
    try:
        if isinstance(value, str):
            stamp = datetime.fromisoformat(value)
            if stamp.tzinfo is not UTC:  # stored in UTC
                stamp = stamp.astimezone(UTC) if stamp.tzinfo else stamp.replace(tzinfo=UTC)
            if YEARS[0] < stamp.year < YEARS[-1] or (stamp.year in YEARS and fits_every_zone(stamp)):
                return stamp
            raise bad(Message(tr("{0} is not between {1} and {2}"), shown(value), YEARS[0], YEARS[-1]))
    except OverflowError:  # year 9999 with a zone west of UTC, year 1 east of it
        raise bad(Message(tr("{0} is not between {1} and {2}"), shown(value), YEARS[0], YEARS[-1])) from None
    except ValueError:
        pass
    raise bad(Message(tr("{0} is not a date and time (ISO 8601)"), shown(value)))


def insert(engine: Engine, path: Path, stemming: Stemming | None) -> ImportResult:
    """Every new idea of the file into the library (`importer.import_json`)."""
    text = read_text(path)[0]
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
