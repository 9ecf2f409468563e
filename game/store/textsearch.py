"""Words as the search index sees them: case-folded, ё→е, stemmed in Russian or English (Snowball).

Pure Python: the store builds each idea's `search_text` with `index_text`, and turns what a person types
into a full-text query with `match_query`, so "клиент" finds "клиентов" and "gift" finds "gifts".
"""

import re
from functools import lru_cache
from typing import Protocol

import snowballstemmer

_WORD = re.compile(r"\w+")
_CYRILLIC = re.compile("[а-я]")


class WordStemmer(Protocol):
    def stemWord(self, word: str) -> str: ...


_RU: WordStemmer = snowballstemmer.stemmer("russian")
_EN: WordStemmer = snowballstemmer.stemmer("english")


def fold(text: str) -> str:
    return text.casefold().replace("ё", "е")


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """One folded word's stem: Russian rules for Cyrillic words, English for the rest."""
    return (_RU if _CYRILLIC.search(word) else _EN).stemWord(word)


def index_text(*parts: str | None) -> str:
    """What the full-text index stores for an idea: the stems of all its texts (folded and split in one go: an
    import of 100 000 ideas calls this for each)."""
    return " ".join(map(stem, _WORD.findall(fold(" ".join(filter(None, parts))))))


def match_query(typed: str) -> str | None:
    """An FTS5 MATCH expression for what a person typed, or None when there is nothing to look for.

    Every word must match by its stem; the last one, still being typed, may also be the start of a word.
    Only \\w characters reach the expression, each inside quotes: typed text can never become query syntax.
    """
    tokens = words(typed)
    if not tokens:
        return None
    typing = not typed[-1:].isspace()
    terms = [f'"{stem(t)}"' for t in tokens]
    if typing:
        terms[-1] = f'({terms[-1]} OR "{tokens[-1]}"*)'
    return " AND ".join(terms)
