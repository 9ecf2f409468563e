"""PDFs drawn with Qt alone (QPdfWriter, QPainter, QTextDocument, QSvgRenderer): print-and-play cards, and
the pages, text and words that the handout and the session report (report.py) are made of.

User text goes into documents through a text cursor as plain text, never as markup. Every visible word comes
from small (English, Russian) tables, so an export from the command line reads the same as one from the app.
"""

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtSvg import QSvgRenderer

from game import APP_NAME, look, paths
from game.domain.content import Card, Deck
from game.io.atomic import atomic_path

log = logging.getLogger(__name__)

RES = 300  # device units per inch of every PDF we write
PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
WORDS = {  # key: (English, Russian)
    "app": (APP_NAME, "Техномагия впечатлений"),
    "page": ("page {n} of {m}", "страница {n} из {m}"),
    "empty_deck": ("This deck has no cards.", "В этой колоде нет карт."),
}
NOUNS = {
    "idea": (("idea", "ideas"), ("идея", "идеи", "идей")),
    "dot": (("dot", "dots"), ("точка", "точки", "точек")),
    "team": (("team", "teams"), ("команда", "команды", "команд")),
}
LOCALES = {"en": QLocale.Language.English, "ru": QLocale.Language.Russian}
LINE = "#E2D8C6"  # card frames, as on screen


def words(lang: str, table: dict[str, tuple[str, str]] = WORDS) -> dict[str, str]:
    """One language's column of a (English, Russian) table."""
    if lang not in LOCALES:
        raise ValueError(f"unknown language {lang!r}: use ru or en")
    return {key: pair[lang == "ru"] for key, pair in table.items()}


def count(n: int, noun: str, lang: str) -> str:
    """'5 ideas', «5 идей»: Russian has three plural forms."""
    forms = NOUNS[noun][lang == "ru"]
    if lang == "ru":
        k = 0 if n % 10 == 1 and n % 100 != 11 else 1 if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else 2
    else:
        k = 0 if n == 1 else 1
    return f"{n} {forms[k]}"


def format_date(value: str | date | None, lang: str) -> str:
    """'1 December 2026', «1 декабря 2026» (month names from Qt's locale data). A moment is shown on the
    person's own calendar (a stored one without a zone is UTC, as the library keeps them); text that is not
    a date is shown as it is."""
    if not value:
        return ""
    if isinstance(value, str):
        text = value
        try:
            value = date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
        except ValueError:
            return text
    if isinstance(value, datetime):
        value = value.replace(tzinfo=value.tzinfo or UTC).astimezone().date()
    return QLocale(LOCALES[lang]).toString(QDate(value.year, value.month, value.day), "d MMMM yyyy")


def mm(value: float) -> float:
    return value * RES / 25.4


def ensure_gui() -> None:
    """Painting text needs a QGuiApplication; the command line has none, so it gets an offscreen one."""
    app = QCoreApplication.instance()
    if app is None:
        _offscreen_app()
    elif not isinstance(app, QGuiApplication):
        raise RuntimeError("PDF and chart export needs a QGuiApplication, not a bare QCoreApplication")
    _fonts()


@cache
def _offscreen_app() -> QGuiApplication:
    return QGuiApplication(["technomagic", "-platform", "offscreen"])


@cache
def _fonts() -> None:
    look.load_fonts()


@contextmanager
def pdf_canvas(path: Path, page: QPageSize.PageSizeId, title: str) -> Iterator[tuple[QPdfWriter, QPainter]]:
    """A painter on a PDF that replaces `path` only when everything was drawn."""
    ensure_gui()
    with atomic_path(path) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(RES)
        writer.setPageLayout(QPageLayout(QPageSize(page), QPageLayout.Orientation.Portrait, QMarginsF()))
        writer.setTitle(title)
        writer.setCreator(APP_NAME)
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError(f"cannot write a PDF to {path}")
        try:
            painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
            yield writer, painter
        finally:
            painter.end()  # writes the PDF's tail and closes the file, before atomic_path renames it


