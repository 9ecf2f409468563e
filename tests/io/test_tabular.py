"""CSV, XLSX, Markdown and JSON exports of the library, read back the way a person's programs would read them."""

import csv
import gc
import io
import json
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import event
from sqlmodel import Session

from game.cli import main
from game.io import tabular
from game.store.db import DB_NAME, open_library
from game.store.ideas import IdeaFilter, Order, tags_of
from game.store.models import Idea, IdeaNote
from game.store.textsearch import index_text

EXPORTS = {
    "csv": tabular.export_csv,
    "xlsx": tabular.export_xlsx,
    "md": tabular.export_markdown,
    "json": tabular.export_json,
}
#: Every field of an idea filled in; saved at 21:05 UTC, which is already the next day in Moscow.
FULL = {
    "title": "Warm towels",
    "text": "Give a warm towel\nafter the rain",
    "focus": "wow",
    "status": "planned",
    "score": 7,
    "dots": 3,
    "checks_json": '{"simple": true}',
    "business_card": "biz-spa",
    "client_card": "cl-tired",
    "touchpoint_card": "tp-arrival",
    "obstacle_card": None,
    "lens_card": "lens-senses",
    "technique_card": "tm-warm",
    "constraint_card": "con-free",
    "promise_who": "Anna",
    "promise_due": date(2026, 12, 1),
    "promise_first_step": "Buy a towel warmer",
    "promise_success_sign": "Clients smile",
    "tags": ",spa,winter,",
    "team": "Blue",
    "player": "Oleg",
    "created_at": datetime(2026, 11, 30, 21, 5, tzinfo=UTC),
    "updated_at": datetime(2026, 12, 2, 8, 0, tzinfo=UTC),
}
FULL_NOTES = [(date(2026, 12, 3), "Two clients said thanks"), (date(2026, 12, 5), "Ran out of towels")]


def save_idea(engine, notes=(), **fields) -> int:
    """An idea as the library keeps it: its search text made of every text, its tags and its notes."""
    fields = {"text": "", **fields}
    idea = Idea(**fields)
    idea.search_text = index_text(
        idea.title, idea.text, idea.promise_who, idea.promise_first_step, idea.promise_success_sign,
        " ".join(tags_of(idea)), idea.team, idea.player, *(text for _on, text in notes),
    )  # fmt: skip
    with Session(engine) as session:
        session.add(idea)
        session.flush()
        for on, text in notes:
            session.add(IdeaNote(idea_id=idea.id, on=on, text=text))
        session.commit()
        return idea.id


@pytest.fixture
def moscow(monkeypatch):
    """A person in UTC+3 (POSIX form: needs no time zone database), where 21:05 UTC is already tomorrow."""
    if not hasattr(time, "tzset"):
        pytest.skip("time zones are switched with time.tzset, which this platform lacks")
    monkeypatch.setenv("TZ", "MSK-3")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def read_csv(path: Path, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline=""), delimiter=delimiter))


# --- CSV -----------------------------------------------------------------------------------------------------


def test_csv_has_a_bom_a_header_and_every_field_in_english(engine, moscow, tmp_path):
    save_idea(engine, FULL_NOTES, **FULL)
    assert tabular.export_csv(engine, IdeaFilter(), tmp_path / "ideas.csv", "en") == 1
    assert (tmp_path / "ideas.csv").read_bytes().startswith(b"\xef\xbb\xbfID,Idea,Text,Focus,Status,Score,Dots,")
    header, row = read_csv(tmp_path / "ideas.csv")
    assert header == [
        "ID", "Idea", "Text", "Focus", "Status", "Score", "Dots", "Business card", "Business card: title",
        "Client card", "Client card: title", "Touchpoint card", "Touchpoint card: title", "Obstacle card",
        "Obstacle card: title", "Lens card", "Lens card: title", "Technomagic card", "Technomagic card: title",
        "Constraint card", "Constraint card: title", "Who", "By when", "First step",
        "Success sign", "Tags", "Team", "Player", "Session", "Saved", "Changed", "What happened",
    ]  # fmt: skip
    assert row == [
        "1", "Warm towels", "Give a warm towel\nafter the rain", "WOW", "planned", "7", "3", "biz-spa", "",
        "cl-tired", "", "tp-arrival", "", "", "", "lens-senses", "", "tm-warm", "", "con-free", "", "Anna",
        "2026-12-01", "Buy a towel warmer", "Clients smile", "spa, winter", "Blue", "Oleg", "", "2026-12-01 00:05",
        "2026-12-02 11:00", "2026-12-03: Two clients said thanks\n2026-12-05: Ran out of towels",
    ]  # fmt: skip  (ids no deck has: no titles)


