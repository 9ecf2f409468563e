"""`technomagic search`: what a person or a script gets from the library on the command line."""

import json
from datetime import date

import pytest
from sqlmodel import Session

from game.cli import STATUSES as CLI_STATUSES
from game.cli import main
from game.store.db import DB_NAME, open_library
from game.store.models import STATUSES, Idea
from game.store.textsearch import index_text

STRANGE_TITLE = "Ёлка 🎄\nу кассы\t'; DROP TABLE idea; --"


def make_library(data_dir, *ideas: dict) -> None:
    """Ideas saved in this order (so ids 1, 2, …); each dict gives Idea fields, search_text made from them."""
    engine = open_library(data_dir)
    with Session(engine) as s:
        for fields in ideas:
            fields = {"text": "", **fields}
            s.add(Idea(**fields, search_text=index_text(fields["title"], fields["text"])))
        s.commit()
    engine.dispose()


@pytest.fixture
def library(tmp_path):
    make_library(
        tmp_path,
        {"title": "Звонок после покупки", "text": "Перезвонить всем клиентам через неделю", "status": "tried"},
        {
            "title": "Gifts for regulars",
            "text": "A small gift at the tenth visit",
            "status": "planned",
            "focus": "wow",
            "promise_due": date(2031, 2, 28),
            "tags": ",подарки,vip,",
        },
        {"title": "Имена на стаканах", "text": "Спрашивать имена клиентов", "status": "new", "tags": ",vip,"},
        {"title": STRANGE_TITLE, "text": "Коробка 🎁\nс\tлентой", "status": "dropped", "focus": "fix"},
    )
    return tmp_path


def search(capsys, data_dir, *args: str) -> tuple[int, list[str], str]:
    code = main(["--data-dir", str(data_dir), "search", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_the_cli_offers_the_statuses_the_store_knows():
    assert CLI_STATUSES == STATUSES


def test_a_russian_word_finds_its_other_forms(capsys, library):
    code, lines, err = search(capsys, library, "клиент")
    assert (code, err) == (0, "")
    assert lines == ["3\tnew\t\t\tИмена на стаканах", "1\ttried\t\t\tЗвонок после покупки"]


def test_an_english_word_finds_its_plural(capsys, library):
    code, lines, err = search(capsys, library, "gift")
    assert (code, err) == (0, "")
    assert lines == ["2\tplanned\twow\t2031-02-28\tGifts for regulars"]


def test_statuses_filter_the_matches(capsys, library):
    code, lines, err = search(capsys, library, "", "--status", "new", "--status", "dropped")
    assert (code, err) == (0, "")
    assert lines == ["4\tdropped\tfix\t\tЁлка 🎄 у кассы '; DROP TABLE idea; --", "3\tnew\t\t\tИмена на стаканах"]
    code, lines, _ = search(capsys, library, "клиентам", "--status", "tried", "--status", "planned")
    assert (code, lines) == (0, ["1\ttried\t\t\tЗвонок после покупки"])


def test_a_tag_filters_the_matches(capsys, library):
    code, lines, err = search(capsys, library, "", "--tag", "VIP")
    assert (code, err) == (0, "")
    assert lines == ["3\tnew\t\t\tИмена на стаканах", "2\tplanned\twow\t2031-02-28\tGifts for regulars"]
    code, lines, _ = search(capsys, library, "", "--tag", "подарки")
    assert (code, lines) == (0, ["2\tplanned\twow\t2031-02-28\tGifts for regulars"])


def test_json_gives_every_field(capsys, library):
    code = main(["--data-dir", str(library), "search", "gifts", "--json"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    [idea] = json.loads(out)
    assert idea["id"] == 2
    assert idea["title"] == "Gifts for regulars"
    assert idea["text"] == "A small gift at the tenth visit"
    assert idea["status"] == "planned"
    assert idea["focus"] == "wow"
    assert idea["tags"] == ["подарки", "vip"]
    assert idea["promise_due"] == "2031-02-28"
    assert idea["checks"] == {}
    assert "search_text" not in idea
    assert "подарки" in out  # ensure_ascii=False: Cyrillic as it is
    assert out.startswith("[\n  {\n    ")  # indent=2


def test_json_with_no_matches_is_an_empty_array(capsys, library):
    code = main(["--data-dir", str(library), "search", "несуществующее", "--json"])
    out, err = capsys.readouterr()
    assert (code, out, err) == (0, "[]\n", "")


def test_strange_text_comes_back_intact_on_one_line(capsys, library):
    code, lines, err = search(capsys, library, "'; DROP TABLE idea; --")
    assert (code, err) == (0, "")
    assert lines == ["4\tdropped\tfix\t\tЁлка 🎄 у кассы '; DROP TABLE idea; --"]
    code = main(["--data-dir", str(library), "search", "елка", "--json"])
    [idea] = json.loads(capsys.readouterr().out)
    assert (code, idea["title"], idea["text"]) == (0, STRANGE_TITLE, "Коробка 🎁\nс\tлентой")
    code, lines, _ = search(capsys, library, "")
    assert (code, len(lines)) == (0, 4)  # the table is still there, every idea in it


def test_an_empty_query_lists_everything_newest_first(capsys, library):
    code, lines, err = search(capsys, library, "")
    assert (code, err) == (0, "")
    assert lines == [
        "4\tdropped\tfix\t\tЁлка 🎄 у кассы '; DROP TABLE idea; --",
        "3\tnew\t\t\tИмена на стаканах",
        "2\tplanned\twow\t2031-02-28\tGifts for regulars",
        "1\ttried\t\t\tЗвонок после покупки",
    ]


def test_no_matches_print_nothing(capsys, library):
    assert search(capsys, library, "несуществующее") == (0, [], "")


def test_limit_says_how_many_more_there_are(capsys, library):
    code, lines, err = search(capsys, library, "", "--limit", "3")
    assert code == 0
    assert lines == [
        "4\tdropped\tfix\t\tЁлка 🎄 у кассы '; DROP TABLE idea; --",
        "3\tnew\t\t\tИмена на стаканах",
        "2\tplanned\twow\t2031-02-28\tGifts for regulars",
    ]
    assert err.splitlines() == ["… 1 more; use --limit"]
    code, lines, err = search(capsys, library, "клиент", "--limit", "2")
    assert (code, len(lines), err) == (0, 2, "")  # exactly as many as match: nothing more to say


@pytest.mark.parametrize("bad", [["--limit", "0"], ["--limit", "many"], ["--status", "done"], []])
def test_bad_arguments_exit_2(capsys, library, bad):
    with pytest.raises(SystemExit) as info:
        main(["--data-dir", str(library), "search", *bad])
    out, err = capsys.readouterr()
    assert info.value.code == 2 and out == ""
    assert err.startswith("usage: technomagic search")


def test_a_corrupt_library_exits_2_naming_the_file_and_leaves_it_alone(capsys, tmp_path):
    path = tmp_path / DB_NAME
    junk = b"this is not a database\x00" * 100
    path.write_bytes(junk)
    code, lines, err = search(capsys, tmp_path, "клиент")
    assert (code, lines) == (2, [])
    [message] = err.splitlines()
    assert message.startswith(f"technomagic: {path}: not a readable idea library")
    assert "Traceback" not in err
    assert path.read_bytes() == junk


def test_the_data_folder_comes_from_technomagic_home_too(capsys, data_home):
    data_home.mkdir()
    make_library(data_home, {"title": "Gifts", "status": "new"})
    assert main(["search", "gift"]) == 0
    assert capsys.readouterr().out == "1\tnew\t\t\tGifts\n"
