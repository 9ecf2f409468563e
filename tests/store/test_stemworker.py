"""A large import's worker process stages the very rows (search texts, facets, fingerprints) the import makes by
itself, and an import whose worker cannot start, ends halfway or never answers leaves the same library as one
without a worker."""

import io
import sqlite3
import struct
import sys

import pytest

from game.domain.ideas import fingerprint
from game.io import import_checks, importer
from game.store import stemworker
from game.store.db import DB_NAME, open_library
from game.store.facets import facets
from game.store.stemworker import Stemming, serve
from game.store.textsearch import index_texts
from tests.library_data import ideas_json

TITLES = ["Фото жирафа Джоши", "Gifts  FOR clients", "ß straße ΣΑΣ", "", "🎉 Ёлка"]
TEXTS = ["Клиенты прислали фотографии\nвторая строка", "for regular clients", "Maße", "только текст", "—«»"]


def frame(*columns: list[str]) -> bytes:
    data = ["\x00".join(column).encode() for column in columns]
    return struct.pack(f">I{len(data)}I", len(data), *map(len, data)) + b"".join(data)


def answer(keys: list[str], image: bytes) -> bytes:
    data = ["\x01".join(keys).encode(), image]
    return struct.pack(">II", *map(len, data)) + b"".join(data)


TAGS, NOTES = [",зима,касса,", "", ",wow,", "", ",🎁,"], ["Клиент вернулся  второй раз", "", "", "x", ""]
#: five ideas as an import sends them: the stored values as text, NONE where there is none
WIRED = {
    "title": TITLES, "text": TEXTS, "promise_who": ["Борис", "", "", "", ""], "promise_first_step": ["шаг"] * 5,
    "promise_success_sign": [""] * 5, "team": ["Команда"] * 5, "player": ["", "", "Аня", "", ""],
    **{card: [stemworker.NONE] * 5 for card in stemworker.CARDS},
    "client_card": ["tm-joshi-giraffe", stemworker.NONE, "", stemworker.NONE, "tm-tray"],
    "score": ["0", "3", "20", "1", "0"], "dots": ["0", "0", "7", "1000", "2"],
    "status": ["new", "planned", "tried", "working", "dropped"], "focus": ["", "fix", "wow", "planb", ""],
    "checks_json": ["{}", '{"human": true}', "{}", "{}", "{}"],
    "promise_due": ["2026-12-24", stemworker.NONE, stemworker.NONE, "1900-01-01", "2100-12-31"],
    "created_at": ["2026-12-01 21:05:00.000007", "2026-01-01 00:00:00.000000", "1999-12-31 23:59:59.999999",
                   "2026-06-30 12:00:00.000000", "2026-06-30 12:00:00.000000"],
    "updated_at": ["2026-12-02 08:00:00.000000"] * 5,
    "tags": TAGS, "tag_words": [" ".join(t.strip(",").split(",")) for t in TAGS], "note_words": NOTES,
}  # fmt: skip
COLUMNS = [WIRED[name] for name in stemworker.COLUMNS]


def staged(image: bytes) -> list[tuple]:
    db = sqlite3.connect(":memory:")
    try:
        db.deserialize(image)
        return db.execute(f"SELECT rowid, {', '.join(stemworker.STAGED)} FROM stage ORDER BY rowid").fetchall()
    finally:
        db.close()


def test_the_worker_stages_the_rows_the_import_would_stage_itself():
    keys, image = stemworker.made_for(COLUMNS)
    assert keys.decode().split("\x01") == list(map(fingerprint, TITLES, TEXTS))
    rows = staged(image)
    parts = [(t, x, w, f, s, g, team, p, n) for t, x, w, f, s, g, team, p, n in zip(
        TITLES, TEXTS, WIRED["promise_who"], WIRED["promise_first_step"], WIRED["promise_success_sign"],
        WIRED["tag_words"], WIRED["team"], WIRED["player"], NOTES, strict=True)]  # fmt: skip
    assert [row[0] for row in rows] == [1, 2, 3, 4, 5]
    names = ("rowid", *stemworker.STAGED)
    ideas = [dict(zip(names, row, strict=True)) for row in rows]
    assert [i["search_text"] for i in ideas] == index_texts(parts)
    cards = [[None if v == stemworker.NONE else v for v in WIRED[card]] for card in stemworker.CARDS]
    assert [i["facets"] for i in ideas] == [
        facets(i["status"], i["created_at"], [column[n] for column in cards], i["tags"]) for n, i in enumerate(ideas)
    ]
    assert [i["score"] for i in ideas] == [0, 3, 20, 1, 0] and [i["dots"] for i in ideas] == [0, 0, 7, 1000, 2]
    assert [i["client_card"] for i in ideas] == ["tm-joshi-giraffe", None, "", None, "tm-tray"]
    assert [i["promise_due"] for i in ideas] == ["2026-12-24", None, None, "1900-01-01", "2100-12-31"]
    assert [i["business_card"] for i in ideas] == [None] * 5
    assert [i["title"] for i in ideas] == TITLES and [i["tags"] for i in ideas] == TAGS


def test_the_worker_answers_each_frame_until_its_input_ends():
    given, said = io.BytesIO(frame(*COLUMNS) * 2), io.BytesIO()
    assert serve(given, said) == 0
    assert said.getvalue() == answer(*made(COLUMNS)) * 2


def made(columns: list[list[str]]) -> tuple[list[str], bytes]:
    keys, image = stemworker.made_for(columns)
    return keys.decode().split("\x01"), image


