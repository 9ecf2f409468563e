"""The domain is plain Python: importing all of it pulls in neither Qt nor the database."""

import subprocess
import sys

from tests.conftest import ROOT


def test_domain_imports_neither_qt_nor_sqlalchemy():
    code = (
        "import pkgutil, importlib, sys, game.domain as d\n"
        "names = [m.name for m in pkgutil.walk_packages(d.__path__, 'game.domain.')]\n"
        "[importlib.import_module(n) for n in names]\n"
        "assert len(names) >= 4, names\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlalchemy', 'sqlmodel')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
