"""Words as the search index sees them: case-folded, ё→е, stemmed in Russian or English (Snowball).

Python (snowballstemmer's stemmers run in C when PyStemmer is installed, as the game installs it): the store
builds each idea's `search_text` with `index_text`, and turns what a person types into a full-text query with
`match_query`, so "клиент" finds "клиентов" and "gift" finds "gifts".
"""

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

import snowballstemmer

_WORD = re.compile(r"\w+")
_CYRILLIC = re.compile("[а-я]")


class WordStemmer(Protocol):
    def stemWord(self, word: str) -> str: ...


_RU: WordStemmer = snowballstemmer.stemmer("russian")
_EN: WordStemmer = snowballstemmer.stemmer("english")


def stemmer_module() -> str:
    """Where the stemmers come from: "Stemmer" when PyStemmer's C stemmers are in (the frozen app must have them)."""
    return type(_RU).__module__


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


class _Stems(dict[bytes, str]):
    """The stems of each stretch of text between ASCII characters that are no \\w (a word as typed, "Клиент",
    or words joined by other characters, "«клиент»", "a—b", or none, "—"), by its UTF-8 bytes, each made once: an
    import looks up millions of them, a few thousand of them different. Folding and splitting a stretch is
    folding and splitting the whole text there: every character folds alone, and the stretch ends at no \\w."""

    def __missing__(self, stretch: bytes) -> str:
        found = self[stretch] = " ".join(map(stem, _WORD.findall(fold(stretch.decode()))))
        return found


_STEMS = _Stems()
#: Bytes as \w sees them: ASCII letters, digits and "_" stay, other ASCII bytes become a space; the bytes of
#: other characters (\x80 and up, each character's bytes all of them) stay, and so does \x00, which parts the
#: texts
_ASCII_WORDS = bytes(c if chr(c).isalnum() or c in b"_\x00" or c >= 0x80 else 0x20 for c in range(256))


def index_texts(ideas: Sequence[Sequence[str | None]]) -> list[str]:
    """`index_text` of each of many ideas' parts, the very same text, in bulk (`index_joined`: an import makes
    100 000 of them)."""
    joined = "\x00".join([" ".join(filter(None, parts)) for parts in ideas])
    if joined.count("\x00") != len(ideas) - 1:  # a text with \x00 of its own (an import refuses those)
        return [index_text(*parts) for parts in ideas]
    return split_indexed(index_joined(joined))


def index_joined(texts: str) -> str:
    """`index_text` of each of the texts \x00 parts (none holds one of its own), parted by \x00 in turn: all of
    them split at once into stretches between ASCII characters that are no \\w (bytes.translate and bytes.split
    instead of a regular expression, \x00 a stretch of its own), each different stretch folded, split into words
    and stemmed once (`_Stems`), and joined. `split_indexed` gives the texts back one by one."""
    if len(_STEMS) > 200_000:  # as many as `stem` keeps
        _STEMS.clear()
    _STEMS[b"\x00"] = "\x00"
    stretches = texts.encode().translate(_ASCII_WORDS).replace(b"\x00", b" \x00 ").split()
    return " ".join(filter(None, map(_STEMS.__getitem__, stretches)))  # (a stretch of no words: "—")


def split_indexed(stems: str) -> list[str]:
    """The texts of `index_joined`, one by one."""
    texts = stems.split("\x00")
    if len(texts) == 1:
        return texts
    # each text but the first and the last has the space the join put on either side of its \x00s
    return [texts[0][:-1], *(text[1:-1] for text in texts[1:-1]), texts[-1][1:]]


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
