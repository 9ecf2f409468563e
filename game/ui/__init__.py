"""The Qt front end: PySide6 is imported only below this package."""
