"""The shared library's budgets at 100 000 ideas on a local PostgreSQL, as ratios against floors of the same run.

    python bench/pg.py [--library postgresql://…] [--ideas 100000]
    python bench/library.py --library postgresql://…      (the same)

Without --library a throw-away PostgreSQL 15 is started in a temporary folder (tests/pg.py). Measures:
- copying a 100 000-idea SQLite library to PostgreSQL (`technomagic library copy`), budget 30 s, against
  reading the same rows from SQLite (the floor);
- search as you type (count + first page, as the library screen asks), plain and filtered, budget p95 50 ms,
  against the bare full-text query through psycopg (the floor);
- the library screen opening on the server with its first rows painted, budget 0.5 s.
Exit 1 when a budget is missed. Last line:
`pg copy N ideas T s (floor F s); search p95 X ms, raw p95 Y ms, ratio Z; first rows S s; budgets ok|MISSED`.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COPY_BUDGET_S = 30.0
SEARCH_BUDGET_MS = 50.0
FIRST_ROWS_BUDGET_S = 0.5


def _library_bench():
    spec = importlib.util.spec_from_file_location("bench_library", ROOT / "bench" / "library.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bench_copy(folder: Path, url: str) -> tuple[float, float]:
    from game.store.copy import copy_library
    from game.store.engine import open_url

    started = time.perf_counter()
    with sqlite3.connect(folder / "library.sqlite3") as db:  # the floor: only reading what is copied
        for table in ("play_session", "idea", "idea_note"):
            for _row in db.execute(f"SELECT * FROM {table} ORDER BY id"):
                pass
    floor = time.perf_counter() - started
    started = time.perf_counter()
    source, target = open_url(f"sqlite:///{folder / 'library.sqlite3'}"), open_url(url)
    result = copy_library(source, target)
    took = time.perf_counter() - started
    source.dispose()
    target.dispose()
    print(f"copied {result.total['idea']} ideas in {took:.1f} s (reading them from SQLite: {floor:.1f} s)")
    return took, floor


FILTERS = [
    {},
    {"statuses": ("planned",)},
    {"statuses": ("new", "tried"), "focuses": ("wow",)},
    {"tag": "касса"},
    {"min_score": 5},
]


def bench_search(url: str, queries: list[str], typed_prefixes) -> tuple[float, float, dict]:
    import psycopg

    from game.store import ideas, pg_search
    from game.store.engine import open_url

    engine = open_url(url)
    args, kwargs = engine.dialect.create_connect_args(engine.url)
    raw_conn = psycopg.connect(*args, **kwargs, autocommit=True)
    ours, raw, by_filter = [], [], {}
    for n, extra in enumerate(FILTERS):
        timings = []
        for query in queries:
            for typed in typed_prefixes(query):
                flt = ideas.IdeaFilter(query=typed, **extra)
                started = time.perf_counter()
                ideas.count(engine, flt)
                ideas.find(engine, flt, limit=100)
                timings.append(time.perf_counter() - started)
                if n == 0:
                    tsq = pg_search.tsquery(typed)
                    started = time.perf_counter()
                    raw_conn.execute("SELECT count(*) FROM idea WHERE search_tsv @@ to_tsquery('simple', %s)", (tsq,))
                    raw_conn.execute("SELECT id FROM idea WHERE search_tsv @@ to_tsquery('simple', %s) "
                                     "ORDER BY id DESC LIMIT 100", (tsq,)).fetchall()  # fmt: skip
                    raw.append(time.perf_counter() - started)
        by_filter[str(extra or "words only")] = p95(timings) * 1000
        ours.extend(timings)
    raw_conn.close()
    engine.dispose()
    return p95(ours) * 1000, p95(raw) * 1000, by_filter


def p95(values: list[float]) -> float:
    values = sorted(values)
    return values[max(0, int(len(values) * 0.95) - 1)]


SHOW_LIBRARY = """
import sys, time
from pathlib import Path
from game.ui.app import build_window, make_application
app = make_application()
win = build_window(Path(sys.argv[1]), "en", library=sys.argv[2])
ready = []
win.library_ready.connect(lambda: ready.append(1))
win.show()
while not ready:
    app.processEvents()
    time.sleep(0.01)
started = time.perf_counter()
win.show_library()
screen = win.current_screen()
screen.table.viewport().repaint()
app.processEvents()
print(time.perf_counter() - started, screen.model.rowCount())
win.library.close()
"""


def bench_first_rows(home: Path, url: str) -> tuple[float, int]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", SHOW_LIBRARY, str(home), url], env=env, capture_output=True,
                         text=True, check=True, cwd=ROOT).stdout.split()  # fmt: skip
    return float(out[0]), int(out[1])


def run(url: str | None, n: int) -> int:
    library = _library_bench()
    server = None
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if url is None:
            from tests.pg import PgServer

            server = PgServer()
            server.start()
            url = server.url(server.create_db("bench"))
        try:
            started = time.perf_counter()
            library.make_library(folder, n)
            print(f"made {n} ideas in SQLite in {time.perf_counter() - started:.1f} s")
            took, floor = bench_copy(folder, url)
            ours, raw, by_filter = bench_search(url, library.QUERIES, library.typed_prefixes)
            for name, value in by_filter.items():
                print(f"search p95 {value:.1f} ms with {name}")
            shown, rows = bench_first_rows(folder / "home", url)
            print(f"library screen on the server: {rows} rows, first rows painted in {shown:.3f} s")
        finally:
            if server is not None:
                server.close()
    ok = took <= COPY_BUDGET_S and ours <= SEARCH_BUDGET_MS and shown <= FIRST_ROWS_BUDGET_S
    print(f"pg copy {n} ideas {took:.1f} s (floor {floor:.1f} s, ratio {took / floor:.1f}); "
          f"search p95 {ours:.1f} ms, raw p95 {raw:.1f} ms, ratio {ours / raw:.1f}; first rows {shown:.2f} s; "
          f"budgets {'ok' if ok else 'MISSED'}")  # fmt: skip
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--library", metavar="URL", help="an empty PostgreSQL database (default: a temporary server)")
    parser.add_argument("--ideas", type=int, default=100_000)
    args = parser.parse_args(argv)
    return run(args.library, args.ideas)


if __name__ == "__main__":
    sys.exit(main())
