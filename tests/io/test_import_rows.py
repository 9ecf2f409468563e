"""The import's quick way into SQLite (batches staged with the driver's executemany and moved in by a second
thread, search texts and index facets made in bulk, dates turned into text without SQLAlchemy) stores exactly
what SQLAlchemy's own insert of the same records stores: the same row values, text for text, the same notes, and
the same index entries."""

import sqlite3
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import insert

from game.io import import_checks, importer, json_import
from game.io.intake import Batch, rows_of
from game.store.db import DB_NAME, open_library
from game.store.models import Idea, IdeaNote
from game.store.textsearch import index_text, index_texts
from tests.library_data import ideas_json

ODD = 'Ёж ß İstanbul ﬁsh — «кавычки» "q" \\ back\u2028sep\u00a0nbsp\u3000 👍🏽 ½ ٣ ǅ naïve\u0301 tab\there\nline '


def ideas_file(tmp_path):
    items = []
    for i in range(40):
        items.append({
            "title": f"{ODD[i % 17 : i % 17 + 60]} {i}", "text": (ODD * 8)[i : i + 300] + f" 007 null {i}",
            "status": ("new", "planned", "tried", "working", "dropped")[i % 5], "focus": ("", "wow", "fix")[i % 3],
            "score": i % 4, "dots": i % 6, "checks": {"c1": True, "c2": False} if i % 3 == 0 else {},
            "tags": [["зима", "Касса"], [], ["wow", "ünï"]][i % 3],
            "technique_card": "tm-joshi-giraffe" if i % 5 == 0 else None, "business_card": "biz-cafe",
            "promise_who": "Борис" if i % 2 else "", "promise_due": f"2026-05-0{1 + i % 9}" if i % 2 else None,
            "team": f"Команда {i % 3}", "player": "Kate",
            "created_at": ("2026-01-02T10:00:00+00:00", "2026-03-04T23:59:59.123456+03:00", "2025-12-31T21:30:00",
                           "1987-06-05T04:03:02.000001-09:30")[i % 4],
            "updated_at": "2026-04-05T06:07:08.5+00:00",
            "notes": [{"on": "2026-04-01", "text": f"Клиент вернулся — {i}"}] if i % 4 == 0 else [],
        })  # fmt: skip
    return ideas_json(tmp_path / "ideas.json", items)


def rows_and_index(folder):
    db = sqlite3.connect(folder / DB_NAME)
    try:
        rows = db.execute("SELECT * FROM idea ORDER BY id").fetchall()
        rows += db.execute('SELECT id, idea_id, "on", text, length(created_at) FROM idea_note ORDER BY id').fetchall()
        terms = {t for (text,) in db.execute("SELECT search_text FROM idea") for t in text.split()}
        terms |= {f"{{facets}} : {facet}" for facet in ("s6E6577", "s747269656416", "t77F77", "y2026", "h1987060513")}
        found = {t: db.execute("SELECT rowid FROM idea_fts WHERE idea_fts MATCH ? ORDER BY rowid",
                               (t if t.startswith("{") else f'"{t}"',)).fetchall() for t in terms}  # fmt: skip
        return rows, found
    finally:
        db.close()


def test_import_stores_what_sqlalchemy_stores(tmp_path, monkeypatch):
    monkeypatch.setattr(import_checks, "CHUNK", 7)  # several batches, the last one short
    path = ideas_file(tmp_path)
    quick, slow = tmp_path / "quick", tmp_path / "slow"
    quick.mkdir(), slow.mkdir()
    engine = open_library(quick)
    assert importer.import_json(engine, path).added == 40
    engine.dispose()
    records = json_import._json_ideas(path, path.read_text(encoding="utf-8"), [])
    engine = open_library(slow)
    with engine.begin() as connection:  # SQLAlchemy's own conversions, and the index's insert trigger
        rows = [row | {"id": n} for n, row in enumerate(rows_of(Batch.of(records)), 1)]
        connection.execute(insert(Idea.__table__), rows)
        notes = [{"idea_id": n, "on": on, "text": text, "created_at": datetime.now(UTC)}
                 for n, r in enumerate(records, 1) for on, text in r.notes]  # fmt: skip
        connection.execute(insert(IdeaNote.__table__), notes)
    engine.dispose()
    quick_rows, quick_index = rows_and_index(quick)
    slow_rows, slow_index = rows_and_index(slow)
    assert len(quick_rows) == 40 + 10 and quick_rows == slow_rows
    assert quick_index == slow_index and quick_index["клиент"] and quick_index["{facets} : y2026"]


TEXTS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.one_of(st.none(), TEXTS), max_size=5), max_size=8))
def test_bulk_search_texts_are_the_one_by_one_ones(ideas):
    assert index_texts(ideas) == [index_text(*parts) for parts in ideas]


def test_bulk_search_texts_of_odd_characters():
    ideas = [[ODD], [ODD.upper(), None, "x\x1cy\x85z_w"], [], ["a\x00b"], ["—"], [None]]
    assert index_texts(ideas) == [index_text(*parts) for parts in ideas]
    # stretches between ASCII non-words, each folded and split alone: words inside them, folding that grows
    ideas = [["«Клиентов»—РАДУЕМ", "a—b", "—"], ["İSTANBUL Straße ǅEMAL"], ["«клиентов»", "КЛИЕНТОВ"], ["— —"]]
    assert index_texts(ideas) == [index_text(*parts) for parts in ideas]
    assert index_texts(ideas)[0] == "клиент раду a b" and index_texts(ideas)[2] == "клиент клиент"
    assert index_texts([]) == []
