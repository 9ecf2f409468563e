"""The projector's text reads from the back row: it fills the screen, never below 28 px at 1920×1080."""

import contextlib

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from game.domain.ideas import VoteRefused
from game.domain.workshop import Team
from game.ui.widgets import CardFace


def workshop(win, ideas_per_team: int = 3):
    win.workshop.start("classic-workshop", [Team("Owls"), Team("Foxes"), Team("Bees")], {}, seed=5)
    console = win.current_screen()
    ws = console.ws
    while ws.step.kind != "magic":
        ws.next()
    for n in range(ideas_per_team):
        for team in ws.teams:
            ws.add_idea(f"{team.name}: a small human idea number {n}", team=team.name)
    console.show_step()
    return console, ws


def on_projector(win, width: int = 1920, height: int = 1080):
    win.workshop.presenter.resize(width, height)
    for _ in range(3):
        QApplication.processEvents()
    return win.workshop.presenter


def px(label: QLabel) -> int:
    return label.font().pixelSize()


def test_cards_fill_the_room_screen_at_40_px_while_there_are_up_to_twelve_ideas(qtbot, open_window):
    win = open_window("en")
    console, ws = workshop(win, ideas_per_team=4)
    assert len(ws.ideas) == 12
    presenter = on_projector(win)
    faces = presenter.findChildren(CardFace)
    assert faces and all(px(face.prompt) >= 40 for face in faces if face.prompt.isVisible())
    assert all(px(face.title) > 40 for face in faces)
    assert presenter.wall.px >= 28
    for n in range(18):
        ws.add_idea(f"one more idea {n}", team="Owls")
    console.changed()
    faces = presenter.findChildren(CardFace)
    assert all(28 <= px(face.prompt) < 40 for face in faces)  # the wall grows, the cards give way, not below 28
    assert presenter.wall.px >= 28


def test_a_larger_room_gets_larger_text(qtbot, open_window):
    win = open_window("en")
    workshop(win)
    presenter = on_projector(win)
    medium = px(presenter.findChildren(CardFace)[0].prompt)
    presenter.set_room_size("XL")
    assert px(presenter.findChildren(CardFace)[0].prompt) >= medium * 1.3


