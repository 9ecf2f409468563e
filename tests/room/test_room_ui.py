"""The trainer's side of the room, driven with clicks: setup with phones, the console's team columns and phone
list, the presenter's join card, moving and removing a phone, locking the room."""

import subprocess
import sys

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPushButton

from game.ui.autosave import read_saved
from game.ui.console import WorkshopConsole
from game.ui.room_panel import PhonesDialog
from game.ui.workshop_setup import WorkshopSetup
from tests.conftest import ROOT
from tests.room.sim import Loop, Phone
from tests.ui.conftest import click, type_text, when_modal
from tests.ui.test_workshop import key


@pytest.fixture
def loop():
    made = Loop()
    yield made
    made.close()


def start_with_phones(qtbot, win, teams=("Red", "Blue", "Green")) -> WorkshopConsole:
    click(qtbot, win.current_screen().workshop_button)
    setup = win.current_screen()
    assert isinstance(setup, WorkshopSetup)
    phones = setup.findChild(QCheckBox, "phonesCheck")
    network = setup.findChild(QComboBox, "networkCombo")
    if not phones.isChecked():
        click(qtbot, phones)
    network.setCurrentIndex(network.findData("127.0.0.1"))
    for n, name in enumerate(teams, 1):
        type_text(qtbot, setup.findChild(QLineEdit, f"teamName-{n}"), name)
    click(qtbot, setup.start)
    console = win.current_screen()
    assert isinstance(console, WorkshopConsole)
    with qtbot.waitActive(win):
        win.activateWindow()
    return console


def phone_for(qtbot, loop, win) -> Phone:
    room = win.workshop.room
    return Phone(loop, qtbot, room.url() + "ws", room)


def test_phones_ideas_appear_in_the_team_columns_and_on_the_presenter(qtbot, open_window, loop):
    win = open_window(ready=True)
    console = start_with_phones(qtbot, win)
    room = win.workshop.room
    assert room is not None and room.is_open and room.room.host == "127.0.0.1"
    presenter = win.workshop.presenter
    assert presenter.join_shown and presenter.pages.currentWidget() is presenter.join_card
    assert presenter.join_card.qr.text == room.url() and presenter.join_card.code.text() == room.room.code
    assert presenter.join_card.counts.text() == "Joined: 0 (Red: 0 · Blue: 0 · Green: 0)"
    ann = phone_for(qtbot, loop, win)
    ann.hello()
    ann.join("Ann", "Blue")
    qtbot.waitUntil(lambda: "Blue: 1" in presenter.join_card.counts.text())
    assert console.buttons["phones"].text() == "Phones: 1 of 1"  # connected of joined
    while console.ws.step.kind != "moment":
        click(qtbot, console.buttons["skip"])
    assert not presenter.join_shown and presenter.strip.isVisible()  # the card shrank to the corner
    ann.send({"type": "idea", "cid": "1", "text": "A blanket on the terrace"})
    idea = ann.next("ack", cid="1")["idea"]
    column = console.panel.columns[1]
    qtbot.waitUntil(lambda: column.list.count() == 1)
    assert column.list.item(0).text() == f"{idea}. A blanket on the terrace"
    assert column.heading.text() == "Blue · 1"
    qtbot.waitUntil(lambda: ("", f"{idea}.", "A blanket on the terrace") in _wall(presenter))
    # the facilitator still types for a team on paper, and the phone sees ideas of its own team only
    line = console.panel.columns[1].input
    click(qtbot, line)
    type_text(qtbot, line, "Typed for Blue")
    qtbot.keyClick(line, "\r")
    red = console.panel.columns[0].input
    type_text(qtbot, red, "Typed for Red")
    qtbot.keyClick(red, "\r")
    state = ann.settle()
    assert [i["text"] for i in state["ideas"]] == ["A blanket on the terrace", "Typed for Blue"]
    assert state["mine"] == [idea]
    # Ctrl+Shift+J brings the card back over the step
    key(qtbot, console, "Ctrl+Shift+J")
    assert presenter.pages.currentWidget() is presenter.join_card


def _wall(presenter) -> set:
    return {(heading[:0], mark, text) for heading, items in presenter.groups() for mark, text in items}


