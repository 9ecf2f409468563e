"""`technomagic import` on every bad or tricky file of tests/io/nasty.py, and on fuzzed ones: exit 0 or 2, one
line naming the file when it refuses (in the UI's language), never a traceback or a hang, the library unchanged."""

import json
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.cli import main
from game.io import importer, json_import
from game.io.messages import shown_path
from game.store.db import DB_NAME, open_library
from tests.conftest import ROOT
from tests.io import nasty
from tests.io.test_tabular import save_idea

SECONDS_PER_FILE = 20  # a hang is what this catches; the slowest file (a sparse 201 MB one) takes about one


@contextmanager
def time_limit(seconds: int, what: str):
    def stop(_signum, _frame):
        raise TimeoutError(f"{what} took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def snapshot(data_dir: Path) -> list:
    with sqlite3.connect(data_dir / DB_NAME) as db:
        return [db.execute("SELECT * FROM idea ORDER BY id").fetchall(),
                db.execute("SELECT * FROM idea_note ORDER BY id").fetchall()]  # fmt: skip


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> list[nasty.Nasty]:
    return nasty.make(tmp_path_factory.mktemp("nasty"))


def test_the_generator_covers_the_known_breakages(files):
    names = {f.why for f in files}
    assert len(files) >= 230
    for needed in ("nested-lists-10000", "integer-5000-digits", "surrogate-title", "created-9999-west",
                   "created-0001-east", "created-9999-utc", "duplicate-ideas-key", "nul", "header-1000000-columns",
                   "negative-dots", "integer-19-digits", "title-5mb", "tags-100000", "no-title-takes-text",
                   "cp1251-semicolon", "utf16-tabs", "excel-sep-line", "formula-apostrophe"):  # fmt: skip
        assert needed in names, needed
    assert {"a named pipe (must not hang)", "a symlink to /dev/zero (must not eat memory)",
            "a file name with a newline (the message stays one line)"} <= names  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_nasty_file_gets_one_line_or_a_correct_import(capsys, tmp_path, files, lang):
    data_dir = tmp_path / "library"
    data_dir.mkdir()
    open_library(data_dir).dispose()
    problems = []
    for item in files:
        before = snapshot(data_dir)
        with time_limit(SECONDS_PER_FILE, item.why):
            code = main(["--data-dir", str(data_dir), "--lang", lang, "import", str(item.path)])
        out, err = capsys.readouterr()
        lines = err.splitlines()
        where = f"{item.why} ({lang})"
        if "Traceback" in err or "Exception ignored" in err:
            problems.append(f"{where}: {err}")
        elif code == 2:
            if len(lines) != 1 or not lines[0].startswith("technomagic: ") or out:
                problems.append(f"{where}: refused with {err!r}, {out!r}")
            elif shown_path(item.path) not in lines[0]:
                problems.append(f"{where}: the line does not name the file: {lines[0]!r}")
            elif lang == "ru" and not re.search("[а-яё]", lines[0].replace(shown_path(item.path), "")):
                problems.append(f"{where}: not said in Russian: {lines[0]!r}")
            elif snapshot(data_dir) != before:
                problems.append(f"{where}: refused, yet the library changed")
            elif item.expect == "imported":
                problems.append(f"{where}: should import, refused with {lines[0]!r}")
        elif code == 0:
            if len(out.splitlines()) != 1 or not all(line.startswith("technomagic: ") for line in lines):
                problems.append(f"{where}: imported with {out!r}, {err!r}")
            elif item.expect == "refused":
                problems.append(f"{where}: should be refused, was imported: {out!r}")
        else:
            problems.append(f"{where}: exit {code}")
    assert problems == []


@pytest.mark.slow
def test_the_real_command_neither_hangs_nor_floods_nor_crashes(tmp_path, files):
    """In a process of its own, as a person runs it: the pipe, /dev/zero, a million columns, a newline name."""
    chosen = {"a named pipe (must not hang)", "a symlink to /dev/zero (must not eat memory)",
              "header-1000000-columns", "nested-lists-10000", "a file name with a newline (the message stays one line)",
              "created-9999-west"}  # fmt: skip
    for item in (f for f in files if f.why in chosen):
        done = subprocess.run(
            [sys.executable, "-m", "game", "--data-dir", str(tmp_path), "import", str(item.path)],
            capture_output=True, text=True, timeout=60, cwd=ROOT,
        )  # fmt: skip
        assert (done.returncode, done.stdout, len(done.stderr.splitlines())) == (2, "", 1), (item.why, done.stderr)
        assert done.stderr.startswith("technomagic: ") and "Traceback" not in done.stderr


def test_a_9999_moment_never_reaches_the_library_so_exports_keep_working(tmp_path, monkeypatch):
    """It used to import, and then CSV and XLSX export crashed in any zone but UTC (Moscow among them)."""
    import time

    from game.io import tabular
    from game.store.ideas import IdeaFilter

    monkeypatch.setenv("TZ", "MSK-3")
    time.tzset()
    try:
        engine = open_library(tmp_path)
        path = tmp_path / "far.json"
        path.write_text(json.dumps([{"title": "far", "created_at": "9999-12-31T23:59:59+00:00"}, {"title": "ok"}]))
        with pytest.raises(importer.ImportError_) as info:
            importer.import_json(engine, path)
        assert str(info.value) == (
            f"{path}:1: idea 1: field 'created_at': '9999-12-31T23:59:59+00:00' is not between 1900 and 2100"
        )
        assert tabular.export_csv(engine, IdeaFilter(), tmp_path / "x.csv", "ru") == 0
        # a library that an older version let such a moment into still exports, the moment as stored
        save_idea(engine, title="far", created_at=datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC))
        save_idea(engine, title="early", created_at=datetime(1, 1, 1, tzinfo=UTC))
        assert tabular.export_csv(engine, IdeaFilter(), tmp_path / "x.csv", "ru") == 2
        assert "9999-12-31 23:59" in (tmp_path / "x.csv").read_text(encoding="utf-8-sig")
        assert tabular.export_xlsx(engine, IdeaFilter(), tmp_path / "x.xlsx", "ru") == 2
        engine.dispose()
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_file_brings_at_most_so_many_ideas(tmp_path, monkeypatch):
    from game.domain import limits

    monkeypatch.setattr(limits, "IDEAS_PER_IMPORT", 3)
    monkeypatch.setattr(json_import, "JSON_CONTAINERS", 100)
    engine = open_library(tmp_path)
    many_csv, many_json, braces = tmp_path / "many.csv", tmp_path / "many.json", tmp_path / "braces.json"
    many_csv.write_text("Idea\na\nb\n\nc\nd\n", encoding="utf-8")
    many_json.write_text(json.dumps([{"title": t} for t in "abcd"]), encoding="utf-8")
    braces.write_text("[" + ",".join(["{}"] * 101) + "]", encoding="utf-8")
    problems = []
    for path, call in ((many_csv, importer.import_csv), (many_json, importer.import_json),
                       (braces, importer.import_json)):  # fmt: skip
        with pytest.raises(importer.ImportError_) as info:
            call(engine, path)
        problems.append(str(info.value))
    engine.dispose()
    assert problems == [
        f"{many_csv}:6: more than 3 ideas; a file brings at most that many",
        f"{many_json}: 4 ideas; a file brings at most 3",
        f"{braces}: more than 100 objects and lists; a file brings at most 3 ideas",
    ]


