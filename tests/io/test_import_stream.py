"""Our own JSON export is parsed a batch at a time while the batches before are written; anything the whole
file's parse or checks would refuse makes it start again the plain way, so that the message, and the library
left as it was, are exactly the plain way's."""

import json
import sqlite3

import pytest

from game.io import import_checks, importer, json_import
from game.store.db import DB_NAME, open_library


def ideas(count=12):
    return [{"title": f"Идея {i}", "text": f"Клиент доволен {i}", "dots": i % 4, "tags": ["зима"] if i % 2 else []}
            for i in range(1, count + 1)]  # fmt: skip


def our_layout(path, items, after=""):
    """The file as our export writes it: the envelope's keys first, an idea a line."""
    lines = ",\n".join("    " + json.dumps(item, ensure_ascii=False) for item in items)
    head = '{\n  "format": "technomagic-ideas",\n  "version": 1,\n  "ideas": [\n'
    path.write_text(head + lines + f"\n  ]{after}\n}}\n", encoding="utf-8")
    return path


def outcome(tmp_path, name, path, monkeypatch, streamed=True):
    """What an import of the file says (its result or its error) and leaves (ideas, backups)."""
    (tmp_path / name).mkdir()
    engine = open_library(tmp_path / name)
    with monkeypatch.context() as patch:
        patch.setattr(import_checks, "CHUNK", 5)
        if not streamed:
            patch.setattr(json_import, "_streamed", lambda text: None)
        try:
            said = importer.import_json(engine, path)
        except importer.ImportError_ as e:
            said = str(e)
    engine.dispose()
    db = sqlite3.connect(tmp_path / name / DB_NAME)
    try:
        kept = db.execute("SELECT title, search_text, tags FROM idea ORDER BY id").fetchall()
    finally:
        db.close()
    backups = sorted(p.name.split("-")[-1] for p in (tmp_path / name / "backups").glob("*"))
    return said, kept, backups


def test_our_export_is_read_as_it_is_written(tmp_path, monkeypatch):
    path = our_layout(tmp_path / "ideas.json", ideas())
    assert json_import._streamed(path.read_text(encoding="utf-8")) is not None
    streamed, plain = (outcome(tmp_path, name, path, monkeypatch, streamed=name == "streamed")
                       for name in ("streamed", "plain"))  # fmt: skip
    assert streamed == plain and streamed[0].added == 12 and len(streamed[1]) == 12


@pytest.mark.parametrize("fault", ["a wrong idea", "a comma missing", "a key twice", "NaN", "a trailing comma",
                                   "text after the end"])  # fmt: skip
def test_a_fault_in_a_later_batch_says_what_the_plain_way_says(tmp_path, monkeypatch, fault):
    items = ideas()
    text = our_layout(tmp_path / "ideas.json", items).read_text(encoding="utf-8")
    ninth = json.dumps(items[8], ensure_ascii=False)
    text = {
        "a wrong idea": text.replace(ninth, json.dumps(dict(items[8], dots=-2), ensure_ascii=False)),
        "a comma missing": text.replace(ninth + ",", ninth),
        "a key twice": text.replace(ninth, ninth[:-1] + ', "dots": 3}'),
        "NaN": text.replace(ninth, ninth[:-1] + ', "score": NaN}'),
        "a trailing comma": text.replace("\n  ]", ",\n  ]"),
        "text after the end": text + "{}",
    }[fault]
    path = tmp_path / "faulty.json"
    path.write_text(text, encoding="utf-8")
    streamed = outcome(tmp_path, "streamed", path, monkeypatch)
    plain = outcome(tmp_path, "plain", path, monkeypatch, streamed=False)
    assert isinstance(streamed[0], str) and streamed == plain, "the same message, no idea kept, no backup kept"
    assert streamed[1] == [] and streamed[2] == []


@pytest.mark.parametrize("layout", ["a key after the ideas", "the ideas first", "a list of ideas"])
def test_other_layouts_are_read_the_plain_way(tmp_path, monkeypatch, layout):
    items = ideas()
    path = {
        "a key after the ideas": lambda: our_layout(tmp_path / "ideas.json", items, after=',\n  "exported": "today"'),
        "the ideas first": lambda: (tmp_path / "ideas.json").write_text(
            json.dumps({"ideas": items, "format": "technomagic-ideas", "version": 1}), encoding="utf-8"),
        "a list of ideas": lambda: (tmp_path / "ideas.json").write_text(json.dumps(items), encoding="utf-8"),
    }[layout]()
    path = tmp_path / "ideas.json"
    if layout != "a key after the ideas":
        assert json_import._streamed(path.read_text(encoding="utf-8")) is None
    said, kept, _backups = outcome(tmp_path, "library", path, monkeypatch)
    assert said.added == 12 and len(kept) == 12
