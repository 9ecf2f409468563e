"""Ideas back into a library: JSON losslessly, CSV through a column mapping; a broken file changes nothing."""

import json
import sqlite3
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlmodel import Session, select

from game.cli import main
from game.domain.ideas import FOCUSES, STATUSES, fingerprint
from game.io import import_checks, importer, tabular
from game.io.importer import ImportError_, ImportResult
from game.store import ideas
from game.store.db import DB_NAME, open_library
from game.store.ideas import IdeaFilter, normal_tag
from game.store.models import Idea
from tests.io.test_tabular import FULL, FULL_NOTES, save_idea


def library_state(engine) -> list[tuple]:
    """Everything the library holds about its ideas, ids included: what 'unchanged' is checked against."""
    with Session(engine) as session:
        found = [(idea.model_dump(), ideas.notes(engine, idea.id)) for idea in session.exec(select(Idea))]
    return [(data, [(n.on, n.text) for n in notes]) for data, notes in found]


def comparable(engine) -> list[tuple[dict, list[tuple[date, str]]]]:
    """Each idea (in id order) as its JSON export says it, without the numbers another library gives it."""
    found = []
    for data in tabular.iter_idea_dicts(engine, IdeaFilter(), ideas.Order("id", descending=False)):
        del data["id"], data["session_id"]
        found.append(data)
    with Session(engine) as session:
        search = list(session.exec(select(Idea.search_text).order_by(Idea.id)))
    return list(zip(found, search, strict=True))


def write_json(path: Path, items: list, **envelope) -> Path:
    document = {"format": "technomagic-ideas", "version": 1, "ideas": items, **envelope}
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


# --- JSON round trip, property-based -------------------------------------------------------------------------

SPECIAL = ["=1+2", "@x", "+7 999", "-5", "\tTab", "\r\nCR LF", '"quoted"', "'apostrophe", "שלום עולם", "مرحبا",
           "🎄🎁👩‍👩‍👧", "a,b;c", "line\nbreak", "back\\slash", "<b>x</b>", "{}", "null", "ё Ё"]  # fmt: skip
#: Any text an idea may hold: no control characters but tab and line breaks, no lone surrogates (import refuses them).
letters = st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\t\n\r")


def texts(limit: int = 40):
    """Texts within a field's limit (game.domain.limits): import refuses longer ones."""
    plain = st.text(letters, max_size=limit)
    return st.one_of(plain, st.sampled_from(SPECIAL), st.tuples(st.sampled_from(SPECIAL), plain).map("".join)).map(
        lambda text: text[:limit]
    )


moments = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC))
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@st.composite
def idea_fields(draw) -> dict:
    tags = draw(st.lists(st.text(letters, min_size=1, max_size=12).map(normal_tag).filter(bool), max_size=3,
                         unique=True))  # fmt: skip
    return {
        "title": draw(texts(80).filter(str.strip)),
        "text": draw(texts(500)),
        "focus": draw(st.sampled_from(("", *FOCUSES))),
        "status": draw(st.sampled_from(STATUSES)),
        "score": draw(st.integers(0, 20)),
        "dots": draw(st.integers(0, 100)),
        "checks_json": json.dumps(draw(st.dictionaries(st.text(letters, max_size=8), st.booleans(), max_size=3))),
        **{name: draw(st.none() | texts(80)) for name in ideas.CARD_COLUMNS},
        "promise_who": draw(texts(300)),
        "promise_due": draw(st.none() | days),
        "promise_first_step": draw(texts(300)),
        "promise_success_sign": draw(texts(300)),
        "tags": "," + ",".join(tags) + "," if tags else "",
        "team": draw(texts(40)),
        "player": draw(texts(40)),
        "created_at": draw(moments),
        "updated_at": draw(moments),
        "notes": draw(st.lists(st.tuples(days, texts(2000)), max_size=3)),
    }


