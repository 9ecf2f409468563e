"""The library file: a finished round lands in it intact; a broken file is named, never overwritten."""

import sqlite3

import pytest

from game.domain.limits import IDEA_CHARS
from game.domain.round import new_round
from game.store import ideas
from game.store.db import DB_NAME, LibraryError, open_library, save_round

STRANGE = ["Ещё одна идея — «ёлка» 🎄", "'; DROP TABLE idea; --", "x" * IDEA_CHARS, "=1+2"]


@pytest.fixture
def finished_round(content):
    rnd = new_round(content.scenarios["solo-spark"], content, seed=11)
    for text in STRANGE:
        rnd.add_idea(text)
    while rnd.step.kind != "choose":
        rnd.next()
    for idea in rnd.ideas:
        rnd.give_dot(idea.id) if rnd.dots_left() else None
    for idea in rnd.chosen():
        rnd.set_focus(idea.id, "fix")
    rnd.next()
    for idea in rnd.chosen():
        rnd.set_promise(idea.id, who="Ольга", due="2031-02-28", first_step="Поговорить с кассирами")
    rnd.next()
    assert rnd.finished
    return rnd


def test_a_finished_round_is_saved_with_its_cards_and_promises(tmp_path, finished_round):
    engine = open_library(tmp_path)
    ids = save_round(engine, finished_round, "ru")
    assert len(ids) == 4  # every idea of the round: the one not chosen today may be next month's
    saved = ideas.find(engine, ideas.IdeaFilter())
    assert sorted(i.text for i in saved) == sorted(t.strip()[:IDEA_CHARS] for t in STRANGE)
    chosen = {i.text for i in finished_round.chosen()}
    assert len(chosen) == 3
    for idea in saved:
        assert idea.business_card == finished_round.drawn_of_kind("business").id
        assert idea.technique_card == finished_round.drawn_of_kind("technomagic").id
        if idea.text in chosen:
            assert idea.promise_who == "Ольга" and idea.promise_due.isoformat() == "2031-02-28"
            assert idea.status == "planned" and idea.focus == "fix"
        else:
            assert (idea.promise_who, idea.promise_due, idea.status, idea.focus) == ("", None, "new", "")
    engine.dispose()
    with sqlite3.connect(tmp_path / DB_NAME) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert raw.execute("SELECT count(*) FROM play_session").fetchone() == (1,)


def test_a_corrupt_file_is_named_and_left_untouched(tmp_path):
    path = tmp_path / DB_NAME
    junk = b"this is not a database\x00" * 100
    path.write_bytes(junk)
    with pytest.raises(LibraryError) as info:
        open_library(tmp_path)
    assert str(info.value).startswith(f"{path}: not a readable idea library")
    assert path.read_bytes() == junk


def test_a_workshop_saves_every_teams_idea_with_its_team_and_dots(library, content):
    from game.domain.workshop import Team, new_workshop

    ws = new_workshop(content.scenarios["classic-workshop"], content, [Team("Лисы"), Team("Owls 🦉")], keep=1, seed=3)
    while ws.step.kind != "magic":
        ws.skip()
    a = ws.add_idea("Фото игрушки на каникулах", "Лисы")
    b = ws.add_idea("Holiday photos of the toy", "Owls 🦉")
    c = ws.add_idea("Free tray", "Owls 🦉", "Kim")
    ws.merge(b.id, a.id)
    while ws.step.kind != "choose":
        ws.skip()
    ws.give_dot(c.id, "Лисы")
    ws.reveal()
    ws.set_focus(c.id, "planb")
    ws.next()
    ws.set_promise(c.id, who="Kim", due="2031-01-10", first_step="Ask the kitchen")
    ws.next()
    engine = library  # a SQLite file, and a PostgreSQL database
    save_round(engine, ws, "en")
    saved = {i.text: i for i in ideas.find(engine, ideas.IdeaFilter())}
    assert set(saved) == {a.text, c.text}
    assert saved[a.text].team == "Лисы + Owls 🦉" and saved[a.text].dots == 0 and saved[a.text].status == "new"
    tray = saved[c.text]
    assert (tray.team, tray.player, tray.dots, tray.focus, tray.status) == ("Owls 🦉", "Kim", 1, "planb", "planned")
    assert [i.text for i in ideas.find(engine, ideas.IdeaFilter(query="owls"))] == [c.text, a.text]
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT mode FROM play_session").fetchone() == ("teams",)
    engine.dispose()


def test_a_library_at_the_newest_schema_opens_without_alembic(tmp_path):
    """The newest revision is read from the migration files as Alembic reads it; a library already there is
    opened without importing Alembic (the library tests upgrade older ones)."""
    import subprocess
    import sys

    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from game.store.db import MIGRATIONS, head_revision
    from tests.conftest import ROOT

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert head_revision() == ScriptDirectory.from_config(config).get_current_head()
    code = (
        "import sys; from pathlib import Path; from game.store.db import open_library\n"
        "open_library(Path(sys.argv[1])).dispose(); print('alembic' in sys.modules)\n"
    )
    for migrated in ("True", "False"):  # a new library is made by the migrations; then it is at the newest
        opened = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, capture_output=True, text=True)
        assert opened.stdout.strip() == migrated, opened.stderr
    db = sqlite3.connect(tmp_path / DB_NAME)
    assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [(head_revision(),)]
    db.close()
