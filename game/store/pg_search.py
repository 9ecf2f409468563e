"""The one module with PostgreSQL-only SQL: full-text search, sort order, and the change notification.

Search gives the same results as SQLite's FTS5 (`sqlite_search`): both index `idea.search_text`, the Snowball
Russian and English stems `textsearch.index_text` makes — the same Snowball stemmers as PostgreSQL's built-in
`russian` and `english` configurations (whose `russian` sends Latin words to `english_stem`). The stored
`search_tsv` column reads those stems with the `simple` configuration, because running the `russian`
configuration again over stems would drop its stop words ("the", "и") and stem stems twice, and then the two
engines would disagree. A GIN index serves `@@`; the last word, still being typed, also matches as a prefix.

Counting is what costs on a server: a match is a row read (PostgreSQL keeps no counts in its indexes), 46 000 of
them for a two-letter word in 100 000 ideas. So the library screen's search reads at most `COUNT_LIMIT` + 1
matching ids (and says "more than 1,000 ideas" past that); when that is all of them the page is cut from those
ids alone, else the matches are walked newest first. Every filter of the library screen has an index (migration
0005: tags and cards as arrays in GIN indexes, the saving time with the id), so the planner can intersect them
with the words' GIN index before it reads a row.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, TextClause, UnaryExpression, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from game.store.textsearch import stem, words

CHANNEL = "technomagic_library"
_TSV = "search_tsv"
#: The library screen counts matches up to this many, then says "more than" (each match counted is a row read).
COUNT_LIMIT = 1000
_TAGS = "string_to_array(idea.tags, ',')"
_CARDS = "ARRAY[{}]"


def create(conn: Connection) -> None:
    if conn.dialect.name != "postgresql":
        return
    for statement in (
        # stripped of positions (no phrase search, no ranking): narrower rows, and a count reads fewer pages
        f"ALTER TABLE idea ADD COLUMN {_TSV} tsvector "
        f"GENERATED ALWAYS AS (strip(to_tsvector('simple'::regconfig, search_text))) STORED",
        f"CREATE INDEX ix_idea_{_TSV} ON idea USING gin ({_TSV})",
        'CREATE INDEX ix_idea_title_c ON idea (title COLLATE "C")',
        # every change of ideas or notes tells the other computers (one NOTIFY per transaction: same payload)
        f"CREATE FUNCTION technomagic_notify() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME); RETURN NULL; END $$",
        "CREATE TRIGGER idea_changed AFTER INSERT OR UPDATE OR DELETE ON idea "
        "FOR EACH STATEMENT EXECUTE FUNCTION technomagic_notify()",
        "CREATE TRIGGER idea_note_changed AFTER INSERT OR UPDATE OR DELETE ON idea_note "
        "FOR EACH STATEMENT EXECUTE FUNCTION technomagic_notify()",
    ):
        conn.execute(text(statement))


def drop(conn: Connection) -> None:
    if conn.dialect.name != "postgresql":
        return
    for statement in (
        "DROP TRIGGER IF EXISTS idea_changed ON idea",
        "DROP TRIGGER IF EXISTS idea_note_changed ON idea_note",
        "DROP FUNCTION IF EXISTS technomagic_notify()",
        "DROP INDEX IF EXISTS ix_idea_title_c",
        f"ALTER TABLE idea DROP COLUMN IF EXISTS {_TSV}",
    ):
        conn.execute(text(statement))


def create_filter_indexes(conn: Connection, card_columns: tuple[str, ...]) -> None:
    """The indexes that let every filter of the library screen meet the words' GIN index in a bitmap (0005)."""
    if conn.dialect.name != "postgresql":
        return
    cards = _CARDS.format(", ".join(card_columns))
    for statement in (
        f"CREATE INDEX ix_idea_tag_list ON idea USING gin ({_TAGS.replace('idea.', '')})",
        f"CREATE INDEX ix_idea_card_list ON idea USING gin (({cards}))",
        "CREATE INDEX ix_idea_created_id ON idea (created_at, id)",
    ):
        conn.execute(text(statement))


def drop_filter_indexes(conn: Connection) -> None:
    if conn.dialect.name != "postgresql":
        return
    for name in ("ix_idea_tag_list", "ix_idea_card_list", "ix_idea_created_id"):
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))


