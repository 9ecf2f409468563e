"""The library on PostgreSQL: the same search, filters and sorts as on SQLite; URLs and passwords; two computers."""

from datetime import date
from pathlib import Path

import pytest
from sqlmodel import Session

from game.store import engine as engines
from game.store import ideas
from game.store.models import Idea
from tests.library_data import SEARCHES, add, add_corpus


@pytest.fixture
def both(tmp_path: Path, pg_url: str):
    """The shared corpus on a SQLite file and on a PostgreSQL database."""
    lite = engines.open_url(f"sqlite:///{tmp_path / 'library.sqlite3'}")
    pg = engines.open_url(pg_url)
    assert add_corpus(lite) == add_corpus(pg)
    yield lite, pg
    lite.dispose()
    pg.dispose()


ORDERS = [ideas.Order(c, d) for c in ("id", "title", "promise_due", "score", "status", "focus") for d in (True, False)]


@pytest.mark.parametrize("order", ORDERS, ids=lambda o: f"{o.column}-{'desc' if o.descending else 'asc'}")
def test_both_engines_find_and_sort_the_same_ideas(both, order):
    lite, pg = both
    for query in SEARCHES:
        flt = ideas.IdeaFilter(query=query)
        found = [i.id for i in ideas.find(lite, flt, order)]
        assert [i.id for i in ideas.find(pg, flt, order)] == found, query
        assert ideas.count(pg, flt) == ideas.count(lite, flt) == len(found), query
    assert [i.id for i in ideas.find(lite, ideas.IdeaFilter(query="клиент"))]  # the corpus does find things
    assert len(ideas.find(lite, ideas.IdeaFilter(query="the "))) >= 2  # a stop word elsewhere is a word here


def test_both_engines_filter_the_same(both):
    lite, pg = both
    filters = [
        ideas.IdeaFilter(statuses=("new", "planned")),
        ideas.IdeaFilter(query="клиент", statuses=("planned",)),
        ideas.IdeaFilter(focuses=("wow",), min_score=4),
        ideas.IdeaFilter(tag="Winter"),
        ideas.IdeaFilter(team="Red", query="фото"),
        ideas.IdeaFilter(person="Green"),
        ideas.IdeaFilter(min_dots=1, query="gift"),
        ideas.IdeaFilter(created_from=date(2026, 1, 3), created_to=date(2026, 1, 6)),
        ideas.IdeaFilter(due_from=date(2026, 1, 8), due_to=date(2026, 1, 30)),
    ]
    for flt in filters:
        found = [i.id for i in ideas.find(lite, flt, ideas.Order("title", False))]
        assert found, flt
        assert [i.id for i in ideas.find(pg, flt, ideas.Order("title", False))] == found, flt
        assert ideas.count(pg, flt) == len(found)
    for typed in ("a cup of tea for those who wait", "подарки клиентам", "the and for"):
        assert [i.id for i in ideas.similar(pg, typed)] == [i.id for i in ideas.similar(lite, typed)]


def test_notes_and_edits_are_searchable_on_postgresql(library):
    idea_id = add(library, "Tea")
    ideas.add_note(library, idea_id, date(2026, 2, 1), "Клиенты благодарили")
    assert [i.id for i in ideas.find(library, ideas.IdeaFilter(query="благодарить"))] == [idea_id]
    ideas.update(library, [idea_id], title="Coffee", text="Coffee")
    assert ideas.find(library, ideas.IdeaFilter(query="tea")) == []
    assert ideas.get(library, idea_id).version == 3  # one more for the note, one more for the edit


def test_the_full_text_index_exists_only_on_postgresql(library):
    with library.connect() as conn:
        if library.dialect.name == "postgresql":
            plan = conn.exec_driver_sql(
                "EXPLAIN SELECT id FROM idea WHERE search_tsv @@ to_tsquery('simple', 'gift')"
            ).scalars().all()
            columns = conn.exec_driver_sql(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_idea_search_tsv'"
            ).scalar_one()
            assert "gin" in columns and plan
        else:
            names = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(idea)")]
            assert "version" in names and "search_tsv" not in names


# --- choosing the library, and passwords ---------------------------------------------------------------------


def test_a_password_is_never_shown_or_stored(tmp_path: Path):
    url = "postgresql://anna:s3cret@db.example.org:5433/ideas?sslmode=require&password=again"
    assert engines.safe_url(url) == "postgresql://anna@db.example.org:5433/ideas?sslmode=require"
    engines.store_choice(tmp_path, url)
    stored = (tmp_path / engines.CHOICE_FILE).read_text()
    assert "s3cret" not in stored and "again" not in stored
    assert engines.chosen_url(tmp_path) == "postgresql://anna@db.example.org:5433/ideas?sslmode=require"
    engines.store_choice(tmp_path, None)
    assert engines.chosen_url(tmp_path) == engines.default_url(tmp_path)


def test_the_library_comes_from_the_option_then_the_variable_then_settings(tmp_path: Path, monkeypatch):
    engines.store_choice(tmp_path, "postgresql:///chosen?host=/run/postgresql")
    assert engines.chosen_url(tmp_path) == "postgresql:///chosen?host=/run/postgresql"
    monkeypatch.setenv(engines.ENV, "postgresql://u@h/from_env")
    assert engines.chosen_url(tmp_path) == "postgresql://u@h/from_env"
    assert engines.chosen_url(tmp_path, "sqlite:////x/library.sqlite3") == "sqlite:////x/library.sqlite3"


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("mysql://u@h/db", "a library is a SQLite file or a PostgreSQL database, not mysql"),
        ("sqlite://", "a SQLite library needs a file"),
        ("not a url", "is not a library URL"),
    ],
)
def test_a_wrong_url_says_what_a_library_url_is(url, said):
    with pytest.raises(engines.BadLibraryUrl, match=said):
        engines.open_url(url)


def test_a_server_that_refuses_says_so_without_the_password(pg_server, tmp_path: Path):
    url = f"postgresql://nobody_here:pw123@/no_such_db?host={pg_server.socket_dir}"
    with pytest.raises(engines.LibraryError) as caught:
        engines.open_url(url)
    assert "pw123" not in str(caught.value) and "nobody_here" in str(caught.value)
    assert "cannot open the library" in str(caught.value)


def test_a_sqlite_file_under_another_name_is_a_library_too(tmp_path: Path):
    engine = engines.open_url(f"sqlite:///{tmp_path / 'team' / 'ideas.db'}")
    try:
        add(engine, "Tea")
        assert engines.describe(engine) == str(tmp_path / "team" / "ideas.db")
        with Session(engine) as session:
            assert session.get(Idea, 1).version == 1
    finally:
        engine.dispose()
