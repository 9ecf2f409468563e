"""`technomagic self-test`: the frozen app's release gate. A scripted solo round and a three-team workshop, every
step of each played through the real UI, offscreen, into a temporary folder; the library is then read back.

It fails (exit 1, with the traceback) on any broken expectation and on any Qt warning; its success line is made
of what it checked (steps played, ideas typed, rows saved), never written in advance.
"""

import os
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

IDEAS = (
    "Send the forgotten scarf back with a photo of its day with us",
    "A note for the next shift",
    "Text the client when the car is ready",
)
#: What the offscreen platform says about native windows each time: not a fault of ours (as pyproject's
#: qt_log_ignore for the tests).
OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints", "This plugin does not support raise")


@dataclass
class Checked:
    """What the self-test saw, counted as it went: the success line is made of these."""

    lang: str
    solo_steps: list[str] = field(default_factory=list)  # the kinds of the steps played, in order
    solo_of: int = 0  # the steps the scenario has
    solo_typed: int = 0
    solo_saved: int = 0
    found: int = 0  # library search hits for another word form
    stemmer: str = ""  # the module of the search's stemmers: "Stemmer" (PyStemmer, in C) when the bundle has it
    worker: bool = False  # a large import's worker process started and answered as the import would
    teams: int = 0
    workshop_steps: list[str] = field(default_factory=list)
    workshop_of: int = 0
    workshop_typed: int = 0
    workshop_saved: int = 0
    promises: int = 0
    phones: int = 0  # phones that joined the workshop's room over the loopback and sent an idea
    warnings: list[str] = field(default_factory=list)

    def line(self, seconds: float) -> str:
        return (
            f"self-test ok ({self.lang}): solo {len(self.solo_steps)}/{self.solo_of} steps, {self.solo_typed} ideas "
            f"typed, {self.solo_saved} saved, search found {self.found} (stems by {self.stemmer}"
            f"{', also in an import worker' if self.worker else ''}); "
            f"workshop of {self.teams} teams "
            f"{len(self.workshop_steps)}/{self.workshop_of} steps, {self.workshop_typed} ideas typed, "
            f"{self.workshop_saved} saved, {self.promises} promises, {self.phones} phone joined the room; "
            f"{len(self.warnings)} Qt warnings; {seconds:.1f} s"
        )


class SelfTestFailed(RuntimeError):
    """An expectation of the self-test did not hold."""


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailed(message)


def self_test(lang: str = "en") -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    checked = Checked(lang)

    def on_qt_message(kind, _context, message: str) -> None:
        if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg) or message.startswith(OFFSCREEN_NOISE):
            return
        checked.warnings.append(message)
        print(f"Qt: {message}", file=sys.stderr)

    previous = qInstallMessageHandler(on_qt_message)
    started = time.monotonic()
    try:
        with tempfile.TemporaryDirectory(prefix="technomagic-selftest-") as folder:
            _play(Path(folder), checked)
    except Exception:  # any failure: the whole traceback and a non-zero exit
        traceback.print_exc()
        print("self-test FAILED", file=sys.stderr)
        return 1
    finally:
        qInstallMessageHandler(previous)
    if checked.warnings:
        print(f"self-test FAILED: {len(checked.warnings)} Qt warnings (above)", file=sys.stderr)
        return 1
    print(checked.line(time.monotonic() - started))
    return 0


class Driver:
    """Drives the window as a person would, with clicks and typed keys (QtTest is not in the frozen app)."""

    def __init__(self, window):
        self.window = window

    def click(self, button) -> None:
        from PySide6.QtWidgets import QApplication

        expect(button is not None and button.isEnabled(), f"the button {button and button.text()!r} is not there")
        button.click()
        QApplication.processEvents()

    def type_into(self, widget, text: str, enter: bool = False) -> None:
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import QApplication

        expect(widget is not None, f"nowhere to type {text!r}")
        keys = [(Qt.Key.Key_unknown, char) for char in text] + ([(Qt.Key.Key_Return, "\r")] if enter else [])
        for key, char in keys:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))
        QApplication.processEvents()

    def screen(self, kind):
        current = self.window.current_screen()
        expect(isinstance(current, kind), f"expected {kind.__name__}, found {type(current).__name__}")
        return current

    def button(self, panel, name: str):
        from PySide6.QtWidgets import QPushButton

        found = panel.findChild(QPushButton, name) or next(
            (b for b in panel.findChildren(QPushButton) if name in (b.property("key"), b.accessibleName())), None
        )
        expect(found is not None, f"no button {name!r} on {type(panel).__name__}")
        return found

    def promise(self, panel, idea_id: int, who: str, first_step: str) -> None:
        from PySide6.QtWidgets import QLineEdit

        self.type_into(panel.findChild(QLineEdit, f"promise-who-{idea_id}"), who)
        self.type_into(panel.findChild(QLineEdit, f"promise-first_step-{idea_id}"), first_step)
        self.click(self.button(panel, f"due-7-{idea_id}"))


