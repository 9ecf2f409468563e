"""The frozen app's start against a frozen bare PySide6 window built the same way (budget: at most 2x).

    python bench/frozen_startup.py [--app dist/technomagic] [--runs 9]

Builds the bare window with build.spec itself (same excludes, plugin trims and strip), then starts each
as a fresh process until its first window is painted, alternating, and prints the medians and their ratio.
Last line: `frozen start-up ratio R; first paint X s`, then `; OVER BUDGET: first paint` and exit 1 over budget.
Both are started once first (files in the system's cache): a warm start, not a cold one.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup import BARE  # the same bare window as the source start-up benchmark

ROOT = Path(__file__).resolve().parent.parent
RATIO_BUDGET = 2.0


def build_bare(work: Path) -> Path:
    script = work / "bare_window.py"
    script.write_text(BARE, encoding="utf-8")
    env = {**os.environ, "TECHNOMAGIC_SPEC_ENTRY": str(script), "TECHNOMAGIC_SPEC_NAME": "bare"}
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath",
         str(work / "dist"), "--workpath", str(work / "build"), str(ROOT / "build.spec")],
        env=env, check=True, cwd=ROOT,
    )  # fmt: skip
    return work / "dist" / "bare" / "bare"


def timed(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", type=Path, default=ROOT / "dist" / "technomagic")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        bare = build_bare(work)
        game = [str(args.app / "technomagic"), "--exit-when-shown", "--data-dir", str(work / "data")]
        timed([str(bare)], env)
        timed(game, env)  # both once, to warm the file cache as a second start would
        bare_times, game_times = [], []
        for _ in range(args.runs):
            bare_times.append(timed([str(bare)], env))
            game_times.append(timed(game, env))
    b, g = statistics.median(bare_times), statistics.median(game_times)
    print(f"frozen bare PySide6 window: {b * 1000:.0f} ms; frozen technomagic home window: {g * 1000:.0f} ms "
          f"(budget {RATIO_BUDGET:g}x)")  # fmt: skip
    over = g / b > RATIO_BUDGET
    print(f"frozen start-up ratio {g / b:.2f}; first paint {g:.2f} s" + ("; OVER BUDGET: first paint" if over else ""))
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
