"""Accessibility: every control has a name a screen reader can say (in the UI language), text contrast passes
WCAG AA, and a deck is never told by its colour alone."""

import re

import pytest
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from game.ui import theme
from tests.ui.test_fit import settle, walk_solo, walk_workshop

CONTROLS = (QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit, QAbstractItemView)
IDENTIFIER = re.compile(r"[a-z0-9]+([-_][a-z0-9]+)+|[a-z]+[A-Z]\w*")


def spoken_name(widget: QWidget) -> str:
    face = QAccessible.queryAccessibleInterface(widget)
    return face.text(QAccessible.Text.Name).strip() if face is not None else ""


def untranslated(name: str, lang: str) -> bool:
    """A Russian screen that names a control in English only (its own words, before a colon; data such as an
    idea, "WOW" or a team aside)."""
    name = re.sub(r"\b\d+(\.\d+){3}( · \S+)?", "", name.split(":")[0])  # a network address and its interface
    latin = re.sub(r"\b(WOW|Ctrl|Alt|Shift|F\d+|Team \d+|Anna|Boris)\b", "", name)
    return lang == "ru" and bool(re.search("[A-Za-z]{3,}", latin)) and not re.search("[А-Яа-яЁё]", name)


def unnamed(win: QWidget, lang: str = "en") -> list[str]:
    """Visible controls a screen reader cannot name, or names it with an identifier."""
    settle()
    found = []
    for widget in win.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible() or widget.objectName().startswith("qt_"):
            continue
        parent = widget.parentWidget()
        if isinstance(widget, QHeaderView) or isinstance(parent, QAbstractSpinBox) or (
            parent is not None and parent.objectName().startswith("qt_")
        ):
            continue  # the inner parts of a table, a date or a scroll bar
        name = spoken_name(widget)
        if not name or IDENTIFIER.fullmatch(name) or untranslated(name, lang):
            found.append(f"{type(widget).__name__}#{widget.objectName()} {name!r} ({widget.toolTip()[:40]})")
    return found


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_control_has_a_spoken_name(qtbot, open_window, lang):
    win = open_window(lang, ready=True)
    problems: list[str] = []

    def check(where: str) -> None:
        problems.extend(f"{where}: {p}" for p in unnamed(win, lang))

    assert win.content.scenarios
    check("home")
    win.solo.show_start()
    check("scenario picker")
    win.decks.show()
    check("decks")
    walk_solo(win, qtbot, check)
    win.show_library()
    check("library")
    walk_workshop(win, check)
    assert not problems, "\n".join(dict.fromkeys(problems))


def contrast(fore: str, back: str) -> float:
    """WCAG 2 contrast ratio of two colours."""

    def luminance(colour: str) -> float:
        c = QColor(colour)
        channels = []
        for v in (c.redF(), c.greenF(), c.blueF()):
            channels.append(v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4)
        r, g, b = channels
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(fore), luminance(back)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_formula():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize(("fore", "back"), theme.TEXT_PAIRS, ids=lambda c: c)
def test_text_contrast_passes_wcag_aa(fore, back):
    assert contrast(fore, back) >= 4.5, (fore, back, round(contrast(fore, back), 2))


def test_every_deck_shows_its_emblem_and_word_with_its_colour(qtbot, content):
    from game.ui.widgets import CardFace, deck_word

    for deck in content.decks.values():
        assert contrast("#FFFFFF", theme.DECK_COLORS[deck.kind]) >= 4.5, deck.kind
        face = CardFace(deck.cards[0], "en", deck=deck)
        qtbot.addWidget(face)
        assert not theme.emblem(deck.kind).isNull(), deck.kind
        assert face.deck_label.text() == deck_word(deck.kind).upper()


def tab_walk(qtbot, win, start: QWidget, steps: int = 80) -> list[QWidget]:
    """The widgets Tab visits from `start`, once round."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    start.setFocus()
    seen: list[QWidget] = [QApplication.focusWidget()]
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is seen[0]:
            break
        if widget not in seen:
            seen.append(widget)
    return seen


def reachable_controls(screen: QWidget) -> list[QWidget]:
    from PySide6.QtCore import Qt

    found = []
    for widget in screen.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible() or not widget.isEnabled():
            continue
        if isinstance(widget, QHeaderView) or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if isinstance(widget.parentWidget(), QAbstractSpinBox) or widget.objectName().startswith("qt_"):
            continue
        found.append(widget)
    return found


@pytest.mark.parametrize("where", ["home", "picker", "magic", "promise", "library", "setup"])
def test_every_control_is_reachable_by_keyboard(qtbot, open_window, where):
    from tests.ui.test_look import promise_screen, solo_at

    win = open_window("en", ready=True)
    win.resize(1366, 720)
    assert win.content.scenarios
    with qtbot.waitActive(win):
        win.activateWindow()
    if where == "picker":
        win.solo.show_start()
    elif where == "magic":
        solo_at(win, "magic")
    elif where == "promise":
        promise_screen(win)
    elif where == "library":
        win.show_library()
    elif where == "setup":
        win.workshop.show_start()
    settle()
    screen = win.current_screen()
    controls = reachable_controls(screen)
    walked = tab_walk(qtbot, win, controls[0])
    missing = [f"{type(w).__name__}#{w.objectName()} {spoken_name(w)!r}" for w in controls if w not in walked]
    assert not missing, missing
