"""Export, import, report and print from the screens, the way a person clicks through them.

The file dialogs are the system's own: the tests answer them by replacing QFileDialog's static calls.
"""

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from game.store import ideas
from game.store.db import open_library
from game.ui.library_screen import LibraryScreen
from game.ui.screens import DecksScreen, SummaryScreen
from game.ui.transfer import CsvMappingDialog, CsvOptionsDialog
from tests.library_data import add
from tests.play import play_to_end
from tests.ui.conftest import click


def answer_save(monkeypatch, path: Path, chosen_filter: str = "") -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), chosen_filter)))


def answer_open(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def when_shown(kind, act) -> list:
    """Do `act(dialog)` once a modal dialog of `kind` is up (it runs its own event loop); returns what it saw."""
    seen = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, look)
            return
        seen.append(dialog)
        act(dialog)

    QTimer.singleShot(0, look)
    return seen


@pytest.fixture
def window(open_window):
    return open_window(ready=True)


def library(win) -> LibraryScreen:
    win.actions_["library"].trigger()
    screen = win.current_screen()
    assert isinstance(screen, LibraryScreen)
    return screen


def test_export_the_chosen_ideas_to_csv_and_everything_to_json(qtbot, library_home, window, monkeypatch, tmp_path):
    add(library_home, "=HYPERLINK(1)")
    add(library_home, "Tea while you wait")
    add(library_home, "Чай для тех, кто ждёт 🍵")
    screen = library(window)
    screen.table.selectRow(0)  # the newest: "Чай…"
    answer_save(monkeypatch, tmp_path / "chosen.csv")
    seen = when_shown(CsvOptionsDialog, lambda dialog: dialog.accept())
    click(qtbot, screen.export_button)
    assert seen[0].delimiter.currentData() == ","  # English: what English Excel opens into columns
    assert screen.status.text() == f"1 idea written to {tmp_path / 'chosen.csv'}"
    text = (tmp_path / "chosen.csv").read_bytes().decode("utf-8")
    assert text.startswith("\ufeff") and "Чай для тех, кто ждёт 🍵" in text and "HYPERLINK" not in text
    screen.table.clearSelection()
    answer_save(monkeypatch, tmp_path / "all", "JSON, to import again (*.json)")  # no suffix: the filter decides
    click(qtbot, screen.export_button)
    data = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert sorted(i["title"] for i in data["ideas"]) == sorted(
        ["=HYPERLINK(1)", "Tea while you wait", "Чай для тех, кто ждёт 🍵"]
    )


def test_import_json_merges_without_duplicates(qtbot, library_home, window, monkeypatch, tmp_path):
    add(library_home, "Already here")
    source = tmp_path / "more.json"
    (tmp_path / "other").mkdir()
    other = open_library(tmp_path / "other")
    add(other, "Already here")
    add(other, "A new one from the other team")
    from game.io import tabular

    tabular.export_json(other, ideas.IdeaFilter(), source, "en")
    other.dispose()
    screen = library(window)
    answer_open(monkeypatch, source)
    click(qtbot, screen.import_button)
    assert screen.status.text() == "Imported 1 idea; 1 idea already in the library."
    assert screen.model.total == 2


def test_import_csv_through_the_column_mapping_preview(qtbot, library_home, window, monkeypatch, tmp_path):
    source = tmp_path / "list.csv"
    source.write_text("Idea,Owner,Comment\nWarm towels,Anna,from the spa\nTea in the queue,Oleg,\n", encoding="utf-8")
    screen = library(window)
    answer_open(monkeypatch, source)
    seen = []

    def map_and_import() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CsvMappingDialog):
            QTimer.singleShot(20, map_and_import)
            return
        seen.append(dialog.headers)
        owner = dialog.combos[1]
        owner.setCurrentIndex(owner.findData("promise_who"))
        dialog.accept()

    QTimer.singleShot(0, map_and_import)
    click(qtbot, screen.import_button)
    assert seen == [["Idea", "Owner", "Comment"]]
    assert screen.status.text() == "Imported 2 ideas; 0 ideas already in the library."
    found = {i.title: i.promise_who for i in ideas.find(library_home, ideas.IdeaFilter())}
    assert found == {"Warm towels": "Anna", "Tea in the queue": "Oleg"}


def test_a_broken_file_imports_nothing_and_says_where(qtbot, library_home, window, monkeypatch, tmp_path):
    add(library_home, "Kept")
    source = tmp_path / "broken.json"
    source.write_text('{"format": "technomagic-ideas", "version": 1, "ideas": [\n{"title": "x",}\n]}', encoding="utf-8")
    screen = library(window)
    answer_open(monkeypatch, source)
    from PySide6.QtWidgets import QMessageBox

    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: warned.append(text)))
    click(qtbot, screen.import_button)
    assert len(warned) == 1 and warned[0].startswith(f"Nothing was imported: {source}:2")
    assert [i.title for i in ideas.find(library_home, ideas.IdeaFilter())] == ["Kept"]


