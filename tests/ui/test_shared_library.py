"""A library on a PostgreSQL server, as people at two computers meet it: one edit never silently overwrites
another, others' changes show within 2 s, a read-only role cannot edit, and rounds wait while the server is away."""

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from game.store import engine as engines
from game.store import ideas
from game.ui.library_screen import LibraryScreen
from game.ui.screens import SummaryScreen
from tests.library_data import add
from tests.ui.conftest import click, type_text, when_modal
from tests.ui.test_screens import finish_quickly


@pytest.fixture
def shared_window(qtbot, data_home, pg_url):
    """The game on a PostgreSQL library (as `--library URL` gives it), and `other`: a second computer's engine."""
    from game.ui.app import build_window

    made = []

    def make(url: str = pg_url, lang: str = "en"):
        win = build_window(data_home, lang, library=url)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        qtbot.waitUntil(lambda: win.library.ready or win.library.error is not None, timeout=10_000)
        made.append(win)
        return win

    yield make
    for win in made:
        settle(win)


def settle(win) -> None:
    """Let the window's library threads finish, then close it (an edit under way is saved as the focus leaves,
    then the library closes): no connection is left to the garbage collector."""
    for name in ("library_thread", "resend_thread"):
        thread = getattr(win, name, None)
        if thread is not None:
            thread.join(20)
    win.close()
    QApplication.processEvents()
    win.library.close()


@pytest.fixture
def other(pg_url):
    engine = engines.open_url(pg_url)
    yield engine
    engine.dispose()


def open_library_screen(win) -> LibraryScreen:
    win.show_library()
    screen = win.current_screen()
    assert isinstance(screen, LibraryScreen)
    return screen


def answer_conflict(button_text: str, seen: list):
    def answer(box) -> None:
        assert isinstance(box, QMessageBox) and box.objectName() == "conflictBox"
        seen.append(box.text())
        [button] = [b for b in box.buttons() if b.text() == button_text]
        button.click()

    return answer


