"""Russian Excel, both ways, with a real office suite: our CSV opens in LibreOffice (as Russian Excel opens it:
';' between cells) cell for cell, with dates it sorts as dates; and what LibreOffice saves for a Russian user
(Windows-1251, ';') imports. Also the encodings and Excel's `sep=;` line, without LibreOffice."""

import codecs
import csv
import io
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest

from game.io import importer, tabular
from game.store import ideas
from game.store.db import open_library
from game.store.ideas import IdeaFilter
from tests.io.test_import import library_state
from tests.io.test_tabular import save_idea


def soffice(tmp_path: Path, *args: str) -> None:
    """Headless LibreOffice with a profile of its own (never the user's; two runs at once do not meet)."""
    program = shutil.which("soffice") or shutil.which("libreoffice")
    assert program, "LibreOffice (soffice) is needed: `bash run.sh test` installs libreoffice-calc-nogui"
    profile = (tmp_path / "lo-profile").as_uri()
    done = subprocess.run([program, f"-env:UserInstallation={profile}", "--headless", *args],
                          capture_output=True, text=True, timeout=180)  # fmt: skip
    assert done.returncode == 0, done.stderr


def as_text(value) -> str:
    """A cell LibreOffice typed, as our CSV wrote it: ISO dates and times, whole numbers, text."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@pytest.fixture
def moscow(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "MSK-3")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.slow
def test_our_russian_csv_opens_in_libreoffice_cell_for_cell_with_real_dates(tmp_path, moscow):
    engine = open_library(tmp_path)
    save_idea(engine, [(date(2026, 12, 3), "Двое сказали «спасибо»; один — нет")], title="Тёплые полотенца",
              text="Дать тёплое полотенце\nпосле дождя, с запятой", business_card="biz-cafe", score=7, dots=3,
              promise_who="Анна", promise_due=date(2026, 12, 15), tags=",спа,зима,", status="planned",
              focus="wow", created_at=datetime(2026, 11, 30, 21, 5, tzinfo=UTC))  # fmt: skip
    save_idea(engine, title="=1+2", text="'=мой апостроф", promise_who="@кто", tags=",-vip,")
    out = tmp_path / "ideas.csv"
    assert tabular.export_csv(engine, IdeaFilter(), out, "ru") == 2
    engine.dispose()
    ours = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline=""), delimiter=";"))
    soffice(tmp_path, "--infilter=CSV:59,34,76", "--convert-to", "xlsx", "--outdir", str(tmp_path / "lo"), str(out))
    sheet = openpyxl.load_workbook(tmp_path / "lo" / "ideas.xlsx").active
    theirs = [[as_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    width = len(ours[0])
    assert [row + [""] * (width - len(row)) for row in theirs] == ours  # every cell, as LibreOffice read it
    column = {name: index for index, name in enumerate(tabular.COLUMNS)}
    towels = next(row for row in sheet.iter_rows(min_row=2) if row[column["title"]].value == "Тёплые полотенца")
    assert towels[column["promise_due"]].value == datetime(2026, 12, 15)  # a date, which a spreadsheet sorts
    assert towels[column["created_at"]].value == datetime(2026, 12, 1, 0, 5)  # Moscow time
    assert towels[column["business_card_title"]].value == "Кафе"  # the card's title beside its id
    assert towels[column["dots"]].value == 3


@pytest.mark.slow
def test_a_libreoffice_windows_1251_semicolon_csv_imports(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Идея", "Кто", "К какому сроку", "Метки", "Текст"])
    sheet.append(["Чай в очереди", "Анна", date(2026, 12, 15), "клиенты, зима", "Горячий чай; для всех, кто ждёт"])
    sheet["C2"].number_format = "DD.MM.YYYY"  # as a Russian user's dates show
    sheet.append(["Плед на веранде", "Олег", None, "", "строка\nвторая"])
    book.save(tmp_path / "ru.xlsx")
    # 59: ';' between cells, 34: '"' around them, 34: Windows-1251 (what Russian Excel writes)
    soffice(tmp_path, "--convert-to", "csv:Text - txt - csv (StarCalc):59,34,34", "--outdir", str(tmp_path / "lo"),
            str(tmp_path / "ru.xlsx"))  # fmt: skip
    made = tmp_path / "lo" / "ru.csv"
    assert made.read_bytes().startswith("Идея;Кто;".encode("cp1251"))
    preview = importer.csv_preview(made)
    assert (preview.encoding, preview.delimiter) == ("Windows-1251", ";")
    engine = open_library(tmp_path)
    result = importer.import_csv(engine, made)
    assert (result.added, result.encoding) == (2, "Windows-1251")
    found = {i.title: (i.promise_who, i.promise_due, i.tags, i.text) for i in ideas.find(engine, IdeaFilter())}
    engine.dispose()
    assert found == {
        "Чай в очереди": ("Анна", date(2026, 12, 15), ",клиенты,зима,", "Горячий чай; для всех, кто ждёт"),
        "Плед на веранде": ("Олег", None, "", "строка\nвторая"),
    }


# --- encodings and Excel's own line, without LibreOffice --------------------------------------------------------

ROWS = ["Идея;Кто;Срок", "Тёплый плед;Анна;15.12.2026", "Ёлка у входа;Олег;"]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (("\n".join(ROWS) + "\n").encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + ("\n".join(ROWS) + "\n").encode("utf-8"), "UTF-8"),
        (("\r\n".join(ROWS) + "\r\n").encode("cp1251"), "Windows-1251"),
        (codecs.BOM_UTF16_LE + ("\r\n".join(ROWS) + "\r\n").replace(";", "\t").encode("utf-16-le"), "UTF-16"),
        (codecs.BOM_UTF16_BE + ("\n".join(ROWS) + "\n").encode("utf-16-be"), "UTF-16"),
        (("sep=;\n" + "\n".join(ROWS) + "\n").encode("cp1251"), "Windows-1251"),
        (("sep=,\n" + "\n".join(ROWS).replace(";", ",") + "\n").encode("utf-8"), "UTF-8"),
    ],
)
def test_csv_in_the_encodings_spreadsheets_write_imports_the_same(tmp_path, data, encoding):
    path = tmp_path / "list.csv"
    path.write_bytes(data)
    engine = open_library(tmp_path)
    result = importer.import_csv(engine, path)
    assert (result.added, result.errors, result.encoding) == (2, [], encoding)
    found = {i.title: (i.promise_who, i.promise_due) for i in ideas.find(engine, IdeaFilter())}
    engine.dispose()
    assert found == {"Тёплый плед": ("Анна", date(2026, 12, 15)), "Ёлка у входа": ("Олег", None)}


def test_excel_sep_line_keeps_the_lines_counted(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("sep=;\nИдея;Срок\nA;1.1.2026\nB;31.02.2026\n", encoding="utf-8")
    engine = open_library(tmp_path)
    with pytest.raises(importer.ImportError_) as info:
        importer.import_csv(engine, path)
    engine.dispose()
    assert str(info.value) == f"{path}:4: field 'promise_due': '31.02.2026' is not a date"


def test_the_delimiter_is_guessed_from_the_rows_not_the_header_alone(tmp_path):
    """A one-column header says nothing, and a comma in a header name proves little: the rows decide."""
    path = tmp_path / "list.csv"
    path.write_text("Idea, in short;Who\nTea, hot;Anna\nCake, warm;Oleg\n", encoding="utf-8")
    preview = importer.csv_preview(path)
    assert (preview.delimiter, preview.headers) == (";", ["Idea, in short", "Who"])
    path.write_text("Idea\nTea; hot, and sweet\nCake; warm\n", encoding="utf-8")
    engine = open_library(tmp_path)
    assert importer.import_csv(engine, path).added == 2
    assert sorted(i.title for i in ideas.find(engine, IdeaFilter())) == ["Cake; warm", "Tea; hot, and sweet"]
    engine.dispose()


# --- the user's apostrophe ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_users_apostrophe_survives_a_csv_round_trip(tmp_path, lang):
    texts = ["'=x", "''=y", "'plain", "'", "'+7 999", "=formula", "'\nline"]
    source = open_library(tmp_path)
    for number, text in enumerate(texts):
        save_idea(source, title=f"idea {number}", text=text, promise_who=text)
    tabular.export_csv(source, IdeaFilter(), tmp_path / "ideas.csv", lang)
    source.dispose()
    (tmp_path / "other").mkdir()
    other = open_library(tmp_path / "other")
    assert importer.import_csv(other, tmp_path / "ideas.csv").added == len(texts)
    found = {i.title: (i.text, i.promise_who) for i in ideas.find(other, IdeaFilter())}
    other.dispose()
    assert found == {f"idea {number}": (text, text) for number, text in enumerate(texts)}


def test_a_json_idea_without_a_title_takes_it_from_its_text_as_csv_does(tmp_path):
    engine = open_library(tmp_path)
    json_file, csv_file = tmp_path / "ideas.json", tmp_path / "ideas.csv"
    json_file.write_text('[{"text": "Tea for everyone\\nwho waits"}, {"title": "", "text": "' + "w" * 90 + '"}]')
    csv_file.write_text('Text\n"Cake for everyone\nwho waits"\n', encoding="utf-8")
    importer.import_json(engine, json_file)
    importer.import_csv(engine, csv_file)
    titles = sorted(i.title for i in ideas.find(engine, IdeaFilter()))
    assert library_state(engine)
    engine.dispose()
    assert titles == ["Cake for everyone", "Tea for everyone", "w" * 79 + "…"]
