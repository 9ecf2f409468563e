"""`technomagic self-test`: one scripted solo round through the real UI, offscreen, into a temporary folder."""

import os
import sys
import tempfile
import time
from pathlib import Path

IDEAS = (
    "Send the forgotten scarf back with a photo of its day with us",
    "A note for the next shift",
    "Text the client when the car is ready",
)


def _quiet_offscreen(mode, context, message: str) -> None:
    """The offscreen platform cannot size or raise native windows and says so each time: not news."""
    if "propagateSizeHints" not in message and "support raise()" not in message:
        print(message, file=sys.stderr)


def self_test(lang: str = "en") -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(_quiet_offscreen)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="technomagic-selftest-") as folder:
        try:
            saved = _play(Path(folder), lang)
        except Exception as e:  # report any failure as one line and a non-zero exit
            print(f"self-test FAILED: {type(e).__name__}: {e}", file=sys.stderr)
            return 1
    print(
        f"self-test ok: solo round and a three-team workshop played in {lang}, {saved} solo ideas in the library, "
        f"{time.monotonic() - started:.1f} s"
    )
    return 0


def _play(data_dir: Path, lang: str) -> int:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

    from game.ui.app import build_window, make_application
    from game.ui.library_screen import LibraryScreen
    from game.ui.round_screen import RoundScreen
    from game.ui.screens import HomeScreen, ScenarioPicker, SummaryScreen
    from game.ui.step_panels import ChoosePanel, PromisePanel, TablePanel

    app = make_application()
    window = build_window(data_dir, lang)
    window.show()
    QApplication.processEvents()
    if window.content.problems:
        raise RuntimeError("shipped content has problems: " + "; ".join(map(str, window.content.problems)))

    def click(button) -> None:
        button.click()
        QApplication.processEvents()

    def type_into(widget, text: str, enter: bool = False) -> None:
        """Key events carrying text, as a keyboard sends them (QtTest is not in the frozen app)."""
        keys = [(Qt.Key.Key_unknown, char) for char in text] + ([(Qt.Key.Key_Return, "\r")] if enter else [])
        for key, char in keys:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))
        QApplication.processEvents()

    def screen(kind):
        current = window.current_screen()
        if not isinstance(current, kind):
            raise RuntimeError(f"expected {kind.__name__}, found {type(current).__name__}")
        return current

    click(screen(HomeScreen).solo_button)
    click(screen(ScenarioPicker).buttons["solo-spark"])
    rnd = screen(RoundScreen)
    for _ in range(len(rnd.round.steps) + 2):
        rnd = screen(RoundScreen)
        panel = rnd.panel
        if isinstance(panel, TablePanel) and panel.ideas is not None and rnd.round.step.kind == "magic":
            for idea in IDEAS:
                type_into(panel.ideas.input, idea, enter=True)
        elif isinstance(panel, TablePanel) and panel.note is not None:
            type_into(panel.note, "I expect to be taken seriously")
        elif isinstance(panel, ChoosePanel):
            for idea in rnd.round.ideas[:2]:
                click(panel.findChild(QPushButton, f"dotPlus-{idea.id}"))
                click(panel.chip(idea.id, "wow"))
        elif isinstance(panel, PromisePanel):
            for idea in rnd.round.chosen():
                type_into(panel.findChild(QLineEdit, f"promise-who-{idea.id}"), "Anna")
                type_into(panel.findChild(QLineEdit, f"promise-first_step-{idea.id}"), "Buy a frame")
                click(next(b for b in panel.findChildren(QPushButton) if b.property("key") == f"due-7-{idea.id}"))
        click(rnd.next_button)
        if isinstance(window.current_screen(), SummaryScreen):
            break
        if rnd.message.text():
            raise RuntimeError(f"step {rnd.round.step.kind} refused Next: {rnd.message.text()}")
    screen(SummaryScreen)
    window.show_library()
    library = screen(LibraryScreen)
    library.search.setText("photos")  # another word form of "photo", through the full-text index
    library.apply_filter()
    if library.model.total != 1:
        raise RuntimeError(f"library search for 'photos' found {library.model.total} ideas, expected 1")
    saved = sorted(idea.text for idea in window.library.ideas())
    promised = sorted(idea.text for idea in window.library.ideas() if idea.promise_who)
    _workshop(window, screen, click, type_into)
    window.close()
    window.library.close()
    app.processEvents()
    if saved != sorted(IDEAS) or promised != sorted(IDEAS[:2]):  # every idea kept, the chosen two promised
        raise RuntimeError(f"expected every idea in the library and the first two promised, found {saved}")
    return len(saved)


def _workshop(window, screen, click, type_into) -> None:
    """Three teams through the console: ideas typed per team, votes, promises; the presenter view drawn."""
    from PySide6.QtWidgets import QLineEdit, QPushButton

    from game.ui.console import WorkshopConsole
    from game.ui.screens import HomeScreen, SummaryScreen
    from game.ui.team_panels import TeamsPanel, VotePanel
    from game.ui.workshop_setup import WorkshopSetup

    window.show_home()
    click(screen(HomeScreen).workshop_button)
    click(screen(WorkshopSetup).start)
    console = screen(WorkshopConsole)
    ws = console.ws
    while not isinstance(console.panel, TeamsPanel):
        click(console.buttons["skip"])
    for n, column in enumerate(console.panel.columns):
        type_into(column.input, f"Workshop idea of team {n + 1}", enter=True)
    while not isinstance(console.panel, VotePanel):
        click(console.buttons["skip"])
    panel = console.panel
    for n, voter in enumerate(ws.voters()):
        panel.choose_voter(n)
        theirs = next(i for i in ws.ideas if i.team != voter)
        click(panel.findChild(QPushButton, f"dot-plus-{theirs.id}"))
    click(console.buttons["next"])  # reveals the votes
    for idea in ws.chosen():
        click(next(b for b in console.panel.findChildren(QPushButton) if b.property("key") == f"focus-{idea.id}-fix"))
    click(console.buttons["next"])
    for idea in ws.chosen():
        type_into(console.panel.findChild(QLineEdit, f"promise-who-{idea.id}"), "Anna")
        type_into(console.panel.findChild(QLineEdit, f"promise-first_step-{idea.id}"), "Ask the team")
        promise = console.panel.findChildren(QPushButton)
        click(next(b for b in promise if b.property("key") == f"due-7-{idea.id}"))
    if window.presenter is None or window.presenter.grab().isNull():
        raise RuntimeError("the presenter view did not draw")
    click(console.buttons["next"])
    screen(SummaryScreen)
    teams = {idea.team for idea in window.library.ideas() if idea.team}
    if teams != {t.name for t in ws.teams}:
        raise RuntimeError(f"expected every team's idea in the library, found teams {sorted(teams)}")
