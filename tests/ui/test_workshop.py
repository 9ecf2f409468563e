"""A trainer runs a classic workshop for three teams with clicks and keys, and the library keeps the room's work."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateEdit, QLineEdit, QPlainTextEdit, QPushButton

from game.domain.workshop import Team
from game.ui.console import WorkshopConsole
from game.ui.screens import HomeScreen, SummaryScreen
from game.ui.team_panels import TeamsPanel
from game.ui.vote_panel import VotePanel
from game.ui.workshop_setup import WorkshopSetup
from tests.ui.conftest import click, run_then_kill, type_text, when_modal


def key(qtbot, console: WorkshopConsole, sequence: str) -> None:
    """Press a shortcut the way a person does: on whatever has focus in the console."""
    from PySide6.QtGui import QKeySequence

    combo = QKeySequence(sequence)[0]
    target = console.focusWidget() or console
    qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())


def console_of(win) -> WorkshopConsole:
    screen = win.current_screen()
    assert isinstance(screen, WorkshopConsole), type(screen)
    return screen


def type_idea(qtbot, console: WorkshopConsole, team: int, text: str) -> None:
    key(qtbot, console, f"Alt+{team}")
    line = console.panel.findChild(QLineEdit, f"teamInput-{team}")
    assert line.hasFocus()
    type_text(qtbot, line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def set_up_three_teams(qtbot, win) -> WorkshopConsole:
    home = win.current_screen()
    assert isinstance(home, HomeScreen)
    click(qtbot, home.workshop_button)
    setup = win.current_screen()
    assert isinstance(setup, WorkshopSetup)
    assert setup.scenario.currentData() == "classic-workshop"
    for n, name in enumerate(("Лисы", "Owls", "Bears 🐻"), 1):
        type_text(qtbot, setup.findChild(QLineEdit, f"teamName-{n}"), name)
    type_text(qtbot, setup.findChild(QLineEdit, "teamPlayers-1"), "Anna, Boris")
    click(qtbot, setup.start)
    console = console_of(win)
    with qtbot.waitActive(win):
        win.activateWindow()
    return console


def test_a_whole_classic_workshop_with_three_teams(qtbot, open_window):
    win = open_window(ready=True)
    console = set_up_three_teams(qtbot, win)
    ws = console.ws
    assert [t.name for t in ws.teams] == ["Лисы", "Owls", "Bears 🐻"]
    assert ws.team("Лисы").players == ["Anna", "Boris"]
    assert win.workshop.presenter.isVisible()
    assert (ws.ballot.dots, ws.ballot.cap, ws.ballot.self_votes) == (3, 2, False)

    # The room needs no warm-up: skip it.
    assert ws.step.kind == "warmup"
    click(qtbot, console.buttons["skip"])
    assert ws.step.kind == "client" and ws.skipped == [0]
    type_text(qtbot, console.findChild(QPlainTextEdit, "noteEdit"), "Лисы: «я жду честности»")
    key(qtbot, console, "Ctrl+Return")

    assert ws.step.kind == "moment"
    assert isinstance(console.panel, TeamsPanel)
    type_idea(qtbot, console, 1, "Фото игрушки на каникулах")
    type_idea(qtbot, console, 2, "Holiday photos of the forgotten toy")
    type_idea(qtbot, console, 3, "Free tray when one is dropped 🍽")
    assert [i.team for i in ws.ideas] == ["Лисы", "Owls", "Bears 🐻"]
    assert win.workshop.presenter.wall.groups[0][1] == [("1.", "Фото игрушки на каникулах")]

    # A break: the projector shows it full screen and the step's timer waits.
    key(qtbot, console, "Ctrl+B")
    assert ws.on_break and not ws.timer.running
    assert win.workshop.presenter.pages.currentIndex() == 1
    assert win.workshop.presenter.break_line.text() == "Want to listen to the radio?"
    key(qtbot, console, "Ctrl+B")
    assert not ws.on_break and ws.timer.running
    assert win.workshop.presenter.pages.currentIndex() == 0

    key(qtbot, console, "Alt+Right")
    assert ws.step.kind == "lens"
    key(qtbot, console, "Ctrl+Return")
    assert ws.step.kind == "magic"
    type_idea(qtbot, console, 1, "Call back in ten minutes")
    type_idea(qtbot, console, 2, "Tea while you wait")

    # Two teams said the same thing: merge Owls' photos into the Foxes' idea.
    owls = console.panel.columns[1].list
    owls.setCurrentRow(0)
    owls.setFocus()
    when_modal(lambda dialog: (dialog.list.setCurrentRow(0), dialog.accept()))
    key(qtbot, console, "Ctrl+G")
    assert [i.id for i in ws.ideas] == [1, 3, 4, 5]
    assert ws.idea(1).authors() == ["Лисы", "Owls"]
    with qtbot.waitActive(win):  # the dialog gave the window back (a desktop's window manager does this itself)
        win.activateWindow()
    key(qtbot, console, "Ctrl+Return")
    assert (ws.step_index, ws.step.kind) == (5, "magic")  # the second technique
    key(qtbot, console, "Ctrl+Return")

    # The check runs on each team's shortlist: an idea is checked once its team puts it forward (S).
    assert ws.step.kind == "check"
    table = console.panel.table
    assert [table.verticalHeaderItem(r).text() for r in range(table.rowCount())] == ["Лисы", "Лисы", "Owls", "Bears 🐻"]
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_1)
    assert ws.idea(1).score == 0
    qtbot.keyClick(table, Qt.Key.Key_S)
    qtbot.keyClick(table, Qt.Key.Key_1)
    assert ws.shortlists == {"Лисы": [1]} and ws.idea(1).score == 1
    key(qtbot, console, "Ctrl+Return")

    # Voting: three dots a team, two at most on one idea, none on its own ideas.
    assert ws.step.kind == "choose"
    panel = console.panel
    assert isinstance(panel, VotePanel)

    def dot(idea_id: int, sign: str = "plus") -> None:
        click(qtbot, panel.findChild(QPushButton, f"dot-{sign}-{idea_id}"))

    dot(1)
    assert console.message.text() == "In this scenario you cannot vote for your own idea."
    dot(3)
    dot(3)
    dot(3)
    assert console.message.text() == "This idea already has as many dots as one player may give it."
    dot(5)
    dot(5)
    assert console.message.text() == "No dots left: take one back from another idea first."
    assert ws.ballot.given["Лисы"] == {3: 2, 5: 1}
    assert win.workshop.presenter.wall.groups == [
        ("", [("1.", "Фото игрушки на каникулах"), ("3.", "Free tray when one is dropped 🍽"),
              ("4.", "Call back in ten minutes"), ("5.", "Tea while you wait")])
    ]  # fmt: skip
    assert "3 of 9 dots given" in win.workshop.presenter.status.text()  # hidden: no idea's count on the projector
    key(qtbot, console, "Alt+3")
    assert panel.voter == "Bears 🐻"
    dot(1)
    dot(1)
    key(qtbot, console, "Alt+2")
    dot(4)

    key(qtbot, console, "Ctrl+Return")  # Next reveals the votes first
    assert ws.revealed and ws.step.kind == "choose"
    assert [i.id for i in ws.ranking()] == [1, 3, 4, 5]
    assert win.workshop.presenter.wall.groups[0][1][:2] == [
        ("✓ ●●", "Фото игрушки на каникулах — Лисы + Owls"),
        ("✓ ●●", "Free tray when one is dropped 🍽 — Bears 🐻"),
    ]
    for idea_id, focus in ((3, "fix"), (1, "wow"), (5, "planb"), (4, "wow")):
        chip = next(b for b in panel.findChildren(QPushButton) if b.property("key") == f"focus-{idea_id}-{focus}")
        click(qtbot, chip)
    key(qtbot, console, "Ctrl+Return")

    assert ws.step.kind == "promise"
    for idea in ws.chosen():
        type_text(qtbot, console.panel.findChild(QLineEdit, f"promise-who-{idea.id}"), "Ольга")
        type_text(qtbot, console.panel.findChild(QLineEdit, f"promise-first_step-{idea.id}"), "Ask the kitchen")
        week = next(b for b in console.panel.findChildren(QPushButton) if b.property("key") == f"due-7-{idea.id}")
        click(qtbot, week)
        assert console.panel.findChild(QDateEdit, f"promise-due-{idea.id}") is not None
    click(qtbot, console.buttons["next"])

    summary = win.current_screen()
    assert isinstance(summary, SummaryScreen)
    assert win.workshop.presenter is not None  # the projector keeps the promises up until the room leaves
    saved = {i.text: i for i in win.library.ideas()}
    assert set(saved) == {i.text for i in ws.ideas}
    assert saved["Фото игрушки на каникулах"].team == "Лисы + Owls"
    tray = saved["Free tray when one is dropped 🍽"]
    assert (tray.team, tray.dots, tray.focus, tray.promise_who, tray.status) == (
        "Bears 🐻",
        2,
        "fix",
        "Ольга",
        "planned",
    )
    assert not win.saver.path.exists()
    win.actions_["home"].trigger()
    assert win.workshop.presenter is None


def test_setup_refuses_two_teams_with_one_name_and_keeps_what_was_typed(qtbot, open_window):
    win = open_window()
    click(qtbot, win.current_screen().workshop_button)
    setup = win.current_screen()
    for n in (1, 2):
        type_text(qtbot, setup.findChild(QLineEdit, f"teamName-{n}"), "Owls")
    click(qtbot, setup.start)
    assert setup.problem.text() == "Two teams have the same name: each team needs its own."
    assert win.current_screen() is setup and setup.findChild(QLineEdit, "teamName-2").text() == "Owls"
    click(qtbot, setup.fewer)
    assert setup.team_count == 2 and not setup.fewer.isEnabled()


def test_time_up_rings_once_flashes_and_mute_silences(qtbot, open_window, monkeypatch):
    from game.ui.sound import Alarm

    monkeypatch.setattr(Alarm, "available", lambda self: True)  # this machine may have no sound player
    win = open_window()
    win.workshop.start("classic-workshop", [Team("A"), Team("B")], {})
    console = console_of(win)
    rung = []
    monkeypatch.setattr(console.alarm, "play", lambda: rung.append(console.alarm.muted) or True)
    timer = console.ws.timer
    timer.add(-timer.seconds + 0.05)
    qtbot.waitUntil(lambda: rung == [False], timeout=2000)
    assert win.workshop.presenter.timer.text() == "00:00" and win.workshop.presenter.timer.property("alarm") == "true"
    assert win.workshop.presenter._flash.isActive()
    qtbot.wait(600)
    assert rung == [False]  # once per time-up, not every tick
    click(qtbot, console.buttons["mute"])
    assert console.alarm.muted and win.settings.get("alarm_muted")


def test_help_overlay_lists_every_shortcut(qtbot, open_window):
    win = open_window()
    win.workshop.start("classic-workshop", [Team("A"), Team("B")], {})
    console = console_of(win)
    with qtbot.waitActive(win):
        win.activateWindow()
    qtbot.keyClick(console.focusWidget(), Qt.Key.Key_F1)
    assert console.help.isVisible()
    from PySide6.QtWidgets import QLabel

    shown = {label.text() for label in console.help.findChildren(QLabel)}
    assert {"Ctrl+Space", "Ctrl+B", "Ctrl+Shift+V", "Ctrl+Shift+E", "Ctrl+= / Ctrl++"} <= shown
    qtbot.keyClick(console.help, Qt.Key.Key_Escape)
    assert not console.help.isVisible()


KILLED = """
import sys, time
from pathlib import Path
from game.domain.workshop import Team
from game.ui.app import build_window, make_application
app = make_application()
win = build_window(Path(sys.argv[1]), "en")
win.show()
win.workshop.start("classic-workshop", [Team("Лисы"), Team("Owls"), Team("Bears")], {"keep": 2}, seed=5)
console = win.current_screen()
console.skip()
console.skip()
for n, column in enumerate(console.panel.columns * 2):
    column.input.setText(f"idea {n} of {column.team.name}")
    column.add()
