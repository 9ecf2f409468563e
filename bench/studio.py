"""The deck studio's budgets, each beside a floor measured in the same run.

    python bench/studio.py [--cards 200] [--keys 200]

1. Opening the studio on a 200-card deck, to the first paint (budget 300 ms); floor: a bare window with a list of
   200 rows, shown and painted.
2. Typing in a card field: a key press until the card beside the fields has repainted with it (budget p95 16 ms);
   floor: the same key into a bare text box.
3. Installing a 200-card `.tmdeck` (read, every check, write; budget 1 s); floor: reading the same zip with no
   checks.
The last line is fixed: `studio: open X ms (floor Y ms), typing p95 X ms (floor Y ms), install X ms (floor Y ms)`;
the exit code is 1 when a budget is missed.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OPEN_MS, TYPE_P95_MS, INSTALL_MS = 300, 16, 1000


def big_deck(folder: Path, cards: int) -> Path:
    """A technomagic deck of `cards` cards (the shipped ones, repeated under new ids)."""
    from game import paths
    from game.io.deckfile import DeckFile

    shipped = DeckFile.open(paths.shipped("cards") / "technomagic.toml")
    out = DeckFile.new(folder / "big.toml", "big", "technomagic", {"ru": "Большая", "en": "Big"}, {})
    out.remove_card(0)
    for n in range(cards):
        card = dict(shipped.cards[n % len(shipped.cards)])
        card["id"] = f"big-{n + 1}"
        out.insert_card(n, card)
    out.save()
    return out.path


def painted(app, widget) -> None:
    widget.show()
    widget.repaint()
    app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cards", type=int, default=200)
    parser.add_argument("--keys", type=int, default=200)
    args = parser.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QListWidget, QPlainTextEdit, QVBoxLayout, QWidget

    from game.io import deckpack
    from game.io.deckfile import DeckFile
    from game.ui import theme
    from game.ui.app import make_application
    from game.ui.studio import DeckStudio

    app = make_application()  # the shipped fonts, as the game draws its cards
    app.setStyleSheet(theme.stylesheet(16))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = big_deck(folder, args.cards)

        floors, opens = [], []
        for _ in range(5):
            started = time.perf_counter()
            bare = QWidget()
            QVBoxLayout(bare).addWidget(rows := QListWidget(bare))
            rows.addItems([f"{n}. card" for n in range(args.cards)])
            bare.resize(1366, 768)
            painted(app, bare)
            floors.append((time.perf_counter() - started) * 1000)
            bare.close()
            started = time.perf_counter()
            studio = DeckStudio(DeckFile.open(path), "ru")
            studio.resize(1366, 768)
            painted(app, studio)
            opens.append((time.perf_counter() - started) * 1000)
            studio._save.stop()
            studio.close()
            studio.deleteLater()
            app.processEvents()
        open_ms, open_floor = statistics.median(opens), statistics.median(floors)

        studio = DeckStudio(DeckFile.open(path), "ru")
        studio.resize(1366, 768)
        painted(app, studio)
        editor = studio.editors[("prompt", "ru")]
        editor.setFocus()
        keys, floor_keys = [], []
        box = QPlainTextEdit()
        box.resize(400, 200)
        painted(app, box)
        for n in range(args.keys):
            key = Qt.Key.Key_A if n % 2 else Qt.Key.Key_B
            started = time.perf_counter()
            QTest.keyClick(editor, key)
            studio.face.repaint()
            keys.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            QTest.keyClick(box, key)
            box.viewport().repaint()
            floor_keys.append((time.perf_counter() - started) * 1000)
        assert studio.preview_text("prompt").endswith(editor.toPlainText()[-5:]), "the preview did not follow"
        studio._save.stop()
        type_p95 = statistics.quantiles(keys, n=20)[18]
        type_floor = statistics.quantiles(floor_keys, n=20)[18]

        pack = deckpack.build(_deck(path), folder / "big.tmdeck")
        installs, raw = [], []
        for n in range(5):
            started = time.perf_counter()
            with zipfile.ZipFile(pack) as zf:
                for info in zf.infolist():
                    zf.read(info)
            raw.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            deckpack.install(deckpack.read(pack), folder / f"fresh-{n}")
            installs.append((time.perf_counter() - started) * 1000)
        install_ms, install_floor = statistics.median(installs), statistics.median(raw)

    missed = []
    if open_ms > OPEN_MS:
        missed.append(f"open {open_ms:.0f} ms > {OPEN_MS} ms")
    if type_p95 > TYPE_P95_MS:
        missed.append(f"typing p95 {type_p95:.1f} ms > {TYPE_P95_MS} ms")
    if install_ms > INSTALL_MS:
        missed.append(f"install {install_ms:.0f} ms > {INSTALL_MS} ms")
    print(f"{args.cards} cards; ratios: open {open_ms / open_floor:.1f}x, typing {type_p95 / type_floor:.1f}x, "
          f"install {install_ms / install_floor:.1f}x the floor")
    for miss in missed:
        print(f"MISSED: {miss}")
    print(
        f"studio: open {open_ms:.0f} ms (floor {open_floor:.0f} ms), typing p95 {type_p95:.1f} ms "
        f"(floor {type_floor:.1f} ms), install {install_ms:.0f} ms (floor {install_floor:.0f} ms)"
    )
    return 1 if missed else 0


def _deck(path: Path):
    from game.domain.content import load_deck

    return load_deck(path)


if __name__ == "__main__":
    sys.exit(main())
