"""The library as a person uses it: search as you type, filters, the idea's story, edits with undo, bulk
changes, the promises due this week, and similar ideas while a new one is typed."""

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QLabel

from game.store import ideas
from game.ui.library import IdeaTableModel
from game.ui.library_screen import LibraryScreen
from game.ui.outcome import DuePromises, OutcomeDialog
from game.ui.round_screen import RoundScreen
from tests.library_data import add
from tests.ui.conftest import type_text, when_modal


def library_screen(qtbot, win) -> LibraryScreen:
    win.actions_["library"].trigger()
    screen = win.current_screen()
    assert isinstance(screen, LibraryScreen)
    return screen


def shown_titles(screen: LibraryScreen) -> list[str]:
    model = screen.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_the_model_passes_qt_checks_and_loads_lazily(qtbot, qtmodeltester, library_home):
    for n in range(250):
        add(library_home, f"idea {n:03d}", status="tried" if n % 2 else "new")
    model = IdeaTableModel(library_home)
    model.sort(6, Qt.SortOrder.DescendingOrder)
    assert (model.rowCount(), model.total) == (100, 250)  # one page until the view asks for more
    assert model.index(0, 0).data() == "idea 249"
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 250 and model.index(249, 0).data() == "idea 000"
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 0).data() == "idea 000" and model.rowCount() == 100
    qtmodeltester.check(model, force_py=True)


def test_scrolling_fetches_more_rows(qtbot, library_home, open_window):
    for n in range(230):
        add(library_home, f"idea {n:03d}")
    screen = library_screen(qtbot, open_window(ready=True))
    assert screen.model.rowCount() == 100
    for _ in range(3):
        screen.table.scrollToBottom()
        QApplication.processEvents()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 230)
    assert screen.status.text() == "230 ideas"


def test_search_as_you_type_in_both_languages_and_filters(qtbot, library_home, open_window):
    add(library_home, "Подарок постоянным клиентам", status="tried", focus="wow", tags=",зима,")
    add(library_home, "Gifts for regular clients", status="new", focus="fix")
    add(library_home, "Note for the next shift", status="new")
    screen = library_screen(qtbot, open_window(ready=True))
    assert screen.status.text() == "3 ideas"
    type_text(qtbot, screen.search, "клиент")
    qtbot.waitUntil(lambda: shown_titles(screen) == ["Подарок постоянным клиентам"])
    screen.search.clear()
    type_text(qtbot, screen.search, "gift")
    qtbot.waitUntil(lambda: shown_titles(screen) == ["Gifts for regular clients"])
    screen.search.clear()
    qtbot.waitUntil(lambda: len(shown_titles(screen)) == 3)
    screen.status_filter.setCurrentIndex(screen.status_filter.findData("new"))
    assert shown_titles(screen) == ["Note for the next shift", "Gifts for regular clients"]
    type_text(qtbot, screen.tag_filter, "зима")
    screen.status_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: shown_titles(screen) == ["Подарок постоянным клиентам"])