many_ideas = st.lists(idea_fields(), max_size=5, unique_by=lambda f: fingerprint(f["title"], f["text"]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(many_ideas)
@example([{**FULL, "title": text, "text": text, "promise_who": text, "notes": [(date(2026, 1, 1), text)]}
          for text in SPECIAL])  # fmt: skip
def test_json_export_then_import_into_an_empty_library_gives_the_same_ideas(fields_list):
    with tempfile.TemporaryDirectory() as source_dir, tempfile.TemporaryDirectory() as target_dir:
        source, target = open_library(Path(source_dir)), open_library(Path(target_dir))
        try:
            for fields in fields_list:
                fields = dict(fields)
                save_idea(source, sorted(fields.pop("notes", [])), **fields)
            path = Path(source_dir) / "ideas.json"
            assert tabular.export_json(source, IdeaFilter(), path) == len(fields_list)
            assert importer.import_json(target, path) == ImportResult(added=len(fields_list))
            assert comparable(target) == comparable(source)
            assert importer.import_json(target, path) == ImportResult(skipped_duplicates=len(fields_list))
        finally:
            source.dispose()
            target.dispose()


def test_imported_ideas_are_stored_exactly_as_the_library_stores_its_own(engine, tmp_path):
    save_idea(engine, FULL_NOTES, **FULL)
    save_idea(engine, title="Old", promise_due=date(1901, 6, 5),
              created_at=datetime(1901, 6, 5, 4, 3, 2, 1, tzinfo=UTC),
              updated_at=datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=UTC))  # fmt: skip
    tabular.export_json(engine, IdeaFilter(), tmp_path / "ideas.json")
    (tmp_path / "other").mkdir()
    other = open_library(tmp_path / "other")
    importer.import_json(other, tmp_path / "ideas.json")
    assert [i.title for i in ideas.find(other, IdeaFilter(query="towels warmers"))] == ["Warm towels"]
    assert len(ideas.find(other, IdeaFilter())) == 2
    oldest_first = ideas.Order("id", descending=False)
    mine, theirs = (
        [i.model_dump() for i in ideas.find(e, IdeaFilter(), oldest_first)] for e in (engine, other)
    )  # on PostgreSQL: the same values read back from SQLite
    other.dispose()
    assert theirs == mine
    if engine.dialect.name != "sqlite":
        return
    query = "SELECT * FROM idea"  # the raw text SQLite holds: dates, times, tags, search text
    original = sqlite3.connect(engine.url.database).execute(query).fetchall()
    imported = sqlite3.connect(tmp_path / "other" / DB_NAME).execute(query).fetchall()
    assert imported == original


def test_ideas_go_after_those_already_there_with_their_notes(engine, tmp_path):
    save_idea(engine, title="Already here")
    write_json(tmp_path / "more.json", [
        {"title": "First", "notes": [{"on": "2026-01-02", "text": "one"}]},
        {"title": "Second", "text": "",
         "notes": [{"on": "2026-01-01", "text": "two"}, {"on": "2026-01-03", "text": "3"}]},
    ])  # fmt: skip
    assert importer.import_json(engine, tmp_path / "more.json") == ImportResult(added=2)
    found = {idea.title: idea.id for idea in ideas.find(engine, IdeaFilter())}
    assert found == {"Already here": 1, "First": 2, "Second": 3}
    assert [(n.on, n.text) for n in ideas.notes(engine, 3)] == [(date(2026, 1, 1), "two"), (date(2026, 1, 3), "3")]
    second = ideas.get(engine, 3)
    assert (second.status, second.focus, second.score, second.tags, second.session_id) == ("new", "", 0, "", None)
    assert second.created_at.tzinfo is UTC and (datetime.now(UTC) - second.created_at).total_seconds() < 60


def test_the_output_of_search_json_imports_too(capsys, tmp_path):
    (tmp_path / "a").mkdir()
    source = open_library(tmp_path / "a")
    save_idea(source, **FULL)
    source.dispose()
    assert main(["--data-dir", str(tmp_path / "a"), "search", "", "--json"]) == 0
    (tmp_path / "list.json").write_text(capsys.readouterr().out, encoding="utf-8")
    (tmp_path / "b").mkdir()
    target = open_library(tmp_path / "b")
    assert importer.import_json(target, tmp_path / "list.json") == ImportResult(added=1)
    assert ideas.find(target, IdeaFilter())[0].promise_due == date(2026, 12, 1)
    target.dispose()


def test_duplicates_are_skipped_whatever_their_case_and_spacing(engine, tmp_path):
    save_idea(engine, title="Tea in the queue", text="Tea for everyone\nwho waits")
    write_json(tmp_path / "ideas.json", [
        {"title": "  TEA in the   queue", "text": "tea for everyone who waits "},
        {"title": "Tea in the queue", "text": "Coffee instead"},
        {"title": "Coffee", "text": ""},
        {"title": "coffee", "text": "  "},
    ])  # fmt: skip
    assert importer.import_json(engine, tmp_path / "ideas.json") == ImportResult(added=2, skipped_duplicates=2)
    assert sorted(i.title for i in ideas.find(engine, IdeaFilter())) == [
        "Coffee",
        "Tea in the queue",
        "Tea in the queue",
    ]


def test_unknown_fields_are_left_out_and_said(engine, tmp_path):
    path = write_json(tmp_path / "ideas.json", [{"title": "A", "colour": "red"}, {"title": "B", "colour": 1, "x": 2}])
    result = importer.import_json(engine, path)
    assert result == ImportResult(added=2, errors=[
        f"{path}: field 'colour' is not an idea field; left out", f"{path}: field 'x' is not an idea field; left out",
    ])  # fmt: skip


# --- a broken file changes nothing ---------------------------------------------------------------------------


def test_broken_json_syntax_says_the_line_and_changes_nothing(engine, tmp_path):
    save_idea(engine, FULL_NOTES, **FULL)
    before = library_state(engine)
    path = tmp_path / "broken.json"
    path.write_text('{"format": "technomagic-ideas", "version": 1, "ideas": [\n{"title": "x"},\n{"title": "y",}\n]}')
    with pytest.raises(ImportError_) as info:
        importer.import_json(engine, path)
    assert str(info.value) == f"{path}:3: not valid JSON: Expecting property name enclosed in double quotes (column 15)"
    assert (info.value.path, info.value.line, info.value.row, info.value.field) == (path, 3, None, None)
    assert library_state(engine) == before


def test_a_bad_status_on_idea_3_imports_none_of_the_others(engine, tmp_path):
    save_idea(engine, title="Kept")
    before = library_state(engine)
    path = write_json(tmp_path / "ideas.json", [{"title": "a"}, {"title": "b"}, {"title": "c", "status": "done"}])
    with pytest.raises(ImportError_) as info:
        importer.import_json(engine, path)
    assert str(info.value) == (  # the line where idea 3 starts (the file is indented, one field a line)
        f"{path}:11: idea 3: field 'status': 'done' is not one of new, planned, tried, working, dropped"
    )
    assert (info.value.line, info.value.row, info.value.field) == (11, 3, "status")
    assert library_state(engine) == before


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ('{"ideas": []}', 'not an ideas file: it needs "format": "technomagic-ideas"'),
        ('{"format": "technomagic-ideas", "version": 2, "ideas": []}', "version 2 is not one this game reads (1)"),
        ('{"format": "technomagic-ideas", "version": 1, "ideas": {}}', '"ideas" is not a list'),
        ('"ideas"', "not an ideas file: neither an object nor a list"),
        ('[{"title": "a"}, 5]', "idea 2: 5 is not an object"),
        ('[{"title": " ", "text": ""}]', "idea 1: no title and no text"),
        ('[{"title": 5}]', "idea 1: field 'title': 5 is not text"),
        ('[{"title": "a", "player": null}]', "idea 1: field 'player': null is not text"),
        ('[{"title": "a", "lens_card": 7}]', "idea 1: field 'lens_card': 7 is not a card id"),
        ('[{"title": "a", "score": "5"}]', "idea 1: field 'score': '5' is not a whole number from 0 to 20"),
        ('[{"title": "a", "dots": true}]', "idea 1: field 'dots': true is not a whole number from 0 to 1000"),
        ('[{"title": "a", "dots": 9223372036854775808}]',
         "idea 1: field 'dots': 9223372036854775808 is not a whole number from 0 to 1000"),
        ('[{"title": "a", "focus": "big"}]', "idea 1: field 'focus': 'big' is not one of fix, wow, planb or empty"),
        ('[{"title": "a", "checks": []}]', "idea 1: field 'checks': [] is not an object"),
        ('[{"title": "a", "promise_due": "2026-02-31"}]',
         "idea 1: field 'promise_due': '2026-02-31' is not a date (YYYY-MM-DD)"),
        ('[{"title": "a", "created_at": "yesterday"}]',
         "idea 1: field 'created_at': 'yesterday' is not a date and time (ISO 8601)"),
        ('[{"title": "a", "tags": "vip"}]', "idea 1: field 'tags': 'vip' is not a list of texts"),
        ('[{"title": "a", "notes": [{"text": "x", "on": "soon"}]}]',
         "idea 1: field 'notes[1].on': 'soon' is not a date (YYYY-MM-DD)"),
        ('[{"title": "a", "notes": ["x"]}]', "idea 1: field 'notes[1]': 'x' is not {\"on\": date, \"text\": text}"),
    ],
)  # fmt: skip
def test_every_wrong_json_shape_is_named(engine, tmp_path, document, message):
    save_idea(engine, title="Kept")
    before = library_state(engine)
    path = tmp_path / "ideas.json"
    path.write_text(document, encoding="utf-8")
    with pytest.raises(ImportError_) as info:
        importer.import_json(engine, path)
    where = f"{path}:1" if message.startswith("idea ") else f"{path}"  # an idea is found again at its line
    assert str(info.value) == f"{where}: {message}"
    assert library_state(engine) == before


