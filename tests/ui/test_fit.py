"""Every screen fits a 1024×700 laptop and never grows the window by itself: content scrolls or reflows.

The screen's size is faked (`QScreen.availableGeometry`); each screen and each workshop stage is opened in both
languages at a laptop, a common notebook and a projector size (the window maximised, so the text is as large as
the game makes it), and the test fails when the window has grown past the screen, when a visible widget lies
outside the window, when a scroll area scrolls sideways or cuts its content, or when a button is narrower than
its words. The tests after it each hold one screen that did not fit, walked to as a user would.
"""

import contextlib
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from game.domain.ideas import VoteRefused
from game.domain.workshop import Team
from tests.library_data import add
from tests.play import fill_step

#: what a window may use: the screen less a panel (taskbar) and the window's title bar
SIZES = [(1024, 700), (1366, 768 - 48), (1920, 1080 - 48)]


@pytest.fixture
def screen_of(monkeypatch):
    """Fake the available screen geometry: `screen_of(w, h)` before the window opens (with the shipped font,
    as the game starts)."""
    from game.ui import theme

    theme.load_fonts()

    def fake(w: int, h: int) -> None:
        monkeypatch.setattr(QScreen, "availableGeometry", lambda self: QRect(0, 0, w, h))

    return fake


def settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def inside_scroll_area(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return True
        parent = parent.parentWidget()
    return False


def misfits(win: QWidget, size: tuple[int, int]) -> list[str]:
    """What does not fit: the window larger than the screen, widgets outside it or squeezed below their need."""
    settle()
    w, h = size
    found = []
    if win.width() > w or win.height() > h:
        found.append(f"window {win.width()}×{win.height()} on a {w}×{h} screen")
    if win.minimumSizeHint().width() > w or win.minimumSizeHint().height() > h:
        found.append(f"minimum {win.minimumSizeHint().toTuple()} on a {w}×{h} screen")
        if hasattr(win, "current_screen"):
            found += widest(win.current_screen().layout())
    frame = win.rect()
    for widget in win.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow() or inside_scroll_area(widget, win):
            continue
        rect = QRect(widget.mapTo(win, QPoint(0, 0)), widget.size())
        name = f"{type(widget).__name__}#{widget.objectName() or widget.accessibleName()}"
        if not frame.contains(rect):
            found.append(f"{name} at {rect.getRect()} outside {frame.getRect()}")
    return found + sideways(win) + squeezed(win)


def squeezed(win: QWidget) -> list[str]:
    """Buttons narrower than their words need: Qt cuts their text at both ends, with no "…"."""
    from PySide6.QtWidgets import QPushButton

    return [
        f"QPushButton “{button.text()}” {button.width()} px of {button.minimumSizeHint().width()}"
        for button in win.findChildren(QPushButton)
        if button.isVisible() and button.width() < button.minimumSizeHint().width()
    ]


def sideways(win: QWidget) -> list[str]:
    """Scroll areas that scroll sideways or cut their content at the right edge: text reads down, not across."""
    found = []
    for area in win.findChildren(QAbstractScrollArea):
        if not area.isVisible():
            continue
        name = f"{type(area).__name__}#{area.objectName() or area.accessibleName()}"
        if area.horizontalScrollBar().isVisible():
            found.append(f"{name} scrolls sideways ({area.horizontalScrollBar().maximum()} px)")
        content = getattr(area, "widget", lambda: None)()
        if content is not None and content.width() > area.viewport().width():
            found.append(f"{name} cuts its content: {content.width()} px in {area.viewport().width()}")
    return found


def walk_solo(win, qtbot, check) -> None:
    win.solo.start("solo-spark", seed=3)
    screen = win.current_screen()
    while not screen.round.finished:
        rnd = screen.round
        if rnd.step.kind in ("moment", "magic", "lens"):
            for n in range(4):
                rnd.add_idea(f"idea {n} at step {rnd.step_index}: " + "a somewhat longer idea " * (n + 1))
            screen.show_step()
        check(f"solo step {rnd.step_index + 1} {rnd.step.kind}")
        fill_step(rnd)
        screen.go_next()
    check("summary")


def workshop_at_check(win, players: list[str], idea: str, step_on):
    """Four Russian teams' workshop walked to its check step (`step_on(console)` at each step), each team with
    the idea at the idea step; the console."""
    teams = [Team(name, list(players)) for name in ("Лисы", "Совы", "Медведи", "Ежи")]
    win.workshop.start("classic-workshop", teams, {}, seed=5)
    console = win.current_screen()
    while console.ws.step.kind != "check":
        if console.ws.step.kind == "magic":
            for team in teams:
                console.ws.add_idea(idea, team.name)
        step_on(console)
    return console


def walk_workshop(win, check) -> None:
    win.workshop.show_start()
    check("workshop setup")
    teams = [Team(f"Team {n}", ["Anna", "Boris"]) for n in range(1, 5)]
    win.workshop.start("classic-workshop", teams, {}, seed=5)
    console = win.current_screen()
    ws = console.ws
    guard = 0
    while not ws.finished and guard < 40:
        guard += 1
        if ws.step.kind in ("moment", "magic", "lens", "obstacle"):
            for t in ws.teams:
                ws.add_idea(f"{t.name}: a small human idea for the client", team=t.name)
            console.show_step()
        check(f"workshop step {ws.step_index + 1} {ws.step.kind}")
        if ws.step.kind == "choose":
            for voter in ws.voters():
                for idea in ws.ideas:
                    with contextlib.suppress(VoteRefused):
                        ws.give_dot(idea.id, voter=voter)
            ws.revealed = True
            for idea in ws.chosen():
                ws.set_focus(idea.id, "wow")
            console.show_step()
            check("workshop votes revealed")
        if ws.step.kind == "promise":
            for idea in ws.chosen():
                ws.set_promise(idea.id, who="Anna", due="2030-01-31", first_step="Tell the team")
        before = ws.step_index
        console.go_next()
        assert ws.finished or ws.step_index != before, console.message.text()
    check("workshop summary")


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_screen_fits_and_never_grows_the_window(qtbot, open_window, library_home, screen_of, lang, size):
    today = date.today()
    for n in range(7):
        add(library_home, f"Promise {n}: a rather long title that goes on and on about a client",
            promise_who="Oleg", promise_due=today + timedelta(days=1), status="planned")  # fmt: skip
    screen_of(*size)
    win = open_window(lang, ready=True)
    win.resize(*size)  # maximised: the text grows with the window
    problems: list[str] = []

    def check(where: str) -> None:
        problems.extend(f"{where}: {p}" for p in misfits(win, size))
        if win.workshop.presenter is not None:  # the room's view, a window of its own (a screen of its own without one)
            problems.extend(f"{where}, presenter: {p}" for p in misfits(win.workshop.presenter, size))

    assert win.content.scenarios
    win.solo.start("solo-spark", seed=3)
    win.show_home()
    win.show_due()
    check("home with a round and promises due")
    win.solo.show_start()
    check("scenario picker")
    win.decks.show()
    check("decks")
    walk_solo(win, qtbot, check)
    win.show_library()
    check("library")
    walk_workshop(win, check)
    assert not problems, "\n".join(problems)


def widest(layout, depth: int = 0) -> list[str]:
    """The layout's items with their minimum widths (to say what makes a screen too wide)."""
    lines = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        widget = item.widget()
        name = type(widget).__name__ + "#" + widget.objectName() if widget else type(item).__name__
        lines.append(f"{'  ' * depth}{name} {item.minimumSize().toTuple()}")
        if item.layout() is not None:
            lines += widest(item.layout(), depth + 1)
    return lines


def test_home_with_promises_due_then_continue_keeps_back_and_next_in_sight(qtbot, open_window, library_home, screen_of):
    """The newcomer's path: a round in play, five promises due, a 1366×768 notebook; Continue."""
    today = date.today()
    for n in range(5):
        add(library_home, f"Promise {n}", promise_who="Oleg", promise_due=today, status="planned")
    screen_of(1366, 720)
    win = open_window("ru", ready=True)
    assert win.content.scenarios
    win.solo.start("solo-spark", seed=3)
    win.show_home()
    home = win.current_screen()
    qtbot.waitUntil(lambda: home.due is not None and home.due.isVisible())
    assert win.height() <= 720
    qtbot.mouseClick(home.resume_button, Qt.MouseButton.LeftButton)
    round_screen = win.current_screen()
    settle()
    for button in (round_screen.back_button, round_screen.next_button):
        assert win.rect().contains(QRect(button.mapTo(win, QPoint(0, 0)), button.size()))
    assert win.height() <= 720


def test_promise_cards_at_1024x700_fit_the_width_with_no_sideways_scroll(qtbot, open_window, screen_of):
    """Two chosen ideas on a 1024×700 laptop: both promise cards are in sight, stacked if need be, not one of them
    behind a horizontal scroll bar."""
    from PySide6.QtWidgets import QFrame, QPushButton, QScrollArea

    from game.ui.step_panels import PromisePanel
    from tests.ui.conftest import click, type_text

    screen_of(1024, 700)
    win = open_window("ru")
    win.resize(1024, 700)
    click(qtbot, win.current_screen().solo_button)
    click(qtbot, win.current_screen().buttons["solo-spark"])
    screen = win.current_screen()
    go_on = lambda: click(qtbot, screen.next_button)  # noqa: E731
    for _ in range(3):  # the client, the moment and the lens
        go_on()
    assert screen.round.step.kind == "magic", screen.message.text()
    for text in ("Вернуть забытый шарф с фотографиями «его дня у нас»", "Сообщение, когда машина готова, с фото"):
        type_text(qtbot, screen.panel.ideas.input, text)
        qtbot.keyClick(screen.panel.ideas.input, Qt.Key.Key_Return)
    go_on()
    go_on()
    assert screen.round.step.kind == "choose"
    for idea, focus in zip(screen.round.ideas, ("wow", "fix"), strict=True):
        click(qtbot, screen.panel.findChild(QPushButton, f"dot-plus-{idea.id}"))
        click(qtbot, screen.panel.chip(idea.id, focus))
    go_on()
    assert isinstance(screen.panel, PromisePanel)
    settle()
    assert win.width() <= 1024 and win.height() <= 700
    scroll = screen.panel.findChild(QScrollArea)
    assert not scroll.horizontalScrollBar().isVisible(), "the promises scroll sideways"
    viewport = scroll.viewport()
    cards = [c for c in scroll.widget().findChildren(QFrame) if c.objectName() == "panel"]
    assert len(cards) == 2
    for card in cards:
        left = card.mapTo(viewport, QPoint(0, 0)).x()
        assert left >= 0 and left + card.width() <= viewport.width(), (left, card.width(), viewport.width())
        for field in card.findChildren(QWidget):  # nothing squeezed below what it needs
            if field.isVisible():
                assert field.width() >= field.minimumSizeHint().width(), field.objectName()


def reads_down(scroll) -> list[str]:
    """What of a scroll area's content lies right of its viewport (cut, or reached only by scrolling sideways)."""
    viewport = scroll.viewport()
    found = [] if not scroll.horizontalScrollBar().isVisible() else ["a sideways scroll bar"]
    for widget in scroll.widget().findChildren(QWidget):
        if widget.isVisible():
            right = widget.mapTo(viewport, QPoint(widget.width(), 0)).x()
            if right > viewport.width():
                found.append(f"{type(widget).__name__}#{widget.objectName()} ends at {right} of {viewport.width()}")
    return found


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_revealed_votes_on_a_laptop_console_are_not_cut_at_the_right_edge(qtbot, open_window, screen_of, lang):
    """Revealed totals widen each vote tile: on a 1024×700 console two tiles no longer fit side by side."""
    from PySide6.QtWidgets import QScrollArea

    from game.ui.vote_panel import VotePanel
    from tests.ui.conftest import click

    screen_of(1024, 700)
    win = open_window(lang)
    win.resize(1024, 700)
    win.workshop.start("classic-workshop", [Team(name, []) for name in ("Foxes", "Owls", "Bears")], {}, seed=7)
    console = win.current_screen()
    ws = console.ws
    while ws.step.kind != "magic":
        console.skip()
    for n in range(6):
        ws.add_idea(f"A small human idea number {n} for the client", ws.teams[n % 3].name)
    while ws.step.kind != "choose":
        console.skip()
    for voter, ideas in ((ws.teams[0].name, (2, 3)), (ws.teams[1].name, (1, 3)), (ws.teams[2].name, (1, 4))):
        for idea_id in ideas:
            ws.give_dot(idea_id, voter)
    console.show_step()
    assert isinstance(console.panel, VotePanel)
    click(qtbot, console.buttons["reveal"])
    assert ws.revealed
    settle()
    assert reads_down(console.panel.findChild(QScrollArea)) == []


@pytest.mark.parametrize("where", ["solo", "workshop"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_check_table_keeps_the_idea_readable_and_never_scrolls_sideways(qtbot, open_window, screen_of, size, where):
    """Eight Russian check titles took the whole width: the idea column shrank to "Вер…" at 1024×700 and the
    workshop's table (teams, shortlist) scrolled sideways even on a projector. The headings now fold to two lines,
    or to the keys 1–8, so the idea keeps room for the start of a sentence."""
    from game.ui.step_panels import CheckPanel
    from tests.ui.conftest import click

    screen_of(*size)
    win = open_window("ru")
    win.resize(*size)
    if where == "solo":
        click(qtbot, win.current_screen().solo_button)
        click(qtbot, win.current_screen().buttons["solo-spark"])
        screen = win.current_screen()
        for _ in range(3):
            click(qtbot, screen.next_button)
        screen.panel.ideas.input.setText("Вернуть забытый шарф с фотографиями «его дня у нас»")
        click(qtbot, screen.next_button)
    else:
        screen = workshop_at_check(win, ["Анна", "Борис"], "Вернуть забытый шарф с фотографиями «его дня у нас»",
                                   lambda console: click(qtbot, console.buttons["next"]))
    assert isinstance(screen.panel, CheckPanel)
    settle()
    table = screen.panel.table
    assert not table.horizontalScrollBar().isVisible(), [table.columnWidth(c) for c in range(table.columnCount())]
    assert table.columnWidth(0) >= table.fontMetrics().averageCharWidth() * 30, table.columnWidth(0)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_library_detail_pane_at_1024x700_reads_down_without_a_sideways_scroll(qtbot, open_window, library_home,
                                                                                screen_of, lang):  # fmt: skip
    """The idea's story beside the list: at 1024×700 its fields ran past the pane's right edge behind a sideways
    scroll bar."""
    screen_of(1024, 700)
    add(library_home, "Free tea while the tyres are changed", promise_who="Anna")
    win = open_window(lang, ready=True)
    win.resize(1024, 700)
    win.actions_["library"].trigger()
    screen = win.current_screen()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    rect = screen.table.visualRect(screen.model.index(0, 0))
    qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert screen.detail.widgets["title"].text() == "Free tea while the tyres are changed"
    settle()
    assert reads_down(screen.detail) == []
    for name, field in screen.detail.widgets.items():  # each field at least as wide as it needs
        assert field.width() >= field.minimumSizeHint().width(), name


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_four_teams_fit_side_by_side_on_a_laptop_console(qtbot, open_window, screen_of, lang):
    """Four teams (the usual room) at 1024×700: every team's column and its input line in sight, none of them
    behind a sideways scroll bar (eight teams may still scroll)."""
    from PySide6.QtWidgets import QScrollArea

    from game.ui.team_panels import TeamsPanel

    screen_of(1024, 700)
    win = open_window(lang)
    win.resize(1024, 700)
    teams = [Team(name, ["Anna", "Boris"]) for name in ("Foxes", "Owls", "Bears", "Hedgehogs from accounting")]
    win.workshop.start("classic-workshop", teams, {}, seed=5)
    console = win.current_screen()
    while console.ws.step.kind != "magic":
        console.skip()
    for t in teams:
        console.ws.add_idea("Send the forgotten scarf back with photos of its day with us", t.name)
    console.show_step()
    settle()
    panel = console.panel
    assert isinstance(panel, TeamsPanel)
    assert reads_down(panel.findChild(QScrollArea)) == []
    for column in panel.columns:
        assert column.input.width() >= column.input.minimumSizeHint().width()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_workshop_setup_tick_boxes_line_up(qtbot, open_window, screen_of, size):
    """At 1366×768 two tick boxes sat in the field column and two under the labels: they start at one edge."""
    from PySide6.QtWidgets import QCheckBox

    screen_of(*size)
    win = open_window("en")
    win.resize(*size)
    win.workshop.show_start()
    settle()
    boxes = [b for b in win.current_screen().findChildren(QCheckBox) if b.isVisible()]
    assert len(boxes) >= 3
    assert len({b.mapTo(win, QPoint(0, 0)).x() for b in boxes}) == 1, [b.text() for b in boxes]


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_library_column_headings_are_whole(qtbot, open_window, library_home, screen_of, size, lang):
    """At 1920×1080 the text is larger, but the columns kept a width measured in the small start-up font:
    "К какому сроку" showed as "какому срок", cut at both ends with no "…"."""
    screen_of(*size)
    add(library_home, "Free tea while the tyres are changed", promise_who="Anna", promise_due=date.today())
    win = open_window(lang, ready=True)
    win.resize(*size)
    win.actions_["library"].trigger()
    screen = win.current_screen()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    settle()
    header = screen.table.horizontalHeader()
    for col in range(1, screen.model.columnCount()):
        label = screen.model.headerData(col, Qt.Orientation.Horizontal)
        assert header.sectionSize(col) >= header.fontMetrics().horizontalAdvance(label) + 8, label


def test_the_library_table_keeps_the_idea_readable_on_a_laptop(qtbot, open_window, library_home, screen_of):
    """At 1024×700 in Russian the heading «К какому сроку» and the other columns took the table's width: the idea
    column showed two letters and the table scrolled sideways. The column is «Срок» now (the promise form keeps
    its question)."""
    screen_of(1024, 700)
    for n in range(3):
        add(library_home, f"Отправлять как дела после визита {n}", status="tried", promise_who="Ольга",
            promise_due=date.today(), tags=",офис,чат,follow-up,", focus="wow")  # fmt: skip
    win = open_window("ru", ready=True)
    win.resize(1024, 700)
    win.actions_["library"].trigger()
    screen = win.current_screen()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 3)
    settle()
    table = screen.table
    assert not table.horizontalScrollBar().isVisible(), [table.columnWidth(c) for c in range(7)]
    assert table.columnWidth(0) >= table.fontMetrics().averageCharWidth() * 12, table.columnWidth(0)


def test_the_consoles_check_table_keeps_its_rows_on_a_laptop(qtbot, open_window, screen_of):
    """At 1024×700 the eight questions under the console's check table took half its height: five rows showed.
    On a short screen the legend gives the titles (the questions in its tooltip and on the projector)."""
    from game.ui.step_panels import CheckPanel

    screen_of(1024, 700)
    win = open_window("ru")
    win.resize(1024, 700)
    console = workshop_at_check(win, [], "Вернуть забытый шарф с фотографиями", lambda console: console.skip())
    console.show_step()
    settle()
    panel = console.panel
    assert isinstance(panel, CheckPanel)
    table = panel.table
    assert table.rowCount() >= 8
    assert table.viewport().height() >= 7 * table.rowHeight(0), (table.viewport().height(), table.rowHeight(0))
    assert "1 " in panel.hint.text() and panel.hint.toolTip().count("?") >= 8  # every question still at hand


def test_summary_tiles_side_by_side_start_their_words_at_the_top(qtbot, open_window, screen_of):
    """A short idea beside one that wraps: its title floated to the middle of the taller tile."""
    from PySide6.QtWidgets import QFrame, QLabel

    screen_of(1024, 700)
    win = open_window("en")
    win.resize(1024, 700)
    win.solo.start("solo-spark", seed=3)
    screen = win.current_screen()
    rnd = screen.round
    while rnd.step.kind != "choose":
        if rnd.step.kind == "magic":
            rnd.add_idea("Send the forgotten scarf back with photos of its day with us, and a note from the staff")
            rnd.add_idea("Free tea")
        screen.go_next()
    for idea, focus in zip(rnd.ideas, ("wow", "fix"), strict=True):
        rnd.give_dot(idea.id)
        rnd.set_focus(idea.id, focus)
    screen.go_next()
    for idea in rnd.chosen():
        rnd.set_promise(idea.id, who="Anna", due="2030-01-31", first_step="Tell the team")
    screen.go_next()
    settle()
    tiles = [t for t in win.current_screen().findChildren(QFrame) if t.objectName() == "panel" and t.isVisible()]
    assert len(tiles) == 2
    for tile in tiles:  # no label taller than its words (QLabel centres them: the title floated down)
        for label in tile.findChildren(QLabel):
            assert label.height() <= label.heightForWidth(label.width()) + 2, label.text()