def test_a_cut_frame_ends_the_worker_with_an_error():
    assert serve(io.BytesIO(frame(["abc"], ["d"])[:-1]), io.BytesIO()) == 1
    assert serve(io.BytesIO(frame(["abc"], ["d"])[:6]), io.BytesIO()) == 1
    assert serve(io.BytesIO(b""), io.BytesIO()) == 0


def test_the_worker_process_answers_as_this_process_would():
    stemming = Stemming.start()
    assert stemming is not None
    try:
        sent = stemming.submit(COLUMNS)
        assert sent is not None
        keys, image = sent.result(timeout=60)
        assert keys == made(COLUMNS)[0] and staged(image) == staged(made(COLUMNS)[1])
        assert stemming.submit([["a\x00b"], ["c"]]) is None, "a text with the separator: the caller's"
        assert stemming.submit(COLUMNS[:-1]) is None, "other columns: the caller's"
        assert stemming.submit([[3] * 5, *COLUMNS[1:]]) is None, "a value that is not text: the caller's"
    finally:
        stemming.close()
    assert stemming.process.returncode == 0


def ideas_file(tmp_path, count=60):
    items = [{"title": f"{TITLES[i % 5]} {i}", "text": TEXTS[i % 5], "tags": ["зима"] if i % 2 else [],
              "notes": [{"on": "2026-04-01", "text": f"Клиент вернулся {i}"}] if i % 3 == 0 else []}
             for i in range(count)]  # fmt: skip
    items.append(dict(items[7], title=items[7]["title"].upper()))  # a twin: skipped
    return ideas_json(tmp_path / "ideas.json", items)


def library_rows(folder):
    db = sqlite3.connect(folder / DB_NAME)
    try:
        rows = db.execute("SELECT id, title, text, search_text, tags, status, score, dots, client_card, promise_due, "
                          "checks_json FROM idea ORDER BY id").fetchall()  # (not the times: each import's own now)
        notes = db.execute('SELECT idea_id, "on", text FROM idea_note ORDER BY id').fetchall()
        queries = ("клиент", f'facets : "s{b"new".hex()}"', f'facets : "t{"зима".encode().hex()}"')
        found = [db.execute("SELECT rowid FROM idea_fts WHERE idea_fts MATCH ? ORDER BY rowid", (query,)).fetchall()
                 for query in queries]  # fmt: skip
        return rows, notes, found
    finally:
        db.close()


def imported(tmp_path, name, path):
    (tmp_path / name).mkdir()
    engine = open_library(tmp_path / name)
    try:
        result = importer.import_json(engine, path)
    finally:
        engine.dispose()
    return result, library_rows(tmp_path / name)


#: a worker that stages one row too few, or answers with what is no database: its batches are made here instead
WRONG_ROWS = """
import sqlite3, sys
from game.store import stemworker
made_for = stemworker.made_for
def wrong(columns):
    keys, image = made_for(columns)
    if sys.argv[1] == "no database":
        return keys, b"not a database" * 100
    db = sqlite3.connect(":memory:")
    db.deserialize(image)
    db.execute("DELETE FROM stage WHERE rowid = 1")
    db.commit()
    return keys, db.serialize()
stemworker.made_for = wrong
sys.exit(stemworker.serve())
"""


@pytest.mark.parametrize("failure", ["none", "cannot start", "ends halfway", "never answers", "a row too few",
                                     "no database"])  # fmt: skip
def test_an_import_with_a_worker_leaves_the_library_one_without_leaves(tmp_path, monkeypatch, failure):
    path = ideas_file(tmp_path)
    without = imported(tmp_path, "without", path)
    monkeypatch.setattr(importer, "STEMMING_BYTES", 0)  # this small file gets a worker
    monkeypatch.setattr(import_checks, "CHUNK", 7)
    started = []
    start = Stemming.start

    def tracked():
        stemming = start()
        started.append(stemming)
        return stemming

    monkeypatch.setattr(Stemming, "start", staticmethod(tracked))
    if failure == "cannot start":
        monkeypatch.setattr(stemworker, "command", lambda: [str(tmp_path / "no-such-program")])
    if failure == "never answers":  # it reads all it is given, and says nothing
        silent = [sys.executable, "-c", "import sys; sys.stdin.buffer.read()"]
        monkeypatch.setattr(stemworker, "command", lambda: silent)
        monkeypatch.setattr(stemworker, "ANSWER_WAIT_S", 0.5)
    if failure in ("a row too few", "no database"):
        wrong = [sys.executable, "-c", WRONG_ROWS, failure]
        monkeypatch.setattr(stemworker, "command", lambda: wrong)
    if failure == "ends halfway":
        submit = Stemming.submit

        def submit_then_end(self, *args):
            made = submit(self, *args)
            if self.process.poll() is None and made is not None and made.result(timeout=60):
                self.process.kill()  # after its first answer: the next batches find it gone
                self.process.wait()
            return made

        monkeypatch.setattr(Stemming, "submit", submit_then_end)
    result, library = imported(tmp_path, "with", path)
    assert (result.added, result.skipped_duplicates) == (60, 1) == (without[0].added, without[0].skipped_duplicates)
    assert library == without[1] and all(library[1:]), "the same rows, notes, search texts and index"
    assert all(library[2]), "each search finds some"
    assert len(started) == 1 and (started[0] is None) == (failure == "cannot start")
    if started[0] is not None:
        assert started[0].process.returncode is not None, "the worker is never left running"