def test_csv_in_russian_has_russian_headers_words_and_dates(engine, moscow, tmp_path):
    save_idea(engine, FULL_NOTES, **{**FULL, "focus": "planb", "status": "working"})
    tabular.export_csv(engine, IdeaFilter(), tmp_path / "ideas.csv", "ru")
    assert (tmp_path / "ideas.csv").read_bytes().startswith("\ufeff№;Идея;Текст;".encode())  # Russian Excel's ';'
    header, row = read_csv(tmp_path / "ideas.csv", ";")
    assert header[:7] == ["№", "Идея", "Текст", "Фокус", "Статус", "Баллы", "Голоса"]
    assert header[21:] == ["Кто", "К какому сроку", "Первый шаг", "Признак успеха", "Метки", "Команда", "Игрок",
                           "Сессия", "Сохранено", "Изменено", "Что получилось"]  # fmt: skip
    assert row[3:5] == ["План Б", "работает"]
    assert row[22] == "2026-12-01"  # ISO: what every spreadsheet sorts as a date, in any language
    assert row[29:31] == ["2026-12-01 00:05", "2026-12-02 11:00"]


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\r", "\n"])
def test_csv_cells_that_start_like_a_formula_get_an_apostrophe(engine, tmp_path, lead):
    value = f"{lead}1+2 cmd|' /C calc'!A0"
    fields = ("title", "text", "promise_who", "promise_first_step", "promise_success_sign", "team", "player")
    save_idea(engine, **dict.fromkeys(fields, value), tags=f",{lead}vip,", business_card=f"{lead}card")
    tabular.export_csv(engine, IdeaFilter(), tmp_path / "ideas.csv", "en")
    _header, row = read_csv(tmp_path / "ideas.csv")
    cells = dict(zip(tabular.COLUMNS, row, strict=True))
    for name in fields:
        assert cells[name] == "'" + value, name
    assert cells["business_card"] == f"'{lead}card"
    if lead.strip():  # a tag is stored without surrounding spaces
        assert cells["tags"] == f"'{lead}vip"


def test_csv_leaves_a_dash_or_an_at_sign_inside_a_cell_alone(engine, tmp_path):
    save_idea(engine, title="Tea - at 5 pm", text="mail me@example.org", promise_who="Anna-Maria")
    tabular.export_csv(engine, IdeaFilter(), tmp_path / "ideas.csv", "en")
    _header, row = read_csv(tmp_path / "ideas.csv")
    assert (row[1], row[2], row[21]) == ("Tea - at 5 pm", "mail me@example.org", "Anna-Maria")


def test_csv_is_newest_first_and_the_filter_chooses_the_ideas(engine, tmp_path):
    save_idea(engine, title="Old gift", status="tried", tags=",vip,")
    save_idea(engine, title="New gift", status="planned", tags=",vip,")
    save_idea(engine, title="Unrelated", status="planned")
    assert tabular.export_csv(engine, IdeaFilter(tag="VIP"), tmp_path / "vip.csv", "en") == 2
    assert [row[1] for row in read_csv(tmp_path / "vip.csv")[1:]] == ["New gift", "Old gift"]
    assert tabular.export_csv(engine, IdeaFilter(query="gifts", statuses=("planned",)), tmp_path / "p.csv", "en") == 1
    assert [row[1] for row in read_csv(tmp_path / "p.csv")[1:]] == ["New gift"]


# --- XLSX ----------------------------------------------------------------------------------------------------