def test_edit_in_the_detail_pane_then_undo_and_redo(qtbot, library_home, open_window):
    idea_id = add(library_home, "Warm towels", promise_who="Anna")
    screen = library_screen(qtbot, open_window(ready=True))
    screen.table.selectRow(0)
    title = screen.detail.widgets["title"]
    assert title.text() == "Warm towels"
    title.selectAll()
    type_text(qtbot, title, "Hot tea and warm towels")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert ideas.get(library_home, idea_id).title == "Hot tea and warm towels"
    assert shown_titles(screen) == ["Hot tea and warm towels"]
    status = screen.detail.widgets["status"]
    status.setCurrentIndex(status.findData("working"))
    status.activated.emit(status.currentIndex())
    assert ideas.get(library_home, idea_id).status == "working"
    qtbot.keyClick(screen.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ideas.get(library_home, idea_id).status == "new"
    qtbot.keyClick(screen.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ideas.get(library_home, idea_id).title == "Warm towels"
    qtbot.keyClick(screen.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert ideas.get(library_home, idea_id).title == "Hot tea and warm towels"
    title.clear()
    qtbot.keyClick(title, Qt.Key.Key_Return)  # an idea keeps a title
    assert ideas.get(library_home, idea_id).title == "Hot tea and warm towels" and title.text()


def test_notes_of_what_happened(qtbot, library_home, open_window):
    idea_id = add(library_home, "Photo of the lost toy")
    screen = library_screen(qtbot, open_window(ready=True))
    screen.table.selectRow(0)
    type_text(qtbot, screen.detail.note_input, "Клиентка прислала фото в ответ 🙂")
    qtbot.keyClick(screen.detail.note_input, Qt.Key.Key_Return)
    assert [n.text for n in ideas.notes(library_home, idea_id)] == ["Клиентка прислала фото в ответ 🙂"]
    assert screen.detail.notes.item(0).text().endswith("— Клиентка прислала фото в ответ 🙂")


def test_bulk_status_tag_and_delete_with_undo(qtbot, library_home, open_window):
    first = add(library_home, "One")
    second = add(library_home, "Two")
    add(library_home, "Three")
    ideas.add_note(library_home, first, date(2026, 1, 1), "kept through undo")
    screen = library_screen(qtbot, open_window(ready=True))
    screen.table.selectAll()
    screen.table.selectionModel().select(
        screen.model.index(0, 0), screen.table.selectionModel().SelectionFlag.Deselect
        | screen.table.selectionModel().SelectionFlag.Rows
    )  # fmt: skip
    assert sorted(screen.selected_ids()) == [first, second]
    screen.bulk_status.setCurrentIndex(screen.bulk_status.findData("tried"))
    screen.bulk_status.activated.emit(screen.bulk_status.currentIndex())
    assert [ideas.get(library_home, i).status for i in (first, second)] == ["tried", "tried"]

    def answer(dialog) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("Winter")
        dialog.accept()

    waiter = when_modal(answer)
    qtbot.mouseClick(screen.tag_button, Qt.MouseButton.LeftButton)
    assert not waiter.isActive()
    assert [ideas.tags_of(ideas.get(library_home, i)) for i in (first, second)] == [["winter"], ["winter"]]
    win = screen.window()
    with qtbot.waitActive(win):  # keys go to the active window, as on a desktop
        win.activateWindow()
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_Delete)
    assert ideas.count(library_home, ideas.IdeaFilter()) == 1 and screen.status.text() == "1 idea"  # Qt plural forms
    qtbot.mouseClick(screen.undo_button, Qt.MouseButton.LeftButton)
    assert ideas.count(library_home, ideas.IdeaFilter()) == 3
    assert [n.text for n in ideas.notes(library_home, first)] == ["kept through undo"]
    assert ideas.tags_of(ideas.get(library_home, first)) == ["winter"]


def test_home_asks_how_a_due_promise_went(qtbot, library_home, open_window):
    today = date.today()
    idea_id = add(library_home, "Call back the next day", promise_who="Oleg",
                  promise_due=today + timedelta(days=1), status="planned")  # fmt: skip
    add(library_home, "Next month", promise_due=today + timedelta(days=40), status="planned")
    win = open_window(ready=True)
    home = win.current_screen()
    qtbot.waitUntil(lambda: isinstance(home.due, DuePromises))
    assert len(home.due.buttons) == 1

    def answer(dialog) -> None:
        assert isinstance(dialog, OutcomeDialog)
        qtbot.mouseClick(dialog.buttons["working"], Qt.MouseButton.LeftButton)
        type_text(qtbot, dialog.note, "Клиенты благодарят")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    waiter = when_modal(answer)
    qtbot.mouseClick(home.due.buttons[0], Qt.MouseButton.LeftButton)
    assert not waiter.isActive()
    assert ideas.get(library_home, idea_id).status == "working"
    assert [n.text for n in ideas.notes(library_home, idea_id)] == ["Клиенты благодарят"]
    assert home.due is None  # nothing else due this week


def test_similar_ideas_show_while_typing_a_new_one(qtbot, library_home, open_window, monkeypatch):
    monkeypatch.setattr("game.ui.step_panels.IdeaList.SIMILAR_DELAY_MS", 10)
    add(library_home, "Free tea while the tyres are changed")
    win = open_window(ready=True)
    win.solo.start("solo-spark", seed=1)
    screen = win.current_screen()
    assert isinstance(screen, RoundScreen)
    for _ in range(3):
        screen.go_next()
    ideas_panel = screen.panel.ideas
    type_text(qtbot, ideas_panel.input, "tea for everyone who waits")
    qtbot.waitUntil(ideas_panel.similar_label.isVisible)
    assert ideas_panel.similar_label.text() == "Already in your library: “Free tea while the tyres are changed”"


def test_home_lists_five_due_promises_of_many_and_counts_the_rest(qtbot, library_home, open_window):
    """A library of years has hundreds of overdue promises: home loads five of them and counts the others."""
    today = date.today()
    for n in range(8):
        add(library_home, f"Promise {n}", promise_who="Oleg", promise_due=today - timedelta(days=8 - n),
            status="planned")  # fmt: skip
    win = open_window(ready=True)
    home = win.current_screen()
    qtbot.waitUntil(lambda: isinstance(home.due, DuePromises))
    assert len(home.due.buttons) == 5
    labels = [label.text() for label in home.due.findChildren(QLabel)]
    assert labels[1].startswith("Promise 0 — Oleg, by ")
    assert labels[-1] == "…and 3 more in the library"