def test_print_a_deck_and_report_a_round(qtbot, window, monkeypatch, tmp_path):
    window.actions_["decks"].trigger()
    decks = window.current_screen()
    assert isinstance(decks, DecksScreen)
    answer_save(monkeypatch, tmp_path / "cards", "Cards on US Letter (*.pdf)")
    click(qtbot, decks.print_button)
    assert (tmp_path / "cards.pdf").read_bytes().startswith(b"%PDF")
    assert decks.said.text().endswith(f"pages of cards written to {tmp_path / 'cards.pdf'}")

    window.solo.start("solo-spark", seed=3)
    screen = window.current_screen()
    play_to_end(screen.round, lambda: click(qtbot, screen.next_button))
    summary = window.current_screen()
    assert isinstance(summary, SummaryScreen)
    answer_save(monkeypatch, tmp_path / "report.html", "Web page (*.html)")
    report = next(b for b in summary.findChildren(type(decks.print_button)) if b.text() == "Session report…")
    click(qtbot, report)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "idea at step 3" in html and summary.saved.text() == f"Report written to {tmp_path / 'report.html'}"


def test_a_russian_excel_csv_shows_its_encoding_in_the_preview_and_imports(qtbot, library_home, window, monkeypatch,
                                                                           tmp_path):  # fmt: skip
    source = tmp_path / "excel.csv"
    source.write_bytes("Идея;Кто;Срок\r\nТёплый плед;Анна;15.12.2026\r\nЁлка у входа;Олег;\r\n".encode("cp1251"))
    screen = library(window)
    answer_open(monkeypatch, source)
    seen = when_shown(CsvMappingDialog, lambda dialog: dialog.accept())
    click(qtbot, screen.import_button)
    assert seen[0].read_as.text() == "Read as Windows-1251, cells separated by semicolons."
    assert seen[0].headers == ["Идея", "Кто", "Срок"]
    assert screen.status.text() == "Imported 2 ideas; 0 ideas already in the library."
    found = {i.title: i.promise_who for i in ideas.find(library_home, ideas.IdeaFilter())}
    assert found == {"Тёплый плед": "Анна", "Ёлка у входа": "Олег"}


def test_the_export_dialog_chooses_the_csv_delimiter(qtbot, library_home, window, monkeypatch, tmp_path):
    add(library_home, "Tea, hot; and sweet")
    screen = library(window)
    answer_save(monkeypatch, tmp_path / "ideas.csv")

    def semicolon(dialog: CsvOptionsDialog) -> None:
        dialog.delimiter.setCurrentIndex(dialog.delimiter.findData(";"))
        dialog.accept()

    when_shown(CsvOptionsDialog, semicolon)
    click(qtbot, screen.export_button)
    text = (tmp_path / "ideas.csv").read_text(encoding="utf-8-sig")
    assert text.startswith("ID;Idea;Text;") and '"Tea, hot; and sweet"' in text
    answer_save(monkeypatch, tmp_path / "again.csv")
    when_shown(CsvOptionsDialog, lambda dialog: dialog.reject())  # cancelled: nothing is written
    click(qtbot, screen.export_button)
    assert not (tmp_path / "again.csv").exists()


def test_an_xlsx_export_that_had_to_cut_cells_says_so(qtbot, library_home, window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from tests.io.test_tabular import save_idea

    save_idea(library_home, title="Long", text="x" * 40_000)
    screen = library(window)
    answer_save(monkeypatch, tmp_path / "ideas.xlsx")
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: warned.append(text)))
    click(qtbot, screen.export_button)
    assert warned == [
        f"1 idea written to {tmp_path / 'ideas.xlsx'}\n"
        "1 cells were longer than 32,767 characters, which a workbook holds, and were cut"
    ]
    assert "were cut" in screen.status.text()


def test_long_work_runs_while_the_window_waits_in_qt_alone(qtbot):
    """`run_off_ui` keeps the window responsive with Qt's own event loop: no Python runs on the UI thread while
    the work does (a loop of ours took Python's lock back fifty times a second, and made an import a second
    longer), the progress dialog shows, and the work's result or error comes back."""
    import sys
    import threading
    import time

    from PySide6.QtWidgets import QProgressDialog, QWidget

    from game.ui.transfer import run_off_ui

    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    ui_thread, calls, shown = threading.get_ident(), [], []
    QTimer.singleShot(600, lambda: shown.append(any(isinstance(w, QProgressDialog) and w.isVisible()
                                                    for w in QApplication.topLevelWidgets())))  # fmt: skip

    def work() -> int:
        started = time.perf_counter()
        sys.setprofile(None)
        while time.perf_counter() - started < 1.0:  # Python busy for a second, as an import is
            sum(range(1000))
        return 42

    def count(frame, event, arg) -> None:
        if threading.get_ident() == ui_thread and event in ("call", "c_call"):
            calls.append(frame.f_code.co_name if event == "call" else getattr(arg, "__name__", "?"))

    sys.setprofile(count)
    try:
        assert run_off_ui(window, "Working…", work) == 42
    finally:
        sys.setprofile(None)
    assert shown == [True], "the progress dialog is up while the work runs"
    waiting = [name for name in calls if name in ("processEvents", "join", "is_alive")]
    assert len(waiting) <= 2, f"the UI thread polled the work: {waiting[:10]}"

    def fails() -> None:
        raise ValueError("broken")

    with pytest.raises(ValueError, match="broken"):
        run_off_ui(window, "Working…", fails)
