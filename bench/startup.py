"""Start-up and step budgets, as ratios against a floor measured in the same run.

    python bench/startup.py [--runs 9]

1. Start to the first painted window: `technomagic --exit-when-shown` against a bare PySide6 QMainWindow that
   quits on its first paint, both started as fresh processes by this script, taken in turns (budget: at most
   2x). Each is started once before the timed runs, so the files are in the system's cache: this is a warm
   start (a second start of the day), not a cold one after a reboot.
2. Start to "library ready": the game started as the app starts it, on a library of 2 000 ideas of which some
   promises are due, until the home screen shows the due promises, painted (read off the UI thread after the
   first paint, with sqlite3 before the library opens). Budgets: at most 0.6 s, and at most 3x the bare window.
3. Moving to the next (and back) step of a solo round, including the repaint (budget: p95 under 30 ms).
Last line: `start-up ratio R; first paint X s; library ready Y s (ratio Z); step p95 S ms`, then
`; OVER BUDGET: ...` and exit 1 when a budget is missed. Offscreen unless --screen with a DISPLAY.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

RATIO_BUDGET = 2.0  # first paint against the bare window
READY_BUDGET_S = 0.6  # home with the due promises, from the process start
READY_RATIO_BUDGET = 3.0
STEP_BUDGET_MS = 30.0

BARE = """
import sys
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
class W(QMainWindow):
    def event(self, e):
        if e.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return super().event(e)
app = QApplication(sys.argv[:1])
w = W(); w.resize(1280, 760); w.show()
sys.exit(app.exec())
"""


READY = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from game.ui.app import build_window, make_application
from game.ui.outcome import DuePromises
app = make_application()
window = build_window(Path(sys.argv[1]), "en")
def ready(*_):  # after MainWindow.show_due (connected first): does the home screen show its due promises?
    panel = window.current_screen().findChild(DuePromises)
    if panel is not None and panel.buttons:
        window.repaint()  # painted, as a person would see it
        print(time.time(), flush=True)  # the moment, for the benchmark: the library may still be opening
        QTimer.singleShot(0, app.quit)
    elif window.library.ready:
        sys.exit("no due promises on the home screen")
window.due_read.connect(ready)
window.library_ready.connect(ready)
window.resize(1280, 760)
window.show()
sys.exit(app.exec())
"""


def due_library(folder: Path) -> None:
    """2 000 ideas (bench/library.py's), most promises later on, five due in the coming days."""
    import sqlite3
    from datetime import date, timedelta

    from library import make_library

    make_library(folder, 2000)
    db = sqlite3.connect(folder / "library.sqlite3")
    db.execute("UPDATE idea SET promise_due = ?, status = 'new'", ((date.today() + timedelta(days=90)).isoformat(),))
    db.execute("UPDATE idea SET promise_due = ? WHERE id % 400 = 0", ((date.today() + timedelta(days=2)).isoformat(),))
    db.commit()
    db.close()


def timed_ready(args: list[str], env: dict[str, str]) -> float:
    """From starting the process to the moment it prints (its exit waits for the library's opening to end)."""
    started = time.time()
    done = subprocess.run(args, env=env, check=True, cwd=ROOT, capture_output=True, text=True)
    return float(done.stdout.split()[-1]) - started


def timed(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def startup(runs: int, env: dict[str, str]) -> tuple[float, float, float]:
    """Medians of the bare window, the game's first paint and the game's library ready, in turns."""
    bare, game, ready = [], [], []
    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryDirectory() as library:
        due_library(Path(library))
        game_args = [sys.executable, "-m", "game", "--exit-when-shown", "--data-dir", data]
        ready_args = [sys.executable, "-c", READY, library]
        for args in (game_args, [sys.executable, "-c", BARE], ready_args):
            timed(args, env)  # warm the file cache for each, as a second start on a laptop would
        for _ in range(runs):
            bare.append(timed([sys.executable, "-c", BARE], env))
            game.append(timed(game_args, env))
            ready.append(timed_ready(ready_args, env))
    return statistics.median(bare), statistics.median(game), statistics.median(ready)


def steps(cycles: int) -> list[float]:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from game.ui.app import build_window, make_application

    app = make_application()
    with tempfile.TemporaryDirectory() as data:
        window = build_window(Path(data), "en")
        window.show()
        while window.library.engine() is None and window.library.error is None:
            QApplication.processEvents()  # let the library open first: it is not part of a step
        window.solo.start("solo-spark", seed=1)
        screen = window.current_screen()
        for n in range(5):
            screen.round.add_idea(f"idea {n}")
        times = []
        for _ in range(cycles):
            for move in [screen.go_next] * 4 + [screen.go_back] * 4:
                started = time.perf_counter()
                move()
                window.repaint()
                QApplication.processEvents()
                QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # as the event loop would
                times.append(time.perf_counter() - started)
        window.close()
        window.library.close()
    app.processEvents()
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--screen", action="store_true", help="use $DISPLAY instead of offscreen")
    args = parser.parse_args()
    if not (args.screen and os.environ.get("DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    bare, game, ready = startup(args.runs, env)
    times = sorted(steps(30))
    p95 = times[int(len(times) * 0.95) - 1] * 1000
    print(f"platform: {os.environ.get('QT_QPA_PLATFORM', 'xcb')}, {args.runs} runs each")
    print(f"bare PySide6 window: {bare * 1000:.0f} ms; technomagic home window: {game * 1000:.0f} ms "
          f"(budget {RATIO_BUDGET:g}x); home with due promises: {ready * 1000:.0f} ms "
          f"(budgets {READY_BUDGET_S:g} s, {READY_RATIO_BUDGET:g}x)")  # fmt: skip
    print(f"step p50 {statistics.median(times) * 1000:.1f} ms; step p95 {p95:.1f} ms (budget {STEP_BUDGET_MS:g} ms)")
    missed = [
        what
        for what, over in (
            ("first paint", game / bare > RATIO_BUDGET),
            ("library ready", ready > READY_BUDGET_S or ready / bare > READY_RATIO_BUDGET),
            ("step", p95 > STEP_BUDGET_MS),
        )
        if over
    ]
    over = f"; OVER BUDGET: {', '.join(missed)}" if missed else ""
    print(f"start-up ratio {game / bare:.2f}; first paint {game:.2f} s; library ready {ready:.2f} s "
          f"(ratio {ready / bare:.2f}); step p95 {p95:.1f} ms{over}")  # fmt: skip
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
