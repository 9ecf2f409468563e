"""Colours, emblems, fonts and the style sheet: how every screen looks, in one place."""

from functools import cache

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontDatabase, QIcon, QPixmap

from game import paths

PAPER = "#FBF6EC"
INK = "#2B2A33"
MUTED = "#5E5A66"
ACCENT = "#5B3FA8"
GOLD = "#E8B04B"
SELECTED = "#E6DDF5"  #: a chosen row: the accent, pale, under ink-coloured text
FONT_FAMILY = "Open Sans"

#: Each deck's colour (white text on it passes WCAG AA); emblem + deck name are always shown too.
DECK_COLORS = {
    "business": "#2F5D8A",
    "client": "#8E3B76",
    "touchpoint": "#1F7A6D",
    "lens": "#85651A",
    "technomagic": "#5B3FA8",
    "constraint": "#4F5D6B",
    "check": "#3F7A2A",
    "obstacle": "#B03A2E",
    "warmup": "#A84A10",
}


#: every text colour on the background it is drawn on (a test holds each pair to WCAG AA, 4.5:1)
TEXT_PAIRS = [
    (INK, PAPER),
    (INK, "#FFFFFF"),
    (MUTED, PAPER),
    (MUTED, "#FFFFFF"),
    (ACCENT, PAPER),  # the title, the timer, the dots
    ("#FFFFFF", ACCENT),  # primary buttons, the current step, a checked chip
    ("#8A3B12", PAPER),  # a problem said under the step
    ("#B03A2E", "#FFFFFF"),  # the timer at 00:00
    ("#6B6773", "#FFFFFF"),  # a disabled button's text
    (INK, SELECTED),  # a chosen row
    *(("#FFFFFF", colour) for colour in DECK_COLORS.values()),  # the deck's word on its band
]


def load_fonts() -> None:
    """Register the shipped fonts so Cyrillic renders the same everywhere, offscreen included."""
    folder = paths.asset("fonts")
    for font in sorted(folder.glob("*.ttf")) if folder.is_dir() else []:
        QFontDatabase.addApplicationFont(str(font))


@cache
def emblem(kind: str, size: int = 28) -> QPixmap:
    path = paths.asset("emblems", f"{kind}.svg")
    if not path.exists():
        return QPixmap()
    return QIcon(str(path)).pixmap(QSize(size, size))


@cache
def deck_back():
    from PySide6.QtSvg import QSvgRenderer  # not needed for the first window

    renderer = QSvgRenderer(str(paths.asset("emblems", "deck-back.svg")))
    renderer.setAspectRatioMode(Qt.AspectRatioMode.IgnoreAspectRatio)  # the back covers the whole face
    return renderer


def app_icon() -> QIcon:
    return QIcon(str(paths.asset("icon.svg")))