console.panel.columns[0].input.setText("typed, not added yet")
print("typed", round(console.ws.timer.remaining(), 2), flush=True)
while True:
    app.processEvents()
    time.sleep(0.02)
"""


def test_a_killed_workshop_resumes_where_the_room_was_timers_included(qtbot, open_window, data_home):
    from tests.ui.test_resume import home_with_resume

    said, left = run_then_kill(KILLED, data_home).split()
    assert said == "typed"
    win = open_window()
    home = home_with_resume(qtbot, win)
    assert home.resume_button.text() == "Continue: Classic workshop with 3 teams, step 3 of 9"
    click(qtbot, home.resume_button)
    console = console_of(win)
    ws = console.ws
    assert [t.name for t in ws.teams] == ["Лисы", "Owls", "Bears"] and ws.keep == 2 and ws.skipped == [0, 1]
    assert [(i.text, i.team) for i in ws.ideas] == [
        (f"idea {n} of {team}", team) for n, team in enumerate(["Лисы", "Owls", "Bears"] * 2)
    ]
    assert console.panel.columns[0].input.text() == "typed, not added yet"
    assert win.workshop.presenter.isVisible()
    remaining = ws.timer.remaining()
    assert float(left) - 2.5 < remaining <= float(left)  # the timer ran on until the kill, no further


def test_pace_controls_redraw_anonymous_and_ending_early_keep_every_idea(qtbot, open_window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.test_transfer import answer_save

    win = open_window(ready=True)
    win.workshop.start("classic-workshop", [Team("Foxes"), Team("Owls")], {"anonymous": False}, seed=2)
    console = console_of(win)
    with qtbot.waitActive(win):
        win.activateWindow()
    ws = console.ws
    while ws.step.kind != "magic":
        key(qtbot, console, "Ctrl+J")
    technique = ws.cards()[0].id
    key(qtbot, console, "Ctrl+R")
    assert ws.cards()[0].id != technique and win.workshop.presenter._cards_key[1][0] == ws.cards()[0].id
    key(qtbot, console, "Ctrl+Space")
    assert not ws.timer.running
    key(qtbot, console, "Ctrl+=")
    assert ws.timer.running and ws.timer.seconds == ws.step.seconds + 60
    ws.timer._spent += 300
    key(qtbot, console, "Ctrl+Shift+R")
    assert ws.step.seconds - 1 < ws.timer.remaining() <= ws.step.seconds and ws.repeats == {4: 1}
    type_idea(qtbot, console, 1, "Photos of the toy's holiday")
    type_idea(qtbot, console, 2, '=HYPERLINK("x") <b>not bold</b>')
    key(qtbot, console, "Ctrl+Shift+A")
    assert ws.anonymous and win.workshop.presenter.wall.groups == [
        ("", [("1.", "Photos of the toy's holiday"), ("2.", '=HYPERLINK("x") <b>not bold</b>')])
    ]
    assert "Foxes" not in win.workshop.presenter.status.text()
    key(qtbot, console, "Alt+Left")
    assert ws.step.kind == "lens"
    key(qtbot, console, "Alt+Right")
    def end(box) -> None:
        assert box.defaultButton().text() == "No, go on" and box.icon() == QMessageBox.Icon.NoIcon
        next(b for b in box.buttons() if b.text() == "End the workshop").click()

    when_modal(end)
    key(qtbot, console, "Ctrl+Shift+E")
    summary = win.current_screen()
    assert isinstance(summary, SummaryScreen) and ws.ended_early
    assert {(i.text, i.team) for i in win.library.ideas()} == {
        ("Photos of the toy's holiday", "Foxes"),
        ('=HYPERLINK("x") <b>not bold</b>', "Owls"),
    }
    answer_save(monkeypatch, tmp_path / "report.html", "Web page (*.html)")
    report = next(b for b in summary.findChildren(QPushButton) if b.text() == "Session report…")
    click(qtbot, report)
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Foxes" in page and "Owls" in page and "&lt;b&gt;not bold&lt;/b&gt;" in page


def test_the_presenter_goes_full_screen_on_the_other_screen(qtbot, open_window, monkeypatch):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QGuiApplication

    class Projector:
        def geometry(self) -> QRect:
            return QRect(0, 0, 1920, 1080)

    win = open_window()
    real = QGuiApplication.screens()
    monkeypatch.setattr(QGuiApplication, "screens", staticmethod(lambda: [*real, Projector()]))
    win.workshop.start("classic-workshop", [Team("A"), Team("B")], {})
    assert win.workshop.presenter.isFullScreen()
    win.workshop.presenter.toggle_full_screen()
    assert not win.workshop.presenter.isFullScreen()


def test_no_console_shortcut_is_taken_by_the_line_a_team_types_in(qtbot):
    """Text fields keep some keys for editing (Ctrl+E is End on Linux, Ctrl+Shift+→ selects a word): a console
    shortcut on such a key would never fire while the facilitator types."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent, QKeySequence

    from game.ui.console import controls

    fields = [QLineEdit(), QPlainTextEdit()]
    for field in fields:
        qtbot.addWidget(field)
    taken = []
    for _key, _what, sequences in controls():
        for sequence in sequences:
            combo = QKeySequence(sequence)[0]
            for field in fields:
                event = QKeyEvent(QEvent.Type.ShortcutOverride, combo.key(), combo.keyboardModifiers())
                event.ignore()
                field.event(event)
                if event.isAccepted():
                    taken.append((sequence, type(field).__name__))
    assert taken == []


