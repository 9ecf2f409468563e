"""The export and import budgets at 100 000 ideas, measured against a floor in the same run.

    python bench/io.py [--ideas 100000] [--keep DIR] [--repeat 5]

Makes a library with bench/library.py's `make_library`, each idea's text then ending with its number as people
write it ("№ 12 345"): the generator repeats itself, and a repeated idea would be skipped as a duplicate instead
of imported; written in groups of three digits, the numbers add no more new words than a real library has (each
new word costs the stemmer once). Then measures
- CSV export of every idea against Python's csv module writing the same rows, already in memory, to a file
  (budget: at most 3x; the two taken in turns, the best of --repeat runs of each, as a machine's load comes
  and goes);
- JSON import of every idea (our own export) into an empty library (budget: under 15 s; the best of up to
  three runs).
Prints, last: `csv export X s; csv module Y s; ratio Z (budget 3); json import of N ideas T s (budget 15)`,
and exits 1 when a budget is missed.
"""

import argparse
import csv
import io
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

CSV_RATIO_BUDGET = 3.0
JSON_IMPORT_BUDGET = 15.0


def make_distinct_library(folder: Path, n: int) -> None:
    from library import make_library

    from game.store.db import DB_NAME

    started = time.perf_counter()
    make_library(folder, n)
    db = sqlite3.connect(folder / DB_NAME)
    db.execute("UPDATE idea SET text = text || printf(' (№ %d %03d)', id / 1000, id % 1000)")
    db.commit()
    db.close()
    print(f"made {n} ideas in {time.perf_counter() - started:.1f} s")


def timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def bench_csv(folder: Path, out: Path, runs: int) -> tuple[float, float, int]:
    """The export and its floor taken in turns, so that both see the same load of a shared machine."""
    from game.io import tabular
    from game.store.db import open_library
    from game.store.ideas import IdeaFilter

    engine = open_library(folder)
    written = tabular.export_csv(engine, IdeaFilter(), out, "ru")
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    floor_file = out.with_name("floor.csv")

    def floor() -> None:
        with open(floor_file, "w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows(rows)

    ours, floors = [], []
    for _ in range(runs):
        ours.append(timed(lambda: tabular.export_csv(engine, IdeaFilter(), out, "ru")))
        floors.append(timed(floor))
    engine.dispose()
    if floor_file.read_bytes() != out.read_bytes():
        raise SystemExit("the csv module wrote other rows than the export: the comparison would be unfair")
    return min(ours), min(floors), written


def bench_json_import(folder: Path, scratch: Path, runs: int) -> tuple[float, int]:
    from game.io import importer, tabular
    from game.store.db import open_library
    from game.store.ideas import IdeaFilter

    engine = open_library(folder)
    source = scratch / "ideas.json"
    tabular.export_json(engine, IdeaFilter(), source)
    engine.dispose()
    times, added = [], 0
    for run in range(runs):
        target = scratch / f"empty-{run}"
        target.mkdir()
        engine = open_library(target)
        started = time.perf_counter()
        result = importer.import_json(engine, source)
        times.append(time.perf_counter() - started)
        engine.dispose()
        if result.skipped_duplicates:
            raise SystemExit(f"{result.skipped_duplicates} ideas were duplicates: the library was not distinct")
        added = result.added
    return min(times), added


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ideas", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="make (or reuse) the library in this folder")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each measurement (the best is kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp) / "library"
        folder.mkdir(parents=True, exist_ok=True)
        if not (folder / "library.sqlite3").exists():
            make_distinct_library(folder, args.ideas)
        ours, floor, written = bench_csv(folder, Path(tmp) / "ideas.csv", args.repeat)
        imported_in, added = bench_json_import(folder, Path(tmp), min(args.repeat, 3))
    ratio = ours / floor
    print(f"csv export of {written} ideas {ours:.2f} s; csv module writing the same rows {floor:.2f} s")
    print(f"csv export {ours:.2f} s; csv module {floor:.2f} s; ratio {ratio:.2f} (budget {CSV_RATIO_BUDGET:g}); "
          f"json import of {added} ideas {imported_in:.1f} s (budget {JSON_IMPORT_BUDGET:g})")  # fmt: skip
    missed = ratio > CSV_RATIO_BUDGET or imported_in >= JSON_IMPORT_BUDGET
    if missed:
        print("over budget", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