def test_a_file_that_is_not_utf8_says_where(engine, tmp_path):
    path = tmp_path / "cp1251.csv"
    path.write_bytes("Idea\nЧай\n".encode() + "Кофе\n".encode("cp1251"))
    with pytest.raises(ImportError_) as info:
        importer.import_csv(engine, path)
    message = "byte 13 (0xca) is not UTF-8, Windows-1251 or UTF-16 text: save the file as UTF-8"
    assert str(info.value) == f"{path}:3: {message}"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # after a BOM, the byte is counted from the start
    with pytest.raises(ImportError_) as info:
        importer.csv_preview(path)
    assert str(info.value) == f"{path}:3: byte 16 (0xca) is not UTF-8 text: save the file as UTF-8"
    assert library_state(engine) == []


def test_a_file_over_200_mb_is_refused(engine, tmp_path, monkeypatch):
    monkeypatch.setattr(import_checks, "MAX_BYTES", 2 * 2**20)
    path = tmp_path / "huge.json"
    path.write_bytes(b" " * (3 * 2**20))
    with pytest.raises(ImportError_) as info:
        importer.import_json(engine, path)
    assert str(info.value) == f"{path}: the file is larger than 2 MB; it is not imported"


def test_a_missing_file_is_an_import_error(engine, tmp_path):
    with pytest.raises(ImportError_) as info:
        importer.import_json(engine, tmp_path / "none.json")
    assert str(info.value) == f"{tmp_path / 'none.json'}: cannot read the file (No such file or directory)"