def test_the_facilitator_moves_removes_and_locks_out_phones_with_clicks(qtbot, open_window, loop):
    win = open_window(ready=True)
    console = start_with_phones(qtbot, win)
    ann, bob = phone_for(qtbot, loop, win), phone_for(qtbot, loop, win)
    ann.hello()
    ann.join("Ann", "Red")
    bob.hello()
    bob.join("Bob", "Red")
    click(qtbot, console.buttons["phones"])
    dialog = console.findChild(PhonesDialog)
    assert dialog.isVisible()
    table = dialog.table
    assert [(table.item(r, 0).text(), table.item(r, 1).text(), table.item(r, 2).text()) for r in range(2)] == [
        ("Ann", "Red", "connected"),
        ("Bob", "Red", "connected"),
    ]
    qtbot.mouseClick(table.viewport(), _left(), pos=table.visualItemRect(table.item(1, 0)).center())
    dialog.team.setCurrentIndex(dialog.team.findData("Green"))
    click(qtbot, dialog.move)
    welcome = bob.next("welcome", team="Green")
    assert welcome["team_fixed"]
    assert bob.refused({"type": "join", "name": "Bob", "team": "Red"})["code"] == "team_fixed"
    qtbot.waitUntil(lambda: sorted(table.item(r, 1).text() for r in range(table.rowCount())) == ["Green", "Red"])
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "Ann")
    qtbot.mouseClick(table.viewport(), _left(), pos=table.visualItemRect(table.item(row, 0)).center())
    click(qtbot, dialog.remove)
    assert ann.next("refused")["code"] == "removed"
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    click(qtbot, dialog.lock)
    assert win.workshop.room.room.locked
    late = phone_for(qtbot, loop, win)
    late.send({"type": "hello", "device": None, "lang": "ru"})
    refusal = late.next("refused")
    assert refusal["code"] == "room_locked" and refusal["message"] == "Комната закрыта: спросите ведущего."
    qtbot.waitUntil(lambda: "the room is locked" in win.workshop.presenter.join_card.counts.text())
    assert [d.name for d in win.round.room.devices.values()] == ["Bob"]


def test_the_trainer_lets_phones_take_the_report_home_with_a_click(qtbot, open_window, loop):
    """Off until the trainer ticks it in the phones window; saved with the workshop; at the end the phones get
    the link and the report opens."""

    from PySide6.QtWidgets import QMessageBox

    from game.ui.screens import SummaryScreen

    win = open_window(ready=True)
    console = start_with_phones(qtbot, win)
    room = win.workshop.room
    ann = phone_for(qtbot, loop, win)
    ann.hello()
    ann.join("Ann", "Red")
    while console.ws.step.kind != "moment":
        click(qtbot, console.buttons["skip"])
    ann.send({"type": "idea", "cid": "1", "text": "A <b>blanket</b> on the terrace"})
    ann.next("ack", cid="1")
    click(qtbot, console.buttons["phones"])
    dialog = console.findChild(PhonesDialog)
    box = dialog.report
    assert box.isVisible() and box.text() == "Phones may take the report home" and not box.isChecked()
    assert not room.room.report_home

    def saved() -> bool:
        win.autosave()
        return read_saved(win.data_dir)["room"]["report_home"]  # the snapshot and its journal

    assert saved() is False
    click(qtbot, box)
    assert box.isChecked() and room.room.report_home and saved() is True
    click(qtbot, box)  # changed one's mind, and back
    assert not room.room.report_home and saved() is False
    click(qtbot, box)
    assert room.room.report_home and ann.settle()["end"] is None  # nothing to take before the end
    click(qtbot, dialog.findChild(QPushButton, "closePhones"))
    assert not dialog.isVisible()

    def end(question) -> None:
        assert question.icon() == QMessageBox.Icon.NoIcon
        next(b for b in question.buttons() if b.text() == "End the workshop").click()

    asking = when_modal(end)
    click(qtbot, console.buttons["end"])
    assert not asking.isActive()
    assert isinstance(win.current_screen(), SummaryScreen) and room.is_open  # the room still sees the end
    qtbot.waitUntil(lambda: (ann.view()["end"] or {}).get("report_url") == "export/report.html?lang=en", timeout=5000)

    async def fetch():
        async with loop.session.get(room.url() + "export/report.html?lang=en") as r:
            return r.status, await r.text()

    status, page = loop.run(fetch())
    assert status == 200 and "A &lt;b&gt;blanket&lt;/b&gt; on the terrace" in page and "Red" in page
    # on the summary the same tick, for a trainer who decides at the end
    summary = win.current_screen()
    tick = summary.findChild(QCheckBox, "reportHome")
    assert tick.isVisible() and tick.isChecked()
    click(qtbot, tick)
    qtbot.waitUntil(lambda: ann.view()["end"]["report_url"] is None, timeout=5000)
    assert loop.run(fetch())[0] == 403
    click(qtbot, tick)
    qtbot.waitUntil(lambda: ann.view()["end"]["report_url"] is not None, timeout=5000)
    assert loop.run(fetch())[0] == 200


