"""The library store: migrations that keep data, search in both languages, filters, edits, deletes, promises."""

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from game.store import backup, ideas
from game.store.db import DB_NAME, migrate
from game.store.textsearch import match_query
from tests.library_data import add

STRANGE = [
    "Подарок постоянным клиентам 🎁 на Новый год",
    "Gifts for regular clients",
    "'; DROP TABLE idea; --",
    "x" * 100_000,
    "Ёлка у кассы",
]


@pytest.fixture
def engine(library):
    """Every test here runs on a SQLite file and on a PostgreSQL database (tests/conftest.py: `library`)."""
    return library


def titles(engine, **flt) -> list[str]:
    return [i.title for i in ideas.find(engine, ideas.IdeaFilter(**flt))]


def test_russian_and_english_word_forms_are_found(engine):
    for title in STRANGE:
        add(engine, title)
    assert titles(engine, query="клиент") == [STRANGE[0]]  # "клиентам"
    assert titles(engine, query="постоянный") == [STRANGE[0]]  # "постоянным"
    assert titles(engine, query="gift") == [STRANGE[1]]
    assert titles(engine, query="client") == [STRANGE[1]]
    assert titles(engine, query="елка") == [STRANGE[4]]  # ё and е are one letter to search
    assert titles(engine, query="клие") == [STRANGE[0]]  # as-you-type: the start of a word
    assert ideas.count(engine, ideas.IdeaFilter(query="DROP TABLE")) == 1


def test_an_idea_with_an_empty_title_is_kept_and_found_by_its_text(engine):
    idea_id = add(engine, "", text="Только текст, без заголовка")
    assert [i.id for i in ideas.find(engine, ideas.IdeaFilter(query="тексты"))] == [idea_id]
    assert ideas.get(engine, idea_id).title == ""


def test_strange_text_is_stored_and_found_intact(engine):
    ids = [add(engine, title) for title in STRANGE]
    for idea_id, title in zip(ids, STRANGE, strict=True):
        assert ideas.get(engine, idea_id).title == title
    assert titles(engine, query="'; --") == list(reversed(STRANGE))  # no words: nothing filtered, nothing broken
    assert ideas.count(engine, ideas.IdeaFilter()) == len(STRANGE)


def test_typed_text_never_becomes_query_syntax():
    assert match_query('gift" OR 1=1 NEAR(') == '"gift" AND "or" AND "1" AND "1" AND ("near" OR "near"*)'
    assert match_query("   ") is None


def test_filters_on_every_field(engine):
    base = datetime(2026, 3, 1, tzinfo=UTC)
    a = add(engine, "Tea", status="tried", focus="wow", tags=",зима,касса,", team="Red", player="Oleg", dots=2,
            technique_card="tm-joshi-giraffe", promise_due=date(2026, 4, 1), created_at=base)  # fmt: skip
    later = base + timedelta(days=30)
    b = add(engine, "Coffee", status="new", focus="fix", tags=",касса,", team="Blue", player="Anna", score=4,
            touchpoint_card="tp-waiting", promise_due=date(2026, 5, 1), created_at=later)  # fmt: skip

    def ids(**flt):
        return [i.id for i in ideas.find(engine, ideas.IdeaFilter(**flt))]

    assert ids(statuses=("tried",)) == [a]
    assert ids(statuses=("tried", "new")) == [b, a]
    assert ids(focuses=("fix",)) == [b]
    assert ids(tag="Касса") == [b, a] and ids(tag="зима") == [a] and ids(tag="зим") == []
    assert ids(team="Blue") == [b] and ids(player="Oleg") == [a]
    assert ids(card="tm-joshi-giraffe") == [a] and ids(card="tp-waiting") == [b]
    assert ids(created_from=date(2026, 3, 15)) == [b] and ids(created_to=date(2026, 3, 1)) == [a]
    assert ids(due_from=date(2026, 4, 15)) == [b] and ids(due_to=date(2026, 4, 1)) == [a]
    assert ids(query="tea", statuses=("new",)) == []
    assert ids(ids=(a,)) == [a] and ids(ids=(a, b), focuses=("fix",)) == [b]
    assert ids(person="Red") == [a] and ids(person="Anna") == [b] and ids(person="Zoe") == []
    assert ids(min_score=3) == [b] and ids(min_dots=2) == [a]


