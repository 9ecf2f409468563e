"""How the game looks, for the screens (game/ui) and for what it prints and exports (game/io): colours, the
shipped font, each deck's colour and the deck's back. Imports no Qt at module level: the functions that need Qt's
painting classes import them when they run, so the command line can read the colours without a GUI."""

from functools import cache

from game import paths

PAPER = "#FBF6EC"
INK = "#2B2A33"
MUTED = "#5E5A66"
ACCENT = "#5B3FA8"
GOLD = "#E8B04B"
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


def load_fonts() -> None:
    """Register the shipped fonts so Cyrillic renders the same everywhere, offscreen included."""
    from PySide6.QtGui import QFontDatabase

    folder = paths.asset("fonts")
    for font in sorted(folder.glob("*.ttf")) if folder.is_dir() else []:
        QFontDatabase.addApplicationFont(str(font))


@cache
def deck_back():
    """The deck's back (an SVG renderer), drawn on the screen's card backs and on printed cards."""
    from PySide6.QtCore import Qt
    from PySide6.QtSvg import QSvgRenderer  # not needed for the first window

    renderer = QSvgRenderer(str(paths.asset("emblems", "deck-back.svg")))
    renderer.setAspectRatioMode(Qt.AspectRatioMode.IgnoreAspectRatio)  # the back covers the whole face
    return renderer