def test_switching_language_mid_workshop_keeps_the_room(qtbot, open_window):
    win = open_window()
    win.workshop.start("classic-workshop", [Team("Foxes"), Team("Owls")], {}, seed=4)
    console = console_of(win)
    while console.ws.step.kind != "magic":
        click(qtbot, console.buttons["skip"])
    type_text(qtbot, console.panel.columns[0].input, "Tea while you wait")
    qtbot.keyClick(console.panel.columns[0].input, Qt.Key.Key_Return)
    type_text(qtbot, console.panel.columns[1].input, "half-typed")
    win.apply_settings("ru", False)
    console = console_of(win)
    assert console.title.text() == "Шаг 5 из 9 · Магия"
    assert console.panel.columns[0].list.item(0).text() == "1. Tea while you wait"
    assert console.panel.columns[1].input.text() == "half-typed"
    assert win.workshop.presenter.isVisible() and win.workshop.presenter.title.text() == "Шаг 5 из 9 · Магия"
    win.apply_settings("en", False)


def test_the_wall_gives_an_idea_two_lines_at_most(qtbot):
    from PySide6.QtGui import QFont, QFontMetrics

    from game.ui import theme
    from game.ui.presenter import IdeaWall

    wall = IdeaWall()
    qtbot.addWidget(wall)
    font = QFont(theme.FONT_FAMILY)
    font.setPixelSize(21)
    metrics = QFontMetrics(font)
    two = "Бесплатно заменить уроненный поднос, без вопросов"
    assert wall._text(two, 380, font, metrics).text() == two
    long = "Фото игрушки на каникулах, " * 12
    laid = wall._text(long, 380, font, metrics)
    assert laid.text().endswith("…") and laid.size().height() <= 2 * metrics.lineSpacing() + 2
    wall.resize(800, 300)
    wall.show_groups([("Лисы · 40", [(f"{n}.", long) for n in range(40)])])
    assert not wall.grab().isNull()


