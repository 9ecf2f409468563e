"""The command line around files, as a person meets it: its language, the CSV delimiter, a reader that goes away,
a folder it cannot write to, a workbook that cannot hold everything."""

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from game.cli import main
from game.store.db import open_library
from tests.conftest import ROOT
from tests.io.test_tabular import FULL, save_idea


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    engine = open_library(folder)
    save_idea(engine, **FULL)
    engine.dispose()
    return folder


def run(*args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, env={**os.environ, **(env or {})}, **kwargs)  # fmt: skip


# --- the language of what import says ------------------------------------------------------------------------


def test_import_errors_follow_lang_then_the_setting_then_the_system(capsys, library, tmp_path, monkeypatch):
    bad = tmp_path / "bad.csv"
    bad.write_text("Idea,Score\nA,-1\n", encoding="utf-8")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    english = f"technomagic: {bad}:2: field 'score': '-1' is not a whole number from 0 to 20\n"
    russian = f"technomagic: {bad}:2: поле 'score': '-1' — не целое число от 0 до 20\n"
    assert main(["--data-dir", str(library), "import", str(bad)]) == 2
    assert capsys.readouterr().err == english
    assert main(["--data-dir", str(library), "--lang", "ru", "import", str(bad)]) == 2
    assert capsys.readouterr().err == russian
    (library / "settings.ini").write_text("[General]\nlanguage=ru\n", encoding="utf-8")  # Game → Settings → Русский
    assert main(["--data-dir", str(library), "import", str(bad)]) == 2
    assert capsys.readouterr().err == russian
    assert main(["--data-dir", str(library), "--lang", "en", "import", str(bad)]) == 2
    assert capsys.readouterr().err == english
    (library / "settings.ini").write_text("[General]\nlanguage=\n", encoding="utf-8")  # "follow the system"
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")
    assert main(["--data-dir", str(library), "import", str(bad)]) == 2
    assert capsys.readouterr().err == russian


def test_the_ui_says_import_errors_in_its_language_too(qapp, tmp_path):
    from game.io import importer
    from game.ui import i18n
    from game.ui.widgets import tr

    bad = tmp_path / "bad.json"
    bad.write_text('[{"title": "a", "created_at": "9999-12-31T23:59:59-05:00"}]', encoding="utf-8")
    engine = open_library(tmp_path)
    with pytest.raises(importer.ImportError_) as info:
        importer.import_json(engine, bad)
    engine.dispose()
    i18n.install("ru")
    try:
        said = info.value.render(tr)
    finally:
        i18n.install("en")
    assert said == f"{bad}:1: идея 1: поле 'created_at': '9999-12-31T23:59:59-05:00' — не между 1900 и 2100 годом"


# --- the CSV delimiter ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "starts"),
    [
        (["--lang", "ru"], "\ufeff№;Идея;"),
        (["--lang", "en"], "\ufeffID,Idea,"),
        (["--lang", "ru", "--delimiter", ","], "\ufeff№,Идея,"),
        (["--lang", "en", "--delimiter", ";"], "\ufeffID;Idea;"),
        (["--lang", "en", "--delimiter", "tab"], "\ufeffID\tIdea\t"),
    ],
)
def test_csv_export_separates_cells_as_the_language_expects_or_as_asked(capsys, library, tmp_path, args, starts):
    out = tmp_path / "ideas.csv"
    assert main(["--data-dir", str(library), "export", "--format", "csv", "--out", str(out), *args]) == 0
    assert out.read_text(encoding="utf-8").startswith(starts)
    engine = open_library(tmp_path / "again") if (tmp_path / "again").mkdir() is None else None
    from game.io import importer

    assert importer.import_csv(engine, out).added == 1  # and it reads back, whatever the delimiter
    engine.dispose()


# --- a reader that goes away, a folder that cannot be written, a cell too long ----------------------------------


@pytest.mark.slow
def test_search_into_head_ends_quietly(tmp_path):
    engine = open_library(tmp_path)
    for number in range(3000):
        save_idea(engine, title=f"Idea number {number}")
    engine.dispose()
    done = subprocess.run(
        f"{sys.executable} -m game --data-dir {tmp_path} search '' --limit 3000 | head -1",
        shell=True, capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert done.stdout.count("\n") == 1 and done.stdout.split("\t")[1:2] == ["new"]
    assert done.stderr == ""
    done = subprocess.run(f"{sys.executable} -m game --data-dir {tmp_path} search '' --limit 5 | true", shell=True,
                          capture_output=True, text=True, cwd=ROOT, timeout=120)  # fmt: skip
    assert done.stderr == ""  # a reader gone before our last, buffered lines are written


@pytest.mark.slow
def test_xlsx_export_to_a_folder_that_cannot_be_written_says_one_line(library, tmp_path):
    out = tmp_path / "missing" / "ideas.xlsx"
    done = run("--data-dir", str(library), "export", "--format", "xlsx", "--out", str(out))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"technomagic: cannot write {out}: No such file or directory\n"


def test_xlsx_export_says_how_many_cells_it_cut_or_cleaned(capsys, tmp_path):
    engine = open_library(tmp_path)
    save_idea(engine, title="bell\x07", text="x" * 40_000, promise_who="y" * 33_000)
    save_idea(engine, title="fine", player="nul\x00")
    engine.dispose()
    out = tmp_path / "ideas.xlsx"
    assert main(["--data-dir", str(tmp_path), "--lang", "en", "export", "--format", "xlsx", "--out", str(out)]) == 0
    assert capsys.readouterr() == (
        f"wrote 2 ideas to {out}\n",
        f"technomagic: {out}: 2 cells were longer than 32,767 characters, which a workbook holds, and were cut\n"
        f"technomagic: {out}: 2 cells had control characters, which a workbook cannot hold; they were left out\n",
    )
    sheet = openpyxl.load_workbook(out).active
    assert len(sheet["C3"].value) == 32_767 and sheet["B3"].value == "bell"
