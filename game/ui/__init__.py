"""The Qt front end: PySide6 is imported only below this package. Importing it changes nothing in Qt: the
workaround in qt_fixes.py is installed where the app starts (app.make_application) and by the tests' conftest."""
