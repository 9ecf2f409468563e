"""The library screen's filters held in SQLite's full-text index (sqlite_search): a search with filters is one
MATCH, and finds exactly what the same filters in SQL find, in any time zone, after every kind of change, and
in a library migrated from the revision before."""

import random
import sqlite3
import time
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import Session, select

from game.store import backup, ideas, sqlite_search
from game.store.db import DB_NAME, open_library
from game.store.models import Idea
from game.store.quick import head_revision
from tests.library_data import add

STATUSES = ("new", "planned", "tried", "working", "dropped")
TAGS = ["зима", "wow", "team a", "follow-up", "a_b", "axb", "Касса", "VIP", "c++", "ёлка"]
CARDS = ["tm-joshi-giraffe", "tp-waiting", "bz-cafe", "Tm-Joshi-Giraffe"]
WORDS = ["клиентам подарок", "gift for clients", "чай в очереди", "tea in the queue", "фото вещи", "y2026 h2026"]


@pytest.fixture
def library(tmp_path):
    engine = open_library(tmp_path)
    yield engine
    engine.dispose()


@pytest.fixture(params=["UTC", "Europe/Moscow", "America/New_York", "Asia/Kolkata"])
def zone(request, monkeypatch):
    """The person's time zone (the date filter is in local days): New York changes its clocks, Kolkata is half an
    hour off UTC (its days start inside an hour: SQL filters them)."""
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def fill(engine, n: int = 240, seed: int = 3) -> None:
    rng = random.Random(seed)
    start = datetime(2025, 12, 30, 20, tzinfo=UTC)
    for i in range(n):
        tags = rng.sample(TAGS, rng.choice([0, 1, 2, 3]))
        cards = {c: rng.choice([*CARDS, None]) for c in ("business_card", "technique_card", "touchpoint_card")}
        add(engine, f"{rng.choice(WORDS)} {i}", status=rng.choice(STATUSES), tags="," + ",".join(tags) + "," if tags
            else "", created_at=start + timedelta(hours=rng.randint(0, 24 * 75), minutes=rng.randint(0, 59)),
            **cards)  # fmt: skip


def by_sql(engine, flt: ideas.IdeaFilter) -> list[int]:
    """What the filter finds written in SQL beside a words-only MATCH (the library before the index held filters,
    and the exports still)."""
    with Session(engine) as session:
        statement = ideas._where(select(Idea.id), flt, "sqlite").order_by(Idea.id.desc())
        return list(session.exec(statement))


def indexed(engine, flt: ideas.IdeaFilter) -> str | None:
    with Session(engine) as session:
        match, rest = ideas._indexed(session, flt)
    return match if rest == ideas.IdeaFilter() else None


FILTERS = [
    dict(statuses=("planned", "tried")),
    dict(statuses=("working",), query="клиент"),
    dict(tag="wow"),
    dict(tag="касса"),  # stored as "Касса": LIKE is case-blind for ASCII only, and so is the index
    dict(tag="vip"),  # stored "VIP": found, as LIKE finds it
    dict(tag="team a"),
    dict(tag="follow-up", query="gift"),
    dict(tag="c++"),
    dict(tag="ёлка"),
    dict(card="tm-joshi-giraffe"),
    dict(card="Tm-Joshi-Giraffe"),  # cards compare exactly
    dict(created_from=date(2026, 1, 1), created_to=date(2026, 1, 31)),
    dict(created_from=date(2026, 2, 10)),
    dict(created_to=date(2026, 1, 3)),
    dict(created_from=date(2026, 1, 5), created_to=date(2026, 1, 5)),
    dict(created_from=date(2026, 3, 1), created_to=date(2026, 2, 1)),  # backwards: nothing
    dict(created_from=date(2024, 1, 1), created_to=date(2027, 12, 31)),  # whole years
    dict(statuses=("planned", "tried"), tag="wow", created_from=date(2026, 1, 10), created_to=date(2026, 2, 20)),
    dict(statuses=("new",), tag="зима", card="bz-cafe", query="клие"),
    dict(query="чай очеред", created_from=date(2026, 1, 20)),
]


def test_every_filter_finds_what_sql_finds_in_every_zone(library, zone):
    fill(library)
    whole_hours = zone != "Asia/Kolkata"
    for fields in FILTERS:
        flt = ideas.IdeaFilter(**fields)
        expected = by_sql(library, flt)
        assert [i.id for i in ideas.find(library, flt, limit=10_000)] == expected, fields
        assert ideas.count(library, flt) == len(expected), fields
        oldest = [i.id for i in ideas.find(library, flt, ideas.Order("id", descending=False), limit=10_000)]
        assert oldest == expected[::-1], fields
        by_title = ideas.find(library, flt, ideas.Order("title", descending=False), limit=10_000)
        assert sorted(i.id for i in by_title) == sorted(expected), fields
        dated = "created_from" in fields or "created_to" in fields
        if not dated or whole_hours:  # one MATCH: the count straight from the index
            assert indexed(library, flt), fields
    assert len(by_sql(library, ideas.IdeaFilter(tag="wow"))) > 10  # the filters find something to compare