def test_xlsx_is_a_typed_workbook_with_a_frozen_header(engine, moscow, tmp_path):
    save_idea(engine, FULL_NOTES, **FULL)
    save_idea(engine, title='=HYPERLINK("http://evil")', text="@SUM(A1:A9)", tags=",-vip,")
    assert tabular.export_xlsx(engine, IdeaFilter(), tmp_path / "ideas.xlsx", "en") == 2
    book = openpyxl.load_workbook(tmp_path / "ideas.xlsx")
    sheet = book.active
    assert sheet.title == "Ideas"
    assert [cell.value for cell in sheet[1]] == tabular.header("en")
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:AF3"
    assert sheet.column_dimensions["B"].width == 40
    assert sheet.max_row == 3
    formula, full = sheet[2], sheet[3]  # newest first
    cells = dict(zip(tabular.COLUMNS, full, strict=True))
    assert (cells["id"].value, cells["score"].value, cells["dots"].value) == (1, 7, 3)
    assert all(type(cells[name].value) is int and cells[name].data_type == "n" for name in ("id", "score", "dots"))
    assert cells["promise_due"].is_date and cells["promise_due"].value == datetime(2026, 12, 1)
    assert cells["promise_due"].number_format == "[$-809]d mmmm yyyy"
    assert cells["created_at"].is_date and cells["created_at"].value == datetime(2026, 12, 1, 0, 5)  # Moscow time
    assert cells["updated_at"].value == datetime(2026, 12, 2, 11, 0)
    assert cells["session_id"].value is None
    assert cells["status"].value == "planned" and cells["focus"].value == "WOW"
    assert cells["text"].value == "Give a warm towel\nafter the rain"
    assert cells["notes"].value == "2026-12-03: Two clients said thanks\n2026-12-05: Ran out of towels"
    formula_cells = dict(zip(tabular.COLUMNS, formula, strict=True))
    for name, value in (("title", '=HYPERLINK("http://evil")'), ("text", "@SUM(A1:A9)"), ("tags", "-vip")):
        assert (formula_cells[name].value, formula_cells[name].data_type) == (value, "s"), name


def test_xlsx_in_russian_names_the_sheet_and_months_in_russian(engine, tmp_path):
    save_idea(engine, **FULL)
    tabular.export_xlsx(engine, IdeaFilter(), tmp_path / "ideas.xlsx", "ru")
    sheet = openpyxl.load_workbook(tmp_path / "ideas.xlsx").active
    assert sheet.title == "Идеи"
    assert sheet["A1"].value == "№" and sheet["B1"].value == "Идея"
    assert sheet["W2"].number_format == "[$-419]d mmmm yyyy" and sheet["W2"].value == datetime(2026, 12, 1)
    assert sheet["E2"].value == "в планах"


def test_xlsx_drops_characters_a_workbook_cannot_hold(engine, tmp_path):
    save_idea(engine, title="bell\x07 and tab\t", text="x" * 40_000)
    tabular.export_xlsx(engine, IdeaFilter(), tmp_path / "ideas.xlsx", "en")
    sheet = openpyxl.load_workbook(tmp_path / "ideas.xlsx").active
    assert sheet["B2"].value == "bell and tab\t"
    assert len(sheet["C2"].value) == 32767  # Excel's limit for one cell


# --- Markdown ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("*bold* and _italic_", r"\*bold\* and \_italic\_"),
        ("[link](http://x) ![img](y)", r"\[link\](http://x) !\[img\](y)"),
        ("<b>html</b> &amp;", r"\<b\>html\</b\> \&amp;"),
        ("# not a heading #", r"\# not a heading \#"),
        ("- not a list", r"\- not a list"),
        ("+ not a list", r"\+ not a list"),
        ("> not a quote", r"\> not a quote"),
        ("=== not a rule", r"\=== not a rule"),
        ("12. not numbered", r"12\. not numbered"),
        ("3) not numbered", r"3\) not numbered"),
        ("`code` | cell ~~gone~~", r"\`code\` \| cell \~\~gone\~\~"),
        ("back\\slash", r"back\\slash"),
        ("Tea - at 5. Ёлка 🎄", "Tea - at 5. Ёлка 🎄"),
        ("   indented is not code", "indented is not code"),
    ],
)
def test_markdown_escaping_shows_the_text_as_it_was_written(text, markdown):
    assert tabular.md_escape(text) == markdown


def test_markdown_keeps_line_breaks_and_paragraphs():
    assert tabular.md_block("one\r\n- two\n\n  three") == "one\\\n\\- two\n\nthree"
    assert tabular.md_block("one\ntwo", indent="  ") == "one\\\n  two"