def _icu_answers() -> None:
    """Qt's collation still comes from ICU (the frozen app ships ICU trimmed to root, Russian and English:
    tools/trim_icu.py): Russian words sort as a dictionary does, not by code point (where Ё comes first)."""
    from functools import cmp_to_key

    from PySide6.QtCore import QCollator, QLocale

    collator = QCollator(QLocale(QLocale.Language.Russian))
    words = sorted(["яблоко", "Ёж", "ель", "абрикос"], key=cmp_to_key(collator.compare))
    expect(words == ["абрикос", "Ёж", "ель", "яблоко"], f"Russian words sort wrongly: {words}")


def _play(data_dir: Path, checked: Checked) -> None:
    from PySide6.QtWidgets import QApplication

    from game.ui.app import build_window, make_application

    app = make_application()
    # always its own temporary file, whatever TECHNOMAGIC_LIBRARY or the settings name
    window = build_window(data_dir, checked.lang, library=f"sqlite:///{data_dir / 'library.sqlite3'}")
    window.show()
    QApplication.processEvents()
    expect(not window.content.problems, "shipped content has problems: " + "; ".join(map(str, window.content.problems)))
    _icu_answers()
    drive = Driver(window)
    try:
        _solo(drive, checked)
        _workshop(drive, checked)
        everything = window.library.ideas()
        expect(
            len(everything) == checked.solo_saved + checked.workshop_saved,
            f"the library holds {len(everything)} ideas, expected {checked.solo_saved + checked.workshop_saved}",
        )
    finally:
        window.close()
        window.library.close()
        app.processEvents()


def _solo(drive: Driver, checked: Checked) -> None:
    """Solo spark, every step: a note, ideas, checks, two dots and tags, two promises; then a library search."""
    from PySide6.QtCore import Qt

    from game.ui.library_screen import LibraryScreen
    from game.ui.round_screen import RoundScreen
    from game.ui.screens import HomeScreen, ScenarioPicker, SummaryScreen
    from game.ui.step_panels import CheckPanel, PromisePanel, TablePanel
    from game.ui.vote_panel import VotePanel

    window = drive.window
    drive.click(drive.screen(HomeScreen).solo_button)
    drive.click(drive.screen(ScenarioPicker).buttons["solo-spark"])
    rnd = drive.screen(RoundScreen)
    checked.solo_of = len(rnd.round.steps)
    while isinstance(window.current_screen(), RoundScreen):
        rnd = drive.screen(RoundScreen)
        step, panel = rnd.round.step, rnd.panel
        expect(rnd.round.step_index == len(checked.solo_steps), f"solo step {rnd.round.step_index} out of turn")
        checked.solo_steps.append(step.kind)
        if isinstance(panel, TablePanel) and panel.ideas is not None and step.kind == "magic":
            for idea in IDEAS:
                drive.type_into(panel.ideas.input, idea, enter=True)
            checked.solo_typed += len(IDEAS)
        elif isinstance(panel, TablePanel) and panel.note is not None:
            drive.type_into(panel.note, "I expect to be taken seriously")
        elif isinstance(panel, CheckPanel):
            panel.table.item(0, 1).setCheckState(Qt.CheckState.Checked)  # a click on the first idea's first box
            expect(rnd.round.ideas[0].score == 1, "ticking a check did not score the idea")
        elif isinstance(panel, VotePanel):
            for idea in rnd.round.ideas[:2]:
                drive.click(drive.button(panel, f"dot-plus-{idea.id}"))
                drive.click(panel.chip(idea.id, "wow"))
        elif isinstance(panel, PromisePanel):
            for idea in rnd.round.chosen():
                drive.promise(panel, idea.id, "Anna", "Buy a frame")
        drive.click(rnd.next_button)
        if isinstance(window.current_screen(), RoundScreen):
            expect(not rnd.message.text(), f"step {step.kind} refused Next: {rnd.message.text()}")
    drive.screen(SummaryScreen)
    expect(len(checked.solo_steps) == checked.solo_of, f"played {checked.solo_steps} of {checked.solo_of} steps")
    saved = window.library.ideas()  # every idea of the round is kept; the chosen two carry their promise
    expect(sorted(i.text for i in saved) == sorted(IDEAS), f"expected every idea of the round, found {saved}")
    promised = sorted(i.text for i in saved if i.promise_who == "Anna" and i.promise_due)
    expect(promised == sorted(IDEAS[:2]), f"expected the two chosen ideas promised, found {promised}")
    checked.solo_saved = len(saved)
    window.show_library()
    library = drive.screen(LibraryScreen)
    library.search.setText("photos")  # another word form of "photo", through the full-text index
    library.apply_filter()
    checked.found = library.model.total
    expect(checked.found == 1, f"library search for 'photos' found {checked.found} ideas, expected 1")
    from game.store import textsearch

    checked.stemmer = textsearch.stemmer_module()
    expect(checked.stemmer == "Stemmer", f"the search stems with {checked.stemmer}, not PyStemmer's C stemmers")
    _stem_worker(checked)


