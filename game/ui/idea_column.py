"""A team's column of ideas that stays cheap to update and to paint with thousands of them (a room of phones).

The column is still a `QListWidget` (selection, keyboard navigation, editing in place, accessibility and the
tests' `item()` all stay Qt's), but its rows are drawn in one pass from text laid out once (`QStaticText`, as the
presenter's wall does) instead of through the style sheet item by item, and its scroll bar paints itself with a
handful of shapes instead of the style's gradients. Measured with `bench/room.py`: the style sheet's rows and
scroll bar were two thirds of a column's repaint.
"""

from PySide6.QtCore import QEvent, QPoint, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette, QStaticText, QTextOption
from PySide6.QtWidgets import QListWidget, QWidget

MARGIN_X = 3  # where Qt's own item drawing puts the text (its focus-frame margin + 1)
LAYOUT_CACHE = 400  # rows laid out and kept per column: a few screens of it, not the whole workshop
#: the style's scroll bar in its own colours, drawn flat: a quarter of the style's cost on every repaint
FLAT_SCROLL_BAR = """
QScrollBar:vertical { background: #EDEDED; width: 14px; margin: 0; border: none; border-left: 1px solid #DADADA; }
QScrollBar::handle:vertical { background: #FCFCFC; border: 1px solid #B4B4B4; border-radius: 3px; min-height: 28px;
                              margin: 1px 1px 1px 1px; }
QScrollBar::handle:vertical:hover { border-color: #8E8E8E; }
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; border: none; background: none; }
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: none; }
"""


class IdeaRows(QListWidget):
    """The rows of a team's column. Up to `LONG` ideas each row wraps its whole text; past that every row is one
    line (elided, the whole text in its tooltip) so adding an idea costs the same at 2000 ideas as at 20.

    Each row carries its size (Qt's size-hint role), measured once when it arrives: Qt lays the list out again on
    every new row, and would otherwise ask the delegate for every row's size each time."""

    LONG = 300

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._laid: dict[tuple[str, int, bool], QStaticText] = {}
        self._measured_width = -1
        self.setWordWrap(True)
        self.verticalScrollBar().setStyleSheet(FLAT_SCROLL_BAR)  # the style's gradients cost 4x
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the rows wrap or elide

    def long(self) -> bool:
        return self.count() > self.LONG

    def fit_length(self) -> None:
        """Rows of one height once the list is long (Qt then measures one row, not every row, on a change)."""
        if self.uniformItemSizes() != self.long():
            self.setUniformItemSizes(self.long())
            self._measure(0, self.count() - 1)
        elif self.long():
            self._measure(0, self.count() - 1)  # the last row, which Qt measures: it may have been deleted

    def rowsInserted(self, parent, start: int, end: int) -> None:
        self._measure(start, end)
        super().rowsInserted(parent, start, end)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._measured_width:
            self._measure(0, self.count() - 1)  # the text wraps at another width

    def dataChanged(self, top_left, bottom_right, roles=()) -> None:
        super().dataChanged(top_left, bottom_right, roles)
        if not roles or Qt.ItemDataRole.DisplayRole in roles or Qt.ItemDataRole.EditRole in roles:
            self._measure(top_left.row(), bottom_right.row())  # a reworked idea may take more lines, or fewer

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the window grew and its text with it
            self._laid.clear()
            self._measure(0, self.count() - 1)

    def _measure(self, start: int, end: int) -> None:
        """Each of these rows' size, from its laid-out text (a long list: one line each, and Qt asks only the
        last row, so only the last is measured)."""
        self._measured_width = width = self.viewport().width()
        if self.long():
            start = end = self.count() - 1
        blocked = self.blockSignals(True)  # a size is not the trainer's edit
        for row in range(start, end + 1):
            item = self.item(row)
            size = QSize(width, self.row_height(item.text())) if item is not None else None
            if size is not None and item.sizeHint() != size:
                item.setSizeHint(size)
        self.blockSignals(blocked)

    def laid_out(self, text: str) -> QStaticText:
        width = max(20, self.viewport().width() - 2 * MARGIN_X)
        long = self.long()
        key = (text, width, long)
        laid = self._laid.get(key)
        if laid is None:
            font = self.font()
            if long:
                text = QFontMetrics(font).elidedText(text.replace("\n", " "), Qt.TextElideMode.ElideRight, width)
            laid = QStaticText(text)
            laid.setTextFormat(Qt.TextFormat.PlainText)  # a phone's text is never markup
            option = QTextOption()
            option.setWrapMode(
                QTextOption.WrapMode.NoWrap if long else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
            )
            laid.setTextOption(option)
            laid.setTextWidth(-1 if long else width)
            laid.prepare(font=font)
            if len(self._laid) > LAYOUT_CACHE:
                self._laid.clear()
            self._laid[key] = laid
        return laid

    def row_height(self, text: str) -> int:
        if self.long():
            return QFontMetrics(self.font()).lineSpacing()
        return max(QFontMetrics(self.font()).lineSpacing(), round(self.laid_out(text).size().height()))

    def paintEvent(self, event) -> None:
        """Only the rows the repaint touches, each from its laid-out text, in one pass (rows stack without gaps,
        each as tall as its size says, so the next one's top is known without asking the view)."""
        count = self.count()
        area = event.rect()
        first = self.indexAt(QPoint(MARGIN_X, max(0, area.top())))
        if not count or not first.isValid():
            return
        painter = QPainter(self.viewport())
        palette = self.palette()
        ink = palette.color(QPalette.ColorRole.Text)
        chosen = palette.color(QPalette.ColorRole.Highlight)
        chosen_ink = palette.color(QPalette.ColorRole.HighlightedText)
        editing = self.currentRow() if self.state() == QListWidget.State.EditingState else -1
        selected = {index.row() for index in self.selectedIndexes()}
        row = first.row()
        rect = self.visualRect(first)
        left, top, right = rect.left(), rect.top(), rect.right()
        bottom = area.bottom()
        line = QFontMetrics(self.font()).lineSpacing()
        long = self.long()
        item = self.item
        while row < count and top <= bottom:
            shown = item(row)
            laid = self.laid_out(shown.text())
            height = line if long else shown.sizeHint().height()  # where Qt put the row
            if row != editing:
                if row in selected:
                    painter.fillRect(left, top, right - left + 1, height, chosen)
                painter.setPen(chosen_ink if row in selected else ink)
                painter.drawStaticText(left + MARGIN_X, top, laid)
            top += height
            row += 1
