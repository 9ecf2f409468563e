"""The shared library's budgets at 100 000 ideas on a local PostgreSQL, as ratios against floors of the same run.

    python bench/pg.py [--library postgresql://…] [--ideas 100000]
    python bench/library.py --library postgresql://…      (the same)

Without --library a throw-away PostgreSQL 15 is started in a temporary folder (tests/pg.py). Measures:
- copying a 100 000-idea SQLite library to PostgreSQL (`technomagic library copy`), budget 30 s, against
  reading the same rows from SQLite (the floor);
- search as you type through the library screen's own table model (the page of matches and their count, which
  stops at 1,000), by words alone and with each filter of bench/library.py (status, tag, date saved, card,
  status+tag+date), budget p95 50 ms for every filter, against raw psycopg doing the same match and filter in
  plain SQL (the floor);
- the library screen opening on the server with its first rows painted, budget 0.5 s, against raw psycopg
  connecting, counting and reading the first rows.
Exit 1 when a budget is missed. Last line: `pg copy N ideas T s (floor F s, ratio R); search p95 X ms (worst:
FILTER), worst ratio to raw psycopg Z; first rows S s (floor B s); budgets ok|MISSED: WHAT`.
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


def bench_search(url: str, library) -> list[tuple[str, float, float]]:
    """Search as you type as the library screen waits for it: its own table model's `set_filter` (the page of
    matches and their count, `ideas.page`), with each filter of bench/library.py and every typed prefix (the
    empty one too: the filter alone). Against raw psycopg doing the same match and filter in plain SQL: up to
    1,001 matching ids (what the screen counts) and the first 100 rows newest first. (name, ours p95 ms, raw
    p95 ms) per filter."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import psycopg
    from PySide6.QtWidgets import QApplication

    from game.store import ideas, pg_search
    from game.store.engine import open_url
    from game.ui.library import IdeaTableModel

    app = QApplication.instance() or QApplication([])
    engine = open_url(url)
    args, kwargs = engine.dialect.create_connect_args(engine.url)
    raw_conn = psycopg.connect(*args, **kwargs, autocommit=True)
    model = IdeaTableModel(engine)
    typed_texts = [""] + [typed for query in library.QUERIES for typed in library.typed_prefixes(query)]
    results = []
    for name, fields, condition, params in library.filters():
        condition = "TRUE" if condition == "1" else condition.replace("?", "%s")
        ours, raw = [], []
        for typed in typed_texts:
            if name == "words only" and not typed:
                continue
            flt = ideas.IdeaFilter(query=typed, **fields)
            started = time.perf_counter()
            model.set_filter(flt)
            ours.append(time.perf_counter() - started)
            tsq = pg_search.tsquery(typed)
            where = f"{condition} AND search_tsv @@ to_tsquery('simple', %s)" if tsq else condition
            values = (*params, tsq) if tsq else params
            started = time.perf_counter()
            raw_conn.execute(f"SELECT id FROM idea WHERE {where} LIMIT {pg_search.COUNT_LIMIT + 1}", values).fetchall()
            raw_conn.execute(f"SELECT * FROM idea WHERE {where} ORDER BY id DESC LIMIT 100", values).fetchall()
            raw.append(time.perf_counter() - started)
        results.append((name, p95(ours) * 1000, p95(raw) * 1000))
    raw_conn.close()
    engine.dispose()
    app.processEvents()
    return results


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


def bench_first_rows(home: Path, url: str) -> tuple[float, int, float]:
    """The library screen opened on the server until its first rows are painted (in a fresh process, the library
    already open as the game has it by then), and the floor: raw psycopg connecting, counting the ideas and
    reading the newest 100."""
    import psycopg

    from game.store.engine import parse

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", SHOW_LIBRARY, str(home), url], env=env, capture_output=True,
                         text=True, check=True, cwd=ROOT).stdout.split()  # fmt: skip
    parsed = parse(url)
    started = time.perf_counter()
    with psycopg.connect(parsed.set(drivername="postgresql").render_as_string(hide_password=False)) as conn:
        conn.execute("SELECT count(*) FROM idea").fetchone()
        conn.execute("SELECT * FROM idea ORDER BY id DESC LIMIT 100").fetchall()
    return float(out[0]), int(out[1]), time.perf_counter() - started


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
            searches = bench_search(url, library)
            for name, ours, raw in searches:
                print(f"search with {name}: p95 {ours:.1f} ms; raw psycopg doing the same p95 {raw:.1f} ms; "
                      f"ratio {ours / raw:.1f} (budget {SEARCH_BUDGET_MS:g} ms)")  # fmt: skip
            shown, rows, bare = bench_first_rows(folder / "home", url)
            print(f"library screen on the server: {rows} rows, first rows painted in {shown:.3f} s "
                  f"(raw psycopg connecting, counting and reading them: {bare:.3f} s)")  # fmt: skip
        finally:
            if server is not None:
                server.close()
    worst = max(searches, key=lambda r: r[1])
    ratio = max(ours / raw for _, ours, raw in searches)
    missed = [what for what, over in (("copy", took > COPY_BUDGET_S), ("search", worst[1] > SEARCH_BUDGET_MS),
                                      ("first rows", shown > FIRST_ROWS_BUDGET_S)) if over]  # fmt: skip
    print(f"pg copy {n} ideas {took:.1f} s (floor {floor:.1f} s, ratio {took / floor:.1f}); "
          f"search p95 {worst[1]:.1f} ms (worst: {worst[0]}), worst ratio to raw psycopg {ratio:.1f}; "
          f"first rows {shown:.2f} s (floor {bare:.2f} s); "
          f"budgets {'MISSED: ' + ', '.join(missed) if missed else 'ok'}")  # fmt: skip
    return 1 if missed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--library", metavar="URL", help="an empty PostgreSQL database (default: a temporary server)")
    parser.add_argument("--ideas", type=int, default=100_000)
    args = parser.parse_args(argv)
    return run(args.library, args.ideas)


if __name__ == "__main__":
    sys.exit(main())