def _stem_worker(checked: "Checked") -> None:
    """A large import's worker process (this program again, `stem-worker`) starts and stages the very rows (search
    texts, facets) and fingerprints this process makes."""
    import sqlite3

    from game.domain.ideas import fingerprint
    from game.store import stemworker, textsearch

    titles, texts = ["Фото жирафа Джоши", "Gifts"], ["Клиенты прислали фотографии", "for regular clients"]
    wired = {name: ["", ""] for name in stemworker.COLUMNS} | {
        "title": titles, "text": texts, "promise_who": ["Анна", ""], "tag_words": ["жираф", ""],
        "tags": [",жираф,", ""],
        "score": ["3", "0"], "dots": ["1", "0"], "status": ["new", "tried"], "checks_json": ["{}", "{}"],
        "promise_due": ["2026-12-24", stemworker.NONE], "client_card": ["tm-joshi-giraffe", stemworker.NONE],
        "created_at": ["2026-12-01 21:05:00.000007"] * 2, "updated_at": ["2026-12-01 21:05:00.000007"] * 2,
    }  # fmt: skip
    columns = [wired[name] for name in stemworker.COLUMNS]
    stemming = stemworker.Stemming.start()
    expect(stemming is not None, "an import's worker process did not start")
    assert stemming is not None
    try:
        made = stemming.submit(columns)
        expect(made is not None, "the worker process refused plain texts")
        assert made is not None
        keys, image = stemming.result(made)
    finally:
        stemming.close()
    expect(keys == list(map(fingerprint, titles, texts)), f"the worker process made other fingerprints: {keys}")
    expect(image == stemworker.made_for(columns)[1], "the worker process staged other rows than this process")
    db = sqlite3.connect(":memory:")
    try:
        db.deserialize(image)
        stems = [row[0] for row in db.execute("SELECT search_text FROM stage ORDER BY rowid")]
    finally:
        db.close()
    parts: list[list[str | None]] = [[t, x, w, "", "", g] for t, x, w, g in zip(
        titles, texts, wired["promise_who"], wired["tag_words"], strict=True)]  # fmt: skip
    expect(stems == textsearch.index_texts(parts), f"the worker process made other search texts: {stems}")
    checked.worker = True