def has_tag(tag: str) -> TextClause:
    """Ideas carrying exactly this (normalised) tag, through the tags' GIN index."""
    return text(f"{_TAGS} @> ARRAY[CAST(:tag AS text)]").bindparams(tag=tag)


def from_card(card: str, card_columns: tuple[str, ...]) -> TextClause:
    """Ideas that came from this card, whichever of the card columns holds it, through the cards' GIN index."""
    cards = _CARDS.format(", ".join(f"idea.{c}" for c in card_columns))
    return text(f"{cards} @> ARRAY[CAST(:card AS varchar)]").bindparams(card=card)


def _plan(session: Session, *, seqscan: bool, indexscan: bool, bitmapscan: bool) -> None:
    """Which ways of reading the ideas the planner may take, for the rest of this transaction."""
    settings = {"enable_seqscan": seqscan, "enable_indexscan": indexscan, "enable_bitmapscan": bitmapscan}
    session.execute(text(", ".join(f"set_config('{name}', :{name}, true)" for name in settings).join(
        ("SELECT ", ""))), {name: "on" if on else "off" for name, on in settings.items()})  # fmt: skip


def through_bitmaps(session: Session) -> None:
    """For counting matches (`ideas.page` reads at most `COUNT_LIMIT` + 1 ids): through the indexes' bitmaps only.
    They intersect every filter and the words before a row is read, so at most that many rows are. A scan of the
    table, or of the ids with the filters checked row by row, would read every row that does not match until
    enough do (the planner's guess of how many match can be 10× off)."""
    _plan(session, seqscan=False, indexscan=False, bitmapscan=True)


#: Sort orders an index gives as they are (the primary key, title collation C, the saving time)
WALKABLE = frozenset(("id", "title", "created_at"))


def walk_in_order(session: Session, column: str) -> None:
    """For a page of many matches (more than `COUNT_LIMIT`) in an order an index gives (`WALKABLE`): along that
    index, checking each idea, till the page is full, rather than reading every match to sort them (the planner,
    guessing too few matches, would). Other orders sort the matches, however the planner likes to read them."""
    if column in WALKABLE:
        _plan(session, seqscan=False, indexscan=True, bitmapscan=False)
    else:
        plan_freely(session)


def plan_freely(session: Session) -> None:
    _plan(session, seqscan=True, indexscan=True, bitmapscan=True)


def _lexeme(word: str) -> str:
    return f"'{word}'"  # only \w characters reach here: never a quote, never tsquery syntax


def tsquery(typed: str) -> str | None:
    """A `to_tsquery('simple', …)` expression for what a person typed (as `textsearch.match_query` for FTS5)."""
    tokens = words(typed)
    if not tokens:
        return None
    terms = [_lexeme(stem(t)) for t in tokens]
    if not typed[-1:].isspace():
        terms[-1] = f"({terms[-1]} | {_lexeme(tokens[-1])}:*)"
    return " & ".join(terms)


def any_of(stems: list[str]) -> str:
    return " | ".join(_lexeme(s) for s in stems)


def match(expression: str) -> TextClause:
    """The WHERE clause keeping ideas that match a tsquery expression."""
    return text(f"idea.{_TSV} @@ to_tsquery('simple'::regconfig, :tsq)").bindparams(tsq=expression)


def count_through_index(session: Session) -> None:
    """Counting matches: the GIN index and the matching rows, never every row's tsvector (the planner, not
    knowing how dear `@@` is, prefers a full scan for common words: 5× slower at 100 000 ideas)."""
    session.execute(text("SET LOCAL enable_seqscan = off"))


def order_terms(column: ColumnElement[Any], descending: bool) -> list[UnaryExpression[Any]]:
    """ORDER BY terms that sort as SQLite does: text by code point (collation C) and NULLs as the smallest."""
    nullable = getattr(column.expression, "nullable", True)  # not said of a column never NULL: no index has
    # `id DESC NULLS LAST`, and PostgreSQL would read and sort every row for it
    if column.key in ("title", "focus", "status", "promise_who"):
        column = column.collate("C")
    if not nullable:
        return [column.desc() if descending else column.asc()]
    return [column.desc().nulls_last()] if descending else [column.asc().nulls_first()]