def test_a_save_of_an_idea_changed_elsewhere_asks_keep_mine_or_take_theirs(qtbot, shared_window, other):
    idea_id = add(other, "Warm towels", promise_who="Anna")
    screen = open_library_screen(shared_window())
    screen.table.selectRow(0)
    who = screen.detail.widgets["promise_who"]
    assert who.text() == "Anna"
    ideas.update(other, [idea_id], title="Hot towels", promise_who="Oleg")  # the other computer saves first

    seen: list[str] = []
    timer = when_modal(answer_conflict("Keep mine", seen))
    who.setFocus()
    who.selectAll()
    type_text(qtbot, who, "Marina")
    qtbot.keyClick(who, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    timer.stop()
    assert seen[0].startswith("This idea was changed on another computer at ")
    mine = ideas.get(other, idea_id)
    assert (mine.promise_who, mine.title) == ("Marina", "Hot towels")  # my field over theirs, theirs kept elsewhere

    ideas.update(other, [idea_id], promise_who="Oleg again")
    seen.clear()
    timer = when_modal(answer_conflict("Take theirs", seen))
    who.setFocus()
    who.selectAll()
    type_text(qtbot, who, "Marina again")
    qtbot.keyClick(who, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    timer.stop()
    assert ideas.get(other, idea_id).promise_who == "Oleg again"
    qtbot.waitUntil(lambda: who.text() == "Oleg again", timeout=3000)


def test_an_idea_saved_on_another_computer_shows_within_two_seconds(qtbot, shared_window, other):
    add(other, "First")
    screen = open_library_screen(shared_window())
    assert [r.title for r in screen.model.rows] == ["First"]
    add(other, "From the other laptop")
    qtbot.waitUntil(lambda: [r.title for r in screen.model.rows] == ["From the other laptop", "First"], timeout=2000)
    assert "changed on another computer at" in screen.status.text()
    screen.table.selectRow(1)
    title = screen.detail.widgets["title"]
    title.setFocus()
    title.selectAll()
    type_text(qtbot, title, "Typing here")
    add(other, "Third")
    qtbot.waitUntil(lambda: screen.model.total == 3, timeout=2000)
    assert title.text() == "Typing here"  # what is being typed is never replaced by a refresh


def test_my_own_edits_do_not_count_as_another_computers(qtbot, shared_window):
    win = shared_window()
    add(win.library.engine(), "Mine")
    screen = open_library_screen(win)
    screen.table.selectRow(0)
    status = screen.detail.widgets["status"]
    status.setCurrentIndex(status.findData("tried"))
    status.activated.emit(status.currentIndex())
    for _ in range(3):
        screen._look_for_others()
    assert "another computer" not in screen.status.text()


def test_a_read_only_role_reads_the_library_with_editing_off(qtbot, shared_window, other, pg_server, pg_url):
    add(other, "Warm towels")
    database = pg_url.split("/")[3].split("?")[0]
    pg_server.sql(
        f'CREATE ROLE reader_{database} LOGIN; GRANT CONNECT ON DATABASE "{database}" TO reader_{database}; '
        f"GRANT USAGE ON SCHEMA public TO reader_{database}; "
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader_{database};",
        database,
    )
    win = shared_window(pg_server.url(database, user=f"reader_{database}"))
    assert win.library.read_only and win.library.error is None
    screen = open_library_screen(win)
    assert "read-only" in screen.status.text()
    assert not screen.delete_button.isEnabled() and not screen.import_button.isEnabled()
    screen.table.selectRow(0)
    assert screen.detail.read_only_note.isVisible()
    assert screen.detail.widgets["title"].isReadOnly() and not screen.detail.widgets["status"].isEnabled()
    qtbot.keyClick(screen.table, Qt.Key.Key_Delete)
    assert ideas.count(other, ideas.IdeaFilter()) == 1
    finish_quickly(qtbot, win)  # a round is still played; the server refuses it, and it is kept
    assert "Could not save to the library" in win.current_screen().saved.text()
    pg_server.sql(f"REASSIGN OWNED BY reader_{database} TO postgres; DROP OWNED BY reader_{database}", database)
    win.library.close()
    pg_server.sql(f"DROP ROLE reader_{database}")


def test_rounds_wait_while_the_server_is_away_and_are_sent_once_when_it_is_back(
    qtbot, shared_window, other, pg_server, data_home
):
    win = shared_window()
    win.RESEND_MS = 200
    win._resend.setInterval(200)
    add(win.library.engine(), "Before the outage")
    pg_server.stop()
    try:
        finish_quickly(qtbot, win)
        summary = win.current_screen()
        assert isinstance(summary, SummaryScreen)
        assert "cannot be reached: your round waits in" in summary.saved.text()
        assert "sent when it is back" in summary.saved.text()
        [waiting] = (data_home / "unsaved").glob("round-*.json")
        win.show_library()  # the library screen, the home screen and typing keep working without it
        win.show_home()
        assert win.similar_titles("Before") == []
    finally:
        pg_server.start()
    qtbot.waitUntil(lambda: not waiting.exists(), timeout=10_000)
    with other.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM play_session").scalar_one() == 1
    assert ideas.count(other, ideas.IdeaFilter(query="idea at step")) == 1
    said = "The library is back: rounds that waited, saved now: 1."
    qtbot.waitUntil(lambda: said in win.round_end.saved_note, timeout=3000)
    QApplication.processEvents()


def test_settings_library_chooses_a_server_and_copies_with_a_progress_bar(qtbot, open_window, data_home, pg_url):
    from game.store.engine import CHOICE_FILE
    from game.ui.library_settings import LibraryDialog
    from game.ui.settings_dialog import SettingsDialog

    win = open_window(ready=True)
    add(win.library.engine(), "Kept in the file")
    with_password = pg_url.replace("postgres@", "postgres:secret@")  # trust login: the password is not needed

    def in_settings(dialog) -> None:
        assert isinstance(dialog, SettingsDialog)
        timer.stop()
        inner.start()
        click(qtbot, dialog.library_button)
        dialog.reject()

    def in_library(dialog) -> None:
        if not isinstance(dialog, LibraryDialog):
            return
        inner.stop()
        dialog.url.clear()
        qtbot.keyClicks(dialog.url, with_password)
        click(qtbot, dialog.use_button)

    timer = when_modal(in_settings)
    inner = when_modal(in_library)
    inner.stop()
    win.open_settings()
    qtbot.waitUntil(lambda: win.library.shared, timeout=10_000)
    win.library_thread.join(20)
    stored = (data_home / CHOICE_FILE).read_text()
    assert "secret" not in stored and stored.strip() == pg_url
    assert ideas.count(win.library.engine(), ideas.IdeaFilter()) == 0  # the server's library, empty

    dialog = LibraryDialog(data_home, f"sqlite:///{data_home / 'library.sqlite3'}", None, win)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.target, pg_url)
    click(qtbot, dialog.copy_button)
    qtbot.waitUntil(lambda: dialog.said.text().startswith("Copied:"), timeout=10_000)
    assert dialog.said.text() == "Copied: 0 rounds, 1 ideas, 0 notes."
    assert dialog.progress.value() == dialog.progress.maximum() == 1
    assert [i.title for i in win.library.ideas()] == ["Kept in the file"]
    click(qtbot, dialog.copy_button)  # again: nothing new to copy, the counts still agree
    qtbot.waitUntil(lambda: dialog.copy_button.isEnabled(), timeout=10_000)
    assert dialog.said.text() == "Copied: 0 rounds, 1 ideas, 0 notes."


def test_past_the_count_limit_the_screen_says_more_than_and_scrolls_to_the_last(qtbot, shared_window, other,
                                                                               monkeypatch):  # fmt: skip
    """A server counts matches only up to pg_search.COUNT_LIMIT (each counted is a row read): the screen says
    "more than", and scrolling still reaches the last match."""
    from sqlmodel import Session

    from game.store import pg_search
    from game.store.models import Idea

    monkeypatch.setattr(pg_search, "COUNT_LIMIT", 150)
    with Session(other) as session:
        session.add_all(Idea(title=f"Idea {n:03d}", text="x", search_text=f"idea {n:03d}") for n in range(260))
        session.add(Idea(title="Something else", text="x", search_text="someth els"))
        session.commit()
    screen = open_library_screen(shared_window())
    assert screen.status.text() == "261 ideas"  # everything: counted exactly (the primary key's index)
    type_text(qtbot, screen.search, "idea")
    qtbot.waitUntil(lambda: screen.status.text() == "more than 150 ideas")
    assert screen.model.rowCount() == 100 and screen.model.index(0, 0).data() == "Idea 259"
    for _ in range(4):
        screen.table.scrollToBottom()
        QApplication.processEvents()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 260)
    assert screen.model.exact and screen.model.total == 260 and not screen.model.canFetchMore(QModelIndex())
    assert screen.model.index(259, 0).data() == "Idea 000"
    type_text(qtbot, screen.search, " 01")  # "idea 01…": ten ideas, counted exactly
    qtbot.waitUntil(lambda: screen.status.text() == "10 ideas")