# --- CSV -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_our_csv_imports_back_with_apostrophes_removed(engine, tmp_path, lang):
    save_idea(engine, FULL_NOTES, **FULL)
    save_idea(engine, [(date(2026, 1, 2), "=first\nsecond line")], title="=1+2", text="@x\n-y", tags=",-vip,",
              promise_who="+7 999", promise_due=date(2027, 2, 28), status="dropped", focus="planb")  # fmt: skip
    tabular.export_csv(engine, IdeaFilter(), tmp_path / "ideas.csv", lang)
    (tmp_path / "other").mkdir()
    other = open_library(tmp_path / "other")
    assert importer.import_csv(other, tmp_path / "ideas.csv") == ImportResult(added=2)
    found = {
        i.title: (i.text, i.tags, i.promise_who, i.promise_due, i.status, i.focus, i.score, i.created_at)
        for i in ideas.find(other, IdeaFilter())
    }
    assert found == {
        "Warm towels": ("Give a warm towel\nafter the rain", ",spa,winter,", "Anna", date(2026, 12, 1), "planned",
                        "wow", 7, datetime(2026, 11, 30, 21, 5, tzinfo=UTC)),
        "=1+2": ("@x\n-y", ",-vip,", "+7 999", date(2027, 2, 28), "dropped", "planb", 0, found["=1+2"][-1]),
    }  # fmt: skip
    [towels] = ideas.find(other, IdeaFilter(query="towel"))
    assert [(n.on, n.text) for n in ideas.notes(other, towels.id)] == FULL_NOTES
    [formula] = ideas.find(other, IdeaFilter(tag="-vip"))
    assert [(n.on, n.text) for n in ideas.notes(other, formula.id)] == [(date(2026, 1, 2), "=first\nsecond line")]
    assert (towels.business_card, towels.obstacle_card, towels.session_id) == ("biz-spa", None, None)
    assert importer.import_csv(other, tmp_path / "ideas.csv") == ImportResult(skipped_duplicates=2)
    other.dispose()


