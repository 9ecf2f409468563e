"""A team's column of ideas as the trainer sees it: wrapped rows for a workshop's few dozen ideas, one elided line
each past LONG (a room of phones), the chosen row highlighted, and a phone's text never read as markup."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetrics, QPalette
from PySide6.QtWidgets import QListWidgetItem

from game.ui.idea_column import IdeaRows

LONG_TEXT = "A blanket on the terrace when it rains and the guests stay longer than planned, with hot drinks"


def _rows(qtbot, texts) -> IdeaRows:
    rows = IdeaRows()
    qtbot.addWidget(rows)
    rows.resize(220, 400)
    for text in texts:
        rows.addItem(QListWidgetItem(text))
    rows.fit_length()
    rows.show()
    qtbot.waitExposed(rows)
    return rows


def test_a_short_column_wraps_each_idea_and_a_long_one_shows_one_line_each(qtbot):
    rows = _rows(qtbot, ["1. Tea", f"2. {LONG_TEXT}"])
    line = QFontMetrics(rows.font()).lineSpacing()
    tea, blanket = rows.visualItemRect(rows.item(0)), rows.visualItemRect(rows.item(1))
    assert tea.height() == line and blanket.height() >= 3 * line  # the long idea wraps, whole
    assert blanket.top() == tea.bottom() + 1
    for n in range(3, IdeaRows.LONG + 2):
        rows.addItem(QListWidgetItem(f"{n}. {LONG_TEXT}"))
    rows.fit_length()
    assert rows.uniformItemSizes()
    qtbot.waitUntil(lambda: rows.visualItemRect(rows.item(1)).height() == line)
    laid = rows.laid_out(f"2. {LONG_TEXT}")
    assert laid.text().endswith("…") and laid.size().height() <= line + 1
    rows.addItem(QListWidgetItem(f"{IdeaRows.LONG + 2}. {LONG_TEXT}"))
    rows.takeItem(rows.count() - 1)  # a phone deleted the newest idea: the rows keep one line each
    rows.fit_length()
    qtbot.waitUntil(lambda: rows.visualItemRect(rows.item(rows.count() - 1)).height() == line)
    assert rows.visualItemRect(rows.item(1)).height() == line


def test_the_chosen_row_is_highlighted_and_a_phones_markup_stays_text(qtbot):
    rows = _rows(qtbot, ["1. <b>bold</b> & <i>co</i>", "2. Music"])
    assert rows.laid_out("1. <b>bold</b> & <i>co</i>").textFormat() == Qt.TextFormat.PlainText
    rows.setCurrentRow(1)
    rect = rows.visualItemRect(rows.item(1))
    shot = rows.viewport().grab().toImage()
    chosen = rows.palette().color(QPalette.ColorRole.Highlight)
    assert shot.pixelColor(QPoint(rect.right() - 3, rect.center().y())) == chosen
    other = rows.visualItemRect(rows.item(0))
    assert shot.pixelColor(QPoint(other.right() - 3, other.center().y())) != chosen