def test_without_a_sound_player_the_alarm_only_flashes_and_says_so(qtbot, open_window, monkeypatch):
    from game.ui.sound import Alarm

    monkeypatch.setattr(Alarm, "available", lambda self: False)
    win = open_window()
    win.workshop.start("classic-workshop", [Team("A"), Team("B")], {})
    mute = console_of(win).buttons["mute"]
    assert not mute.isEnabled() and mute.toolTip() == "No sound player on this computer: the alarm only flashes"


def test_every_team_sees_and_redraws_its_own_business_and_client(qtbot, open_window):
    win = open_window(ready=True)
    console = set_up_three_teams(qtbot, win)
    ws = console.ws
    click(qtbot, console.buttons["skip"])
    assert ws.step.kind == "client" and ws.cards() == []
    own = {t.name: ws.own_cards(t.name) for t in ws.teams}
    assert all([c.kind for c in cards] == ["business", "client"] for cards in own.values())
    from PySide6.QtWidgets import QLabel

    def shown(name: str) -> QLabel:  # a redraw rebuilds the lines: the old ones are hidden, then deleted
        qtbot.waitUntil(lambda: any(w.isVisible() for w in console.findChildren(QLabel, name)))
        return next(w for w in console.findChildren(QLabel, name) if w.isVisible())

    label = shown("teamCards-2")
    assert label.text() == "Owls: " + " · ".join(c.title.en for c in own["Owls"])
    presenter = win.workshop.presenter
    assert presenter.wall.isVisible() and [g[0] for g in presenter.wall.groups] == ["Лисы", "Owls", "Bears 🐻"]
    assert presenter.wall.subheads[1] == " · ".join(c.title.en for c in own["Owls"])

    redraw = next(
        b for b in console.findChildren(QPushButton) if b.property("key") == "redraw-team2-1" and b.isVisible()
    )
    click(qtbot, redraw)
    assert ws.own_cards("Owls")[1].id != own["Owls"][1].id and ws.own_cards("Owls")[0] == own["Owls"][0]
    assert ws.own_cards("Лисы") == own["Лисы"]
    owls = " · ".join(c.title.en for c in ws.own_cards("Owls"))
    assert shown("teamCards-2").text() == f"Owls: {owls}"
    assert presenter.wall.subheads[1] == owls

    key(qtbot, console, "Ctrl+Return")
    assert ws.step.kind == "moment" and isinstance(console.panel, TeamsPanel)
    assert console.panel.columns[1].cards.text() == owls  # the column header keeps the team's own cards
    assert presenter.wall.subheads[1] == owls