def test_importing_an_empty_export_adds_nothing(engine, tmp_path):
    save_idea(engine, title="Kept")
    before = library_state(engine)
    nothing = IdeaFilter(statuses=("dropped",))
    tabular.export_json(engine, nothing, tmp_path / "none.json")
    tabular.export_csv(engine, nothing, tmp_path / "none.csv", "ru")
    assert importer.import_json(engine, tmp_path / "none.json") == ImportResult()
    assert importer.import_csv(engine, tmp_path / "none.csv") == ImportResult()
    assert library_state(engine) == before


def test_csv_preview_suggests_our_headers_and_common_names(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text(
        "\ufeffИдея;Owner;Срок;Comment;Метки;Статус\n'=1+2;Anna;1.12.2026;;vip;в планах\nЧай;Oleg;;x;;\nb;;;;;\n",
        encoding="utf-8",
    )
    preview = importer.csv_preview(path, rows=2)
    headers, rows, mapping = preview.headers, preview.rows, preview.mapping
    assert (preview.encoding, preview.delimiter) == ("UTF-8", ";")
    assert headers == ["Идея", "Owner", "Срок", "Comment", "Метки", "Статус"]
    assert rows == [["=1+2", "Anna", "1.12.2026", "", "vip", "в планах"], ["Чай", "Oleg", "", "x", "", ""]]
    assert mapping == {"Идея": "title", "Owner": "promise_who", "Срок": "promise_due", "Метки": "tags",
                       "Статус": "status"}  # fmt: skip
    assert importer.suggest_mapping(["IDEA", "idea", "Description", "by  when", "Whatever"]) == {
        "IDEA": "title", "Description": "text", "by  when": "promise_due",
    }  # fmt: skip
    assert "promise_who" in importer.CSV_FIELDS and "id" not in importer.CSV_FIELDS


def test_a_spreadsheet_csv_with_a_chosen_mapping(engine, tmp_path):
    path = tmp_path / "list.csv"
    path.write_text(
        "Name,Who,Comment,Details,Extra\n"
        'Warm towels,Anna,"from the spa\nand the gym",,1\n'
        "\n"
        ',,,"Only a text here\nand more",\n',
        encoding="utf-8",
    )
    mapping = {"Name": "title", "Who": "promise_who", "Comment": "notes", "Details": "text", "Extra": ""}
    result = importer.import_csv(engine, path, mapping)
    assert result == ImportResult(added=2, errors=[f"{path}: column 'Extra' is not imported"])
    towels, text_only = sorted(ideas.find(engine, IdeaFilter()), key=lambda i: i.id)
    assert (towels.title, towels.text, towels.promise_who) == ("Warm towels", "", "Anna")
    today = datetime.now(UTC).date()
    assert [(n.on, n.text) for n in ideas.notes(engine, towels.id)] == [(today, "from the spa\nand the gym")]
    assert [i.id for i in ideas.find(engine, IdeaFilter(query="gym"))] == [towels.id]  # notes are searched
    assert (text_only.title, text_only.text) == ("Only a text here", "Only a text here\nand more")


def test_a_bad_date_on_row_3_of_a_csv_changes_nothing(engine, tmp_path):
    save_idea(engine, FULL_NOTES, **FULL)
    before = library_state(engine)
    path = tmp_path / "list.csv"
    path.write_text(
        'Idea,By when\nOne,1.12.2026\n"Two\nlines",2 December 2026\nThree,31.02.2026\nFour,\n', encoding="utf-8"
    )
    with pytest.raises(ImportError_) as info:
        importer.import_csv(engine, path)
    assert str(info.value) == f"{path}:5: field 'promise_due': '31.02.2026' is not a date"
    assert (info.value.line, info.value.row, info.value.field) == (5, 3, "promise_due")
    assert library_state(engine) == before


@pytest.mark.parametrize(
    ("content", "mapping", "message"),
    [
        ("Idea,Status\nA,done\n", None,
         "2: field 'status': 'done' is not one of new, planned, tried, working, dropped"),
        ("Idea,Focus\nA,huge\n", None, "2: field 'focus': 'huge' is not one of fix, wow, planb or empty"),
        ("Idea,Score\nA,five\n", None, "2: field 'score': 'five' is not a whole number from 0 to 20"),
        ("Idea,Saved\nA,the other day\n", None, "2: field 'created_at': 'the other day' is not a date"),
        ("Idea,Notes\nA,2026-13-01: x\n", None, "2: field 'notes': '2026-13-01' is not a date"),
        ("Idea,Who\n,Anna\n", None, "2: no title and no text"),
        ("Who,When\nAnna,\n", None, "1: no column is mapped to the title or the text"),
        ("Idea\nA\n", {"Idea": "name"}, "1: column 'Idea' is mapped to 'name', which is not a field"),
        ("Idea\nA\n", {"Title": "title"}, "1: there is no column 'Title'"),
        ("A,B\nx,y\n", {"A": "title", "B": "title"}, "1: columns 'A' and 'B' are both mapped to 'title'"),
        ('Idea\n"unclosed\nmore\n', None, "2: not valid CSV: unexpected end of data"),
        ('Idea\nA\n"a"b\n', None, "3: not valid CSV: ',' expected after '\"'"),
    ],
)  # fmt: skip
def test_every_csv_problem_is_named_with_its_line(engine, tmp_path, content, mapping, message):
    path = tmp_path / "list.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportError_) as info:
        importer.import_csv(engine, path, mapping)
    assert str(info.value) == f"{path}:{message}"
    assert library_state(engine) == []


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2026-12-01", date(2026, 12, 1)),
        ("2026-12-01 00:00:00", date(2026, 12, 1)),
        ("1.12.2026", date(2026, 12, 1)),
        ("01.12.2026", date(2026, 12, 1)),
        ("1 декабря 2026", date(2026, 12, 1)),
        ("1 декабря 2026 г.", date(2026, 12, 1)),
        ("1 December 2026", date(2026, 12, 1)),
        ("1 Dec 2026", date(2026, 12, 1)),
        ("December 1, 2026", date(2026, 12, 1)),
        ("9 мая 2026", date(2026, 5, 9)),
        ("31.02.2026", None),
        ("1 Smarch 2026", None),
        ("12/01/2026", None),  # month first or day first? not guessed
        ("soon", None),
    ],
)
def test_dates_people_write(written, day):
    assert importer.parse_date(written) == day


