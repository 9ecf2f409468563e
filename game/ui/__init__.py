"""The Qt front end: PySide6 is imported only below this package."""

from game.ui import qt_fixes

qt_fixes.install()
