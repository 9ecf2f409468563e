"""Guards against a Qt binding that corrupts Python's reference counts (PySide6 6.12.0 did)."""

import sys

from PySide6.QtCore import QObject


def test_void_calls_keep_none_alive(qapp):
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(200):
        obj.setObjectName("x")
        obj.blockSignals(False)
    assert sys.getrefcount(None) - before in range(-5, 6)
