"""Guards against Qt binding bugs: corrupted reference counts (PySide6 6.12.0), and wrappers of layout items
that outlive their C++ object (see game/ui/qt_fixes.py)."""

import sys

from PySide6.QtCore import QObject


def test_void_calls_keep_none_alive(qapp):
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
    win.start_round("solo-spark", seed=1)
    screen = win.current_screen()
    for n in range(3):
        screen.round.add_idea(f"idea {n}")
    for move in [screen.go_next] * 4 + [screen.go_back] * 4:
        move()
    items = [w for w in Shiboken.getAllValidWrappers() if type(w).__name__ in ("QWidgetItem", "QSpacerItem")]
    assert items == []