def test_markdown_has_a_section_per_idea_with_its_promise_and_notes(engine, tmp_path):
    save_idea(engine, title="Plain", created_at=datetime(2026, 1, 1, tzinfo=UTC))
    save_idea(
        engine,
        [(date(2026, 12, 3), "Two said `thanks`\nthree did not")],
        title="*Warm* towels [for](http://x) #1",
        text="Give a <b>warm</b> towel\n- after the rain\n\n1. then tea & smile",
        focus="wow",
        status="planned",
        score=7,
        dots=3,
        business_card="biz-spa",
        technique_card="tm-warm",
        promise_who="Anna",
        promise_due=date(2026, 12, 1),
        promise_first_step="Buy a towel_warmer",
        tags=",spa,winter,",
        team="Blue",
    )
    assert tabular.export_markdown(engine, IdeaFilter(), tmp_path / "ideas.md", "en") == 2
    assert (tmp_path / "ideas.md").read_text(encoding="utf-8") == (
        "# Ideas\n"
        "\n## \\*Warm\\* towels \\[for\\](http://x) \\#1\n\n"
        "Give a \\<b\\>warm\\</b\\> towel\\\n\\- after the rain\n\n1\\. then tea \\& smile\n\n"
        "**Status:** planned · **Focus:** WOW · **Score:** 7 · **Dots:** 3\\\n"
        "**Tags:** spa, winter\\\n**Team:** Blue\\\n**Cards:** biz-spa, tm-warm\n\n"
        "**Promise**\n\n- Who: Anna\n- By when: 1 December 2026\n- First step: Buy a towel\\_warmer\n\n"
        "**What happened**\n\n- 3 December 2026: Two said \\`thanks\\`\\\n  three did not\n"
        "\n## Plain\n\n**Status:** new · **Score:** 0 · **Dots:** 0\n"
        "\n---\n\nIdeas: 2\n"
    )


def test_markdown_in_russian(engine, tmp_path):
    save_idea(engine, [(date(2026, 12, 3), "Спасибо")], title="Полотенца", status="tried", promise_due=date(2026, 5, 9))
    tabular.export_markdown(engine, IdeaFilter(), tmp_path / "ideas.md", "ru")
    assert (tmp_path / "ideas.md").read_text(encoding="utf-8") == (
        "# Идеи\n\n## Полотенца\n\n**Статус:** попробовали · **Баллы:** 0 · **Голоса:** 0\n\n"
        "**Обещание**\n\n- К какому сроку: 9 мая 2026\n\n**Что получилось**\n\n- 3 декабря 2026: Спасибо\n"
        "\n---\n\nИдей: 1\n"
    )


# --- JSON ----------------------------------------------------------------------------------------------------


def test_json_holds_every_field_and_note_oldest_first(engine, tmp_path):
    save_idea(engine, FULL_NOTES, **FULL)
    save_idea(engine, title="Ёлка 🎄", text='"quoted"\n\\', created_at=datetime(2027, 1, 1, tzinfo=UTC))
    assert tabular.export_json(engine, IdeaFilter(), tmp_path / "ideas.json", "en") == 2
    text = (tmp_path / "ideas.json").read_text(encoding="utf-8")
    assert text.startswith('{\n  "format": "technomagic-ideas",\n  "version": 1,\n  "ideas": [\n    {"id": 1, ')
    assert "Ёлка 🎄" in text  # not \u escapes
    document = json.loads(text)
    assert document["format"] == "technomagic-ideas" and document["version"] == 1
    first, second = document["ideas"]
    assert first == {
        "id": 1, "title": "Warm towels", "text": "Give a warm towel\nafter the rain", "focus": "wow", "score": 7,
        "checks": {"simple": True}, "dots": 3, "business_card": "biz-spa", "client_card": "cl-tired",
        "touchpoint_card": "tp-arrival", "obstacle_card": None, "lens_card": "lens-senses",
        "technique_card": "tm-warm", "constraint_card": "con-free", "promise_who": "Anna",
        "promise_due": "2026-12-01", "promise_first_step": "Buy a towel warmer",
        "promise_success_sign": "Clients smile", "status": "planned", "tags": ["spa", "winter"], "team": "Blue",
        "player": "Oleg", "session_id": None, "created_at": "2026-11-30T21:05:00+00:00",
        "updated_at": "2026-12-02T08:00:00+00:00",
        "notes": [{"on": "2026-12-03", "text": "Two clients said thanks"},
                  {"on": "2026-12-05", "text": "Ran out of towels"}],
    }  # fmt: skip
    assert list(first) == list(second)  # the same keys in the same order for every idea
    assert (second["id"], second["title"], second["text"], second["notes"]) == (2, "Ёлка 🎄", '"quoted"\n\\', [])