def test_moments_people_write_are_their_own_time(monkeypatch):
    import time

    if not hasattr(time, "tzset"):
        pytest.skip("time zones are switched with time.tzset, which this platform lacks")
    monkeypatch.setenv("TZ", "MSK-3")
    time.tzset()
    try:
        assert importer.parse_time("1 декабря 2026, 00:05") == datetime(2026, 11, 30, 21, 5, tzinfo=UTC)
        assert importer.parse_time("2026-12-01T09:00:00+00:00") == datetime(2026, 12, 1, 9, tzinfo=UTC)
        assert importer.parse_time("1.12.2026") == datetime(2026, 11, 30, 21, tzinfo=UTC)
        assert importer.parse_time("1 December 2026 25:00") is None
    finally:
        monkeypatch.undo()
        time.tzset()


# --- the command line ----------------------------------------------------------------------------------------


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    (tmp_path / "source").mkdir()
    source = open_library(tmp_path / "source")
    save_idea(source, FULL_NOTES, **FULL)
    save_idea(source, title="Ёлка 🎄", text="=1+2")
    source.dispose()
    path = tmp_path / "ideas.json"
    assert main(["--data-dir", str(tmp_path / "source"), "export", "--format", "json", "--out", str(path)]) == 0
    return path


def test_cli_import_adds_then_skips_duplicates(capsys, tmp_path, exported):
    capsys.readouterr()
    target = tmp_path / "target"
    assert main(["--data-dir", str(target), "import", str(exported)]) == 0
    assert capsys.readouterr() == ("added 2, skipped 0 duplicates\n", "")
    assert main(["--data-dir", str(target), "import", str(exported)]) == 0
    assert capsys.readouterr() == ("added 0, skipped 2 duplicates\n", "")


