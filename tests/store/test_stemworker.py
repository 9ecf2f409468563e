"""A large import's worker process makes the very search texts and fingerprints the import makes by itself, and
an import whose worker cannot start, or ends halfway, leaves the same library as one without a worker."""

import io
import sqlite3
import struct
import sys

import pytest

from game.domain.ideas import fingerprint
from game.io import import_checks, importer, intake
from game.store import stemworker
from game.store.db import DB_NAME, open_library
from game.store.stemworker import Stemming, serve
from game.store.textsearch import index_texts
from tests.library_data import ideas_json

TITLES = ["Фото жирафа Джоши", "Gifts  FOR clients", "ß straße ΣΑΣ", "", "🎉 Ёлка"]
TEXTS = ["Клиенты прислали фотографии\nвторая строка", "for regular clients", "Maße", "только текст", "—«»"]


def frame(*columns: list[str]) -> bytes:
    data = ["\x00".join(column).encode() for column in columns]
    return struct.pack(f">I{len(data)}I", len(data), *map(len, data)) + b"".join(data)


def answer(stems: list[str], keys: list[str]) -> bytes:
    data = [" \x00 ".join(stems).encode(), "\x01".join(keys).encode()]
    return struct.pack(">II", *map(len, data)) + b"".join(data)


TAGS, NOTES = ["зима касса", "", "wow", "", "🎁"], ["Клиент вернулся  второй раз", "", "", "x", ""]
COLUMNS = [TITLES, TEXTS, ["Борис", "", "", "", ""], TAGS, NOTES]


def test_the_worker_answers_each_frame_until_its_input_ends():
    given, said = io.BytesIO(frame(*COLUMNS) * 2), io.BytesIO()
    assert serve(given, said) == 0
    parts = [list(idea) for idea in zip(*COLUMNS, strict=True)]
    assert said.getvalue() == answer(index_texts(parts), list(map(fingerprint, TITLES, TEXTS))) * 2


def test_a_cut_frame_ends_the_worker_with_an_error():
    assert serve(io.BytesIO(frame(["abc"], ["d"])[:-1]), io.BytesIO()) == 1
    assert serve(io.BytesIO(frame(["abc"], ["d"])[:6]), io.BytesIO()) == 1
    assert serve(io.BytesIO(b""), io.BytesIO()) == 0


def test_the_worker_process_makes_what_the_import_makes_itself():
    texts = {"title": TITLES, "text": TEXTS, "promise_who": ["Борис", "", "", "", ""], "team": ["Команда"] * 5,
             "promise_first_step": ["шаг"] * 5, "promise_success_sign": [""] * 5, "player": [""] * 5}  # fmt: skip
    notes = [[(None, note), (None, "")] if note else [] for note in NOTES]
    ideas = intake.Batch(texts, [tags.split() for tags in TAGS], notes)
    stemming = Stemming.start()
    assert stemming is not None
    try:
        made = stemming.submit(ideas.search_columns())
        assert made is not None
        expected = (index_texts(ideas.search_parts()), list(map(fingerprint, TITLES, TEXTS)))
        assert made.result(timeout=60) == expected
        assert stemming.submit([["a\x00b"], ["c"]]) is None, "a text with the separator: the caller's"
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
        rows = db.execute("SELECT title, text, search_text, tags FROM idea ORDER BY id").fetchall()
        found = db.execute("SELECT rowid FROM idea_fts WHERE idea_fts MATCH 'клиент' ORDER BY rowid").fetchall()
        return rows, found
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


@pytest.mark.parametrize("failure", ["none", "cannot start", "ends halfway", "never answers"])
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
    assert library == without[1] and library[1], "the same rows, search texts and index"
    assert len(started) == 1 and (started[0] is None) == (failure == "cannot start")
    if started[0] is not None:
        assert started[0].process.returncode is not None, "the worker is never left running"
