"""Start-up and step budgets, as ratios against a floor measured in the same run.

    python bench/startup.py [--runs 9]

1. Cold start to the first painted window: `technomagic --exit-when-shown` against a bare PySide6 QMainWindow
   that quits on its first paint, both started as fresh processes by this script (budget: at most 2x).
2. Moving to the next (and back) step of a solo round, including the repaint (budget: p95 under 30 ms).
Uses the offscreen platform unless DISPLAY is set and --screen is given.
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


def timed(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def startup(runs: int, env: dict[str, str]) -> tuple[float, float]:
    bare, game = [], []
    with tempfile.TemporaryDirectory() as data:
        game_args = [sys.executable, "-m", "game", "--exit-when-shown", "--data-dir", data]
        timed(game_args, env)  # warm the file cache for both, as a second start on a laptop would
        timed([sys.executable, "-c", BARE], env)
        for _ in range(runs):
            bare.append(timed([sys.executable, "-c", BARE], env))
            game.append(timed(game_args, env))
    return statistics.median(bare), statistics.median(game)


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
        window.start_round("solo-spark", seed=1)
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
    bare, game = startup(args.runs, env)
    times = sorted(steps(30))
    p95 = times[int(len(times) * 0.95) - 1] * 1000
    print(f"platform: {os.environ.get('QT_QPA_PLATFORM', 'xcb')}, {args.runs} runs each")
    print(f"bare PySide6 window: {bare * 1000:.0f} ms; technomagic home window: {game * 1000:.0f} ms")
    print(f"step p50 {statistics.median(times) * 1000:.1f} ms; step p95 {p95:.1f} ms (budget 30 ms)")
    print(f"start-up ratio {game / bare:.2f} (budget 2.00); step p95 {p95:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
