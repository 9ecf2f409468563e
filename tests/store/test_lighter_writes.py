"""0007: the full-text index splits tokens with FTS5's `ascii` tokenizer and two unused card indexes go; every
search finds what it found before, in a library upgraded from 0006 as in one made new."""

import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from game.store import backup, ideas, sqlite_search
from game.store.db import DB_NAME, open_library
from game.store.quick import head_revision
from game.store.textsearch import index_text, match_query, words
from tests.library_data import CORPUS, add
from tests.store.test_filter_index import downgrade

UNUSED = {"ix_idea_technique_card", "ix_idea_touchpoint_card"}


def schema(path) -> tuple[str, set[str]]:
    with sqlite3.connect(path) as raw:
        [fts] = raw.execute("SELECT sql FROM sqlite_master WHERE name = 'idea_fts'").fetchone()
        indexes = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    return fts, indexes


#: what people look for in the corpus: words in either language, forms, a prefix being typed, with filters
SEARCHES = [
    ideas.IdeaFilter(query="клиентов"),
    ideas.IdeaFilter(query="gift"),
    ideas.IdeaFilter(query="ёлк"),
    ideas.IdeaFilter(query="фото", statuses=("tried", "planned")),
    ideas.IdeaFilter(query="tea biscuit"),
    ideas.IdeaFilter(query="клиент", tag="зима"),
    ideas.IdeaFilter(tag="winter", statuses=("new",)),
    ideas.IdeaFilter(card="tm-joshi-giraffe"),
    ideas.IdeaFilter(query="подар", card="tm-joshi-giraffe"),
]


def found(engine) -> list[list[str]]:
    return [sorted(i.title for i in ideas.find(engine, flt)) for flt in SEARCHES]


def test_a_library_of_0006_is_backed_up_and_finds_the_same_ideas_after(tmp_path):
    path = tmp_path / DB_NAME
    engine = open_library(tmp_path)
    for n, fields in enumerate(CORPUS):
        card = {"technique_card": "tm-joshi-giraffe"} if n % 3 == 0 else {"touchpoint_card": "tm-joshi-giraffe"}
        add(engine, **fields, **card)
    new = found(engine)
    engine.dispose()
    assert all(new) and len(set(map(tuple, new))) > 3  # every search finds something, and not all the same
    fts, indexes = schema(path)
    assert "tokenize='ascii'" in fts and not UNUSED & indexes

    downgrade(path, "0006")  # the library as 0006 left it: unicode61 and the two indexes
    fts, indexes = schema(path)
    assert "unicode61" in fts and indexes >= UNUSED
    engine = open_library(tmp_path)  # upgraded as the game opens it
    try:
        fts, indexes = schema(path)
        assert "tokenize='ascii'" in fts and not UNUSED & indexes
        with sqlite3.connect(path) as raw:
            assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [(head_revision(),)]
        assert found(engine) == new
    finally:
        engine.dispose()
    [kept] = backup.backups(tmp_path)
    assert kept.reason == "migration" and kept.ideas() == len(CORPUS)


#: texts as people type them: letters of both languages, ё, digits, punctuation, an underscore, emoji, accents
#: given as a separate mark, a German ß, a Turkish İ, Chinese, Greek, spacing of every kind
TEXT = st.lists(st.sampled_from(["клиент", "Клиентам", "ёлка", "ЁЛКИ", "gift", "Gifts", "café", "cafe\u0301", "ß",
                                 "İstanbul", "茶", "φως", "snake_case", "C++", "3D", "½", "№ 12", "🎁", "-", ",",
                                 " ", "  ", "\n", "\u00a0", "«", "»", "x"]),
                max_size=14).map("".join)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=6))
def test_both_tokenizers_find_the_same_ideas_for_every_word_and_prefix(texts):
    db = sqlite3.connect(":memory:")
    for name, tokenizer in (("new", sqlite_search.TOKENIZER), ("old", sqlite_search.TOKENIZER_BEFORE_0007)):
        db.execute(f"CREATE VIRTUAL TABLE {name} USING fts5(search_text, content='', tokenize='{tokenizer}')")
        db.executemany(f"INSERT INTO {name}(rowid, search_text) VALUES (?, ?)",
                       [(n, index_text(text)) for n, text in enumerate(texts, 1)])  # fmt: skip
    typed = {w for text in texts for w in words(text)} | {w[:2] for text in texts for w in words(text)}
    for word in typed:
        for query in (match_query(word), match_query(word + " ")):
            if query is None:
                continue
            got = [sorted(r[0] for r in db.execute(f"SELECT rowid FROM {name} WHERE {name} MATCH ?", (query,)))
                   for name in ("new", "old")]  # fmt: skip
            assert got[0] == got[1], (word, query)
