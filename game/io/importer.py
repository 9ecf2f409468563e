"""Ideas into the library from JSON (ours, lossless) and CSV (ours or any spreadsheet's, with its columns mapped).

A file is read whole (`import_checks`); its ideas are parsed (`json_import`: our own JSON export a batch at a
time, other files at once; `csv_import`) and checked a batch at a time, column by column, while the batch before
is written (`game.io.intake`), every new idea in one transaction: a broken file changes nothing (the transaction
is rolled back, the backup taken for it deleted), and `ImportError_` says what is wrong and where (file, line or
idea, field): the checks of one idea at a time say it, run when the quick ones decline a batch. An idea already in
the library (the same title and text, whatever the case and spacing) is skipped, not doubled.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import Engine

from game.io import csv_import, json_import
from game.io.csv_import import CSV_FIELDS, CsvPreview, csv_preview, suggest_mapping
from game.io.import_checks import parse_date, parse_time
from game.io.intake import ImportError_, ImportResult
from game.io.tabular import gc_paused
from game.store.stemworker import Stemming

__all__ = [
    "CSV_FIELDS",
    "CsvPreview",
    "ImportError_",
    "ImportResult",
    "csv_preview",
    "import_csv",
    "import_json",
    "parse_date",
    "parse_time",
    "suggest_mapping",
]  # fmt: skip


def import_json(engine: Engine, path: Path) -> ImportResult:
    """Ideas from our JSON export (or `technomagic search --json`), every field as it was except ids and sessions."""
    path = Path(path)
    with gc_paused(), _stemming(path, engine) as stemming:
        return json_import.insert(engine, path, stemming)


def import_csv(engine: Engine, path: Path, mapping: dict[str, str] | None = None) -> ImportResult:
    """Ideas from a CSV file; `mapping` is column → field ("" leaves a column out), None takes `suggest_mapping`."""
    path = Path(path)
    with gc_paused(), _stemming(path, engine) as stemming:
        return csv_import.insert(engine, path, mapping, stemming)


#: A file this large (some thousands of ideas) has its batches staged by a worker process (`stemworker`)
STEMMING_BYTES = 4 * 1024 * 1024


@contextmanager
def _stemming(path: Path, engine: Engine) -> Iterator[Stemming | None]:
    """A worker process for a large file's rows, started before the file is read (it is ready by the time
    the first ideas are checked) and ended at the end of the import, whatever happens."""
    try:
        large = engine.dialect.name == "sqlite" and path.stat().st_size >= STEMMING_BYTES
    except OSError:  # said by the import when it reads the file
        large = False
    stemming = Stemming.start() if large else None
    try:
        yield stemming
    finally:
        if stemming is not None:
            stemming.close()
