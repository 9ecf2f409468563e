"""The facet tokens of an idea as Python makes them for an import (`sqlite_search` has the SQL that makes the same
text for every other write): plain Python, so that the import's worker process makes them without SQLAlchemy."""

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=4096)
def hexed(value: str) -> str:
    """A value's UTF-8 bytes in upper-case hex: what follows a facet token's letter (no tokenizer splits it)."""
    return value.encode("utf-8").hex().upper()


@lru_cache(maxsize=4096)
def _tag_token(tag: str) -> str:
    return "t" + hexed("".join(c.lower() if c.isascii() else c for c in tag))  # SQLite's lower(): ASCII only


def facets(status: str, created_at: str, cards: Sequence[str | None], tags: str) -> str:
    """The very text `facets_sql` computes for an idea, from its stored values (`created_at` as the library stores
    it, `tags` as ",one,two,"): an import makes it for 100 000 ideas (`facets_of`). tests/store/test_filter_index.py
    holds the two to each other."""
    return "s" + hexed(status) + _saved_tokens(created_at[:13]) + _card_tokens(cards) + _tag_tokens(tags)


def facets_of(statuses: Sequence[str], saved: Sequence[str], cards: Sequence[Sequence[str | None]],
              tags: Sequence[str]) -> list[str]:  # fmt: skip
    """`facets` of many ideas, column by column (`cards`: a column for each of CARD_COLUMNS): each different
    status, hour, card id and list of tags made once."""
    held = [_each(column, lambda card: "" if card is None else " c" + hexed(card)) for column in cards]
    return list(map("".join, zip(
        _each(statuses, lambda status: "s" + hexed(status)), _each([stamp[:13] for stamp in saved], _saved_tokens),
        *held, _each(tags, _tag_tokens), strict=True,
    )))  # fmt: skip


def _saved_tokens(hour: str) -> str:
    """The tokens of the UTC year, month, day and hour an idea was saved in ("2026-12-01 14": its stored text)."""
    year, month, day, hour = hour[:4], hour[5:7], hour[8:10], hour[11:13]
    return f" y{year} m{year}{month} d{year}{month}{day} h{year}{month}{day}{hour}"


def _card_tokens(cards: Sequence[str | None]) -> str:
    present = list(filter(None, cards))  # most ideas name few cards; an empty id ("") is a token of its own
    if "" in cards:
        present = [card for card in cards if card is not None]
    return " c" + " c".join(map(hexed, present)) if present else ""


def _tag_tokens(tags: str) -> str:
    between = tags.split(",")[1:-1]
    return " " + " ".join(_tag_token(tag) for tag in between if tag) if any(between) else ""


def _each(values: Sequence[Any], make: Callable[[Any], str]) -> list[str]:
    made = {value: make(value) for value in set(values)}
    return list(map(made.__getitem__, values))