@contextmanager
def saved(painter: QPainter) -> Iterator[None]:
    """The painter's state is restored even when drawing fails (Qt warns about a painter ended unbalanced)."""
    painter.save()
    try:
        yield
    finally:
        painter.restore()


# --- text ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    size: float = 10.0  # points
    bold: bool = False
    italic: bool = False
    color: str = look.INK


def font(style: Style, scale: float = 1.0) -> QFont:
    result = QFont(look.FONT_FAMILY)
    result.setPointSizeF(style.size * scale)
    result.setBold(style.bold)
    result.setItalic(style.italic)
    result.setFeature(QFont.Tag("liga"), 0)  # 'ff' stays two letters for search and copy in a PDF reader
    return result


class Text:
    """A QTextDocument laid out for one paint device, written paragraph by paragraph as plain text."""

    def __init__(self, device: QPaintDevice, width: float, scale: float = 1.0):
        self.doc = QTextDocument()
        self.doc.documentLayout().setPaintDevice(device)
        self.doc.setDocumentMargin(0)
        self.doc.setDefaultFont(font(Style(), scale))
        self.doc.setTextWidth(width)
        self.scale = scale
        self.cursor = QTextCursor(self.doc)
        self._empty = True
        self._glued: set[int] = set()  # blocks whose first line stays on the page of the block before
        self._keep = False

    def para(self, text: str, style: Style, space: float = 0.0, label: str = "", keep: bool = False) -> None:
        """A paragraph `space` points below the last one; `label` goes first, in bold; a paragraph to `keep`
        (a heading) never ends a page."""
        block = QTextBlockFormat()
        block.setTopMargin(space * self.scale * 96 / 72)  # the layout counts margins in 96-dpi pixels
        if self._empty:
            self.cursor.setBlockFormat(block)
            self._empty = False
        else:
            self.cursor.insertBlock(block)
        if self._keep:
            self._glued.add(self.cursor.block().blockNumber())
        self._keep = keep
        if label:
            self.cursor.insertText(f"{label}: ", self._format(Style(style.size, True, style.italic, style.color)))
        self.cursor.insertText(text.replace("\r\n", "\n").replace("\r", "\n"), self._format(style))

    def _format(self, style: Style) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setFont(font(style, self.scale))
        fmt.setForeground(QColor(style.color))
        return fmt

    @property
    def height(self) -> float:
        return self.doc.size().height()

    def breaks(self) -> list[float]:
        """Where a line starts: the places this text may be cut between pages."""
        result = []
        block = self.doc.begin()
        while block.isValid():
            layout = block.layout()
            top = layout.position().y()
            first = 1 if block.blockNumber() in self._glued else 0
            result += [top + layout.lineAt(i).y() for i in range(first, layout.lineCount())]
            block = block.next()
        return [y for y in result if y > 0]

    def draw(self, painter: QPainter, top: float, bottom: float) -> None:
        """Draw the lines between `top` and `bottom` (document units) at the painter's origin, line by line:
        QTextDocument.drawContents also draws the line just above its clip (hidden, yet in the PDF's text)."""
        block = self.doc.begin()
        while block.isValid():
            layout = block.layout()
            origin = layout.position()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                if top - 0.5 <= origin.y() + line.y() < bottom - 0.5:
                    line.draw(painter, origin)
            block = block.next()


# --- pages: blocks flow down, the tall ones are cut between lines ------------------------------------------


@dataclass
class Block:
    height: float  # of the content, in device units
    paint: Callable[[QPainter, QRectF, float, float], None]  # (painter, piece rect, content top, content bottom)
    breaks: tuple[float, ...] = ()  # content positions where a piece may end
    pad: float = 0.0  # above and below the content of every piece (inside a frame)
    gap: float = mm(5)  # below the block
    keep_with_next: bool = False  # a heading never ends a page