def _workshop(drive: Driver, checked: Checked) -> None:
    """The classic workshop for three teams through the console, every step with Next: notes at the warm-up and
    the client, ideas typed per team at the moment, the lens and both techniques, a check ticked, votes given
    and revealed, focus tags, promises; the presenter view drawn; every idea saved with its team."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPlainTextEdit

    from game.ui.console import WorkshopConsole
    from game.ui.screens import HomeScreen, SummaryScreen
    from game.ui.step_panels import CheckPanel, PromisePanel
    from game.ui.team_panels import TeamsPanel
    from game.ui.vote_panel import VotePanel
    from game.ui.workshop_setup import WorkshopSetup

    window = drive.window
    window.show_home()
    drive.click(drive.screen(HomeScreen).workshop_button)
    setup = drive.screen(WorkshopSetup)
    setup.phones.setChecked(True)
    setup.network.setCurrentIndex(setup.network.findData("127.0.0.1"))
    drive.click(setup.start)
    console = drive.screen(WorkshopConsole)
    ws = console.ws
    checked.teams, checked.workshop_of = len(ws.teams), len(ws.steps)
    while isinstance(window.current_screen(), WorkshopConsole):
        step, panel = ws.step, console.panel
        expect(ws.step_index == len(checked.workshop_steps), f"workshop step {ws.step_index} out of turn")
        checked.workshop_steps.append(step.kind)
        if isinstance(panel, QPlainTextEdit):
            drive.type_into(panel, f"The teams said a line at the {step.kind}")
            expect(ws.note() != "", f"the {step.kind} note was not kept")
        elif isinstance(panel, TeamsPanel):
            for n, column in enumerate(panel.columns):
                drive.type_into(column.input, f"Idea of team {n + 1} at step {ws.step_index + 1}", enter=True)
            checked.workshop_typed += len(panel.columns)
            if not checked.phones:
                _phone_joins(window, console)  # one phone on the loopback adds one idea to the first team
                checked.phones += 1
                checked.workshop_typed += 1
        elif isinstance(panel, CheckPanel):
            panel.table.item(0, 1).setCheckState(Qt.CheckState.Checked)
            expect(ws.ideas[0].score == 1, "ticking a check did not score the idea")
        elif isinstance(panel, VotePanel):
            for n, voter in enumerate(ws.voters()):
                panel.choose_voter(n)
                theirs = next(i for i in ws.ideas if i.team != voter)
                drive.click(drive.button(panel, f"dot-plus-{theirs.id}"))
            drive.click(console.buttons["next"])  # reveals the votes
            expect(ws.revealed, "Next did not reveal the votes")
            for idea in ws.chosen():
                drive.click(drive.button(console.panel, f"focus-{idea.id}-fix"))
        elif isinstance(panel, PromisePanel):
            for idea in ws.chosen():
                drive.promise(panel, idea.id, "Anna", "Ask the team")
                checked.promises += 1
            presenter = window.workshop.presenter
            expect(presenter is not None and not presenter.grab().isNull(), "no presenter view")
        drive.click(console.buttons["next"])
        if isinstance(window.current_screen(), WorkshopConsole):
            expect(not console.message.text(), f"step {step.kind} refused Next: {console.message.text()}")
    drive.screen(SummaryScreen)
    expect(ws.skipped == [], f"steps {ws.skipped} were skipped")
    expect(len(checked.workshop_steps) == checked.workshop_of, f"played {checked.workshop_steps}")
    rows = [i for i in window.library.ideas() if i.team]
    teams = {i.team for i in rows}
    expect(teams == {t.name for t in ws.teams}, f"expected every team's ideas in the library, found {sorted(teams)}")
    expect(len(rows) == checked.workshop_typed, f"{len(rows)} workshop ideas saved, {checked.workshop_typed} typed")
    promised = [i for i in rows if i.promise_who == "Anna" and i.promise_due]
    expect(len(promised) == checked.promises, f"{len(promised)} promises saved of {checked.promises}")
    checked.workshop_saved = len(rows)


def _phone_joins(window, console) -> None:
    """One phone on the loopback: the page's WebSocket (aiohttp's client), a name, a team, an idea that lands in
    the team's column on the console."""
    import asyncio
    import json
    import queue
    import threading

    import aiohttp
    from PySide6.QtWidgets import QApplication

    room = window.workshop.room
    if room is None or not room.is_open:
        raise RuntimeError("the room did not open on the loopback: " + window.statusBar().currentMessage())
    inbox: queue.Queue = queue.Queue()
    outbox: asyncio.Queue | None = None
    loop = asyncio.new_event_loop()

    async def phone() -> None:
        nonlocal outbox
        outbox = asyncio.Queue()
        async with aiohttp.ClientSession() as session, session.ws_connect(room.url() + "ws") as ws:

            async def read() -> None:
                async for msg in ws:
                    inbox.put(json.loads(msg.data))

            reader = asyncio.ensure_future(read())
            while (item := await outbox.get()) is not None:
                await ws.send_str(json.dumps(item))
            reader.cancel()

    thread = threading.Thread(target=loop.run_until_complete, args=(phone(),), daemon=True)
    thread.start()
    seen: list[dict] = []

    def send(item) -> None:
        while outbox is None:
            time.sleep(0.01)
        loop.call_soon_threadsafe(outbox.put_nowait, item)

    def wait(what: str, check) -> dict:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            QApplication.processEvents()
            while not inbox.empty():
                seen.append(inbox.get())
            for msg in seen:
                if check(msg):
                    seen.remove(msg)
                    return msg
            time.sleep(0.005)
        raise RuntimeError(f"the loopback phone never got {what}")

    team = console.ws.teams[0].name
    send({"type": "hello", "device": None, "lang": "en"})
    wait("its welcome", lambda m: m["type"] == "welcome")
    send({"type": "join", "name": "Self-test phone", "team": team, "ref": "join"})
    wait("its team", lambda m: m["type"] == "ack" and m.get("ref") == "join")
    send({"type": "idea", "cid": "self-test-1", "text": "An idea from a phone"})
    ack = wait("the ack of its idea", lambda m: m["type"] == "ack" and m.get("cid") == "self-test-1")
    column = console.panel.columns[0]
    deadline = time.monotonic() + 5
    while not any(column.list.item(n).text().endswith("An idea from a phone") for n in range(column.list.count())):
        if time.monotonic() > deadline:
            raise RuntimeError("the phone's idea never reached its team's column")
        QApplication.processEvents()
    if console.ws.idea(ack["idea"]).team != team:
        raise RuntimeError("the phone's idea landed in another team")
    send(None)
    thread.join(5)
    loop.close()
