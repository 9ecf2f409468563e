"""One voting panel, two modes: a solo player's dots, and a room's voters with hidden totals, a line and ties."""

from PySide6.QtWidgets import QLabel, QPushButton, QSpinBox

from game.domain.workshop import Team
from game.ui.step_panels import IDEA_STEPS
from game.ui.vote_panel import VotePanel
from tests.ui.conftest import click


def visible_chips(panel: VotePanel, idea_id: int) -> list[str]:
    return [focus for focus in ("fix", "wow", "planb") if panel.chip(idea_id, focus).isVisible()]


def test_solo_voting_shows_the_players_dots_and_check_scores_and_tags_what_has_a_dot(qtbot, open_window):
    win = open_window("en")
    win.solo.start("solo-spark", seed=3)
    screen = win.current_screen()
    rnd = screen.round
    while rnd.step.kind != "choose":
        if rnd.step.kind in IDEA_STEPS and not rnd.ideas:
            rnd.add_idea("Free tea")
            rnd.add_idea("Call back in ten minutes")
        if rnd.step.kind == "check":
            rnd.set_check(2, rnd.check_cards()[0].id, True)
        rnd.next()
    screen.show_step()
    panel = screen.panel
    assert isinstance(panel, VotePanel) and not panel.in_room
    assert panel.voter_buttons == {} and panel.findChild(QSpinBox) is None  # no voters to pick, no line to draw
    dots = rnd.ballot.dots
    assert panel.rules.text() == "Dots left: " + "●" * dots
    texts = [label.text() for label in panel.findChildren(QLabel)]
    assert "Check score: 0" in texts and "Check score: 1" in texts
    assert visible_chips(panel, 1) == [] and visible_chips(panel, 2) == []

    plus = panel.findChild(QPushButton, "dot-plus-2")
    click(qtbot, plus)
    assert panel.dot_labels[2].text() == "●" and panel.dot_labels[1].text() == ""  # a solo total shows at once
    assert panel.rules.text() == "Dots left: " + "●" * (dots - 1) + "○"
    assert visible_chips(panel, 2) == ["fix", "wow", "planb"] and visible_chips(panel, 1) == []
    assert panel.tiles[2]["plus"] is plus  # the tile stays: a keyboard user's focus is not lost
    click(qtbot, panel.chip(2, "wow"))
    assert rnd.idea(2).focus == "wow" and panel.chip(2, "wow").isChecked()
    click(qtbot, panel.findChild(QPushButton, "dot-minus-2"))
    assert rnd.idea(2).focus == "" and visible_chips(panel, 2) == []


def test_room_voting_picks_the_voter_hides_totals_until_the_reveal_and_breaks_a_tie(qtbot, open_window):
    win = open_window("en")
    win.workshop.start("classic-workshop", [Team("Owls"), Team("Foxes")], {}, seed=5)
    console = win.current_screen()
    ws = console.ws
    for text, team in (("Owls' tea", "Owls"), ("Foxes' tray", "Foxes"), ("Foxes' call", "Foxes")):
        ws.add_idea(text, team=team)
    owls_tea, foxes_tray, foxes_call = (i.id for i in ws.ideas)
    while ws.step.kind != "choose":
        ws.next()
    console.show_step()
    panel = console.panel
    assert isinstance(panel, VotePanel) and panel.in_room
    dots = ws.ballot.dots
    assert list(panel.voter_buttons) == ["Owls", "Foxes"] and panel.voter == "Owls"
    assert panel.voter_buttons["Owls"].text() == "Owls  " + "●" * dots
    assert "votes hidden until revealed" in panel.rules.text()
    texts = [label.text() for label in panel.findChildren(QLabel)]
    assert not any(t.startswith("Check score") for t in texts)  # a room's check was on shortlists

    click(qtbot, panel.findChild(QPushButton, f"dot-plus-{foxes_call}"))
    assert panel.dot_labels[foxes_call].text() == "yours: ●"  # the total stays hidden
    assert panel.voter_buttons["Owls"].text() == "Owls  " + "●" * (dots - 1) + "○"
    click(qtbot, panel.voter_buttons["Foxes"])
    assert panel.voter == "Foxes" and panel.dot_labels[foxes_call].text() == ""
    click(qtbot, panel.findChild(QPushButton, f"dot-plus-{owls_tea}"))
    assert all(visible_chips(panel, i) == [] for i in (owls_tea, foxes_tray, foxes_call))  # nothing chosen yet

    panel.keep.setValue(1)  # one idea to take on: the two with a dot tie across the line
    click(qtbot, console.buttons["reveal"])
    assert panel.dot_labels[foxes_call].text() == "in all: ●"
    assert panel.dot_labels[owls_tea].text() == "yours: ● · in all: ●"
    ahead = {i: panel.tiles[i]["prefer"] for i in (owls_tea, foxes_tray, foxes_call)}
    assert [i for i, b in ahead.items() if b.isVisible()] == [owls_tea, foxes_call]
    click(qtbot, ahead[foxes_call])
    assert ws.preferred == [foxes_call] and panel.tiles[foxes_call]["prefer"].isChecked()
    assert [i.id for i in ws.chosen()] == [foxes_call]
    assert visible_chips(panel, foxes_call) == ["fix", "wow", "planb"] and visible_chips(panel, owls_tea) == []
