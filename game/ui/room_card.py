"""The room on the projector: the join card (a large QR code, the short address, the 4-character code and how
many phones have joined each team) and, during the steps, a small strip in a corner that says the same."""

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from game.ui import theme
from game.ui.widgets import tr


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR code's modules (True = dark), from segno (pure Python)."""
    import segno

    return [[bool(m) for m in row] for row in segno.make(text, error="m", boost_error=False).matrix]


def qr_image(text: str, scale: int = 8, border: int = 4) -> QImage:
    """The QR code as a black-on-white image, `scale` pixels per module (for a screenshot or the self-test)."""
    matrix = qr_matrix(text)
    size = (len(matrix) + 2 * border) * scale
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect((x + border) * scale, (y + border) * scale, scale, scale, QColor("#000000"))
    painter.end()
    return image


class QrCode(QWidget):
    """A QR code painted crisp at any size (whole pixels per module, a white quiet zone of four modules)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.text = ""
        self.matrix: list[list[bool]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(60, 60))

    def set_text(self, text: str) -> None:
        if text != self.text:
            self.text = text
            self.matrix = qr_matrix(text) if text else []
            self.setAccessibleName(text)
            self.update()

    def paintEvent(self, event) -> None:
        if not self.matrix:
            return
        side = min(self.width(), self.height())
        modules = len(self.matrix) + 8
        scale = max(1, side // modules)
        full = modules * scale
        left, top = (self.width() - full) // 2, (self.height() - full) // 2
        painter = QPainter(self)
        painter.fillRect(QRect(left, top, full, full), QColor("#FFFFFF"))
        black = QColor("#000000")
        for y, row in enumerate(self.matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(left + (x + 4) * scale, top + (y + 4) * scale, scale, scale, black)
        painter.end()


def _label(name: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class JoinCard(QWidget):
    """The presenter's page while the room joins: scan, or type the address and the code."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("joinCard")
        row = QHBoxLayout(self)
        row.setContentsMargins(48, 32, 48, 32)
        row.setSpacing(48)
        self.qr = QrCode(self)
        self.qr.setObjectName("joinQr")
        row.addWidget(self.qr, 5)
        words = QVBoxLayout()
        words.addStretch(1)
        self.title = _label("screenTitle", self)
        self.address = _label("joinAddress", self)
        self.code = _label("joinCode", self)
        self.counts = _label("instruction", self)
        for widget in (self.title, self.address, self.code, self.counts):
            words.addWidget(widget)
        words.addStretch(1)
        row.addLayout(words, 4)

    def resizeEvent(self, event) -> None:
        base = max(14, self.height() // 36)
        self.address.setStyleSheet(f"font-size: {int(base * 1.3)}px;")
        self.code.setStyleSheet(
            f"font-size: {base * 4}px; font-weight: 700; letter-spacing: {base // 2}px; color: {theme.ACCENT};"
        )
        super().resizeEvent(event)

    def show_room(self, room) -> None:
        self.qr.set_text(room.url())
        self.title.setText(tr("Join from your phone: scan the code"))
        self.address.setText(tr("or open {0} and type the code").format(f"http://{room.address()}/"))
        self.code.setText(room.room.code)
        self.counts.setText(counts_text(room))


def counts_text(room) -> str:
    counts = room.counts()
    joined = sum(counts.values())
    per_team = " · ".join(f"{team}: {n}" for team, n in counts.items())
    locked = " · " + tr("the room is locked") if room.room.locked else ""
    return tr("Joined: {0}").format(joined) + f" ({per_team})" + locked


class CornerStrip(QFrame):
    """A small QR code with the address and the code, kept in the presenter's bottom-right corner."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("joinStrip")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(
            f"QFrame#joinStrip {{ background: #FFFFFF; border: 1px solid #D9CFBF; border-radius: 6px; }}"
            f"QFrame#joinStrip QLabel {{ color: {theme.INK}; background: transparent; }}"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 6, 10, 6)
        self.qr = QrCode(self)
        row.addWidget(self.qr)
        self.words = QLabel(self)
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.words)
        parent.installEventFilter(self)

    def show_room(self, room) -> None:
        words = f"{room.address()}\n{tr('Code')}: {room.room.code}"
        if words != self.words.text() or self.qr.text != room.url():
            self.qr.set_text(room.url())
            self.words.setText(words)
            self.place()

    def place(self) -> None:
        parent = self.parentWidget()
        side = max(72, parent.height() // 9)
        self.qr.setFixedSize(side, side)
        font = self.words.font()
        font.setPixelSize(max(12, side // 5))
        self.words.setFont(font)
        self.adjustSize()
        self.move(parent.width() - self.width() - 12, parent.height() - self.height() - 12)
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.place()
        return False
