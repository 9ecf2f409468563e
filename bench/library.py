"""The library's budgets at 100 000 ideas, as ratios against floors measured in the same run.

    python bench/library.py [--ideas 100000] [--keep DIR]
    python bench/library.py --library postgresql://user@host/empty_db   (the shared library: bench/pg.py)

Makes a realistic library (Russian and English ideas built from the shipped cards, promises, tags, notes),
then measures, last line first in importance:
- search-as-you-type (count + first page, as the library screen asks) against a raw sqlite3 FTS5 query;
- the library screen opening with its first rows painted;
- the memory (resident, Linux /proc) of a process showing the library screen, against a bare PySide6 window's.
Prints, last: `search p95 X ms; raw FTS5 p95 Y ms; ratio Z; open first rows T s; memory +M MB`.
"""

import argparse
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OPENERS = {
    "ru": ["Дарить", "Отправлять", "Предупреждать", "Записывать", "Показывать", "Спрашивать", "Возвращать"],
    "en": ["Give", "Send", "Warn", "Write down", "Show", "Ask", "Bring back"],
}
TAILS = {
    "ru": ["клиентам в день рождения", "постоянным клиентам", "о задержке заранее", "для следующей смены",
           "фото забытой вещи", "как дела после визита", "подарок за ожидание", "чай в очереди"],
    "en": ["to clients on their birthday", "to regular clients", "about the delay in advance",
           "for the next shift", "photos of the forgotten thing", "how it went after the visit",
           "a gift for the wait", "tea in the queue"],
}  # fmt: skip
WHO = ["Анна", "Борис", "Ольга", "Sam", "Maria", "Илья", "Kate"]


