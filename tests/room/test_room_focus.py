"""A phone's action never takes the keyboard from the trainer: the console's panels follow the room in place, so
the field the trainer is typing in keeps its focus and its half-typed text."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from game.domain.ideas import FOCUSES
from game.ui.step_panels import CheckPanel, PromisePanel
from game.ui.team_panels import TeamsPanel
from tests.room.sim import Loop
from tests.room.test_room_ui import phone_for, start_with_phones
from tests.ui.conftest import click, type_text


@pytest.fixture
def loop():
    made = Loop()
    yield made
    made.close()


def _skip_to(qtbot, console, kind: str) -> None:
    while console.ws.step.kind != kind:
        click(qtbot, console.buttons["skip"])


def _typed(qtbot, console, team: int, text: str) -> int:
    line = console.panel.columns[team].input
    click(qtbot, line)
    type_text(qtbot, line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    return console.ws.ideas[-1].id


def _ann_sends_a_blanket(qtbot, win, console, loop):
    """Ann's phone joins Blue and sends one idea on the Moment step; the console's Blue column shows it."""
    ann = phone_for(qtbot, loop, win)
    ann.hello()
    ann.join("Ann", "Blue")
    _skip_to(qtbot, console, "moment")
    ann.send({"type": "idea", "cid": "1", "text": "A blanket on the terrace"})
    blanket = ann.next("ack", cid="1")["idea"]
    qtbot.waitUntil(lambda: console.panel.columns[1].list.count() == 1)
    return ann, blanket


def _rework(qtbot, view: QAbstractItemView, index, more: str) -> QLineEdit:
    """Click a row or cell, F2 to rework it, go to the end of its text and type more, without pressing Enter."""
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editing = QAbstractItemView.State.EditingState
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit) and view.state() == editing)
    editor = QApplication.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_End)
    type_text(qtbot, editor, more)
    return editor


def test_a_phones_edit_and_delete_leave_the_trainers_rework_and_typing_alone(qtbot, open_window, loop):
    win = open_window(ready=True)
    console = start_with_phones(qtbot, win)
    ann = phone_for(qtbot, loop, win)
    ann.hello()
    ann.join("Ann", "Blue")
    _skip_to(qtbot, console, "moment")
    for cid, text in (("1", "A blanket"), ("2", "Music")):
        ann.send({"type": "idea", "cid": cid, "text": text})
    blanket, music = ann.next("ack", cid="1")["idea"], ann.next("ack", cid="2")["idea"]
    blue = console.panel.columns[1]
    qtbot.waitUntil(lambda: blue.list.count() == 2)
    tea = _typed(qtbot, console, 0, "Tea")
    red = console.panel.columns[0]
    editor = _rework(qtbot, red.list, red.list.model().index(0, 0), " with lemon")
    panel = console.panel
    ann.send({"type": "edit", "idea": blanket, "text": "A warm blanket", "ref": "e"})
    ann.next("ack", ref="e")
    ann.send({"type": "delete", "idea": music, "ref": "d"})
    ann.next("ack", ref="d")
    rows = lambda: [blue.list.item(r).text() for r in range(blue.list.count())]  # noqa: E731
    qtbot.waitUntil(lambda: rows() == [f"{blanket}. A warm blanket"])
    assert blue.heading.text() == "Blue · 1"
    assert console.panel is panel and QApplication.focusWidget() is editor  # the rework is still open, in focus
    assert editor.text() == f"{tea}. Tea with lemon"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: console.ws.idea(tea).text == "Tea with lemon")  # the delegate commits a moment later
    # a half-typed line in a team's input survives a phone's idea too
    line = blue.input
    click(qtbot, line)
    type_text(qtbot, line, "half-typ")
    ann.send({"type": "idea", "cid": "3", "text": "Hot soup"})
    ann.next("ack", cid="3")
    qtbot.waitUntil(lambda: blue.list.count() == 2)
    assert QApplication.focusWidget() is line and line.text() == "half-typ"
    assert isinstance(console.panel, TeamsPanel)


def test_a_phones_tick_on_the_check_keeps_the_trainers_focus_and_half_typed_rework(qtbot, open_window, loop):
    win = open_window(ready=True)
    console = start_with_phones(qtbot, win)
    ws = console.ws
    ann, blanket = _ann_sends_a_blanket(qtbot, win, console, loop)
    tea = _typed(qtbot, console, 0, "Tea")
    _skip_to(qtbot, console, "check")
    panel = console.panel
    assert isinstance(panel, CheckPanel) and panel.shortlist
    table = panel.table
    rows = {table.item(r, 0).data(Qt.ItemDataRole.UserRole): r for r in range(table.rowCount())}
    # the trainer puts the blanket on Blue's shortlist (S) so Blue's phone may tick it
    table.setCurrentCell(rows[blanket], 0)
    qtbot.keyClick(table, Qt.Key.Key_S)
    assert ws.shortlisted(blanket)
    editor = _rework(qtbot, table, table.model().index(rows[tea], 0), " with lemon")
    check = ws.check_cards()[0]
    ann.settle()
    ann.send({"type": "check", "idea": blanket, "check": check.id, "value": True, "ref": "c"})
    ann.next("ack", ref="c")
    cell = table.item(rows[blanket], 1)
    qtbot.waitUntil(lambda: cell.checkState() == Qt.CheckState.Checked)
    assert table.item(rows[blanket], len(panel.checks) + 1).text() == str(ws.idea(blanket).score)
    assert console.panel is panel and QApplication.focusWidget() is editor
    assert editor.text() == "Tea with lemon"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ws.idea(tea).text == "Tea with lemon")
    assert ws.idea(blanket).checks[check.id] is True


def test_a_phones_promise_fills_the_other_fields_and_leaves_the_one_being_typed(qtbot, open_window, loop):
    win = open_window(ready=True)
    console = start_with_phones(qtbot, win)
    ws = console.ws
    ann, blanket = _ann_sends_a_blanket(qtbot, win, console, loop)
    _skip_to(qtbot, console, "choose")
    ws.give_dot(blanket, "Red")
    click(qtbot, console.buttons["next"])  # the votes are revealed first
    click(qtbot, console.panel.tiles[blanket][FOCUSES[0]])  # the chosen idea is tagged
    click(qtbot, console.buttons["next"])
    panel = console.panel
    assert isinstance(panel, PromisePanel)
    who = panel.findChild(QLineEdit, f"promise-who-{blanket}")
    first = panel.findChild(QLineEdit, f"promise-first_step-{blanket}")
    click(qtbot, who)
    type_text(qtbot, who, "Ma")
    ann.settle()
    ann.send({"type": "promise", "idea": blanket, "who": "Ann", "due": "", "first_step": "Buy two blankets",
              "ref": "p"})  # fmt: skip
    ann.next("ack", ref="p")
    qtbot.waitUntil(lambda: first.text() == "Buy two blankets")
    assert console.panel is panel and QApplication.focusWidget() is who and who.text() == "Ma"
    type_text(qtbot, who, "ria")
    assert ws.idea(blanket).promise.who == "Maria"  # the trainer's words, typed on, win in the field they typed