def test_cli_import_of_a_csv_with_a_mapping(capsys, tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("Idea,Person,Extra\nWarm towels,Anna,x\n", encoding="utf-8")
    target = tmp_path / "target"
    assert main(["--data-dir", str(target), "import", str(path), "--map", "Person=promise_who", "--map", "Extra="]) == 0
    assert capsys.readouterr() == (
        "added 1, skipped 0 duplicates\n", f"technomagic: note: {path}: column 'Extra' is not imported\n"
    )  # fmt: skip
    engine = open_library(target)
    assert [(i.title, i.promise_who) for i in ideas.find(engine, IdeaFilter())] == [("Warm towels", "Anna")]
    engine.dispose()
    assert main(["--data-dir", str(target), "import", str(path)]) == 0
    assert capsys.readouterr() == (
        "added 0, skipped 1 duplicates\n",
        f"technomagic: note: {path}: 2 columns are not imported: 'Person', 'Extra'\n",
    )


def test_cli_import_of_a_broken_file_exits_2_with_one_line_and_changes_nothing(capsys, tmp_path, exported):
    target = tmp_path / "target"
    assert main(["--data-dir", str(target), "import", str(exported)]) == 0
    engine = open_library(target)
    before = library_state(engine)
    engine.dispose()
    capsys.readouterr()
    broken = tmp_path / "broken.csv"
    broken.write_text("Idea,By when\nOne,1.12.2026\nTwo,2.12.2026\nThree,31.02.2026\n", encoding="utf-8")
    assert main(["--data-dir", str(target), "import", str(broken)]) == 2
    assert capsys.readouterr() == (
        "", f"technomagic: {broken}:4: field 'promise_due': '31.02.2026' is not a date\n"
    )  # fmt: skip
    bad_json = write_json(tmp_path / "bad.json", [{"title": "a"}, {"title": "b", "status": "done"}])
    assert main(["--data-dir", str(target), "import", str(bad_json)]) == 2
    out, err = capsys.readouterr()
    assert (out, err.count("\n"), "Traceback" in err) == ("", 1, False)
    engine = open_library(target)
    assert library_state(engine) == before
    engine.dispose()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ideas.txt"], "ideas.txt: import reads .json and .csv files"),
        (["ideas.json", "--map", "A=title"], "--map 'A=title': COLUMN=FIELD, for CSV files only"),
        (["ideas.csv", "--map", "title"], "--map 'title': COLUMN=FIELD, for CSV files only"),
    ],
)
def test_cli_import_refuses_what_it_cannot_read(capsys, tmp_path, args, message):
    assert main(["--data-dir", str(tmp_path), "import", *args]) == 2
    assert capsys.readouterr() == ("", f"technomagic: {message}\n")
