"""The quick way into a SQLite library (batches staged in temporary tables and moved in by a second thread, the
full-text index filled per batch) leaves the very library that SQLAlchemy's plain insert leaves (the way the game
imported before, and still does on PostgreSQL): the same rows, notes, index entries and skipped duplicates, for
JSON and for CSV, into an empty library and into one that already holds some of the ideas."""

import json
import sqlite3
from datetime import UTC, datetime

import pytest

from game.io import import_checks, importer, intake, tabular
from game.store import ideas, sqlite_search
from game.store.db import open_library
from tests.library_data import add

RUSSIAN = ["Подарок постоянным клиентам", "Ёлка у кассы, где клиенты ждут", "Жираф возвращается с фотографиями",
           "Чай тем, кто ждёт шиномонтажа", "Клиентский день раз в месяц"]  # fmt: skip
ENGLISH = ["Gifts for regular clients", "Free tea while the tyres are changed", "Photo of the forgotten scarf",
           "A birthday card signed by the whole team", "Zebra first, Äpfel after"]  # fmt: skip
EMOJI = ["🎉", "👍🏽", "🇷🇺", "❤️", "🧑‍🍳"]
SAVED = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def corpus() -> list[dict]:
    items = []
    for i in range(60):
        words = (RUSSIAN if i % 2 else ENGLISH)[i % 5]
        items.append({
            "title": f"{words} {EMOJI[i % 5]} {i}" if i % 7 else "",  # an idea of a text only: titled by its line
            "text": f"{(ENGLISH if i % 2 else RUSSIAN)[(i + 2) % 5]} — «{i}»\nвторая строка; line 2 {EMOJI[i % 3]}",
            "status": ("new", "planned", "tried", "working", "dropped")[i % 5], "focus": ("", "wow", "fix")[i % 3],
            "score": i % 4, "dots": i % 6, "checks": {"tm-fit": True, "tm-cost": False} if i % 3 == 0 else {},
            "tags": [["зима", "Касса"], [], ["wow", "Ünï", "с пробелом"], ["🎁"]][i % 4],
            "business_card": "biz-cafe" if i % 2 else None,
            "technique_card": "tm-joshi-giraffe" if i % 5 == 0 else None, "promise_who": ("Борис", "Kate", "")[i % 3],
            "promise_due": f"2026-0{1 + i % 9}-1{i % 10}" if i % 3 else None,
            "promise_first_step": "Позвонить поставщику 📞" if i % 3 else "",
            "promise_success_sign": "Ten happy clients" if i % 4 == 1 else "",
            "team": f"Команда {i % 3}", "player": ("Аня", "Tom 🐯", "")[i % 3],
            "created_at": ("2026-01-02T10:00:00+00:00", "2026-03-04T23:59:59.123456+03:00", "2025-12-31T21:30:00",
                           "1987-06-05T04:03:02.000001-09:30")[i % 4],
            "updated_at": "2026-04-05T06:07:08.5+00:00",
            "notes": [{"on": "2026-04-01", "text": f"Клиент вернулся 😊 {i}"},
                      {"on": "2026-04-02", "text": "Second note\nof two lines"}][: i % 3],
        })  # fmt: skip
    items.append(dict(items[3], title=items[3]["title"].upper().replace(" ", "  ")))  # a twin in the file: skipped
    return items


def library_path(engine) -> str:
    return engine.url.database


