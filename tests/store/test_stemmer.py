"""Search stems words with PyStemmer (Snowball in C) when it is installed, as it is with the game: the very same
stems as snowballstemmer's pure Python, which the library's search texts were made with before."""

import re
from pathlib import Path

from snowballstemmer.english_stemmer import EnglishStemmer
from snowballstemmer.russian_stemmer import RussianStemmer

from game.store import textsearch

ROOT = Path(__file__).resolve().parents[2]
ENDINGS = ("", "а", "ов", "ами", "ях", "ей", "ого", "ему", "ыми", "ющийся", "ность", "ениями", "ться", "ed", "ing",
           "ness", "ies", "ly", "ational", "fulness")  # fmt: skip


def shipped_words() -> set[str]:
    """Every word of the shipped cards, scenarios, translations and README, and stems with endings added."""
    found: set[str] = set()
    for pattern in ("cards/**/*.toml", "scenarios/**/*.toml", "assets/translations/*.ts", "README.md"):
        for path in ROOT.glob(pattern):
            found.update(textsearch.words(path.read_text(encoding="utf-8")))
    roots = sorted(found)[::7]
    return found | {root + ending for root in roots for ending in ENDINGS}


def test_search_uses_the_c_stemmers():
    import Stemmer

    assert isinstance(textsearch._RU, Stemmer.Stemmer) and isinstance(textsearch._EN, Stemmer.Stemmer)


def test_the_c_stemmers_give_the_pure_python_stems():
    words = shipped_words()
    assert len(words) > 20_000
    russian, english = RussianStemmer(), EnglishStemmer()
    cyrillic = re.compile("[а-я]")
    differ = [w for w in words if textsearch.stem(w) != (russian if cyrillic.search(w) else english).stemWord(w)]
    assert differ == []