def test_a_tag_with_likes_wildcards_and_other_filters_stay_in_sql(library):
    """LIKE reads `_` as any one letter: such a tag is filtered as before, by SQL."""
    fill(library)
    for fields in (dict(tag="a_b"), dict(tag="a_b", statuses=("new",)), dict(focuses=("wow",), tag="wow")):
        flt = ideas.IdeaFilter(**fields)
        assert indexed(library, flt) is None
        expected = by_sql(library, flt)
        assert [i.id for i in ideas.find(library, flt, limit=10_000)] == expected
        assert ideas.count(library, flt) == len(expected)
    assert set(by_sql(library, ideas.IdeaFilter(tag="a_b"))) >= set(by_sql(library, ideas.IdeaFilter(tag="axb")))


def test_typed_words_never_find_the_filters_tokens(library):
    add(library, "Tea", status="new", tags=",wow,", created_at=datetime(2026, 1, 2, 3, tzinfo=UTC))
    marked = add(library, "Token y2026 in the text")
    for typed in ("s6E", "s", "y2026 ", "h2026010203", "t776F77", "d"):
        found = [i.id for i in ideas.find(library, ideas.IdeaFilter(query=typed))]
        assert found == ([marked] if typed.startswith("y2026") else []), typed
    assert ideas.similar(library, "y2026") == [ideas.get(library, marked)]


def test_changes_reach_the_index(library):
    """Edits, tags, deletes and undo: each filter follows at once (triggers keep the index in step)."""
    when = datetime(2026, 5, 4, 10, tzinfo=UTC)
    a = add(library, "Подарок клиентам", status="new", tags=",wow,", technique_card="tm-one", created_at=when)
    b = add(library, "Gift for clients", status="planned", created_at=when + timedelta(days=40))

    def found(**fields) -> list[int]:
        flt = ideas.IdeaFilter(**fields)
        assert indexed(library, flt)
        result = [i.id for i in ideas.find(library, flt)]
        assert ideas.count(library, flt) == len(result)
        return result

    assert found(statuses=("new",)) == [a] and found(tag="wow") == [a] and found(card="tm-one") == [a]
    ideas.update(library, [a], status="tried", tags=["зима"], technique_card="tm-two")
    assert found(statuses=("new",)) == [] and found(statuses=("tried",), query="клиент") == [a]
    assert found(tag="wow") == [] and found(tag="Зима") == [a] and found(card="tm-two") == [a]
    ideas.add_tag(library, [b], "зима")
    assert found(tag="зима") == [b, a]
    ideas.add_note(library, b, date(2026, 6, 20), "Клиент вернулся с подругой")
    assert found(query="подруг", tag="зима") == [b]
    with sqlite3.connect(library.url.database) as raw:  # a time changed by hand is re-indexed too
        raw.execute("UPDATE idea SET created_at = '2026-07-01 12:00:00.000000' WHERE id = ?", (a,))
    assert found(created_from=date(2026, 6, 30)) == [a] and found(created_to=date(2026, 5, 31)) == []
    snapshot = ideas.delete(library, [a])
    assert found(tag="зима") == [b] and found(created_from=date(2026, 6, 30)) == []
    ideas.restore(library, snapshot)
    assert found(tag="зима") == [b, a] and found(created_from=date(2026, 6, 30)) == [a]


def test_saved_between_says_a_range_in_whole_blocks():
    low, high = datetime(2024, 2, 28, 21, tzinfo=UTC), datetime(2025, 3, 2, tzinfo=UTC)
    term = sqlite_search.saved_between(low, high, low, high)
    assert term == ('{facets} : ("h2024022821" OR "h2024022822" OR "h2024022823" OR "d20240229" OR "m202403" OR '
                    '"m202404" OR "m202405" OR "m202406" OR "m202407" OR "m202408" OR "m202409" OR "m202410" OR '
                    '"m202411" OR "m202412" OR "m202501" OR "m202502" OR "d20250301")')  # fmt: skip
    assert sqlite_search.saved_between(low + timedelta(minutes=30), high, low, high) is None  # inside an hour
    assert sqlite_search.saved_between(high, low, low, high) == sqlite_search.NOTHING
    far = datetime(1, 1, 1, tzinfo=UTC), datetime(9999, 12, 31, 23, tzinfo=UTC)
    assert sqlite_search.saved_between(None, None, *far) is None  # too many years for one MATCH: SQL does it
    assert sqlite_search.saved_between(datetime(9999, 12, 31, tzinfo=UTC), None, *far) is None  # no hour after it
    assert sqlite_search.saved_between(None, datetime(1, 1, 2, tzinfo=UTC), *far) == '{facets} : ("d00010101")'


