"""Measure the frozen app: its size against the budget, and libraries in it that nothing links to.

    python tools/bundle.py [dist/technomagic]    (Linux: uses ldd)

Prints `bundle N MB (budget 125 MB)` and exits 1 over budget (120 MB before the room; issue #12 allows the
room's web server ~5 MB more).
"""

import os
import subprocess
import sys
from pathlib import Path

BUDGET_MB = 125


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def unlinked(folder: Path) -> list[str]:
    """Top-level shared libraries no binary in the folder links to (libpython is dlopen'ed and Python's extension
    modules, `*.cpython-*.so`, are imported: neither is listed)."""
    base = folder / "_internal"
    top = {p.name: p for p in base.iterdir() if p.is_file() and ".so" in p.name and ".cpython-" not in p.name}
    env = dict(os.environ, LD_LIBRARY_PATH=f"{base}:{base / 'PySide6' / 'Qt' / 'lib'}")
    todo = [p for p in base.rglob("*.so*") if p.parent != base] + [folder / "technomagic"]
    seen, needed = set(), {n for n in top if n.startswith("libpython")}
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
        for line in out.splitlines():
            name = line.split("=>")[0].strip()
            if "=>" in line and name in top and name not in needed:
                needed.add(name)
                todo.append(top[name])
    return sorted(set(top) - needed)


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "dist/technomagic")
    size = size_mb(folder)
    if sys.platform.startswith("linux"):
        extra = unlinked(folder)
        if extra:
            print("linked by nothing (add to DROPPED_LIBS in build.spec):", " ".join(extra))
    print(f"bundle {size:.1f} MB (budget {BUDGET_MB} MB)")
    return 0 if size <= BUDGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
