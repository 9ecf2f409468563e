"""The command line on a shared library: `--library URL`, $TECHNOMAGIC_LIBRARY, and `technomagic library copy`."""

import json
from datetime import date
from pathlib import Path

import pytest

from game.cli import main
from game.store import copy as copying
from game.store import engine as engines
from game.store import ideas
from tests.library_data import CORPUS, add, add_corpus


def lite_url(folder: Path) -> str:
    return f"sqlite:///{folder / 'library.sqlite3'}"


def test_search_export_and_import_take_the_library_from_the_option(capsys, pg_url, tmp_path):
    engine = engines.open_url(pg_url)
    add(engine, "Подарок постоянным клиентам")
    engine.dispose()
    assert main(["--library", pg_url, "search", "клиент"]) == 0
    assert capsys.readouterr().out.endswith("\tПодарок постоянным клиентам\n")
    out = tmp_path / "ideas.json"
    assert main(["--library", pg_url, "export", "--format", "json", "--out", str(out)]) == 0
    assert main(["--library", lite_url(tmp_path / "b"), "import", str(out)]) == 0
    assert capsys.readouterr().out.endswith("added 1, skipped 0 duplicates\n")
    assert not (tmp_path / "home").exists() or not list((tmp_path / "home").glob("*.sqlite3"))  # not the default


def test_the_variable_chooses_the_library_too(capsys, pg_url, monkeypatch):
    monkeypatch.setenv(engines.ENV, pg_url)
    engine = engines.open_url(pg_url)
    add(engine, "Gifts for regulars")
    engine.dispose()
    assert main(["search", "gift", "--json"]) == 0
    assert [i["title"] for i in json.loads(capsys.readouterr().out)] == ["Gifts for regulars"]


def test_an_unreachable_server_is_one_line_and_exit_2(capsys, pg_server):
    url = f"postgresql://anna:topsecret@/nowhere?host={pg_server.socket_dir}/missing"
    assert main(["--library", url, "search", "x"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("technomagic: postgresql://anna@/nowhere")
    assert "topsecret" not in err


def filled(url: str, notes: bool = True) -> list[dict]:
    engine = engines.open_url(url)
    ids = add_corpus(engine)
    if notes:
        ideas.add_note(engine, ids[0], date(2026, 3, 1), "Клиенты были рады")
        ideas.add_note(engine, ids[3], date(2026, 3, 2), "Photos on the wall")
    every = everything(engine)
    engine.dispose()
    return every


def everything(engine) -> list[dict]:
    found = ideas.find(engine, ideas.IdeaFilter(), ideas.Order("id", False), limit=100_000)
    return [ideas.to_json_dict(i) | {"notes": [n.text for n in ideas.notes(engine, i.id)]} for i in found]


def test_copy_sqlite_to_postgresql_and_back_keeps_every_idea(capsys, tmp_path, pg_url):
    source = lite_url(tmp_path / "a")
    before = filled(source)
    assert main(["library", "copy", source, pg_url]) == 0
    said = capsys.readouterr().out
    assert said == f"copied to {pg_url}: 0 rounds, {len(CORPUS)} ideas, 2 notes\n"
    back = lite_url(tmp_path / "b")
    assert main(["library", "copy", pg_url, back]) == 0
    engine = engines.open_url(source)
    found = [i.id for i in ideas.find(engine, ideas.IdeaFilter(query="клиент"))]
    engine.dispose()
    assert len(found) == 4
    for url in (pg_url, back):
        engine = engines.open_url(url)
        assert everything(engine) == before
        assert [i.id for i in ideas.find(engine, ideas.IdeaFilter(query="клиент"))] == found
        new_id = add(engine, "After the copy")  # numbering goes on after the copied ideas
        assert new_id == len(CORPUS) + 1
        engine.dispose()


def test_an_interrupted_copy_goes_on_where_it_stopped(tmp_path, pg_url, capsys):
    source = lite_url(tmp_path / "a")
    before = filled(source)
    src, dst = engines.open_url(source), engines.open_url(pg_url)
    calls = []

    def pulled_plug(done, total):
        calls.append(done)
        if len(calls) == 2:  # after the second batch of ideas
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        copying.copy_library(src, dst, pulled_plug, batch=4)
    assert 0 < ideas.count(dst, ideas.IdeaFilter()) < len(CORPUS)
    src.dispose()
    dst.dispose()
    assert main(["library", "copy", source, pg_url]) == 0
    assert capsys.readouterr().out.endswith("(went on after an interrupted copy)\n")
    engine = engines.open_url(pg_url)
    assert everything(engine) == before
    engine.dispose()


def test_a_copy_into_another_library_refuses_with_one_line(capsys, tmp_path, pg_url):
    source = lite_url(tmp_path / "a")
    filled(source)
    engine = engines.open_url(pg_url)
    add(engine, "Someone else's idea")
    engine.dispose()
    assert main(["library", "copy", source, pg_url]) == 2
    err = capsys.readouterr().err
    assert err == "technomagic: library copy: the target already has other idea rows: copy into an empty library\n"


def test_a_copy_from_a_bad_url_exits_2(capsys, tmp_path):
    assert main(["library", "copy", "mysql://x/y", lite_url(tmp_path)]) == 2
    assert capsys.readouterr().err.count("\n") == 1
