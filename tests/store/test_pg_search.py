"""The library screen's search on a PostgreSQL server: the same pages in the same order as on SQLite, whichever
way the server reads them (from the few matching ids, or walking many newest first), the count stopping past
`pg_search.COUNT_LIMIT`, every filter through an index, and migration 0005 on a library that holds ideas."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import create_engine, text

from game.store import engine as engines
from game.store import ideas, pg_search
from game.store.quick import head_revision
from tests.library_data import add, add_corpus

CARDED = [  # the corpus has no cards: ideas from cards, one card in different columns
    dict(title="Клиент у кассы с жирафом", business_card="b-cafe", technique_card="tm-giraffe", tags=",касса,"),
    dict(title="Gift card from the giraffe", client_card="c-kid", technique_card="tm-giraffe", status="planned"),
    dict(title="Photo client", lens_card="tm-giraffe", tags=",winter,касса,", status="planned"),
    dict(title="Client at the desk", business_card="b-cafe", touchpoint_card="t-desk", status="tried"),
]


@pytest.fixture
def both(tmp_path, pg_url):
    """The shared corpus and the carded ideas on a SQLite file and on a PostgreSQL database."""
    lite = engines.open_url(f"sqlite:///{tmp_path / 'library.sqlite3'}")
    pg = engines.open_url(pg_url)
    for engine in (lite, pg):
        add_corpus(engine)
        for n, fields in enumerate(CARDED):
            fields = dict(fields)
            add(engine, fields.pop("title"), created_at=datetime(2026, 2, 1 + n, 12, tzinfo=UTC), **fields)
    yield lite, pg
    lite.dispose()
    pg.dispose()


FILTERS = [
    ideas.IdeaFilter(),
    ideas.IdeaFilter(query="клиент"),
    ideas.IdeaFilter(query="кл"),
    ideas.IdeaFilter(query="the "),
    ideas.IdeaFilter(statuses=("new", "planned")),
    ideas.IdeaFilter(tag="касса"),
    ideas.IdeaFilter(tag="Winter", query="gift"),
    ideas.IdeaFilter(card="tm-giraffe"),
    ideas.IdeaFilter(card="b-cafe", query="client"),
    ideas.IdeaFilter(created_from=date(2026, 1, 3), created_to=date(2026, 1, 9)),
    ideas.IdeaFilter(created_from=date(2026, 1, 2), query="клиент"),
    ideas.IdeaFilter(statuses=("planned", "tried"), tag="касса", created_to=date(2026, 2, 28)),
    ideas.IdeaFilter(query="нет такого", tag="касса"),
]
ORDERS = [ideas.Order("id", True), ideas.Order("id", False), ideas.Order("title", False), ideas.Order("promise_due")]


@pytest.mark.parametrize("limit", [3, 1000])
def test_the_screen_s_pages_are_sqlite_s_whichever_way_the_server_reads_them(both, monkeypatch, limit):
    """At a count limit of 3 most filters have more matches (walked in order), at 1000 none (read from the ids)."""
    lite, pg = both
    monkeypatch.setattr(pg_search, "COUNT_LIMIT", limit)
    walked = 0
    for flt in FILTERS:
        expected_count = ideas.count(lite, flt)
        for order in ORDERS:
            expected = [i.id for i in ideas.find(lite, flt, order)]
            assert len(expected) == expected_count
            first = ideas.page(pg, flt, order, limit=2)
            assert first.exact == (expected_count <= limit or flt == ideas.IdeaFilter()), flt
            assert first.total == (expected_count if first.exact else limit), flt
            walked += not first.exact
            shown = [i.id for i in first.ideas]
            while len(shown) < len(expected):  # scrolling: the next pages, as the screen asks for them
                shown += [i.id for i in ideas.find(pg, flt, order, offset=len(shown), limit=2)]
            assert shown == expected, (flt, order)
            assert ideas.page(lite, flt, order, limit=2) == ideas.Page(ideas.find(lite, flt, order, limit=2),
                                                                       expected_count)  # fmt: skip
        assert ideas.count(pg, flt) == expected_count  # the CLI's count stays exact
    assert walked if limit == 3 else not walked


@pytest.mark.parametrize(
    ("flt", "index"),
    [
        (ideas.IdeaFilter(query="clie"), "ix_idea_search_tsv"),
        (ideas.IdeaFilter(tag="Касса"), "ix_idea_tag_list"),
        (ideas.IdeaFilter(card="tm-giraffe"), "ix_idea_card_list"),
        (ideas.IdeaFilter(created_from=date(2020, 1, 1)), "ix_idea_created"),
        (ideas.IdeaFilter(statuses=("planned",)), "ix_idea_status"),
    ],
    ids=["words", "tag", "card", "saved", "status"],
)
def test_every_filter_of_the_screen_has_an_index_its_query_can_use(pg_url, flt, index):
    """The screen's query and the index say the same expression (else the index could never serve it)."""
    from sqlalchemy import event

    engine = engines.open_url(pg_url)
    for n in range(300):
        add(engine, f"Idea {n} for clients", tags=",winter," if n % 7 else ",касса,",
            technique_card="tm-giraffe" if n % 5 == 0 else None, status="planned" if n % 2 else "new")  # fmt: skip
    seen = []

    def catch(conn, cursor, statement, params, context, executemany):
        if statement.lstrip().startswith("SELECT idea.id"):
            seen.append((statement, params))

    event.listen(engine, "before_cursor_execute", catch)
    try:
        found = ideas.page(engine, flt)
        event.remove(engine, "before_cursor_execute", catch)
        assert found.exact and found.total == ideas.count(engine, flt) > 0
        [(statement, params)] = seen
        with engine.begin() as conn:
            conn.execute(text("SET LOCAL enable_seqscan = off"))
            conn.execute(text("SET LOCAL enable_indexscan = off"))
            assert index in "\n".join(conn.exec_driver_sql("EXPLAIN " + statement, params).scalars())
    finally:
        engine.dispose()