def dump(engine) -> tuple[list, list, dict]:
    """Every idea's row, every note (its time of noting by length only), and what the index finds for every
    stem and every facet token the ideas have."""
    db = sqlite3.connect(library_path(engine))
    try:
        rows = db.execute("SELECT * FROM idea ORDER BY id").fetchall()
        notes = db.execute('SELECT id, idea_id, "on", text, length(created_at) FROM idea_note ORDER BY id').fetchall()
        terms = {f'"{t}"' for (text,) in db.execute("SELECT search_text FROM idea") for t in text.split()}
        facets = f"SELECT {sqlite_search.facets_sql('idea')} FROM idea"  # every facet token the triggers index
        terms |= {f'{{facets}} : "{t}"' for (text,) in db.execute(facets) for t in text.split()}
        status = [f'{{facets}} : "s{s.encode().hex().upper()}"' for s in ("new", "planned", "tried", "working")]
        tags = [f'{{facets}} : "t{t.encode().hex().upper()}"' for t in ("зима", "касса", "wow", "Ünï", "🎁")]
        others = ['{facets} : "c' + b"biz-cafe".hex().upper() + '"', '{facets} : "y2026"',
                  '{facets} : "h1987060513"', '{facets} : "d20251231"', '{facets} : "m202603"']  # fmt: skip
        found = {t: db.execute("SELECT rowid FROM idea_fts WHERE idea_fts MATCH ? ORDER BY rowid", (t,)).fetchall()
                 for t in sorted(terms) + status + tags + others}  # fmt: skip
        return rows, notes, found
    finally:
        db.close()


def plain_insert(session, batches, now, fresh, stemming=None):
    """The import's way into SQLite replaced by SQLAlchemy's insert (with the index's own insert trigger)."""
    return intake._insert_portable(session.connection(), [fresh(batch) for batch in batches])


def libraries(tmp_path, monkeypatch, source, kind: str, before: list[tuple[str, str]], worker: bool):
    """The source imported the quick way (with a worker process making the search texts and fingerprints, or
    not) and the plain way, each into a library holding the `before` ideas."""
    made = []
    for name in ("quick", "plain"):
        (tmp_path / name).mkdir()
        engine = open_library(tmp_path / name)
        for title, text in before:
            add(engine, title, text=text, created_at=SAVED, updated_at=SAVED)
        with monkeypatch.context() as patch:
            patch.setattr(import_checks, "CHUNK", 7)  # several batches, the last one short
            if name == "plain":
                patch.setattr(intake, "_insert_sqlite", plain_insert)
            elif worker:
                patch.setattr(importer, "STEMMING_BYTES", 0)  # (a file this small has none)
            result = importer.import_json(engine, source) if kind == "json" else importer.import_csv(engine, source)
        made.append((engine, result))
    return made


@pytest.mark.parametrize("kind", ["json", "csv"])
@pytest.mark.parametrize("before", [False, True])
@pytest.mark.parametrize("worker", [False, True])
def test_the_quick_import_leaves_the_library_the_plain_insert_leaves(tmp_path, monkeypatch, kind, before, worker):
    items = corpus()
    source = tmp_path / "ideas.json"
    source.write_text(json.dumps({"format": "technomagic-ideas", "version": 1, "ideas": items}), encoding="utf-8")
    if kind == "csv":  # our own CSV export of the same ideas, as a user moves them between libraries
        (tmp_path / "export").mkdir()
        engine = open_library(tmp_path / "export")
        assert importer.import_json(engine, source).added == 60
        source = tmp_path / "ideas.csv"
        tabular.export_csv(engine, ideas.IdeaFilter(), source, "ru")
        engine.dispose()
    # one of the file's ideas, in other case and spacing, is in the library already; and the file's own twin
    already = [("Already there", "Not in the file"), (items[5]["title"].lower(), "  " + items[5]["text"].upper())]
    already = already if before else []
    (quick, quick_result), (plain, plain_result) = libraries(tmp_path, monkeypatch, source, kind, already, worker)
    try:
        assert quick_result == plain_result
        twins = 1 if kind == "json" else 0  # the CSV comes from a library that skipped the file's twin already
        assert (quick_result.added, quick_result.skipped_duplicates) == ((59, twins + 1) if before else (60, twins))
        quick_rows, quick_notes, quick_found = dump(quick)
        plain_rows, plain_notes, plain_found = dump(plain)
        assert len(quick_rows) == len(already) + quick_result.added and len(quick_notes) > 30
        assert quick_rows == plain_rows and quick_notes == plain_notes
        assert quick_found == plain_found
        assert all(quick_found[t] for t in ('"клиент"', '"gift"', '{facets} : "y2026"')), "the index finds them"
        assert any("🎉" in row[0] for row in quick_rows) and any("Борис" in map(str, row) for row in quick_rows)
    finally:
        quick.dispose()
        plain.dispose()