def stylesheet(base: int) -> str:
    """The whole style sheet for a base text size in px (it grows with the window)."""
    arrow = paths.asset("emblems", "down-arrow.svg").as_posix()
    bands = "\n".join(f'QFrame#band[kind="{kind}"] {{ background: {color}; }}' for kind, color in DECK_COLORS.items())
    return f"""
    QWidget {{ font-family: "{FONT_FAMILY}"; font-size: {base}px; color: {INK}; }}
    QMainWindow, QStackedWidget > QWidget, QScrollArea, QScrollArea > QWidget > QWidget {{ background: {PAPER}; }}
    QDialog, QMessageBox {{ background: {PAPER}; }}
    QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
    QLabel#screenTitle {{ font-size: {int(base * 2.1)}px; font-weight: 700; }}
    QLabel#gameTitle {{ font-size: {int(base * 3)}px; font-weight: 700; color: {ACCENT}; }}
    QLabel#tagline, QLabel#muted {{ color: {MUTED}; }}
    QLabel#instruction {{ font-size: {int(base * 1.25)}px; }}
    QLabel#problem {{ color: #8A3B12; }}
    QPushButton {{ background: #FFFFFF; border: 2px solid #D9CFBF; border-radius: 10px;
                   padding: {base // 2}px {base}px; }}
    QPushButton:hover {{ border-color: {ACCENT}; }}
    QPushButton:focus {{ border: 3px solid {ACCENT}; }}
    QPushButton:disabled {{ color: #6B6773; }}
    QPushButton#primary {{ background: {ACCENT}; color: #FFFFFF; border-color: {ACCENT}; font-weight: 700; }}
    QPushButton#primary:focus {{ border: 3px solid {GOLD}; }}
    QPushButton#big {{ font-size: {int(base * 1.5)}px; font-weight: 700; padding: {base}px {base * 2}px; }}
    QPushButton#bigPrimary {{ font-size: {int(base * 1.5)}px; font-weight: 700; padding: {base}px {base * 2}px;
                              background: {ACCENT}; color: #FFFFFF; border-color: {ACCENT}; }}
    QPushButton#bigPrimary:focus {{ border: 3px solid {GOLD}; }}
    QPushButton#chip {{ border-radius: 14px; padding: 2px {base // 2}px; }}
    QPushButton#chip:checked {{ background: {ACCENT}; color: #FFFFFF; border-color: {ACCENT}; }}
    QPushButton#chip:checked:focus {{ border: 3px solid {GOLD}; }}
    QLineEdit, QPlainTextEdit, QTextEdit, QDateEdit, QComboBox {{ background: #FFFFFF; border: 2px solid #D9CFBF;
                   border-radius: 8px; padding: 4px 6px; }}
    QComboBox::drop-down, QDateEdit::drop-down {{ border: none; width: 22px; }}
    QComboBox::down-arrow, QDateEdit::down-arrow {{ image: url({arrow}); width: 12px; height: 12px; }}
    QAbstractItemView QLineEdit {{ padding: 0px 4px; border-width: 1px; border-radius: 4px; }}
    QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QDateEdit:focus, QComboBox:focus {{
                   border-color: {ACCENT}; }}
    QFrame#card {{ background: #FFFFFF; border: 1px solid #E2D8C6; border-radius: 16px; }}
    QFrame#card QLabel {{ background: transparent; }}
    QLabel#cardTitle {{ font-size: {int(base * 1.5)}px; font-weight: 700; }}
    QLabel#cardPrompt {{ font-size: {int(base * 1.1)}px; }}
    QLabel#cardExample {{ color: {MUTED}; font-style: italic; }}
    QLabel#cardSource {{ color: {MUTED}; font-size: {int(base * 0.85)}px; }}
    QLabel#timer {{ font-size: {int(base * 3.2)}px; font-weight: 700; color: {ACCENT}; }}
    QLabel#timer[alarm="true"] {{ color: #B03A2E; }}
    QLabel#timer[paused="true"] {{ color: {MUTED}; }}
    QLineEdit[missing="true"], QDateEdit[missing="true"] {{ border: 2px solid #B03A2E; background: #FFF4F1; }}
    QLabel#stepBarItem {{ color: {MUTED}; padding: 2px 6px; }}
    QLabel#stepBarItem[current="true"] {{ color: #FFFFFF; background: {ACCENT}; border-radius: 10px;
                                           font-weight: 700; }}
    QFrame#panel {{ background: #FFFFFF; border: 1px solid #E2D8C6; border-radius: 14px; }}
    QFrame#panel QLabel {{ background: transparent; }}
    QLabel#dots {{ font-size: {int(base * 1.6)}px; color: {ACCENT}; }}
    QFrame#band {{ border-top-left-radius: 15px; border-top-right-radius: 15px; background: {ACCENT}; }}
    QFrame#band QLabel {{ color: #FFFFFF; font-weight: 700; }}
    {bands}
    QListWidget#ideaList::item {{ padding: 6px 4px; border-bottom: 1px solid #EEE5D5; }}
    QListWidget#ideaList::item:selected {{ background: {SELECTED}; color: {INK}; }}
    QAbstractItemView {{ selection-background-color: {SELECTED}; selection-color: {INK}; }}
    QListWidget, QTableWidget, QTreeWidget {{ background: #FFFFFF; border: 1px solid #E2D8C6;
                                             border-radius: 8px; }}
    """


def flag_style(widget, name: str, value: bool) -> None:
    """Set a dynamic property used by the style sheet and re-polish the widget."""
    widget.setProperty(name, "true" if value else "false")
    widget.style().unpolish(widget)
    widget.style().polish(widget)
