"""The export and import budgets at 100 000 ideas, measured against a floor in the same run.

    python bench/io.py [--ideas 100000] [--keep DIR] [--repeat 5]

Makes a library with bench/library.py's `make_library` (notes, tags, teams as real use leaves them), each idea's
text then ending with its number as people write it ("№ 12 345"): the generator repeats itself, and a repeated
idea would be skipped as a duplicate instead of imported; written in groups of three digits, the numbers add no
more new words than a real library has (each new word costs the stemmer once). Then measures
- CSV export of every idea against Python's csv module writing the same rows, already in memory, to a file
  (budget: at most 3x; the two taken in turns, the best of --repeat runs of each, as a machine's load comes
  and goes);
- XLSX export of every idea (budget: 8 s, the best of two runs);
- JSON import and CSV import of every idea (our own exports) into an empty library, and the JSON import into a
  library that already holds as many other ideas (budgets: 4 s each, the best of up to three runs).
Prints the CPU time of each (an import's worker process included) and the least time that CPU time takes on the
cores this process may use, however it is spread (the CPU time over the cores). Last line, exactly: `csv export
X s (csv module Y s, ratio R); xlsx export X s; json import X s; csv import X s; into full library X s`;
exits 1 (saying which on stderr) when a budget is missed.
"""

import argparse
import csv
import io
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

CSV_RATIO_BUDGET = 3.0
XLSX_BUDGET = 8.0
IMPORT_BUDGET = 4.0  # each import, into an empty library and into a full one


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


def cpu_time() -> float:
    """This process's CPU time and its ended children's (an import's worker process; not on Windows)."""
    try:
        import resource
    except ImportError:
        return time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


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
    delimiter = tabular.DELIMITERS["ru"]  # the floor writes the same cells with the same separator (";" in Russian)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline=""), delimiter=delimiter))
    floor_file = out.with_name("floor.csv")

    def floor() -> None:
        with open(floor_file, "w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle, delimiter=delimiter).writerows(rows)

    ours, floors = [], []
    for _ in range(runs):
        ours.append(timed(lambda: tabular.export_csv(engine, IdeaFilter(), out, "ru")))
        floors.append(timed(floor))
    engine.dispose()
    if floor_file.read_bytes() != out.read_bytes():
        raise SystemExit("the csv module wrote other rows than the export: the comparison would be unfair")
    return min(ours), min(floors), written


def bench_xlsx(folder: Path, out: Path, runs: int) -> tuple[float, float]:
    """The best wall time of `runs`, and the process's CPU time in that run (on a busy machine the two differ)."""
    from game.io import tabular
    from game.store.db import open_library
    from game.store.ideas import IdeaFilter

    engine = open_library(folder)
    best = (float("inf"), 0.0)
    for _ in range(runs):
        cpu = time.process_time()
        wall = timed(lambda: tabular.export_xlsx(engine, IdeaFilter(), out, "ru"))
        best = min(best, (wall, time.process_time() - cpu))
    engine.dispose()
    return best


def bench_imports(folder: Path, scratch: Path, runs: int) -> tuple[dict[str, float], dict[str, float]]:
    """Our JSON and CSV exports imported into empty libraries, and the JSON into a copy of the library whose
    ideas were all changed a little (so that every imported idea is new to it)."""
    import shutil

    from game.io import importer, tabular
    from game.store import ideas
    from game.store.db import DB_NAME, open_library
    from game.store.ideas import IdeaFilter

    engine = open_library(folder)
    sources = {"json": scratch / "ideas.json", "csv": scratch / "ideas.csv"}
    tabular.export_json(engine, IdeaFilter(), sources["json"])
    tabular.export_csv(engine, IdeaFilter(), sources["csv"], "ru")
    count = ideas.count(engine, IdeaFilter())
    engine.dispose()
    full = scratch / "full"
    shutil.copytree(folder, full)
    db = sqlite3.connect(full / DB_NAME)
    db.execute("UPDATE idea SET text = text || ' (earlier)'")
    db.commit()
    db.close()
    results: dict[str, float] = {}
    cpus: dict[str, float] = {}
    for name, kind, start in (("json", "json", None), ("csv", "csv", None), ("full", "json", full)):
        times: list[tuple[float, float]] = []
        for run in range(runs):
            target = scratch / f"{name}-{run}"
            shutil.copytree(start, target) if start else target.mkdir()
            engine = open_library(target)
            read = importer.import_json if kind == "json" else importer.import_csv
            started, cpu = time.perf_counter(), cpu_time()
            result = read(engine, sources[kind])
            times.append((time.perf_counter() - started, cpu_time() - cpu))
            engine.dispose()
            shutil.rmtree(target)
            if result.errors or result.added != count:
                raise SystemExit(f"{name} import added {result.added} of {count}: {result.errors[:3]}")
        results[name], cpus[name] = min(times)
    return results, cpus


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
        xlsx, xlsx_cpu = bench_xlsx(folder, Path(tmp) / "ideas.xlsx", min(args.repeat, 2))
        imports, cpus = bench_imports(folder, Path(tmp), min(args.repeat, 3))
    ratio = ours / floor
    print(f"{written} ideas: csv export {ours:.2f} s; csv module writing the same rows {floor:.2f} s "
          f"(budget {CSV_RATIO_BUDGET:g}x); xlsx export {xlsx:.2f} s (budget {XLSX_BUDGET:g} s); imports "
          f"json {imports['json']:.2f} s, csv {imports['csv']:.2f} s, json into a library of as many other ideas "
          f"{imports['full']:.2f} s (budget {IMPORT_BUDGET:g} s each)")  # fmt: skip
    print(f"CPU time of the same runs (an import's worker process included): xlsx export {xlsx_cpu:.2f} s; "
          f"imports json {cpus['json']:.2f} s, csv {cpus['csv']:.2f} s, into full library {cpus['full']:.2f} s")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    print(f"that CPU time on the {cores} cores this process may use takes at least, however it is spread: "
          + ", ".join(f"{what} {cpus[name] / cores:.2f} s" for name, what in (
              ("json", "json import"), ("csv", "csv import"), ("full", "into full library"))))  # fmt: skip
    missed = [what for what, over in (
        ("csv export", ratio > CSV_RATIO_BUDGET), ("xlsx export", xlsx > XLSX_BUDGET),
        ("json import", imports["json"] > IMPORT_BUDGET), ("csv import", imports["csv"] > IMPORT_BUDGET),
        ("into full library", imports["full"] > IMPORT_BUDGET)) if over]  # fmt: skip
    print(f"csv export {ours:.2f} s (csv module {floor:.2f} s, ratio {ratio:.2f}); xlsx export {xlsx:.2f} s; "
          f"json import {imports['json']:.2f} s; csv import {imports['csv']:.2f} s; "
          f"into full library {imports['full']:.2f} s")  # fmt: skip
    if missed:
        print(f"over budget: {', '.join(missed)}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