def test_the_dicts_for_the_pdf_handout_are_the_json_ideas(engine, tmp_path):
    save_idea(engine, FULL_NOTES, **FULL)
    tabular.export_json(engine, IdeaFilter(), tmp_path / "ideas.json")
    assert (
        list(tabular.iter_idea_dicts(engine, IdeaFilter()))
        == json.loads((tmp_path / "ideas.json").read_text(encoding="utf-8"))["ideas"]
    )


# --- every format --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("library_has_ideas", [False, True])
def test_every_export_of_an_empty_selection_works(engine, tmp_path, library_has_ideas):
    if library_has_ideas:
        save_idea(engine, title="Not chosen", status="new")
    nothing = IdeaFilter(statuses=("dropped",))
    for fmt, export in EXPORTS.items():
        assert export(engine, nothing, tmp_path / f"none.{fmt}", "en") == 0, fmt
    assert read_csv(tmp_path / "none.csv") == [tabular.header("en")]
    assert (tmp_path / "none.csv").read_bytes().startswith(b"\xef\xbb\xbfID,")
    rows = list(openpyxl.load_workbook(tmp_path / "none.xlsx").active.values)
    assert rows == [tuple(tabular.header("en"))]
    assert (tmp_path / "none.md").read_text(encoding="utf-8") == "# Ideas\n\n---\n\nIdeas: 0\n"
    document = json.loads((tmp_path / "none.json").read_text(encoding="utf-8"))
    assert document == {"format": "technomagic-ideas", "version": 1, "ideas": []}


@pytest.mark.parametrize("fmt", list(EXPORTS))
def test_a_failed_export_leaves_the_old_file_and_no_litter(engine, tmp_path, monkeypatch, fmt):
    for n in range(3):
        save_idea(engine, title=f"Idea {n}")
    target = tmp_path / "out" / f"ideas.{fmt}"
    target.parent.mkdir()
    target.write_bytes(b"the old file")
    calls = []

    def failing_notes(*args):  # the ids are the last argument
        calls.append(args[-1])
        raise OSError("disk full")

    monkeypatch.setattr(tabular, "_notes", failing_notes)  # what the Markdown and JSON exports read
    monkeypatch.setattr(tabular, "_notes_text", failing_notes)  # and the CSV and XLSX exports
    with pytest.raises(OSError, match="disk full"):
        EXPORTS[fmt](engine, IdeaFilter(), target, "en")
    assert calls
    assert target.read_bytes() == b"the old file"
    assert [p.name for p in target.parent.iterdir()] == [target.name]


def test_a_language_other_than_ru_or_en_is_refused(engine, tmp_path):
    for fmt in ("csv", "xlsx", "md"):
        with pytest.raises(ValueError, match="language must be one of"):
            EXPORTS[fmt](engine, IdeaFilter(), tmp_path / f"x.{fmt}", "de")
        assert not (tmp_path / f"x.{fmt}").exists()