def test_order_and_pages_never_overlap(engine):
    for n in range(25):
        add(engine, f"idea {n:02d}")
    flt = ideas.IdeaFilter()
    by_title = ideas.Order("title", descending=False)
    pages = [ideas.find(engine, flt, by_title, offset=o, limit=10) for o in (0, 10, 20)]
    assert [i.title for page in pages for i in page] == [f"idea {n:02d}" for n in range(25)]
    with pytest.raises(ValueError, match="cannot sort by 'search_text'"):
        ideas.Order("search_text")


def test_edits_reindex_and_return_what_undo_needs(engine):
    idea_id = add(engine, "Warm towels", text="Towels from the radiator")
    before = ideas.update(engine, [idea_id], title="Hot tea", status="planned", tags=["Зима", "зима", " wow "])
    assert before == {idea_id: {"title": "Warm towels", "status": "new", "tags": ""}}
    idea = ideas.get(engine, idea_id)
    assert (idea.title, idea.status, ideas.tags_of(idea)) == ("Hot tea", "planned", ["зима", "wow"])
    assert titles(engine, query="hot") == ["Hot tea"] and titles(engine, query="warm") == []
    ideas.restore_fields(engine, before)
    assert titles(engine, query="warm") == ["Warm towels"] and titles(engine, query="hot") == []
    with pytest.raises(ValueError, match="status must be one of"):
        ideas.update(engine, [idea_id], status="done")
    with pytest.raises(AttributeError, match="no editable field 'search_text'"):
        ideas.update(engine, [idea_id], search_text="x")


def test_notes_are_dated_searchable_and_deleted_with_their_idea(engine):
    idea_id = add(engine, "Photo of the lost toy")
    ideas.add_note(engine, idea_id, date(2026, 1, 10), "Клиентка расплакалась от радости")
    assert [n.text for n in ideas.notes(engine, idea_id)] == ["Клиентка расплакалась от радости"]
    assert titles(engine, query="радость") == ["Photo of the lost toy"]
    snapshot = ideas.delete(engine, [idea_id])
    assert ideas.count(engine, ideas.IdeaFilter()) == 0 and titles(engine, query="радость") == []
    ideas.restore(engine, snapshot)
    assert titles(engine, query="радость") == ["Photo of the lost toy"]
    assert [n.on for n in ideas.notes(engine, idea_id)] == [date(2026, 1, 10)]


def test_due_promises_are_the_unreported_ones_due_within_a_week(engine):
    today = date(2026, 11, 23)
    overdue = add(engine, "Overdue", promise_due=today - timedelta(days=3), status="planned")
    soon = add(engine, "Soon", promise_due=today + timedelta(days=6), status="new")
    add(engine, "Later", promise_due=today + timedelta(days=30), status="planned")
    add(engine, "Reported", promise_due=today, status="tried")
    add(engine, "No date")
    assert [i.id for i in ideas.due_promises(engine, today)] == [overdue, soon]
    assert [i.id for i in ideas.due_promises(engine, today, limit=1)] == [overdue]
    assert ideas.count_due(engine, today) == 2


def test_similar_ideas_share_words(engine):
    add(engine, "Free tea while the tyres are changed")
    add(engine, "Photo of the forgotten scarf")
    assert [i.title for i in ideas.similar(engine, "a cup of tea for those who wait")] == [
        "Free tea while the tyres are changed"
    ]
    assert ideas.similar(engine, "the and for") == []


def test_a_library_from_the_first_schema_is_migrated_without_losing_an_idea(library_url):
    """Libraries saved before migrations existed were made by create_all with the 0001 schema."""
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from game.store.db import MIGRATIONS
    from game.store.engine import open_url, parse

    if library_url.startswith("sqlite"):
        Path(parse(library_url).database).parent.mkdir(parents=True, exist_ok=True)
    old = create_engine(parse(library_url))
    with old.begin() as conn:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.exec_driver_sql("DROP TABLE alembic_version")  # as create_all left it: no version table
        conn.exec_driver_sql(
            "INSERT INTO idea (title, text, focus, score, checks_json, dots, promise_who, promise_first_step, "
            "promise_success_sign, status, tags, team, player, created_at, updated_at) VALUES "
            "('Подарки клиентам', 'Дарить подарки клиентам', 'wow', 3, '{}', 2, 'Анна', 'Купить', '', "
            "'planned', '', '', '', '2026-01-01 10:00:00', '2026-01-01 10:00:00')"
        )
    old.dispose()
    engine = open_url(library_url)
    try:
        [idea] = ideas.find(engine, ideas.IdeaFilter(query="клиент"))  # "клиентам", indexed by the migration
        assert (idea.title, idea.focus, idea.promise_who, idea.dots) == ("Подарки клиентам", "wow", "Анна", 2)
        assert ideas.notes(engine, idea.id) == []
        with engine.connect() as conn:
            head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall() == [(head,)]
    finally:
        engine.dispose()
    if library_url.startswith("sqlite"):  # a file's backup before the upgrade (a server keeps its own)
        folder = Path(parse(library_url).database).parent
        with sqlite3.connect(folder / DB_NAME) as raw:
            assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [(head,)]
        [kept] = backup.backups(folder)  # the library as it was before the upgrade, checked
        assert kept.reason == "migration" and kept.ideas() == 1


