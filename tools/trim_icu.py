"""Trim the ICU data that Qt ships (libicudata, 31 MB: every locale of the world) to what this game uses.

    python tools/trim_icu.py dist/technomagic/_internal/PySide6/Qt/lib/libicudata.so.73

The game speaks Russian and English. Qt draws text with its own Unicode tables and formats dates with its own
locale data; it asks ICU for collation, time zones, text boundaries and encodings. So we keep every item that is
not tied to a language (properties, normalization, time zones, break rules, the converters' aliases) and, of the
per-language items, the root, Russian and English ones; we drop the other ~700 locales, the CJK and South-East
Asian break dictionaries, transliterators and the large East Asian converters. ICU falls back to the root locale
for anything asked of a language we dropped, as it does for any language it does not know.

The data blob is cut out of the library with objcopy, trimmed with ICU's own `icupkg` (Debian's icu-devtools) and
linked back into a library of the same name and symbol (`icudt73_dat`, 16-byte aligned, as ICU requires). The
release build runs the frozen app's self-test after this, so a trimmed library that Qt cannot use fails the build.
Needs: objcopy, nm, gcc (binutils and gcc), icupkg.
"""

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LANGUAGES = ("en", "ru")
ALWAYS = ("res_index.res", "pool.res", "root.res")  # each tree's index of locales, shared keys and root
LOCALE = re.compile(r"^([a-z]{2,3})(_[A-Za-z0-9_]+)?\.res$")
DROP_SUFFIXES = (".dict",)  # break dictionaries for CJK, Thai, Lao, Khmer, Burmese: 4 MB we never segment
BIG_CONVERTER = 40 * 1024  # East Asian code pages; Western ones (windows-1251 and the like) are far smaller


def unwanted(item: str, size: int) -> bool:
    """Whether `item` (a path inside the package, e.g. "coll/de.res") can go."""
    tree, _, name = item.rpartition("/")
    if name in ALWAYS:
        return False
    if name.endswith(DROP_SUFFIXES):
        return True
    if tree == "translit":
        return True
    if name.endswith(".cnv"):
        return size > BIG_CONVERTER
    match = LOCALE.match(name)
    return bool(match) and match.group(1) not in KEEP_LANGUAGES


def run(*args: str, cwd: Path | None = None) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True, cwd=cwd).stdout


def trim(library: Path) -> tuple[int, int]:
    symbols = run("nm", "-D", "--defined-only", str(library))
    found = re.search(r"^([0-9a-f]+) R (icudt(\d+)_dat)$", symbols, re.M)
    if not found:
        raise SystemExit(f"{library}: no icudtNN_dat symbol (not an ICU data library)")
    symbol, version = found.group(2), found.group(3)
    before = library.stat().st_size
    with tempfile.TemporaryDirectory(prefix="icu-") as tmp:
        work = Path(tmp)
        blob = work / f"icudt{version}l.dat"
        run("objcopy", "-O", "binary", "--only-section=.rodata", str(library), str(blob))
        items = work / "items"
        items.mkdir()
        run("icupkg", "-x", "*", "-d", str(items), str(blob))
        names = [line.strip() for line in run("icupkg", "-l", str(blob)).splitlines() if line.strip()]
        drop = [n for n in names if unwanted(n, (items / n).stat().st_size)]
        if not drop:
            return before, before
        (work / "out").mkdir()
        trimmed = work / "out" / blob.name  # icupkg names the items after the package file: icudtNNl/...
        for _ in range(10):  # a kept item that builds on a dropped one (a converter's extension) goes too
            (work / "drop.txt").write_text("\n".join(drop) + "\n", encoding="utf-8")
            done = subprocess.run(["icupkg", "-r", str(work / "drop.txt"), str(blob), str(trimmed)],
                                  capture_output=True, text=True)  # fmt: skip
            if done.returncode == 0:
                break
            dependents = re.findall(r"^Item (\S+) depends on missing item", done.stderr, re.M)
            if not dependents:
                raise SystemExit(f"icupkg failed: {done.stderr.strip()[-500:]}")
            drop += [d for d in dependents if d not in drop]
        else:
            raise SystemExit("icupkg: the items to drop keep depending on each other")
        source = work / "icudata.S"
        source.write_text(
            f'.section .rodata\n.globl {symbol}\n.type {symbol}, @object\n.balign 16\n{symbol}:\n'
            f'.incbin "{trimmed}"\n.size {symbol}, . - {symbol}\n.section .note.GNU-stack,"",@progbits\n',
            encoding="utf-8",
        )
        built = work / library.name
        run("gcc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(built), str(source))
        if f" R {symbol}" not in run("nm", "-D", "--defined-only", str(built)):
            raise SystemExit(f"{built}: the trimmed library lost its symbol")
        shutil.copyfile(built, library)
    return before, library.stat().st_size


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    library = Path(sys.argv[1])
    before, after = trim(library)
    print(f"icu data {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB ({library.name}: root, Russian and English)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