def test_ideas_are_read_a_page_at_a_time(engine):
    for n in range(25):
        save_idea(engine, title=f"Idea {n:02}", score=n % 4)
    pages = []

    def seen(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().startswith("SELECT") and "FROM idea " in statement and "LIMIT" in statement:
            pages.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        newest_first = [idea.title for idea in tabular.iter_ideas(engine, IdeaFilter(), page=10)]
        assert newest_first == [f"Idea {n:02}" for n in reversed(range(25))]
        assert len(pages) == 3  # 10 + 10 + 5, never the 25 at once
        pages.clear()
        by_score = [(i.score, i.title) for i in tabular.iter_ideas(engine, IdeaFilter(), Order("score", False), 10)]
        assert by_score == sorted((n % 4, f"Idea {n:02}") for n in range(25))
        assert len(pages) == 3
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert list(tabular.iter_ideas(engine, IdeaFilter(statuses=("dropped",)))) == []


@pytest.mark.parametrize(
    "zone",
    [
        "UTC0",
        "MSK-3",
        "IST-5:30",
        "EST5EDT,M3.2.0,M11.1.0",
        "LHST-10:30LHDT-11,M10.1.0,M4.1.0",
        "NST3:30NDT,M3.2.0,M11.1.0",
    ],
)
def test_the_fast_local_times_agree_with_the_system_clock(monkeypatch, zone):
    """The CSV export asks the zone once an hour; every moment of a year (daylight saving, half hours) agrees."""
    if not hasattr(time, "tzset"):
        pytest.skip("time zones are switched with time.tzset, which this platform lacks")
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        times = tabular._LocalTimes("en")
        moment = datetime(2026, 1, 1, 0, 7, 30, 123456)
        raws = []
        while moment.year == 2026:
            for raw in (moment.isoformat(" "), moment.isoformat(" ", "seconds"), moment.isoformat(" ") + "+00:00"):
                assert times.text(raw) == f"{tabular.local_time(moment):%Y-%m-%d %H:%M}", raw
                assert times(raw) == tabular.local_time(datetime.fromisoformat(raw)), raw
                raws.append(raw)
            moment += timedelta(minutes=47)
        # the CSV export's many at once, with hours seen before and not
        assert tabular._LocalTimes("en").texts([*raws[::2], None, "", *raws]) == [
            times.text(raw) for raw in [*raws[::2], None, "", *raws]
        ]
    finally:
        monkeypatch.undo()
        time.tzset()


def test_csv_and_xlsx_hold_the_same_values(engine, moscow, tmp_path):
    save_idea(engine, FULL_NOTES, **FULL)
    save_idea(engine, title="=1+2", text="", focus="fix", status="working", tags=",-a,b c,", promise_who="@w",
              business_card="-card", created_at=datetime(2026, 3, 29, 0, 30, tzinfo=UTC))  # fmt: skip
    tabular.export_csv(engine, IdeaFilter(), tmp_path / "ideas.csv", "ru")
    tabular.export_xlsx(engine, IdeaFilter(), tmp_path / "ideas.xlsx", "ru")

    def as_csv(row: tuple) -> list[str]:
        cells = []
        for name, value in zip(tabular.COLUMNS, row, strict=True):
            if value is None:
                cells.append("")
            elif name == "promise_due":
                cells.append(value.date().isoformat())
            elif isinstance(value, datetime):
                cells.append(f"{value:%Y-%m-%d %H:%M}")
            else:
                cells.append(str(value) if isinstance(value, int) else tabular.neutralise(value))
        return cells

    header, *rows = openpyxl.load_workbook(tmp_path / "ideas.xlsx").active.values
    workbook = [list(header), *map(as_csv, rows)]
    assert workbook == read_csv(tmp_path / "ideas.csv", ";")
    assert workbook[1][1] == "'=1+2" and workbook[1][25] == "'-a, b c" and workbook[1][29] == "2026-03-29 03:30"


def test_gc_paused_restores_the_collector():
    assert gc.isenabled()
    with tabular.gc_paused():
        assert not gc.isenabled()
        with tabular.gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), tabular.gc_paused():
        raise RuntimeError
    assert gc.isenabled()


# --- the command line ----------------------------------------------------------------------------------------


@pytest.fixture
def library(tmp_path: Path) -> Path:
    engine = open_library(tmp_path)
    save_idea(engine, FULL_NOTES, **FULL)
    save_idea(engine, title="=cmd|' /C calc'!A0", text="Звонок после покупки", status="tried")
    engine.dispose()
    return tmp_path


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "md", "json"])
def test_cli_export_writes_the_file_and_says_how_many(capsys, library, tmp_path, fmt):
    out = tmp_path / f"ideas.{fmt}"
    assert main(["--data-dir", str(library), "export", "--format", fmt, "--out", str(out), "--lang", "en"]) == 0
    assert capsys.readouterr() == (f"wrote 2 ideas to {out}\n", "")
    assert out.stat().st_size > 0