def make_library(folder: Path, n: int, seed: int = 1) -> Path:
    """A library of `n` ideas in `folder`, written through the real schema (migrations) and index."""
    from game import paths
    from game.domain.content import load_content
    from game.store.db import DB_NAME, open_library
    from game.store.textsearch import index_text

    engine = open_library(folder)
    engine.dispose()
    content = load_content([paths.shipped("cards")], [])
    cards = {kind: [c for c in content.cards_of(kind)] for kind in ("business", "client", "touchpoint", "technomagic")}
    rng = random.Random(seed)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    rows = []
    for i in range(n):
        lang = "ru" if i % 2 else "en"
        technique = rng.choice(cards["technomagic"])
        title = f"{rng.choice(OPENERS[lang])} {rng.choice(TAILS[lang])}"
        text = f"{title}. {technique.prompt.get(lang)} {rng.choice(cards['client']).title.get(lang)}."
        who, first = rng.choice(WHO), technique.title.get(lang)
        tags = "," + ",".join(rng.sample(["зима", "wow", "касса", "b2b", "очередь", "phone"], 2)) + ","
        created = start + timedelta(minutes=7 * i)
        rows.append((
            title, text, rng.choice(["fix", "wow", "planb"]), rng.randint(0, 8), "{}", rng.randint(0, 5),
            rng.choice(cards["business"]).id, rng.choice(cards["touchpoint"]).id, technique.id, who,
            (created.date() + timedelta(days=rng.randint(1, 60))).isoformat(), first, "",
            rng.choice(["new", "planned", "tried", "working", "dropped"]), tags, "", "", created.isoformat(" "),
            created.isoformat(" "), index_text(title, text, who, first, tags.replace(",", " ")),
        ))  # fmt: skip
    db = sqlite3.connect(folder / DB_NAME)
    db.executemany(
        "INSERT INTO idea (title, text, focus, score, checks_json, dots, business_card, touchpoint_card, "
        "technique_card, promise_who, promise_due, promise_first_step, promise_success_sign, status, tags, team, "
        "player, created_at, updated_at, search_text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    db.commit()
    db.execute("INSERT INTO idea_fts(idea_fts) VALUES ('optimize')")
    db.commit()
    db.close()
    return folder / DB_NAME


QUERIES = ["клиент", "клиентов", "gift", "gifts", "подарок", "regular", "смен", "очеред", "phone", "чай", "tea q",
           "warn ab", "фото забыт", "день рожд", "birthday", "next shift", "задержк", "ask how"]  # fmt: skip


def typed_prefixes(query: str) -> list[str]:
    """What search-as-you-type sends while the query is typed (from the second letter on)."""
    return [query[:k] for k in range(2, len(query) + 1)]


def p95(values: list[float]) -> float:
    values = sorted(values)
    return values[max(0, int(len(values) * 0.95) - 1)]


def bench_search(folder: Path) -> tuple[float, float]:
    from game.store import ideas
    from game.store.db import DB_NAME, open_library
    from game.store.textsearch import match_query

    engine = open_library(folder)
    ours, raw = [], []
    db = sqlite3.connect(folder / DB_NAME)
    for query in QUERIES:
        for typed in typed_prefixes(query):
            started = time.perf_counter()
            flt = ideas.IdeaFilter(query=typed)
            ideas.count(engine, flt)
            ideas.find(engine, flt, limit=100)
            ours.append(time.perf_counter() - started)
            match = match_query(typed)
            started = time.perf_counter()
            db.execute("SELECT count(*) FROM idea_fts WHERE idea_fts MATCH ?", (match,)).fetchone()
            db.execute("SELECT rowid FROM idea_fts WHERE idea_fts MATCH ? LIMIT 100", (match,)).fetchall()
            raw.append(time.perf_counter() - started)
    engine.dispose()
    db.close()
    return p95(ours) * 1000, p95(raw) * 1000


SHOW_LIBRARY = """
import sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from game.ui.app import build_window, make_application
app = make_application()
win = build_window(Path(sys.argv[1]), "en")
ready = []
win.library_ready.connect(lambda: ready.append(1))
win.show()
while not ready:  # as in the game: the library opens in the background right after the first window
    app.processEvents()
    time.sleep(0.01)
started = time.perf_counter()
win.show_library()
screen = win.current_screen()
screen.table.viewport().repaint()
app.processEvents()
shown = time.perf_counter() - started
rows = screen.model.rowCount()
rss = [line for line in open("/proc/self/status") if line.startswith("VmRSS")][0].split()[1]
print(shown, rows, rss)
"""

BARE_RSS = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 760); w.show(); app.processEvents()
print([line for line in open("/proc/self/status") if line.startswith("VmRSS")][0].split()[1])
"""


def bench_screen(folder: Path) -> tuple[float, int, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", SHOW_LIBRARY, str(folder)], env=env, capture_output=True,
                         text=True, check=True, cwd=ROOT).stdout.split()  # fmt: skip
    bare = subprocess.run([sys.executable, "-c", BARE_RSS], env=env, capture_output=True, text=True, check=True)
    shown, rows, rss = float(out[0]), int(out[1]), int(out[2])
    return shown, rows, (rss - int(bare.stdout.split()[0])) / 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ideas", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="make (or reuse) the library in this folder")
    parser.add_argument("--library", metavar="URL", help="a PostgreSQL database: the shared library's budgets")
    args = parser.parse_args()
    if args.library:  # bench/pg.py: copy to the server, search on it, first rows from it
        sys.path.insert(0, str(ROOT / "bench"))
        import pg

        return pg.run(args.library, args.ideas)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        if not (folder / "library.sqlite3").exists():
            started = time.perf_counter()
            make_library(folder, args.ideas)
            print(f"made {args.ideas} ideas in {time.perf_counter() - started:.1f} s")
        ours, raw = bench_search(folder)
        shown, rows, memory = bench_screen(folder)
    print(f"library screen: {rows} rows loaded of {args.ideas} (lazy), first rows painted in {shown:.3f} s")
    print(f"search p95 {ours:.1f} ms; raw FTS5 p95 {raw:.1f} ms; ratio {ours / raw:.1f}; "
          f"open first rows {shown:.2f} s; memory +{memory:.0f} MB")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