def test_migrating_twice_changes_nothing(engine):
    add(engine, "Kept")
    with engine.begin() as conn:
        migrate(conn)
    assert titles(engine) == ["Kept"]


def test_the_quick_read_of_due_promises_finds_what_the_library_finds(tmp_path):
    """Home reads the promises due with sqlite3 before SQLAlchemy is imported: the same ideas, the same count (the
    data folder's SQLite file only: a server's library is read once it opens)."""
    import os
    import subprocess
    import sys

    from game.store import quick
    from game.store.db import open_library
    from tests.conftest import ROOT

    (tmp_path / "library").mkdir()
    engine = open_library(tmp_path / "library")

    today = date(2026, 11, 23)
    for n in range(7):
        add(engine, f"Promise {n}", promise_who="Oleg", promise_due=today + timedelta(days=n - 3), status="planned")
    add(engine, "Reported", promise_due=today, status="tried")
    add(engine, "Later", promise_due=today + timedelta(days=30), status="new")
    folder = Path(str(engine.url.database)).parent
    shown, total = quick.due_promises(folder, today, limit=5)
    assert [(d.id, d.title, d.promise_who, d.promise_due) for d in shown] == [
        (i.id, i.title, i.promise_who, i.promise_due) for i in ideas.due_promises(engine, today, limit=5)
    ]
    assert total == ideas.count_due(engine, today) == 7
    assert quick.due_promises(tmp_path / "nowhere", today) is None
    code = (
        "import sys, datetime; from pathlib import Path; from game.store import quick\n"
        "shown, total = quick.due_promises(Path(sys.argv[1]), datetime.date(2026, 11, 23))\n"
        "print(len(shown), total, sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'sqlmodel')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(folder)], cwd=ROOT, capture_output=True, text=True)
    assert out.stdout.strip() == "5 7 []", out.stderr
    code = (  # the game's own read, as the home screen asks it right after the first paint
        "import sys, datetime; from pathlib import Path; from game.ui.library import Library\n"
        "due = Library(Path(sys.argv[1])).quick_due(datetime.date(2026, 11, 23))\n"
        "print(len(due), due.total, sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'sqlmodel')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(folder)], cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "TECHNOMAGIC_LIBRARY": ""})  # fmt: skip
    assert out.stdout.strip() == "5 7 []", out.stderr
    db = sqlite3.connect(folder / "library.sqlite3")
    db.execute("UPDATE alembic_version SET version_num = '0001'")  # an older library waits for its migration
    db.commit()
    db.close()
    assert quick.due_promises(folder, today) is None


def test_a_stored_idea_and_its_note_have_ids_and_a_row_never_saved_is_refused_by_name(engine):
    from game.store.models import Idea, IdeaNote, saved_id

    idea_id = add(engine, "Tea for the queue")
    stored = ideas.get(engine, idea_id)
    assert stored is not None and saved_id(stored) == idea_id
    note_id = ideas.add_note(engine, idea_id, date(2026, 12, 1), "They loved it")
    assert [saved_id(note) for note in ideas.notes(engine, idea_id)] == [note_id]
    with pytest.raises(ValueError) as refused:
        saved_id(IdeaNote(idea_id=idea_id, on=date(2026, 12, 2), text="not yet saved"))
    assert str(refused.value) == "this IdeaNote was never saved: it has no id"
    with pytest.raises(ValueError):
        saved_id(Idea(title="draft", text="draft"))
