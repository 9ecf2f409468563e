"""An import into a SQLite library writes its ideas from a second thread, a few thousand at a time, and indexes
each batch itself (the index's insert trigger set aside): every imported idea is found by words and filters as
one saved by the game is, and a failure halfway leaves the library, its index and its trigger as they were."""

import json
from datetime import date

import pytest
from sqlmodel import Session, select

from game.io import import_checks, importer
from game.store import backup, ideas, sqlite_search
from game.store.db import open_library
from game.store.models import Idea
from tests.library_data import add, ideas_json


@pytest.fixture
def library(tmp_path):
    (tmp_path / "library").mkdir()
    engine = open_library(tmp_path / "library")
    yield engine
    engine.dispose()


def ideas_file(tmp_path, n: int):
    items = [{"title": f"Подарок клиентам {i}", "text": f"Gift for regular clients, number {i}",
              "status": ("new", "planned", "tried")[i % 3], "tags": ["wow"] if i % 2 else ["зима", "Касса"],
              "technique_card": "tm-joshi-giraffe" if i % 5 == 0 else None,
              "created_at": f"2026-0{1 + i % 3}-1{i % 10}T10:00:00+00:00",
              "notes": [{"on": "2026-04-01", "text": f"Клиент вернулся {i}"}] if i % 4 == 0 else []}
             for i in range(n)]  # fmt: skip
    return ideas_json(tmp_path / "ideas.json", items)


def test_batches_are_indexed_with_their_filters(library, tmp_path, monkeypatch):
    monkeypatch.setattr(import_checks, "CHUNK", 7)  # several batches, the last one short
    before = add(library, "Already there: подарок")
    result = importer.import_json(library, ideas_file(tmp_path, 40))
    assert result.added == 40 and not result.errors
    after = add(library, "Saved after the import: подарок")  # the trigger is back: a new idea is indexed
    for fields in (dict(query="подарок"), dict(query="клиентов", statuses=("planned",)), dict(tag="касса"),
                   dict(card="tm-joshi-giraffe", query="gift"), dict(query="вернулся"),
                   dict(created_from=date(2026, 2, 1), created_to=date(2026, 2, 28), tag="wow")):  # fmt: skip
        flt = ideas.IdeaFilter(**fields)
        found = [i.id for i in ideas.find(library, flt, limit=1000)]
        with Session(library) as session:
            expected = list(session.exec(ideas._where(select(Idea.id), flt, "sqlite").order_by(Idea.id.desc())))
        assert found == expected and ideas.count(library, flt) == len(found), fields
        assert found, fields
    assert [i.id for i in ideas.find(library, ideas.IdeaFilter(query="подарок"), limit=1000)][::41] == [after, before]


def test_a_failure_while_writing_changes_nothing(library, tmp_path, monkeypatch):
    monkeypatch.setattr(import_checks, "CHUNK", 5)
    add(library, "Already there: подарок")
    monkeypatch.setattr(sqlite_search, "INDEX_FROM", "INSERT INTO no_such_table SELECT * FROM {}")
    with pytest.raises(Exception, match="no_such_table"):
        importer.import_json(library, ideas_file(tmp_path, 30))
    assert ideas.count(library, ideas.IdeaFilter()) == 1
    assert ideas.count(library, ideas.IdeaFilter(query="подарок")) == 1
    add(library, "Saved after the failure: подарок")  # the insert trigger is still there
    assert ideas.count(library, ideas.IdeaFilter(query="подарок")) == 2


def test_no_checked_backup_no_import(library, tmp_path, monkeypatch):
    """The backup is taken while the import writes, and the import commits only once the copy is checked."""
    from game.store import backup

    add(library, "Already there: подарок")

    def bad(path, full=False):
        raise backup.BackupError(f"{path}: damaged (test)")

    monkeypatch.setattr(backup, "check_file", bad)
    with pytest.raises(importer.ImportError_, match="nothing was imported: no backup could be taken first"):
        importer.import_json(library, ideas_file(tmp_path, 30))
    assert ideas.count(library, ideas.IdeaFilter()) == 1 and backup.backups(tmp_path / "library") == []
    monkeypatch.undo()
    assert importer.import_json(library, ideas_file(tmp_path, 30)).added == 30
    [kept] = backup.backups(tmp_path / "library")
    assert kept.reason == "import" and kept.ideas() == 1  # the library as it was before the import


def test_a_wrong_idea_in_a_later_batch_changes_nothing_and_leaves_no_backup(library, tmp_path, monkeypatch):
    """The file's ideas are checked a batch at a time while the batches before are written: one found wrong
    rolls those back, and the backup copy taken for the import is deleted (the library did not change)."""
    monkeypatch.setattr(import_checks, "CHUNK", 5)
    add(library, "Already there: подарок")
    path = ideas_file(tmp_path, 30)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["ideas"][22]["score"] = 99
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")
    with pytest.raises(importer.ImportError_) as raised:
        importer.import_json(library, path)
    assert (raised.value.row, raised.value.field) == (23, "score")
    assert str(raised.value).startswith(f"{path}:{raised.value.line}: idea 23: field 'score': 99 is not")
    assert ideas.count(library, ideas.IdeaFilter()) == 1
    assert backup.backups(tmp_path / "library") == [] and not list((tmp_path / "library" / "backups").glob("*"))
    add(library, "Saved after the failure: подарок")  # the insert trigger is back
    assert ideas.count(library, ideas.IdeaFilter(query="подарок")) == 2
    monkeypatch.undo()
    assert importer.import_json(library, ideas_file(tmp_path, 30)).added == 30
    [kept] = backup.backups(tmp_path / "library")
    assert kept.ideas() == 2


def test_a_wrong_row_in_a_later_csv_batch_changes_nothing_and_leaves_no_backup(library, tmp_path, monkeypatch):
    monkeypatch.setattr(import_checks, "CHUNK", 5)
    add(library, "Already there: подарок")
    rows = [f"Подарок клиентам {i},{'bogus' if i == 22 else 'planned'}" for i in range(30)]
    path = tmp_path / "ideas.csv"
    path.write_text("title,status\n" + "\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(importer.ImportError_) as raised:
        importer.import_csv(library, path)
    statuses = "new, planned, tried, working, dropped"
    assert str(raised.value) == f"{path}:24: field 'status': 'bogus' is not one of {statuses}"
    assert ideas.count(library, ideas.IdeaFilter()) == 1 and backup.backups(tmp_path / "library") == []
    assert not list((tmp_path / "library" / "backups").glob("*"))
    path.write_text("title,status\n", encoding="utf-8")  # a file of no ideas: nothing to back up
    assert importer.import_csv(library, path).added == 0 and backup.backups(tmp_path / "library") == []
    path.write_text("title,status\n" + "\n".join(rows).replace("bogus", "new") + "\n", encoding="utf-8")
    assert importer.import_csv(library, path).added == 30 and len(backup.backups(tmp_path / "library")) == 1