def test_a_server_library_from_0004_gets_the_filter_indexes_and_keeps_its_ideas(pg_url):
    from alembic import command
    from alembic.config import Config

    from game.store.db import MIGRATIONS

    old = create_engine(engines.parse(pg_url))
    with old.begin() as conn:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = conn
        command.upgrade(config, "0004")
        for n in range(30):
            conn.exec_driver_sql(
                "INSERT INTO idea (title, text, focus, score, checks_json, dots, promise_who, promise_first_step, "
                "promise_success_sign, status, tags, team, player, created_at, updated_at, search_text, version, "
                "client_card) VALUES (%(title)s, 'Дарить подарки клиентам', 'wow', 3, '{}', 2, 'Анна', '', '', "
                "'planned', %(tags)s, '', '', '2026-01-01 10:00:00', '2026-01-01 10:00:00', 'подарк клиент', 1, "
                "%(card)s)",
                {"title": f"Подарки {n}", "tags": ",зима," if n % 3 else ",касса,зима,", "card": f"c-{n % 4}"},
            )
    old.dispose()
    engine = engines.open_url(pg_url)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar_one() == head_revision()
            indexes = set(conn.exec_driver_sql("SELECT indexname FROM pg_indexes WHERE tablename = 'idea'").scalars())
        assert {"ix_idea_tag_list", "ix_idea_card_list", "ix_idea_created_id", "ix_idea_search_tsv"} <= indexes
        assert not {"ix_idea_technique_card", "ix_idea_touchpoint_card"} & indexes  # no filter reads them (0007)
        found = ideas.page(engine, ideas.IdeaFilter(query="клиентов", tag="касса", card="c-0"))
        assert sorted(i.title for i in found.ideas) == ["Подарки 0", "Подарки 12", "Подарки 24"] and found.exact
        assert ideas.count(engine, ideas.IdeaFilter()) == 30
    finally:
        engine.dispose()