@dataclass
class Piece:
    block: Block
    rect: QRectF
    top: float
    bottom: float


def paginate(blocks: list[Block], area: QRectF) -> list[list[Piece]]:
    """Pages of pieces: a block that fits on a page is never cut; a taller one is cut where a line starts."""
    pages: list[list[Piece]] = [[]]
    y = area.top()

    def place(block: Block, top: float, bottom: float) -> None:
        nonlocal y
        rect = QRectF(area.left(), y, area.width(), bottom - top + 2 * block.pad)
        pages[-1].append(Piece(block, rect, top, bottom))
        y = rect.bottom() + block.gap

    def new_page() -> None:
        nonlocal y
        pages.append([])
        y = area.top()

    for i, block in enumerate(blocks):
        need = block.height + 2 * block.pad
        want = need
        if block.keep_with_next and i + 1 < len(blocks):  # with all of the next block, or its start when tall
            nxt = blocks[i + 1]
            first = nxt.height + 2 * nxt.pad
            want += block.gap + (first if first <= area.height() else area.height() / 3)
        if need <= area.height():
            if pages[-1] and y + min(want, area.height()) > area.bottom():
                new_page()
            place(block, 0, block.height)
            continue
        if pages[-1] and area.bottom() - y < area.height() / 3:
            new_page()
        top = 0.0
        while top < block.height:
            room = area.bottom() - y - 2 * block.pad
            if block.height - top <= room:
                place(block, top, block.height)
                break
            cut = max((b for b in block.breaks if top < b <= top + room), default=None)
            if cut is None and pages[-1]:
                new_page()
                continue
            place(block, top, top + room if cut is None else cut)  # one line taller than a page: cut it
            top = pages[-1][-1].bottom
            new_page()
    return pages


def render(writer: QPdfWriter, painter: QPainter, pages: list[list[Piece]], footer: str, lang: str) -> int:
    """Draw every page with 'page N of M' at its foot; returns the page count."""
    small = font(Style(8, color=look.MUTED))
    width, height = writer.width(), writer.height()
    for n, page in enumerate(pages, 1):
        if n > 1:
            writer.newPage()
        for piece in page:
            with saved(painter):
                piece.block.paint(painter, piece.rect, piece.top, piece.bottom)
        painter.setFont(small)
        painter.setPen(QColor(look.MUTED))
        row = QRectF(mm(16), height - mm(13), width - mm(32), mm(6))
        number = words(lang)["page"].format(n=n, m=len(pages))
        room = row.width() - QFontMetricsF(small, writer).horizontalAdvance(number) - mm(8)
        elided = QFontMetricsF(small, writer).elidedText(footer, Qt.TextElideMode.ElideRight, room)
        painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
        painter.drawText(row, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, number)
    return len(pages)


def content_area(writer: QPdfWriter) -> QRectF:
    return QRectF(mm(16), mm(16), writer.width() - mm(32), writer.height() - mm(16) - mm(20))


def text_block(text: Text, gap: float = mm(5), keep_with_next: bool = False) -> Block:
    def paint(painter: QPainter, rect: QRectF, top: float, bottom: float) -> None:
        painter.translate(rect.left(), rect.top() - top)
        text.draw(painter, top, bottom)

    return Block(text.height, paint, tuple(text.breaks()), gap=gap, keep_with_next=keep_with_next)


# --- print-and-play ----------------------------------------------------------------------------------------

CARD_W, CARD_H = 63.0, 88.0  # mm: the usual playing-card size
GAP, EDGE = 2.0, 5.0  # mm between cards, and at least at the paper's edges (printers need some)
MIN_SCALE = 0.62  # the smallest a card's text may shrink to (the example then reads at about 4.5 pt)
CARD_STYLES = {
    "title": Style(10.5, bold=True),
    "prompt": Style(8),
    "example": Style(7.2, italic=True, color=look.MUTED),
    "source": Style(5.8, color=look.MUTED),
}