def test_a_library_of_the_revision_before_is_backed_up_and_indexed_again(tmp_path):
    """0004 → the newest with data (0005 changes only server libraries): the index is built again from the ideas, with
    their filters; a backup first."""
    path = tmp_path / DB_NAME
    open_library(tmp_path).dispose()  # a new library at the newest revision...
    downgrade(path)  # ...taken back to 0004 and its words-only index (the downgrade works too)
    raw = sqlite3.connect(path)
    for n, (status, tags) in enumerate([("new", ",wow,"), ("planned", ",зима,wow,"), ("tried", "")]):
        raw.execute(
            "INSERT INTO idea (title, text, focus, score, checks_json, dots, technique_card, promise_who, "
            "promise_first_step, promise_success_sign, status, tags, team, player, created_at, updated_at, "
            "search_text, version) VALUES (?, ?, '', 0, '{}', 0, 'tm-joshi-giraffe', '', '', '', ?, ?, '', '', ?, ?, "
            "?, 1)",
            (f"Подарок клиентам {n}", "", status, tags, f"2026-0{n + 1}-10 12:00:00.000000",
             "2026-01-01 00:00:00.000000", "подарок клиент"),
        )  # fmt: skip
    raw.commit()
    assert raw.execute("SELECT count(*) FROM idea_fts WHERE idea_fts MATCH 'клиент'").fetchone() == (3,)
    raw.close()
    engine = open_library(tmp_path)
    try:
        with sqlite3.connect(path) as raw:
            assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [(head_revision(),)]
        flt = ideas.IdeaFilter(query="клиентов", statuses=("new", "planned"), tag="wow", card="tm-joshi-giraffe",
                               created_from=date(2026, 2, 1))  # fmt: skip
        assert indexed(engine, flt)
        assert [i.title for i in ideas.find(engine, flt)] == ["Подарок клиентам 1"]
        assert ideas.count(engine, ideas.IdeaFilter(query="подарок", tag="wow")) == 2
    finally:
        engine.dispose()
    [kept] = backup.backups(tmp_path)  # the library as it was, checked, before the index was built again
    assert kept.reason == "migration" and kept.ideas() == 3


def downgrade(path, revision: str = "0004") -> None:
    """Take a library at the newest revision back to `revision` (0004: its words-only index), as Alembic does."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from game.store.db import MIGRATIONS

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = conn
        command.downgrade(config, revision)
    engine.dispose()


#: what an idea's status, cards and tags can hold (an import refuses control characters, which SQLite's text
#: functions cut at \x00)
FACET_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters=","),
                     max_size=12)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(status=FACET_TEXT, stamp=st.datetimes(), cards=st.lists(st.one_of(st.none(), FACET_TEXT), min_size=7,
       max_size=7), tags=st.one_of(st.just(""), st.lists(FACET_TEXT, max_size=5).map(lambda t: f",{','.join(t)},")))
def test_an_imports_facets_are_the_ones_sql_computes(status, stamp, cards, tags):
    """An import makes each idea's facets in Python (`sqlite_search.facets`): exactly the text of the triggers'
    SQL, or deleting and changing an imported idea would leave the index wrong."""
    created_at = stamp.isoformat(" ", "microseconds")
    db = sqlite3.connect(":memory:")
    columns = ", ".join(sqlite_search.CARD_COLUMNS)
    db.execute(f"CREATE TABLE idea (status, created_at, tags, {columns})")
    db.execute(f"INSERT INTO idea VALUES (?, ?, ?, {', '.join('?' * 7)})", (status, created_at, tags, *cards))
    (expected,) = db.execute(f"SELECT {sqlite_search.facets_sql('idea')} FROM idea").fetchone()
    assert sqlite_search.facets(status, created_at, cards, tags) == expected


IDEA_FACETS = st.tuples(FACET_TEXT, st.datetimes().map(lambda stamp: stamp.isoformat(" ", "microseconds")),
                        st.lists(st.one_of(st.none(), FACET_TEXT), min_size=7, max_size=7).map(tuple),
                        st.one_of(st.just(""), st.lists(FACET_TEXT, max_size=5).map(lambda t: f",{','.join(t)},")))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(IDEA_FACETS, st.just(("new", "2026-12-01 10:00:00.000000", (None,) * 7, ",a,"))),
                max_size=12))  # fmt: skip
def test_facets_made_column_by_column_are_the_ones_made_idea_by_idea(ideas):
    statuses, saved, cards, tags = [list(column) for column in zip(*ideas, strict=True)] if ideas else [[]] * 4
    card_columns = [list(column) for column in zip(*cards, strict=True)] if ideas else [[]] * 7
    assert sqlite_search.facets_of(statuses, saved, card_columns, tags) == [sqlite_search.facets(*i) for i in ideas]