def test_cli_export_filters_and_speaks_the_language_asked(capsys, library, tmp_path):
    out = tmp_path / "tried.csv"
    args = ["export", "--format", "csv", "--out", str(out), "--status", "tried", "--query", "покупкой"]
    assert main(["--data-dir", str(library), "--lang", "ru", *args]) == 0
    assert capsys.readouterr().out == f"Записано идей: 1, в {out}\n"  # said in the UI's language
    header, row = read_csv(out, ";")
    assert header[1] == "Идея" and row[1:5] == ["'=cmd|' /C calc'!A0", "Звонок после покупки", "", "попробовали"]
    assert main(["--data-dir", str(library), "--lang", "ru", *args, "--lang", "en"]) == 0
    assert read_csv(out)[0][1] == "Idea"


def test_cli_export_to_a_folder_that_does_not_exist_exits_2(capsys, library, tmp_path):
    out = tmp_path / "missing" / "ideas.csv"
    assert main(["--data-dir", str(library), "export", "--format", "csv", "--out", str(out)]) == 2
    assert capsys.readouterr() == ("", f"technomagic: cannot write {out}: No such file or directory\n")


def test_cli_export_of_a_corrupt_library_exits_2_and_leaves_it_alone(capsys, tmp_path):
    junk = b"this is not a database\x00" * 100
    (tmp_path / DB_NAME).write_bytes(junk)
    assert main(["--data-dir", str(tmp_path), "export", "--format", "json", "--out", str(tmp_path / "x.json")]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith(f"technomagic: {tmp_path / DB_NAME}: not a readable idea library")
    assert (tmp_path / DB_NAME).read_bytes() == junk and not (tmp_path / "x.json").exists()


def test_cli_export_pdf_hands_the_json_ideas_to_the_handout(capsys, library, tmp_path, monkeypatch):
    from game.io import report

    handed = []
    monkeypatch.setattr(
        report, "write_handout", lambda ideas, path, lang, title: handed.append((ideas, path, lang, title))
    )
    out = tmp_path / "ideas.pdf"
    assert main(["--data-dir", str(library), "export", "--format", "pdf", "--out", str(out), "--lang", "ru"]) == 0
    assert capsys.readouterr().out == f"wrote 2 ideas to {out}\n"
    [(ideas, path, lang, title)] = handed
    assert (path, lang, title) == (out, "ru", "Идеи")
    engine = open_library(library)
    assert ideas == list(tabular.iter_idea_dicts(engine, IdeaFilter()))
    engine.dispose()


def test_cli_export_pdf_writes_a_pdf(capsys, qapp, library, tmp_path):
    out = tmp_path / "ideas.pdf"
    assert main(["--data-dir", str(library), "export", "--format", "pdf", "--out", str(out), "--lang", "en"]) == 0
    assert capsys.readouterr().out == f"wrote 2 ideas to {out}\n"
    assert out.read_bytes().startswith(b"%PDF")


def test_libreoffice_opens_the_workbook_with_text_kept_as_text(engine, tmp_path):
    """The workbook is our own OOXML (game/io/xlsx.py): an office program, not only openpyxl, must read it."""
    import csv as csv_module
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice (libreoffice-calc-nogui) is needed: bash run.sh test installs it"
    save_idea(engine, title='=HYPERLINK("http://evil")', text='a & <b> "quoted"\nsecond line',
              promise_due=date(2026, 12, 1))  # fmt: skip
    tabular.export_xlsx(engine, IdeaFilter(), tmp_path / "ideas.xlsx", "ru")
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(tmp_path), str(tmp_path / "ideas.xlsx")],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    with (tmp_path / "ideas.csv").open(encoding="utf-8", newline="") as handle:
        header, row = list(csv_module.reader(handle))
    assert header == tabular.header("ru")
    cells = dict(zip(tabular.COLUMNS, row, strict=True))
    assert cells["title"] == '=HYPERLINK("http://evil")'  # shown as typed: not a formula, not a link
    assert cells["text"] == 'a & <b> "quoted"\nsecond line'
    assert "2026" in cells["promise_due"] and cells["id"] == "1"