def write_print_and_play(deck: Deck, path: Path, lang: str, paper: str = "a4") -> int:
    """Cut-out cards: each sheet of fronts is followed by its backs, columns mirrored for a long-edge flip."""
    w = words(lang)
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}: use a4 or letter")
    with pdf_canvas(path, PAPERS[paper], deck.name.get(lang)) as (writer, painter):
        page_w, page_h = writer.width() * 25.4 / RES, writer.height() * 25.4 / RES
        cols = int((page_w - 2 * EDGE + GAP) // (CARD_W + GAP))
        rows = int((page_h - 2 * EDGE + GAP) // (CARD_H + GAP))
        x0 = (page_w - cols * CARD_W - (cols - 1) * GAP) / 2
        y0 = (page_h - rows * CARD_H - (rows - 1) * GAP) / 2

        def slot(k: int, mirrored: bool) -> QRectF:
            row, col = divmod(k, cols)
            col = cols - 1 - col if mirrored else col
            return QRectF(mm(x0 + col * (CARD_W + GAP)), mm(y0 + row * (CARD_H + GAP)), mm(CARD_W), mm(CARD_H))

        sheets = [deck.cards[i : i + cols * rows] for i in range(0, len(deck.cards), cols * rows)] or [()]
        for n, sheet in enumerate(sheets):
            for mirrored in (False, True):
                if n or mirrored:
                    writer.newPage()
                rects = [slot(k, mirrored) for k in range(len(sheet))]
                _cut_marks(painter, rects)
                for card, rect in zip(sheet, rects, strict=True):
                    with saved(painter):
                        (_back if mirrored else _front)(painter, rect, deck, card, lang)
                if not deck.cards and not mirrored:
                    painter.setFont(font(Style(12)))
                    painter.drawText(
                        QRectF(0, 0, writer.width(), writer.height()), Qt.AlignmentFlag.AlignCenter, w["empty_deck"]
                    )
        return 2 * len(sheets)


def _cut_marks(painter: QPainter, rects: list[QRectF]) -> None:
    """Short lines out of every corner, along the cut; the cards drawn over them hide what falls inside."""
    painter.setPen(QPen(QColor("#5E5A66"), mm(0.2)))
    reach = mm(4)
    for r in rects:
        for x, dx in ((r.left(), -reach), (r.right(), reach)):
            for y, dy in ((r.top(), -reach), (r.bottom(), reach)):
                painter.drawLine(QPointF(x, y), QPointF(x + dx, y))
                painter.drawLine(QPointF(x, y), QPointF(x, y + dy))


@cache
def _svg(path: Path) -> QSvgRenderer:
    return QSvgRenderer(str(path))


def emblem_file(deck: Deck) -> Path:
    """The deck's own emblem (`art/NAME.svg` beside a user's deck), a shipped one it names, or its kind's."""
    if deck.emblem and deck.emblem.endswith(".svg") and (deck.path.parent / deck.emblem).is_file():
        return deck.path.parent / deck.emblem
    return paths.asset("emblems", f"{deck.emblem or deck.kind}.svg")


def card_image(deck: Deck, card: Card, lang: str) -> QImage:
    """One card's front exactly as print-and-play draws it, at the print resolution (63 × 88 mm at RES dpi):
    the deck studio shows it at print size."""
    ensure_gui()
    image = QImage(round(mm(CARD_W)), round(mm(CARD_H)), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDotsPerMeterX(round(RES / 0.0254))
    image.setDotsPerMeterY(round(RES / 0.0254))
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    try:
        _front(painter, QRectF(0, 0, image.width() - 1, image.height() - 1), deck, card, lang)
    finally:
        painter.end()
    return image


def _front(painter: QPainter, rect: QRectF, deck: Deck, card: Card, lang: str) -> None:
    painter.setPen(QPen(QColor(LINE), mm(0.2)))
    painter.setBrush(QColor("#FFFFFF"))
    painter.drawRect(rect)
    band = QRectF(rect.left(), rect.top(), rect.width(), mm(11))
    painter.fillRect(band, QColor(deck.color or look.DECK_COLORS.get(deck.kind, look.ACCENT)))
    emblem = QRectF(band.left() + mm(3.5), band.center().y() - mm(3.5), mm(7), mm(7))
    if emblem_file(deck).exists():
        _svg(emblem_file(deck)).render(painter, emblem)
    name_rect = QRectF(emblem.right() + mm(2.5), band.top(), band.right() - emblem.right() - mm(6), band.height())
    name_font = font(Style(7, bold=True))
    painter.setFont(name_font)
    painter.setPen(QColor("#FFFFFF"))
    metrics = QFontMetricsF(name_font, painter.device())
    name = metrics.elidedText(deck.name.get(lang).upper(), Qt.TextElideMode.ElideRight, name_rect.width())
    painter.drawText(name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
    body = QRectF(
        rect.left() + mm(4), band.bottom() + mm(3.5), rect.width() - mm(8), rect.bottom() - band.bottom() - mm(7.5)
    )
    text = _fitted_card_text(painter.device(), card, lang, body)
    painter.translate(body.topLeft())
    text.draw(painter, 0, body.height())


def _card_text(device: QPaintDevice, parts: dict[str, str], width: float, scale: float) -> Text:
    text = Text(device, width, scale)
    for key, space in (("title", 0), ("prompt", 4), ("example", 5), ("source", 4)):
        if parts.get(key):
            text.para(parts[key], CARD_STYLES[key], space=space)
    return text


def _fitted_card_text(device: QPaintDevice, card: Card, lang: str, body: QRectF) -> Text:
    """Shrink the text until it fits; at the smallest size, shorten the example with a visible '…'."""
    parts = {key: value.get(lang) for key in CARD_STYLES if (value := getattr(card, key)) is not None}
    steps = round((1 - MIN_SCALE) / 0.04)
    for scale in [1 - 0.04 * i for i in range(steps)] + [MIN_SCALE]:
        text = _card_text(device, parts, body.width(), scale)
        if text.height <= body.height():
            return text
    for key in ("example", "prompt", "title"):
        full = (parts.get(key) or "").split()
        low, high = 0, len(full)  # the most words of `key` that fit, by bisection
        while low < high:
            mid = (low + high + 1) // 2
            trial = {**parts, key: " ".join(full[:mid]) + " …"}
            if _card_text(device, trial, body.width(), MIN_SCALE).height <= body.height():
                low = mid
            else:
                high = mid - 1
        parts[key] = " ".join([*full[:low], "…"])  # the '…' stays, even when no word fits
        text = _card_text(device, parts, body.width(), MIN_SCALE)
        log.warning("card %s (%s): its %s was shortened to fit the printed card", card.id, lang, key)
        if text.height <= body.height():
            break
    return text


def _back(painter: QPainter, rect: QRectF, deck: Deck, card: Card, lang: str) -> None:
    """The common back, with the deck's name on a ribbon so that printed decks can be sorted again."""
    painter.fillRect(rect, QColor("#FFFFFF"))
    look.deck_back().render(painter, rect)
    name_font = font(Style(6.5, bold=True))
    metrics = QFontMetricsF(name_font, painter.device())
    name = metrics.elidedText(deck.name.get(lang).upper(), Qt.TextElideMode.ElideRight, rect.width() - mm(20))
    ribbon = QRectF(0, 0, metrics.horizontalAdvance(name) + mm(6), mm(5.5))
    ribbon.moveCenter(QPointF(rect.center().x(), rect.top() + rect.height() * 0.8))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(deck.color or look.DECK_COLORS.get(deck.kind, look.ACCENT)))
    painter.drawRoundedRect(ribbon, ribbon.height() / 2, ribbon.height() / 2)
    painter.setFont(name_font)
    painter.setPen(QColor("#FFFFFF"))
    painter.drawText(ribbon, Qt.AlignmentFlag.AlignCenter, name)
