"""Emblems, the icon and the style sheet: how every screen looks. The colours, the font and the deck's back live
in game/look.py (the exports use them too) and are re-exported here for the screens."""

from functools import cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap

from game import paths
from game.look import ACCENT, DECK_COLORS, FONT_FAMILY, GOLD, INK, MUTED, PAPER, deck_back, load_fonts

__all__ = ["ACCENT", "DECK_COLORS", "FONT_FAMILY", "GOLD", "INK", "MUTED", "PAPER", "deck_back", "load_fonts"]
SELECTED = "#E6DDF5"  #: a chosen row: the accent, pale, under ink-coloured text

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


@cache
def emblem(kind: str, size: int = 28, deck=None) -> QPixmap:
    """The deck's emblem: its own picture (`art/NAME.svg` beside a user's deck), a shipped one it names, or its
    kind's."""
    own = getattr(deck, "emblem", None)
    if own and own.endswith(".svg") and (deck.path.parent / own).is_file():
        return QIcon(str(deck.path.parent / own)).pixmap(QSize(size, size))
    path = paths.asset("emblems", f"{own or kind}.svg")
    if not path.exists():
        return QPixmap()
    return QIcon(str(path)).pixmap(QSize(size, size))


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
    QLineEdit[missing="true"], QPlainTextEdit[missing="true"] {{ border-color: #C77C1E; }}
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
    QScrollArea#cardStory, QScrollArea#cardStory > QWidget > QWidget {{ background: transparent; }}
    QLabel#cardTitle {{ font-size: {int(base * 1.5)}px; font-weight: 700; }}
    QLabel#cardPrompt {{ font-size: {int(base * 1.1)}px; }}
    QLabel#cardExample {{ color: {MUTED}; font-style: italic; }}
    QLabel#cardSource {{ color: {MUTED}; font-size: {int(base * 0.85)}px; }}
    QLabel#cardWhy {{ font-size: {int(base * 0.95)}px; }}
    QFrame#band QLabel#cardMarks {{ font-weight: 400; font-size: {int(base * 0.85)}px; }}
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
