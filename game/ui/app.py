"""Start-up in stages: the application, translations and fonts, the home window; the library after it shows."""

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from game import APP_NAME, __version__, paths
from game.ui import i18n, qt_fixes, theme
from game.ui.main_window import MainWindow
from game.ui.settings import Settings


def load_game_content(data_dir: Path):
    from game.domain.content import load_content

    return load_content(
        [paths.shipped("cards"), paths.user_decks_dir(data_dir)],
        [paths.shipped("scenarios"), paths.user_scenarios_dir(data_dir)],
    )


def make_application(argv: list[str] | None = None) -> QApplication:
    qt_fixes.install()  # before any screen is built
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("technomagic")
    theme.load_fonts()
    return app


def build_window(data_dir: Path, lang: str | None = None, library: str | None = None) -> MainWindow:
    """Everything the first window needs, and nothing more (no database, no exports)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    settings = Settings(data_dir)
    lang = lang or i18n.resolve(settings.get("language"))
    i18n.install(lang)
    window = MainWindow(lambda: load_game_content(data_dir), data_dir, settings, lang, library)
    window.first_shown.connect(lambda: window.content)  # the decks are read once the window is on screen
    window.first_shown.connect(window.open_library_in_background)  # and the library opens off the UI thread
    return window


def run(data_dir: Path, exit_when_shown: bool = False, lang: str | None = None, library: str | None = None) -> int:
    app = make_application()
    data_dir.mkdir(parents=True, exist_ok=True)
    from game.instance import SingleInstance

    instance = SingleInstance(data_dir)
    if not instance.acquire():  # one copy per data folder: the first one comes to the front
        instance.ask_first_to_show()
        print(f"technomagic: the game is already open on {data_dir}; its window is brought to the front")
        return 0
    from game.io import atomic

    atomic.clean_leftovers(data_dir)  # what writes killed half-way left (our own temporary names only)
    atomic.record_pending_in(data_dir)
    window = build_window(data_dir, lang, library)
    instance.wake = window.bring_to_front
    from game.ui import crash

    handler = crash.install(data_dir, lambda: window)
    if exit_when_shown:
        window.first_shown.disconnect()  # measure the first window only: no deck reading, no library
        window.first_shown.connect(lambda: QTimer.singleShot(0, app.quit))
    screen = app.primaryScreen().availableGeometry()
    if screen.width() <= 1440 or screen.height() <= 820:
        window.showMaximized()  # a laptop: use all of it
    else:
        window.show()
    try:
        return app.exec()
    finally:
        handler.uninstall()
        instance.release()
