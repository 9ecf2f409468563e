"""The CSV and XLSX exports of a small library of tricky ideas, byte for byte, against files the exports wrote
before they were rewritten for speed (tests/io/golden/): a faster export must write the same files.

    python tests/io/test_export_golden.py DIR     write what today's code exports into DIR (to look at, or, after
                                                   a deliberate change of the formats, to copy over the golden files)
"""

import json
import sys
import time
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlmodel import Session

from game.io import tabular
from game.store.ideas import IdeaFilter
from game.store.models import PlaySession

if __name__ == "__main__":  # run as a script: the repository's root and tests/io on the path
    sys.path[:0] = [str(Path(__file__).resolve().parents[2]), str(Path(__file__).resolve().parent)]

from tests.io.test_tabular import FULL, FULL_NOTES, save_idea

GOLDEN = Path(__file__).parent / "golden"
#: New York: daylight saving time starts and ends within the ideas' times (an hour that is not whole is asked again).
ZONE = "EST5EDT,M3.2.0,M11.1.0"
#: What the exports are asked for: CSV in both languages and with a tab, XLSX in both languages.
EXPORTS = {
    "ideas-ru.csv": ("csv", "ru", None),
    "ideas-en.csv": ("csv", "en", None),
    "ideas-en-tab.csv": ("csv", "en", "\t"),
    "ideas-ru.xlsx": ("xlsx", "ru", None),
    "ideas-en.xlsx": ("xlsx", "en", None),
}


def tricky_library(engine) -> None:
    """Ideas with every kind of cell the exports treat apart: formula starts, the user's own apostrophes, XML's
    special characters, control characters, a cell longer than a workbook holds, empty and missing values,
    unknown cards, labels and codes, times around the clock changes, the year 9999, a session."""
    with Session(engine) as session:
        play = PlaySession(scenario_id="retail", started_at=datetime(2026, 3, 1, 10, 0, tzinfo=UTC))
        session.add(play)
        session.commit()
        session_id = play.id
    save_idea(engine, FULL_NOTES, **FULL)
    starts = ["=1+2", "+7", "-minus", "@at", "\ttab", "\rreturn", "\nline", "'=quoted", "'plain", "'", "=", "a=b"]
    for n, start in enumerate(starts):
        save_idea(
            engine, title=start, text=f"{start} in the text", promise_who=start if n % 2 else "",
            promise_first_step="step" if n % 3 else start, tags=f",{start.strip()}," if start.strip() else "",
            team=start if n % 4 == 0 else "", player="-p" if n % 5 == 0 else "Ann",
            focus=["fix", "wow", "planb", "", "=odd"][n % 5], status=["new", "tried", "=weird", "dropped"][n % 4],
            business_card=["biz-spa", "-unknown", None, ""][n % 4], score=n, dots=n % 3,
            created_at=datetime(2026, 3, 8, 6, 30 + n, 5, 83_333 * n, tzinfo=UTC),
            updated_at=datetime(2026, 11, 1, 5, 59, tzinfo=UTC) if n % 2 else datetime(2026, 3, 8, 7, 30, tzinfo=UTC),
        )  # fmt: skip
    save_idea(
        engine, [(date(2026, 1, 2), "<b>bold</b> & \"quoted\" 'single'"), (date(2026, 1, 3), "=note\r\nwith CRLF")],
        title="Tom & Jerry <script>", text="a > b && c < d\r\nnext line ]]> end", team="R&D", player="<>",
        promise_who="Ольга «Ёж»", promise_due=date(1900, 3, 1), promise_first_step="🙂 emoji 🚀",
        promise_success_sign="x" * 33_000, tags=",a&b,<c>,", session_id=session_id, score=0, dots=0,
        created_at=datetime(2026, 11, 1, 6, 15, 0, 1, tzinfo=UTC),
        updated_at=datetime(9999, 12, 31, 23, 59, tzinfo=UTC),
    )  # fmt: skip
    save_idea(
        engine, title="ctrl \x01\x02 chars\x0b\x0c\x1f kept out", text="tab\tinside and \x7f del",
        promise_due=date(2100, 12, 31),
        created_at=datetime(1970, 1, 1, tzinfo=UTC), updated_at=datetime(2026, 7, 4, 12, 0, 0, 999999, tzinfo=UTC),
    )  # fmt: skip
    save_idea(engine, title="", text="", created_at=datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC),
              updated_at=datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC))  # fmt: skip


def export_all(engine, folder: Path) -> dict[str, bytes]:
    """Every export of EXPORTS into `folder`; a workbook as JSON of its parts (a zip's own bytes hold the times
    its parts were written) with the warnings the export gave."""
    made: dict[str, bytes] = {}
    for name, (fmt, lang, delimiter) in EXPORTS.items():
        path = folder / name
        if fmt == "csv":
            assert tabular.export_csv(engine, IdeaFilter(), path, lang, delimiter=delimiter) == 16
            made[name] = path.read_bytes()
        else:
            written = tabular.export_xlsx(engine, IdeaFilter(), path, lang)
            with zipfile.ZipFile(path) as book:
                parts = {part: book.read(part).decode() for part in book.namelist()}
            content = {"count": int(written), "warnings": list(written.warnings), "parts": parts}
            made[name + ".json"] = json.dumps(content, ensure_ascii=False, indent=1).encode()
    return made


@pytest.fixture
def new_york(monkeypatch):
    if not hasattr(time, "tzset"):
        pytest.skip("time zones are switched with time.tzset, which this platform lacks")
    monkeypatch.setenv("TZ", ZONE)
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_csv_and_xlsx_exports_write_the_golden_files_byte_for_byte(engine, new_york, tmp_path):
    tricky_library(engine)
    made = export_all(engine, tmp_path)
    assert sorted(made) == sorted(path.name for path in GOLDEN.iterdir())
    for name, content in made.items():
        golden = (GOLDEN / name).read_bytes()
        if name.endswith(".json"):  # part by part, so that a difference is shown where it is
            got, want = json.loads(content), json.loads(golden)
            assert got["count"] == want["count"] and got["warnings"] == want["warnings"], name
            assert got["parts"].keys() == want["parts"].keys(), name
            for part, text in want["parts"].items():
                assert got["parts"][part] == text, f"{name}: {part}"
        else:
            assert content == golden, name


def write_golden(folder: Path) -> None:
    import os
    import tempfile

    from game.store.db import open_library

    os.environ["TZ"] = ZONE
    time.tzset()
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_library(Path(tmp))
        tricky_library(engine)
        for name, content in export_all(engine, Path(tmp)).items():
            (folder / name).write_bytes(content)
        engine.dispose()


if __name__ == "__main__":
    write_golden(Path(sys.argv[1]))