def test_the_check_step_shows_the_room_its_questions(qtbot, open_window):
    win = open_window("en")
    console, ws = workshop(win)
    while ws.step.kind != "check":
        ws.next()
    console.show_step()
    presenter = on_projector(win)
    questions = [label for label in presenter.findChildren(QLabel, "checkQuestion") if label.isVisible()]
    titles = [card.title.en for card in ws.check_cards()]
    assert len(questions) == len(titles) and all(px(q) >= 40 for q in questions)
    for label, title in zip(questions, titles, strict=True):
        assert title in label.text()
        assert "?:" not in label.text()  # "One-off or a rule? Is this…", not "…rule?: Is this…"
    legend = console.panel.hint.text() + console.panel.hint.toolTip()
    assert "One-off or a rule? Is this" in legend and "?:" not in legend


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("size", [(1024, 700), (1024, 768), (1366, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_small_projector_shows_every_check_question_whole(qtbot, open_window, size, lang):
    """At 1024×700 the Russian questions were cut mid-line (no "…"): the text now shrinks until each is whole."""
    win = open_window(lang)
    console, ws = workshop(win)
    while ws.step.kind != "check":
        ws.next()
    console.show_step()
    presenter = on_projector(win, *size)
    questions = [label for label in presenter.findChildren(QLabel, "checkQuestion") if label.isVisible()]
    assert len(questions) == len(ws.check_cards())
    box = questions[0].parentWidget()
    for label in questions:
        assert label.heightForWidth(label.width()) <= label.height(), label.text()
        assert label.geometry().bottom() <= box.height(), label.text()
    assert all(px(q) >= 14 for q in questions)


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("size", [(1024, 700), (1024, 768), (1366, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_small_projector_shows_each_card_whole(qtbot, open_window, size, lang):
    """At 1024×700 a card's question was cut mid-line at the card's bottom edge: the text now gives way until
    each card shows whole."""
    win = open_window(lang)
    for seed in (5, 7, 11):
        win.workshop.start("classic-workshop", [Team("Owls"), Team("Foxes"), Team("Bees")], {}, seed=seed)
        console = win.current_screen()
        ws = console.ws
        while ws.step.kind != "magic":
            ws.next()
        ws.add_idea("Owls: a small human idea", team="Owls")
        console.show_step()
        presenter = on_projector(win, *size)
        faces = [face for face in presenter.findChildren(CardFace) if face.isVisible()]
        assert len(faces) == 2
        for face in faces:
            for label in (face.title, face.prompt):
                if label.isVisible():
                    assert label.heightForWidth(label.width()) <= label.height(), (seed, label.text())
                    assert label.mapTo(face, label.rect().bottomLeft()).y() <= face.height(), (seed, label.text())
        win.workshop.presenter.close()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_small_projector_leaves_the_wall_room_for_each_teams_newest_idea(qtbot, open_window, lang):
    """At 1024×700 the cards took the screen: the wall said "+3 earlier" under a team and showed none of them."""
    from game.ui import theme

    theme.load_fonts()  # the shipped font, as the game starts
    win = open_window(lang)
    teams = ("Лисы", "Совы", "Медведи") if lang == "ru" else ("Foxes", "Owls", "Bears")
    win.workshop.start("classic-workshop", [Team(name) for name in teams], {}, seed=7)
    console = win.current_screen()
    ws = console.ws
    while ws.step.kind != "magic":
        ws.next()
    for n in range(7):
        ws.add_idea(f"A handwritten note with the bill, number {n}", team=teams[n % 3])
    console.show_step()
    presenter = on_projector(win, 1024, 700)
    for _ in range(3):
        QApplication.processEvents()
    presenter.wall.repaint()
    shown = [entry[5] for entry in presenter.wall._layout]
    assert len(shown) == 3 and all(shown), [len(s) for s in shown]


def test_a_long_team_name_heads_its_column_on_one_line(qtbot, open_window):
    """A long name was shortened by the regular letters' width but drawn bold: it wrapped onto a second line,
    over the team's cards below it."""
    from PySide6.QtGui import QFontMetrics

    win = open_window("ru")
    teams = [Team(name) for name in ("Лисы", "Совы", "Медведи", "Ежи из бухгалтерии на пятом этаже")]
    win.workshop.start("classic-workshop", teams, {}, seed=5)
    console = win.current_screen()
    ws = console.ws
    while ws.step.kind != "magic":
        ws.next()
    for team in teams:
        ws.add_idea("Вернуть забытый шарф с фотографиями", team=team.name)
    console.show_step()
    presenter = on_projector(win, 1024, 700)
    presenter.wall.repaint()
    heads = [entry[2] for entry in presenter.wall._layout if entry[2] is not None]
    assert len(heads) == 4
    bold = presenter.wall._fonts(presenter.wall.px)[1]
    assert all(head.size().height() <= QFontMetrics(bold).lineSpacing() + 2 for head in heads)


def test_after_finish_the_room_sees_the_chosen_ideas_and_promises(qtbot, open_window):
    win = open_window("en")
    console, ws = workshop(win)
    while ws.step.kind != "choose":
        ws.next()
    for voter in ws.voters():
        for idea in ws.ideas:
            with contextlib.suppress(VoteRefused):
                ws.give_dot(idea.id, voter=voter)
    ws.revealed = True
    for idea in ws.chosen():
        ws.set_focus(idea.id, "fix")
    ws.next()
    console.show_step()
    for idea in ws.chosen():
        ws.set_promise(idea.id, who="Anna", due="2030-01-31", first_step="Call")
    console.go_next()
    assert ws.finished and win.workshop.presenter is not None
    presenter = on_projector(win)
    assert presenter.title.text() == "Thank you! Our promises"
    assert presenter.timer.text() == ""
    shown = [text for _mark, text in presenter.wall.groups[0][1]]
    assert shown and all("(Anna — 31 January 2030)" in text for text in shown)
    assert len(shown) == len(ws.chosen())


def wall_with(win, ideas: int, anonymous: bool):
    from game.ui import theme

    theme.load_fonts()  # the shipped font, as the game starts with
    win.workshop.start("classic-workshop", [Team("Owls"), Team("Foxes"), Team("Bees")], {}, seed=5)
    console = win.current_screen()
    ws = console.ws
    ws.anonymous = anonymous
    while ws.step.kind != "magic":
        ws.next()
    for n in range(ideas):
        team = ws.teams[n % 3].name
        ws.add_idea(f"{team}: a small human idea {n}", team=team)
    console.show_step()
    presenter = on_projector(win)
    presenter.wall.grab()  # painted as the room sees it
    return presenter


@pytest.mark.parametrize("anonymous", [False, True], ids=["team columns", "anonymous"])
@pytest.mark.parametrize("ideas", [1, 6, 12])
def test_a_few_ideas_fill_the_wall_at_40_px_or_more(qtbot, open_window, ideas, anonymous):
    win = open_window("en")
    presenter = wall_with(win, ideas, anonymous)
    wall = presenter.wall
    assert wall.isVisible() and wall.painted == ideas  # every idea on the wall, none counted away
    assert wall.px >= 40, wall.px
    assert all(px(face.prompt) >= 40 for face in presenter.findChildren(CardFace))  # the cards keep theirs
    if ideas == 1:
        assert wall.px > 40  # one idea reads larger than the body text


@pytest.mark.parametrize("anonymous", [False, True], ids=["team columns", "anonymous"])
def test_a_full_wall_gives_way_down_to_28_px_and_no_further(qtbot, open_window, anonymous):
    win = open_window("en")
    presenter = wall_with(win, 200, anonymous)
    wall = presenter.wall
    assert wall.px == 28 and 0 < wall.painted < 200  # the newest shown, the rest counted
    presenter.set_room_size("XL")
    wall.grab()
    assert wall.px >= 28


def test_a_larger_room_gets_a_larger_wall(qtbot, open_window):
    win = open_window("en")
    presenter = wall_with(win, 1, anonymous=True)
    medium = presenter.wall.px
    presenter.set_room_size("XL")
    presenter.wall.grab()
    assert presenter.wall.px >= medium * 1.3 and presenter.wall.painted == 1


@pytest.mark.parametrize("anonymous", [False, True], ids=["team columns", "anonymous"])
def test_a_room_of_thousands_hands_the_wall_only_its_newest_and_counts_the_rest(qtbot, open_window, anonymous):
    """2,000 ideas from phones: the wall is given each column's newest few (laying out thousands on every change
    was most of a repaint), paints the newest of them and counts every other idea, the older ones included."""
    from game.ui.presenter import WALL_TAIL

    win = open_window("en")
    presenter = wall_with(win, 2000, anonymous)
    wall = presenter.wall
    assert all(len(items) <= WALL_TAIL for _heading, items in wall.groups)
    assert sum(wall.earlier) == 2000 - sum(len(items) for _heading, items in wall.groups) > 0
    counted = sum(column[-1] for column in wall._layout)  # the "and N more" under each column
    assert wall.painted > 0 and wall.painted + counted == 2000
    newest = {text for _heading, items in wall.groups for _mark, text in items[-3:]}
    last = zip(range(1997, 2000), ("Bees", "Owls", "Foxes"), strict=True)
    assert {f"{team}: a small human idea {n}" for n, team in last} <= newest
    if not anonymous:
        assert [heading for heading, _ in wall.groups] == ["Owls · 667", "Foxes · 667", "Bees · 666"]
