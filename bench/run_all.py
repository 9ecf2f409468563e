"""Every benchmark, each in a fresh process one after the other, and one table of their last lines.

    python bench/run_all.py [--quick] [--only startup,io]

Each bench prints its figures and ends with one fixed-format line, and exits 1 when it misses a budget; this
prints a table of those lines and exits 1 if any bench missed (or failed). Not run in CI: timings on a shared
machine are noise. `--quick` runs smaller sizes (10 000 ideas, a one-minute countdown) to check that the
scripts work, not the budgets, which hold at the default sizes. The frozen start-up (bench/frozen_startup.py)
needs a built app and is run by hand after `tools/release.sh`.
"""

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

BENCHES = {
    "startup": ([], ["--runs", "3"]),
    "workshop": ([], ["--seconds", "60", "--typed", "30"]),
    "library": ([], ["--ideas", "10000"]),
    "io": ([], ["--ideas", "10000", "--repeat", "1"]),
}


def run(name: str, args: list[str]) -> tuple[int, str, float]:
    """The bench's exit code, its last line (or what it said on failing) and how long it ran."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, str(HERE / f"{name}.py"), *args], capture_output=True, text=True)
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    last = lines[-1] if lines else ""
    if done.returncode not in (0, 1) or not last:
        errors = [line for line in done.stderr.splitlines() if line.strip()]
        last = "FAILED: " + (errors[-1] if errors else f"exit {done.returncode}")
    return done.returncode, last, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="small sizes: check the scripts, not the budgets")
    parser.add_argument("--only", default=",".join(BENCHES), help="comma-separated: " + ", ".join(BENCHES))
    args = parser.parse_args()
    names = [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = [n for n in names if n not in BENCHES]
    if unknown:
        parser.error(f"no bench {', '.join(unknown)}")
    rows = []
    for name in names:
        full, quick = BENCHES[name]
        print(f"running bench/{name}.py {' '.join(quick if args.quick else full)}", flush=True)
        rows.append((name, *run(name, quick if args.quick else full)))
    width = max(len(name) for name, *_ in rows)
    print(f"\n{'bench':<{width}}  {'result':<6}  {'time':>6}  last line")
    for name, code, last, took in rows:
        result = {0: "ok", 1: "OVER"}.get(code, "FAILED")
        print(f"{name:<{width}}  {result:<6}  {took:>5.0f}s  {last}")
    return 0 if all(code == 0 for _, code, *_ in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
