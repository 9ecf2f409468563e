"""The one module with PostgreSQL-only SQL: full-text search, sort order, and the change notification.

Search gives the same results as SQLite's FTS5 (`sqlite_search`): both index `idea.search_text`, the Snowball
Russian and English stems `textsearch.index_text` makes — the same Snowball stemmers as PostgreSQL's built-in
`russian` and `english` configurations (whose `russian` sends Latin words to `english_stem`). The stored
`search_tsv` column reads those stems with the `simple` configuration, because running the `russian`
configuration again over stems would drop its stop words ("the", "и") and stem stems twice, and then the two
engines would disagree. A GIN index serves `@@`; the last word, still being typed, also matches as a prefix.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, TextClause, UnaryExpression, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from game.store.textsearch import stem, words

CHANNEL = "technomagic_library"
_TSV = "search_tsv"


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
    if column.key in ("title", "focus", "status", "promise_who"):
        column = column.collate("C")
    return [column.desc().nulls_last()] if descending else [column.asc().nulls_first()]