def test_a_workshop_without_phones_offers_no_report_tick_at_its_end(qtbot, open_window):
    from PySide6.QtWidgets import QMessageBox

    from game.ui.screens import SummaryScreen

    win = open_window(ready=True)
    click(qtbot, win.current_screen().workshop_button)
    setup = win.current_screen()
    phones = setup.findChild(QCheckBox, "phonesCheck")
    if phones.isChecked():
        click(qtbot, phones)
    click(qtbot, setup.start)
    console = win.current_screen()
    assert isinstance(console, WorkshopConsole) and win.workshop.room is None

    def end(question: QMessageBox) -> None:
        next(b for b in question.buttons() if b.text() == "End the workshop").click()

    asking = when_modal(end)
    click(qtbot, console.buttons["end"])
    assert not asking.isActive()
    summary = win.current_screen()
    assert isinstance(summary, SummaryScreen) and summary.findChild(QCheckBox, "reportHome") is None


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_the_room_closes_when_the_workshop_is_left(qtbot, open_window, loop):
    win = open_window(ready=True)
    start_with_phones(qtbot, win)
    room = win.workshop.room
    phone = phone_for(qtbot, loop, win)
    phone.hello()
    win.actions_["home"].trigger()
    assert win.workshop.room is None and not room.is_open
    assert phone.next("_closed")["code"] == 1001


def test_a_workshop_without_phones_never_loads_the_web_stack(tmp_path):
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from game.ui.app import build_window, make_application\n"
        "from game.domain.workshop import Team\n"
        "app = make_application()\n"
        "win = build_window(__import__('pathlib').Path(sys.argv[1]), 'en')\n"
        "win.show(); QApplication.processEvents()\n"
        "win.workshop.start('classic-workshop', [Team('A'), Team('B')], {'room_host': None})\n"
        "QApplication.processEvents()\n"
        "print(type(win.current_screen()).__name__, sorted(m for m in sys.modules if m.split('.')[0] in\n"
        "      ('aiohttp', 'segno', 'multidict', 'yarl')))\n"
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "TECHNOMAGIC_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "d")], capture_output=True, text=True,
                         env=env, cwd=ROOT, timeout=120)  # fmt: skip
    assert out.stdout.strip() == "WorkshopConsole []", out.stderr


def test_a_phones_vote_shows_on_the_console_hidden_until_the_reveal(qtbot, open_window, loop):
    from game.ui.vote_panel import VotePanel

    win = open_window(ready=True)
    console = start_with_phones(qtbot, win)
    ws = console.ws
    ann = phone_for(qtbot, loop, win)
    ann.hello()
    ann.join("Ann", "Red")
    while ws.step.kind != "moment":
        click(qtbot, console.buttons["skip"])
    blue = console.panel.columns[1].input
    click(qtbot, blue)
    type_text(qtbot, blue, "Blue's idea")
    qtbot.keyClick(blue, "\r")
    target = ws.ideas[0].id
    while not isinstance(console.panel, VotePanel):
        click(qtbot, console.buttons["skip"])
    panel = console.panel
    assert panel.voter == "Red"
    ann.settle()
    ann.send({"type": "vote", "idea": target, "delta": 1, "ref": "v"})
    ann.next("ack", ref="v")
    qtbot.waitUntil(lambda: panel.dot_labels[target].text() == "yours: ●")
    assert panel.voter_buttons["Red"].text() == "Red  ●●○"
    assert ws.dots_given() == 1 and not ws.revealed
