"""Each layer in its own room, checked in a fresh interpreter: the store knows no Qt, the exports know no screens,
the look needs no Qt to be read, and importing the screens changes nothing in Qt until the app starts."""

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def fresh(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


IMPORT_ALL = (
    "import importlib, pkgutil, sys\n"
    "import {package} as p\n"
    "names = [m.name for m in pkgutil.walk_packages(p.__path__, '{package}.') if '.migrations' not in m.name]\n"
    "[importlib.import_module(n) for n in names]\n"
    "assert len(names) >= {least}, names\n"
)


def loaded(*names: str) -> str:
    """Code printing which of `names` (top-level packages, or game's own modules) the interpreter has loaded."""
    found = "{m if m.startswith('game.') else m.split('.')[0] for m in sys.modules}"
    return f"print(sorted({found} & {set(names)!r}))"


def test_the_store_imports_no_qt():
    code = IMPORT_ALL.format(package="game.store", least=5) + loaded("PySide6", "shiboken6", "game.ui")
    assert fresh(code) == "[]"


def test_the_exports_import_nothing_of_the_screens():
    code = IMPORT_ALL.format(package="game.io", least=6) + loaded("game.ui", "game.ui.theme")
    assert fresh(code) == "[]"


def imported(folder: Path) -> dict[str, set[str]]:
    """Every module each file under `folder` imports, at its top or inside a function (which a fresh import never
    runs), migrations included: file → dotted names (`from game import ui` gives `game.ui`)."""
    found: dict[str, set[str]] = {}
    for path in sorted(folder.rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
        found[path.relative_to(folder).as_posix()] = names
    return found


def banned_imports(folder: Path, *banned: str) -> dict[str, list[str]]:
    """File → the banned modules (or their submodules) it imports, for the files that import any."""
    hits = {f: sorted(n for n in names if any(n == b or n.startswith(b + ".") for b in banned))
            for f, names in imported(folder).items()}  # fmt: skip
    return {f: names for f, names in hits.items() if names}


def test_no_file_of_the_store_imports_qt_or_the_screens_even_late():
    store = ROOT / "game" / "store"
    assert "migrations/env.py" in imported(store)  # the migrations are read too
    assert banned_imports(store, "PySide6", "shiboken6", "game.ui") == {}


def test_no_file_of_the_exports_imports_the_screens_even_late():
    assert banned_imports(ROOT / "game" / "io", "game.ui") == {}


def test_the_import_scan_finds_imports_inside_functions(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "top.py").write_text("import json\n\ndef late():\n    from game import ui\n", encoding="utf-8")
    (tmp_path / "sub" / "deep.py").write_text("def f():\n    import PySide6.QtCore as qc\n", encoding="utf-8")
    assert banned_imports(tmp_path, "PySide6", "game.ui") == {"top.py": ["game.ui"], "sub/deep.py": ["PySide6.QtCore"]}


def test_the_look_is_read_without_qt():
    code = "import sys; from game import look; print(look.DECK_COLORS['client'], look.ACCENT)\n" + loaded("PySide6")
    assert fresh(code) == "#8E3B76 #5B3FA8\n[]"


def test_importing_the_screens_patches_nothing_until_the_app_starts():
    code = (
        "import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QBoxLayout\n"
        "original = QBoxLayout.addLayout\n"
        "import game.ui.main_window, game.ui.console, game.ui.library_screen\n"
        "print(QBoxLayout.addLayout is original)\n"
        "from game.ui.app import make_application\n"
        "make_application()\n"
        "print(QBoxLayout.addLayout is original)\n"
    )
    assert fresh(code) == "True\nFalse"


def test_the_cli_the_save_dialog_and_the_writer_take_one_list_of_export_formats(qapp):
    from game import cli
    from game.io import EXPORT_FORMATS, tabular
    from game.ui import transfer

    [export] = [a for a in cli._parser()._subparsers._group_actions[0].choices["export"]._actions if a.dest == "format"]
    assert tuple(export.choices) == EXPORT_FORMATS
    assert transfer.IDEA_FORMATS == EXPORT_FORMATS and tuple(transfer.format_filters()) == EXPORT_FORMATS
    assert tabular.FORMATS == EXPORT_FORMATS


def test_every_export_format_writes_its_file(qapp, tmp_path):
    """The writer behind each listed format, through the one entry point the CLI and the screens call."""
    from game.io import EXPORT_FORMATS, tabular
    from game.store.db import open_library
    from game.store.ideas import IdeaFilter
    from tests.library_data import add

    engine = open_library(tmp_path)
    add(engine, "Tea for the queue")
    magic = {"csv": b"\xef\xbb\xbf", "xlsx": b"PK", "md": b"#", "json": b"{", "pdf": b"%PDF"}
    assert set(magic) == set(EXPORT_FORMATS)
    for fmt in EXPORT_FORMATS:
        out = tmp_path / f"ideas.{fmt}"
        assert tabular.export(engine, IdeaFilter(), out, fmt, "en") == 1, fmt
        assert out.read_bytes().startswith(magic[fmt]), fmt
    engine.dispose()
