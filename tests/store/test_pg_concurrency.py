"""Two computers on one PostgreSQL library at once: opening a new library, importing while another edits, and a
save of an idea someone else changed meanwhile."""

import json
import os
import subprocess
import sys
import threading

import pytest

from game.store import engine as engines
from game.store import ideas
from tests.conftest import ROOT
from tests.library_data import add


def test_two_computers_opening_an_empty_database_at_once_make_one_library(pg_url):
    opened, failed = [], []

    def start() -> None:
        try:
            opened.append(engines.open_url(pg_url))
        except Exception as e:  # the test reports whatever went wrong
            failed.append(e)

    threads = [threading.Thread(target=start) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not failed and len(opened) == 3
    with opened[0].connect() as conn:
        assert len(conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()) == 1
    for engine in opened:
        engine.dispose()


def test_a_save_with_an_old_version_is_refused_and_says_what_is_there(pg_url):
    mine, theirs = engines.open_url(pg_url), engines.open_url(pg_url)
    try:
        idea_id = add(mine, "Warm towels")
        seen = ideas.get(mine, idea_id).version
        ideas.update(theirs, [idea_id], versions={idea_id: seen}, title="Hot towels")
        with pytest.raises(ideas.Conflict) as conflict:
            ideas.update(mine, [idea_id], versions={idea_id: seen}, title="Cold towels")
        assert conflict.value.theirs.title == "Hot towels" and conflict.value.theirs.version == seen + 1
        ideas.delete(theirs, [idea_id])
        with pytest.raises(ideas.Conflict) as gone:
            ideas.update(mine, [idea_id], versions={idea_id: seen + 1}, title="Cold towels")
        assert gone.value.theirs is None
    finally:
        mine.dispose()
        theirs.dispose()


def test_one_computer_imports_while_another_edits(pg_url, tmp_path):
    engine = engines.open_url(pg_url)
    idea_id = add(engine, "Edited all along")
    items = [{"title": f"Imported {n}", "text": f"Idea number {n} from the other office"} for n in range(2000)]
    path = tmp_path / "ideas.json"
    path.write_text(json.dumps({"format": "technomagic-ideas", "version": 1, "ideas": items}), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TECHNOMAGIC_HOME": str(tmp_path / "other-home")}
    command = [sys.executable, "-m", "game", "--library", pg_url, "import", str(path)]
    importing = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    edits = 0
    try:
        while importing.poll() is None or edits < 20:
            version = ideas.get(engine, idea_id).version
            ideas.update(engine, [idea_id], versions={idea_id: version}, promise_who=f"Anna {edits}")
            edits += 1
        out, err = importing.communicate(timeout=60)
        assert importing.returncode == 0, err
        assert out.strip() == "added 2000, skipped 0 duplicates"
        assert ideas.count(engine, ideas.IdeaFilter()) == 2001
        assert ideas.count(engine, ideas.IdeaFilter(query="office")) == 2000
        edited = ideas.get(engine, idea_id)
        assert (edited.version, edited.promise_who) == (1 + edits, f"Anna {edits - 1}")  # no edit was lost
    finally:
        importing.kill()
        engine.dispose()