def test_a_workbook_that_cannot_be_written_fails_whole_and_leaves_the_old_file(engine, tmp_path, monkeypatch):
    """The sheet is compressed and written by a thread of its own (game/io/xlsx.py): its error reaches the export."""
    import zipfile

    for n in range(3):
        save_idea(engine, title=f"Idea {n}")
    target = tmp_path / "out" / "ideas.xlsx"
    target.parent.mkdir()
    target.write_bytes(b"the old file")
    write = zipfile._ZipWriteFile.write
    writers = []

    def disk_full(self, data):
        if self._zinfo.filename == "xl/worksheets/sheet1.xml":
            writers.append(threading.current_thread().name)
            if len(writers) > 1:  # the sheet's start goes, then the disk is full
                raise OSError("disk full")
        return write(self, data)

    monkeypatch.setattr(zipfile._ZipWriteFile, "write", disk_full)
    with pytest.raises(OSError, match="disk full"):
        tabular.export_xlsx(engine, IdeaFilter(), target, "en")
    assert set(writers) == {"xlsx writer"}
    assert target.read_bytes() == b"the old file"
    assert [p.name for p in target.parent.iterdir()] == [target.name]


def test_the_xlsx_writer_thread_hands_its_error_over_and_never_leaves_the_caller_waiting():
    from game.io.xlsx import _Writer

    got = []

    def write(data: bytes) -> None:
        if data == b"bad":
            raise OSError("disk full")
        got.append(data)

    with pytest.raises(OSError, match="disk full"), _Writer(write, ahead=1) as put:
        put(b"one")
        put(b"bad")
        for _ in range(100):  # the thread takes and drops the rest until the caller's next write raises
            put(b"more")
    assert got == [b"one"]
    with pytest.raises(ValueError, match="the caller's"), _Writer(write, ahead=1) as put:
        put(b"two")
        raise ValueError("the caller's error")  # the thread ends; nothing hangs
    assert got == [b"one", b"two"]


@settings(max_examples=300, deadline=None)
@given(
    st.integers(1, 4).flatmap(
        lambda width: st.lists(
            st.lists(
                st.one_of(st.text(alphabet=st.sampled_from(',;\t"\r\n \'=aЯ\x00🙂'), max_size=6), st.none(),
                          st.integers(-5, 10**12)),
                min_size=width, max_size=width,
            ),
            max_size=5,
        )
    ),
    st.sampled_from([",", ";", "\t"]),
)  # fmt: skip
def test_csv_lines_are_what_the_csv_module_writes(rows, delimiter):
    """The CSV export joins a page's cells itself (faster than the csv module's loop over every character):
    whatever the cells, the same text as the csv module's writer."""
    expected = io.StringIO(newline="")
    csv.writer(expected, delimiter=delimiter).writerows(rows)
    columns = [list(column) for column in zip(*rows, strict=True)]
    assert tabular.csv_lines(columns, delimiter) == expected.getvalue()


def test_csv_and_xlsx_read_the_ideas_with_one_streamed_query(engine):
    """Plain rows of one query, a page at a time, with each page's notes (on PostgreSQL a server-side cursor:
    a library of any size never sits in memory whole)."""
    for n in range(5):
        save_idea(engine, [(date(2026, 1, n + 1), f"note {n}")] if n % 2 else (), title=f"Idea {n}")
    queries = []

    def seen(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().startswith("SELECT"):
            queries.append((statement.split("FROM", 1)[1].split()[0], type(cursor).__name__))

    event.listen(engine, "before_cursor_execute", seen)
    try:
        pages = list(tabular._row_pages(engine, IdeaFilter(), None, tabular._export_columns(engine), size=2))
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert [[row[1] for row in batch] for batch, _notes in pages] == [["Idea 4", "Idea 3"], ["Idea 2", "Idea 1"],
                                                                       ["Idea 0"]]  # fmt: skip
    assert [notes for _batch, notes in pages] == [{4: "2026-01-04: note 3"}, {2: "2026-01-02: note 1"}, {}]
    assert [table for table, _cursor in queries] == ["idea", "idea_note", "idea_note", "idea_note"]
    if engine.dialect.name == "postgresql":
        assert queries[0][1] == "ServerCursor" and queries[1][1] != "ServerCursor"