# --- fuzz ----------------------------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
idea_like = st.dictionaries(
    st.sampled_from(["title", "text", "score", "dots", "status", "focus", "tags", "notes", "checks", "created_at",
                     "promise_due", "team", "lens_card", "x"]),
    json_values,
)  # fmt: skip


def _either_imports_or_refuses(make_file, importer_call) -> None:
    with tempfile.TemporaryDirectory() as folder:
        engine = open_library(Path(folder))
        try:
            path = make_file(Path(folder))
            before = snapshot(Path(folder))
            try:
                importer_call(engine, path)
            except importer.ImportError_ as e:
                assert "\n" not in e.render() and e.render().startswith(shown_path(path))
                assert snapshot(Path(folder)) == before
        finally:
            engine.dispose()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(idea_like, max_size=3) | json_values)
def test_fuzzed_json_imports_or_is_refused_in_one_line(document):
    def make_file(folder: Path) -> Path:
        body = document
        if isinstance(document, list):
            body = {"format": "technomagic-ideas", "version": 1, "ideas": document}
        path = folder / "fuzz.json"
        path.write_text(json.dumps(body, ensure_ascii=bool(hash(str(document)) % 2)), encoding="utf-8",
                        errors="surrogatepass")  # fmt: skip
        return path

    _either_imports_or_refuses(make_file, importer.import_json)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.text(max_size=30), max_size=6), max_size=5), st.sampled_from([",", ";", "\t"]),
       st.sampled_from(["utf-8", "utf-8-sig", "cp1251", "utf-16"]), st.booleans())  # fmt: skip
def test_fuzzed_csv_imports_or_is_refused_in_one_line(rows, delimiter, encoding, header):
    import csv
    import io

    def make_file(folder: Path) -> Path:
        text = io.StringIO(newline="")
        writer = csv.writer(text, delimiter=delimiter)
        if header:
            writer.writerow(["Idea", "Score", "By when", "Tags"])
        writer.writerows(rows)
        path = folder / "fuzz.csv"
        path.write_bytes(text.getvalue().encode(encoding, errors="replace"))
        return path

    _either_imports_or_refuses(make_file, importer.import_csv)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), st.sampled_from([".csv", ".json"]))
def test_fuzzed_bytes_import_or_are_refused_in_one_line(data, suffix):
    def make_file(folder: Path) -> Path:
        path = folder / f"fuzz{suffix}"
        path.write_bytes(data)
        return path

    _either_imports_or_refuses(make_file, importer.import_csv if suffix == ".csv" else importer.import_json)
