"""Guards against Qt binding bugs: corrupted reference counts (PySide6 6.12.0), and wrappers of layout items
that outlive their C++ object (see game/ui/qt_fixes.py)."""

import sys
import tomllib
from importlib.metadata import version

from packaging.requirements import Requirement
from packaging.version import Version
from PySide6.QtCore import QObject

from tests.conftest import ROOT

BROKEN = [Version("6.12.0")]  # drops a reference to None on each call of a method returning void


def pyside_pin() -> Requirement:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    [pin] = [Requirement(d) for d in project["dependencies"] if Requirement(d).name == "PySide6-Essentials"]
    return pin


def test_the_pyside_pin_keeps_out_the_versions_that_corrupt_none():
    """Raising the pin over a broken version fails here: check the new one with the reference count below (on
    Python 3.11, where None is still mortal), then say which versions are fixed."""
    pin = pyside_pin()
    installed = Version(version("PySide6-Essentials"))
    assert pin.specifier.contains(installed), f"PySide6 {installed} is installed, the project pins {pin}"
    assert not [v for v in BROKEN if pin.specifier.contains(v)], f"{pin} lets in {BROKEN}"
    assert installed not in BROKEN
    assert Version(version("shiboken6")) == installed, "PySide6 and shiboken6 must be the same release"


def test_void_calls_keep_none_alive(qapp):
    """On Python 3.11 a binding that drops references to None shows in its count; from 3.12 on None is immortal
    (its count never moves), so there the pin above is the guard."""
    if sys.version_info >= (3, 12):
        assert sys.getrefcount(None) > 2**28  # immortal: counting cannot see the bug
        return
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(200):
        obj.setObjectName("x")
        obj.blockSignals(False)
    assert sys.getrefcount(None) - before in range(-5, 6)


def test_no_layout_item_wrapper_outlives_a_step_change(qtbot, open_window):
    """Every step change rebuilds panels whose layouts were filled before being added; without the fix their
    item wrappers stay registered after Qt deletes the items, and a later object at the same address comes back
    to Python with the wrong type."""
    from shiboken6 import Shiboken

    win = open_window()
    win.solo.start("solo-spark", seed=1)
    screen = win.current_screen()
    for n in range(3):
        screen.round.add_idea(f"idea {n}")
    for move in [screen.go_next] * 4 + [screen.go_back] * 4:
        move()
    items = [w for w in Shiboken.getAllValidWrappers() if type(w).__name__ in ("QWidgetItem", "QSpacerItem")]
    assert items == []
