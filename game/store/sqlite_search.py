"""The one module with SQLite-only SQL: the FTS5 index over `idea.search_text` and the library screen's filters,
kept in step by triggers.

The index has two columns: `search_text` (the stems `textsearch.index_text` makes) and `facets`, tokens that
SQL computes from the idea's own columns, so that a search with filters is one MATCH (the filters as SQL beside
it read every matching row: 100 ms at 100 000 ideas). Each facet token is a letter and the value's bytes in hex
(no tokenizer can split or fold it into another value):
- `s` + status; `c` + each card the idea came from; `t` + each tag (ASCII-lowercased, as LIKE compares);
- `y`, `m`, `d`, `h` + the UTC year, month, day and hour it was saved (`y2024 m202403 d20240315 h2024031509`),
  so that a range of days is a few OR-ed tokens (whole years, months, days, then hours at its ends).
Typed words are matched in `search_text` only, so they never find a facet token. The index stores no text of its
own (`content=''`): the triggers give it each row's values, and the old ones to delete.

On another database (PostgreSQL for shared libraries) `create` does nothing and `expression` is not used: the
caller filters with portable SQL instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from sqlalchemy import TableClause, column, table, text
from sqlalchemy.engine import Connection

from game.store.facets import facets as facets
from game.store.facets import facets_of as facets_of
from game.store.facets import hexed

FTS = "idea_fts"
_SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")
CARD_COLUMNS = ("business_card", "client_card", "touchpoint_card", "obstacle_card", "lens_card",
                "technique_card", "constraint_card")  # fmt: skip
#: the columns the index reads: a change of any of them re-indexes the idea
INDEXED = ("search_text", "status", "tags", "created_at", *CARD_COLUMNS)
MAX_DATE_TERMS = 200  # a range of dates needing more tokens than this is filtered by SQL instead


def is_fts_table(name: str) -> bool:
    return name == FTS or any(name == FTS + suffix for suffix in _SHADOWS)


def facets_sql(row: str) -> str:
    """SQL computing the facet tokens of the idea `row` (a table name, or `new`/`old` in a trigger)."""
    stamp = f"{row}.created_at"
    year, month, day, hour = (f"substr({stamp}, {a}, {n})" for a, n in ((1, 4), (6, 2), (9, 2), (12, 2)))
    dates = (f"' y' || {year} || ' m' || {year} || {month} || ' d' || {year} || {month} || {day} "
             f"|| ' h' || {year} || {month} || {day} || {hour}")  # fmt: skip
    cards = " || ".join(f"iif({row}.{c} IS NULL, '', ' c' || hex({row}.{c}))" for c in CARD_COLUMNS)
    # the tags between two commas of ",one,two,", one token each (a recursive split: SQL has no other)
    tags = (
        f"coalesce((WITH RECURSIVE part(rest, tag) AS ("
        f"SELECT substr({row}.tags, instr({row}.tags, ',') + 1), NULL WHERE instr({row}.tags, ',') > 0 "
        f"UNION ALL SELECT substr(rest, instr(rest, ',') + 1), substr(rest, 1, instr(rest, ',') - 1) "
        f"FROM part WHERE instr(rest, ',') > 0) "
        f"SELECT ' ' || group_concat('t' || hex(lower(tag)), ' ') FROM part WHERE tag <> ''), '')"
    )
    return f"'s' || hex({row}.status) || {dates} || {cards} || {tags}"


def _refill() -> str:
    return f"INSERT INTO {FTS}(rowid, search_text, facets) SELECT id, search_text, {facets_sql('idea')} FROM idea"


_INSERT = f"INSERT INTO {FTS}(rowid, search_text, facets) VALUES (new.id, new.search_text, {facets_sql('new')});"


def _insert_trigger() -> str:
    return f"CREATE TRIGGER idea_fts_insert AFTER INSERT ON idea BEGIN {_INSERT} END"


#: How the index splits `search_text` and `facets` into tokens. Both hold only what Python made: stems of \w
#: characters, folded, parted by spaces, and facet tokens of ASCII letters and digits; FTS5's `ascii` tokenizer
#: takes every character above ASCII as part of a word, ASCII letters and digits too, and parts at the rest, so
#: it finds the very words `unicode61` found (and words of letters newer than its Unicode 6.1, which it dropped),
#: at two thirds of its cost (an import indexes millions of tokens). Queries go through the same tokenizer.
TOKENIZER = "ascii"
TOKENIZER_BEFORE_0007 = "unicode61 remove_diacritics 0"


def create(conn: Connection, tokenizer: str = TOKENIZER) -> None:
    if conn.dialect.name != "sqlite":
        return
    columns = ", ".join(INDEXED)
    delete = (f"INSERT INTO {FTS}({FTS}, rowid, search_text, facets) "
              f"VALUES ('delete', old.id, old.search_text, {facets_sql('old')});")  # fmt: skip
    insert = _INSERT
    for statement in (
        f"CREATE VIRTUAL TABLE {FTS} USING fts5(search_text, facets, content='', tokenize='{tokenizer}')",
        _insert_trigger(),
        f"CREATE TRIGGER idea_fts_delete AFTER DELETE ON idea BEGIN {delete} END",
        f"CREATE TRIGGER idea_fts_update AFTER UPDATE OF {columns} ON idea BEGIN {delete} {insert} END",
        _refill(),
    ):
        conn.execute(text(statement))


@contextmanager
def insert_trigger_aside(conn: Connection) -> Iterator[None]:
    """Ideas inserted inside the block (in the caller's transaction) are NOT indexed by the insert trigger: the
    caller indexes them with `INDEX_FROM` in a few statements (row by row, the index flushes its pending terms
    after every statement: ten times slower). The trigger is back at the end of the block, in the same
    transaction, so no other connection ever sees the library without it; on an error the caller's rollback puts
    everything back."""
    conn.exec_driver_sql("DROP TRIGGER idea_fts_insert")
    yield
    conn.exec_driver_sql(_insert_trigger())


#: SQL indexing the rows of a table with the idea's `id`, `search_text` and `facets` (its `{}`): an import's
#: batch, whose facets Python made with `facets` (SQL's own take a third of the index's time)
INDEX_FROM = f"INSERT INTO {FTS}(rowid, search_text, facets) SELECT id, search_text, facets FROM {{}}"


def rebuild_statements() -> list[str]:
    """Plain SQL that fills the index again from the ideas (for a library copied row by row)."""
    return [f"INSERT INTO {FTS}({FTS}) VALUES ('delete-all')", _refill()]


def drop(conn: Connection) -> None:
    if conn.dialect.name != "sqlite":
        return
    for name in ("idea_fts_insert", "idea_fts_delete", "idea_fts_update"):
        conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
    conn.execute(text(f"DROP TABLE IF EXISTS {FTS}"))


# --- queries -------------------------------------------------------------------------------------------------


def words(match: str) -> str:
    """An FTS5 expression over typed words (`textsearch.match_query`), looked for in the words only."""
    return f"{{search_text}} : ({match})"


def statuses(values: tuple[str, ...]) -> str:
    return "{facets} : (" + " OR ".join(f'"s{hexed(v)}"' for v in values) + ")"


def card(value: str) -> str:
    return f'{{facets}} : "c{hexed(value)}"'


def tag(value: str) -> str | None:
    """One tag (already normal: `ideas.normal_tag`), or None when the index cannot say it as LIKE does (a tag
    with LIKE's wildcards, or an empty one)."""
    if not value or "%" in value or "_" in value:
        return None
    lowered = "".join(c.lower() if c.isascii() else c for c in value)  # SQLite's lower() and LIKE: ASCII only
    return f'{{facets}} : "t{hexed(lowered)}"'


def _stamp(moment: datetime) -> datetime:
    """A moment as the library stores it: UTC without a zone (a moment without one is taken as stored)."""
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def saved_span(conn: Connection) -> tuple[datetime, datetime] | None:
    """The hours the library's oldest and newest ideas were saved in (None for an empty library, or a time that
    is not stored as SQLAlchemy stores times)."""
    # each on its own: SQLite reads one end of the index for a lone min() or max(), every row for both at once
    ends = "SELECT (SELECT min(created_at) FROM idea), (SELECT max(created_at) FROM idea)"
    low, high = conn.execute(text(ends)).one()
    try:
        return _hour(str(low)), _hour(str(high))
    except ValueError:
        return None


def _hour(stamp: str) -> datetime:
    if len(stamp) < 13 or not (stamp[4] == stamp[7] == "-" and stamp[10] in " T"):
        raise ValueError(stamp)
    return datetime(int(stamp[:4]), int(stamp[5:7]), int(stamp[8:10]), int(stamp[11:13]))


NOTHING = '{facets} : "x"'  #: matches no idea (no facet token is a lone x)


def saved_between(start: datetime | None, end: datetime | None, first: datetime, last: datetime) -> str | None:
    """Ideas saved at `start` or later and before `end` (either may be None: open), as tokens of whole UTC years,
    months, days and hours; `first` and `last` are the library's oldest and newest saving times (an open range
    ends there). None when the index cannot say it exactly (a bound inside an hour: a zone half an hour off UTC)
    or only with too many tokens."""
    try:
        low = _stamp(start) if start else _stamp(first).replace(minute=0, second=0, microsecond=0)
        high = _stamp(end) if end else _stamp(last).replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        if any((m.minute, m.second, m.microsecond) != (0, 0, 0) for m in (low, high)):
            return None
        terms: list[str] = []
        at = low
        while at < high:
            if len(terms) == MAX_DATE_TERMS:
                return None
            at, term = _block(at, high)
            terms.append(f'"{term}"')
    except (OverflowError, ValueError):  # the ends of the calendar
        return None
    return "{facets} : (" + " OR ".join(terms) + ")" if terms else NOTHING


def _block(at: datetime, high: datetime) -> tuple[datetime, str]:
    """The largest whole year, month, day or hour starting at `at` that ends by `high`: where it ends, its token."""
    digits = f"{at.year:04d}{at.month:02d}{at.day:02d}{at.hour:02d}"  # as the stored text has them
    if at.hour == 0 and at.day == 1:
        if at.month == 1 and (year := at.replace(year=at.year + 1)) <= high:
            return year, f"y{digits[:4]}"
        if (month := (at + timedelta(days=32)).replace(day=1)) <= high:
            return month, f"m{digits[:6]}"
    if at.hour == 0 and (day := at + timedelta(days=1)) <= high:
        return day, f"d{digits[:8]}"
    return at + timedelta(hours=1), f"h{digits}"


def count_sql() -> str:
    """SQL counting the ideas that match :match, straight from the index."""
    return f"SELECT count(*) FROM {FTS} WHERE {FTS} MATCH :match"


def match_clause() -> str:
    """SQL that keeps ideas matching :match (an FTS5 expression)."""
    return f"idea.id IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH :match)"


def newest_matches() -> tuple[TableClause, str]:
    """For a page of matches in id order: the index as a table to join (`rowid`), and the SQL that matches
    :match in it. Walking the index in its own rowid order stops after a page, where `match_clause` collects
    every match and sorts them (300 ms for a two-letter prefix in 100 000 ideas)."""
    return table(FTS, column("rowid")), f"{FTS} MATCH :match"