def test_a_team_names_its_own_business_on_the_wild_card(qtbot, open_window):
    from PySide6.QtWidgets import QLabel

    win = open_window(ready=True)
    console = set_up_three_teams(qtbot, win)
    ws = console.ws
    click(qtbot, console.buttons["skip"])
    owls = ws.team_draws["Owls"][ws.step_index]
    for team in ("Лисы", "Bears 🐻"):  # a random draw may have dealt the wild card elsewhere: swap it over
        theirs = ws.team_draws[team][ws.step_index]
        theirs[:] = [owls[0] if cid == "biz-your-own" else cid for cid in theirs]
    owls[0] = "biz-your-own"  # the Owls drew the wild card
    console.show_step()

    def shown(kind, name: str):
        qtbot.waitUntil(lambda: any(w.isVisible() for w in console.findChildren(kind, name)))
        return next(w for w in console.findChildren(kind, name) if w.isVisible())

    line = shown(QLineEdit, "wild-team2-0")
    qtbot.keyClicks(line, "Water delivery")
    assert ws.wild == {"Owls": {"biz-your-own": "Water delivery"}}
    assert shown(QLabel, "teamCards-2").text().startswith("Owls: Your own business: Water delivery · ")
    assert win.workshop.presenter.wall.subheads[1].startswith("Your own business: Water delivery")
    assert not console.findChildren(QLineEdit, "wild-team1-0")  # only a wild card asks for typing


def test_a_full_shortlist_is_said_and_keeps_its_three(qtbot, open_window):
    win = open_window(ready=True)
    console = set_up_three_teams(qtbot, win)
    ws = console.ws
    while ws.step.kind != "moment":
        click(qtbot, console.buttons["skip"])
    for n in range(4):
        type_idea(qtbot, console, 1, f"Idea {n} of the foxes")
    while ws.step.kind != "check":
        click(qtbot, console.buttons["skip"])
    panel = console.panel
    panel.table.setFocus()
    for row in range(4):
        panel.table.setCurrentCell(row, 0)
        qtbot.keyClick(panel.table, Qt.Key.Key_S)
    assert ws.shortlists == {"Лисы": [1, 2, 3]}
    assert panel.refused.text() == "Лисы already has 3 ideas on its shortlist: take one off first."
    assert panel.table.item(3, panel.star_column).checkState() == Qt.CheckState.Unchecked
    assert not panel.table.item(3, 1).flags() & Qt.ItemFlag.ItemIsEnabled
