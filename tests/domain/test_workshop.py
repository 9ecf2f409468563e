"""A workshop's rules: teams, merged ideas, breaks, skipping and repeating, dot voting with limits, ties, JSON."""

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.domain.ideas import VoteRefused
from game.domain.round import Round, StepBlocked
from game.domain.workshop import Team, Workshop, clean_teams, load_state, new_workshop
from tests.domain.test_round import FakeClock

TEAMS = [Team("Foxes", ["Anna", "Boris"]), Team("Owls"), Team("Bears")]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def ws(content, clock) -> Workshop:
    return new_workshop(content.scenarios["classic-workshop"], content, TEAMS, seed=7, clock=clock)


def go_to(ws: Workshop, kind: str) -> None:
    while ws.step.kind != kind:
        ws.skip()


def test_teams_are_trimmed_and_checked():
    assert [t.name for t in clean_teams([Team(" A "), Team("B ")])] == ["A", "B"]
    for teams, reason in (
        ([Team("A")], "teams_count"),
        ([Team(str(n)) for n in range(9)], "teams_count"),
        ([Team("A"), Team("  ")], "team_name"),
        ([Team("Foxes"), Team("foxes")], "team_twice"),
        ([Team("A", ["Ann", "ann"]), Team("B")], "player_twice"),
    ):
        with pytest.raises(ValueError, match=reason):
            clean_teams(teams)


def test_voting_rules_come_from_the_scenario_unless_the_facilitator_sets_them(ws, content):
    assert (ws.ballot.dots, ws.ballot.cap, ws.ballot.self_votes) == (3, 2, False)
    other = new_workshop(content.scenarios["classic-workshop"], content, TEAMS, dots=5, cap=9, self_votes=True)
    assert (other.ballot.dots, other.ballot.cap, other.ballot.self_votes) == (5, 5, True)
    with pytest.raises(ValueError, match="dots"):
        new_workshop(content.scenarios["classic-workshop"], content, TEAMS, dots=0)


def test_ideas_belong_to_their_team_and_merging_keeps_every_teams_credit(ws):
    go_to(ws, "magic")
    a = ws.add_idea("Photo of the toy on holiday", "Foxes", "Anna")
    b = ws.add_idea("Send the toy's holiday photos", "Owls")
    c = ws.add_idea("Free tray replacement", "Bears")
    assert ws.add_idea("   ", "Owls") is None
    with pytest.raises(KeyError):
        ws.add_idea("x", "Nobody")
    assert [i.text for i in ws.ideas_of("Owls")] == ["Send the toy's holiday photos"]
    ws.set_check(b.id, "ck-simple", True)
    kept = ws.merge(b.id, a.id)
    assert kept is a and kept.authors() == ["Foxes", "Owls"]
    assert kept.merged == [{"text": "Send the toy's holiday photos", "team": "Owls", "player": ""}]
    assert kept.checks == {"ck-simple": True}
    assert [i.id for i in ws.ideas] == [a.id, c.id]
    with pytest.raises(ValueError):
        ws.merge(a.id, a.id)


def test_a_break_pauses_the_step_timer_and_gives_it_back(ws, clock):
    go_to(ws, "magic")
    clock.now += 100
    ws.start_break(300)
    assert ws.on_break and not ws.timer.running
    clock.now += 200
    assert ws.pause.remaining() == 100
    ws.end_break()
    assert not ws.on_break and ws.timer.running
    assert ws.timer.remaining() == ws.step.seconds - 100
    ws.timer.pause()
    ws.start_break()
    assert ws.pause.remaining() == ws.scenario.break_minutes * 60 == 600  # as long as the scenario plans
    ws.end_break()
    assert not ws.timer.running  # a paused step stays paused after the break


def test_skip_repeat_and_end_early(ws, clock):
    assert ws.step.kind == "warmup"
    ws.skip()
    assert ws.step.kind == "client" and ws.skipped == [0]
    clock.now += 400
    ws.repeat()
    assert ws.timer.remaining() == ws.step.seconds and ws.repeats == {1: 1}
    go_to(ws, "choose")
    with pytest.raises(StepBlocked, match="cannot_skip"):
        ws.skip()
    ws.end_early()
    assert ws.finished and ws.ended_early


def test_remaining_counts_this_step_every_later_one_the_planned_break_and_the_wrap_up(ws, clock):
    scenario = ws.scenario
    total = sum(s.seconds for s in ws.steps) + 60 * (scenario.break_minutes + scenario.wrap_up_minutes)
    assert ws.remaining() == total == (scenario.minutes - scenario.opening_minutes) * 60  # after the opening
    clock.now += 60
    assert ws.remaining() == total - 60
    ws.start_break()
    clock.now += 100
    assert ws.remaining() == total - 60 - 100  # the break is being taken, not added again
    ws.end_break()
    assert ws.remaining() == total - 60 - 600  # the planned break is behind the room now


def voting(ws: Workshop) -> tuple[int, int, int]:
    go_to(ws, "magic")
    ids = tuple(ws.add_idea(text, team).id for text, team in (("a", "Foxes"), ("b", "Owls"), ("c", "Bears")))
    go_to(ws, "choose")
    return ids


def test_dot_voting_with_limits_per_team(ws):
    a, b, c = voting(ws)
    with pytest.raises(VoteRefused, match="own_idea"):
        ws.give_dot(a, "Foxes")
    ws.give_dot(b, "Foxes")
    ws.give_dot(b, "Foxes")
    with pytest.raises(VoteRefused, match="idea_cap"):
        ws.give_dot(b, "Foxes")
    ws.give_dot(c, "Foxes")
    with pytest.raises(VoteRefused, match="no_dots_left"):
        ws.give_dot(c, "Foxes")
    assert ws.dots_left("Foxes") == 0 and ws.dots_left("Owls") == 3
    with pytest.raises(KeyError):
        ws.give_dot(a, "Foxes · Anna")  # teams vote in this workshop, not players
    ws.take_dot(b, "Foxes")
    assert ws.idea(b).dots == 1 and ws.dots_given() == 2


def test_players_vote_with_their_own_dots_when_asked(content):
    ws = new_workshop(content.scenarios["classic-workshop"], content, TEAMS, by_player=True, seed=1)
    assert ws.voters() == ["Foxes · Anna", "Foxes · Boris", "Owls", "Bears"]
    a, b, _ = voting(ws)
    with pytest.raises(VoteRefused, match="own_idea"):
        ws.give_dot(a, "Foxes · Boris")
    ws.give_dot(b, "Foxes · Boris")
    assert ws.dots_left("Foxes · Boris") == 2 and ws.dots_left("Foxes · Anna") == 3


def test_merged_ideas_carry_their_dots_and_nobody_votes_for_a_merged_own_idea(ws):
    a, b, _ = voting(ws)
    ws.give_dot(b, "Bears")
    ws.merge(b, a)
    assert ws.idea(a).dots == 1 and ws.ballot.given["Bears"] == {a: 1}
    with pytest.raises(VoteRefused, match="own_idea"):
        ws.give_dot(a, "Owls")  # Owls said it too


def test_votes_must_be_revealed_and_ties_broken_by_the_facilitator(ws):
    ws.keep = 1
    a, b, _ = voting(ws)
    ws.give_dot(b, "Foxes")
    ws.give_dot(a, "Owls")
    ws.set_focus(a, "wow")
    ws.set_focus(b, "fix")
    assert ws.blocked().reason == "need_reveal"
    ws.reveal()
    problem = ws.blocked()
    assert problem.reason == "need_tiebreak" and set(problem.idea_ids) == {a, b}
    assert ws.tie() == ([ws.idea(a), ws.idea(b)], 1)
    ws.prefer(b)
    assert ws.blocked() is None
    assert [i.id for i in ws.chosen()] == [b]
    ws.give_dot(a, "Bears")
    assert [i.id for i in ws.chosen()] == [a] and not ws.tie_open()


def test_a_workshop_keeps_every_idea_and_comes_back_from_json_exactly(ws, content, clock):
    a, b, c = voting(ws)
    ws.give_dot(b, "Foxes")
    ws.merge(c, a)
    ws.reveal()
    ws.start_break(120)
    clock.now += 30
    ws.anonymous = True
    back = load_state(ws.to_json(), content, clock)
    assert isinstance(back, Workshop)
    assert back.to_json() == ws.to_json()
    assert back.pause.remaining() == 90 and back.teams == ws.teams
    assert [i.id for i in back.kept()] == [a, b]
    solo = load_state(Round(content.scenarios["solo-spark"], content, 1, clock).to_json(), content, clock)
    assert type(solo) is Round


def test_a_refused_next_leaves_the_room_on_its_break_and_the_last_step_can_be_skipped(ws, content, clock):
    go_to(ws, "magic")
    ws.start_break()
    with pytest.raises(StepBlocked, match="need_idea"):
        ws.next()
    assert ws.on_break
    ws.step_index = len(ws.steps) - 1  # the classic workshop ends on promises, which cannot be skipped
    with pytest.raises(StepBlocked, match="cannot_skip"):
        ws.skip()
    from dataclasses import replace

    own = replace(ws.scenario, id="own", steps=ws.scenario.steps[:3])
    mine = new_workshop(own, content, TEAMS, seed=1, clock=clock)
    for _ in range(3):
        mine.skip()
    assert mine.finished and mine.skipped == [0, 1, 2]


names = st.text(min_size=1, max_size=40).filter(str.strip) | st.just("Foxes · Owls")


@given(
    teams=st.lists(names, min_size=2, max_size=8, unique_by=lambda t: t.strip().casefold()),
    ideas=st.lists(st.tuples(st.integers(0, 7), st.text(min_size=1, max_size=200).filter(str.strip)), max_size=12),
    votes=st.lists(st.tuples(st.integers(0, 7), st.integers(0, 11)), max_size=20),
    anonymous=st.booleans(),
    redraws=st.lists(st.tuples(st.integers(0, 7), st.integers(0, 1)), max_size=4),
)
def test_any_workshop_comes_back_from_json_as_it_was(content, teams, ideas, votes, anonymous, redraws):
    ws = new_workshop(content.scenarios["classic-workshop"], content, [Team(t) for t in teams], seed=3,
                      clock=FakeClock(), anonymous=anonymous, self_votes=False)  # fmt: skip
    go_to(ws, "client")
    for team, slot in redraws:  # each team's own business and client, some of them redrawn
        ws.redraw_team(ws.teams[team % len(ws.teams)].name, slot)
    mid = load_state(ws.to_json(), content, ws.clock)
    assert all(mid.cards_for(t.name) == ws.cards_for(t.name) for t in ws.teams)
    go_to(ws, "magic")
    for team, text in ideas:
        ws.add_idea(text, ws.teams[team % len(ws.teams)].name)
    go_to(ws, "choose")
    for voter, idea in votes:
        if ws.ideas:
            with contextlib.suppress(VoteRefused):
                ws.give_dot(ws.ideas[idea % len(ws.ideas)].id, ws.voters()[voter % len(ws.voters())])
    for voter, dots in ws.ballot.given.items():  # nobody's dot landed on their own team's idea
        assert not any(ws.voter_team(voter) in ws.idea(i).authors() for i in dots)
    back = load_state(ws.to_json(), content, ws.clock)
    assert back.to_json() == ws.to_json()
    assert [(i.text, i.team, i.dots) for i in back.ideas] == [(i.text, i.team, i.dots) for i in ws.ideas]
    assert back.team_draws == ws.team_draws and back.spent == ws.spent


# --- each team its own table -----------------------------------------------------------------------


def test_each_team_draws_its_own_business_and_client_reproducibly_from_the_seed(content, clock):
    def own(seed: int) -> dict[str, list[str]]:
        ws = new_workshop(content.scenarios["classic-workshop"], content, TEAMS, seed=seed, clock=clock)
        go_to(ws, "client")
        assert ws.cards() == []  # the room shares no card here: every team has its own
        return {t.name: [c.id for c in ws.cards_for(t.name)] for t in ws.teams}

    first = own(11)
    assert first == own(11)  # the same seed gives every team the same cards again
    assert first != own(12)
    assert all([c.split("-")[0] for c in ids] == ["biz", "cl"] for ids in first.values())
    assert len({c for ids in first.values() for c in ids}) == 2 * len(TEAMS)  # nobody shares a card


def test_a_team_redraws_its_own_card_and_the_room_keeps_one_technique(ws):
    go_to(ws, "client")
    before = {t.name: [c.id for c in ws.own_cards(t.name)] for t in ws.teams}
    new = ws.redraw_team("Owls", 1)
    assert new.kind == "client" and new.id != before["Owls"][1]
    assert [c.id for c in ws.own_cards("Owls")] == [before["Owls"][0], new.id]
    assert {t: [c.id for c in ws.own_cards(t)] for t in ("Foxes", "Bears")} == {
        t: before[t] for t in ("Foxes", "Bears")
    }
    with pytest.raises(IndexError):
        ws.redraw_team("Owls", 2)
    go_to(ws, "magic")
    assert [c.kind for c in ws.cards()] == ["technomagic", "constraint"]
    assert ws.own_cards("Owls") == [] and ws.cards_for("Owls") == ws.cards()
    assert ws.provenance("Owls")["client_card"] == new.id
    assert ws.provenance("Foxes")["client_card"] == before["Foxes"][1]


def test_a_thousand_six_team_workshops_never_show_a_story_twice_on_a_table(content):
    """No team's table (the room's cards and its own) carries two cards with one story, and no card comes back
    in a session while its deck still has cards nobody has seen."""
    import random

    scenario = content.scenarios["classic-workshop"]
    teams = [Team(f"T{n}") for n in range(6)]
    sizes = {kind: len(content.cards_of(kind)) for kind in ("business", "client", "touchpoint", "lens")}
    sizes |= {kind: len(content.cards_of(kind)) for kind in ("technomagic", "constraint", "warmup")}
    chooser = random.Random(5)
    for seed in range(1000):
        ws = Workshop(scenario, content, seed, FakeClock(), teams=teams)
        while not ws.finished:
            if chooser.random() < 0.05 and ws.draws[ws.step_index]:
                ws.redraw(len(ws.step.cards))  # now and then the facilitator redraws a card
            if ws.step.kind in WRAP_UP_OR_CHECK:
                break
            ws.skip()
        session: list[str] = [*ws.spent]
        for team in teams:
            table = [c for index in ws.draws for c in ws.cards_for(team.name, index)]
            stories = [c.story for c in table if c.story]
            assert len(stories) == len(set(stories)), (seed, team.name, stories)
        session += [c for ids in ws.draws.values() for c in ids]
        session += [c for by_step in ws.team_draws.values() for ids in by_step.values() for c in ids]
        for kind, size in sizes.items():
            drawn = [c for c in session if ws._index[c].kind == kind]
            assert len(drawn) == len(set(drawn)) or len(set(drawn)) >= size, (seed, kind, drawn)


WRAP_UP_OR_CHECK = ("check", "choose", "promise")


def test_a_team_types_its_own_business_on_a_wild_card_and_it_survives_json(ws, content, clock):
    go_to(ws, "client")
    ws.team_draws["Owls"][ws.step_index][0] = "biz-your-own"  # as if the draw had dealt the Owls the wild card
    wild = content.card("biz-your-own")
    assert ws.title_for("Owls", wild, "en") == "Your own business"
    ws.set_wild("Owls", "biz-your-own", "  Water   delivery to offices ")
    assert ws.title_for("Owls", wild, "en") == "Your own business: Water delivery to offices"
    assert ws.title_for("Foxes", wild, "en") == "Your own business"  # the typing is the Owls' own
    with pytest.raises(KeyError):
        ws.set_wild("Foxes", "biz-your-own", "not theirs")
    ws.set_wild("Owls", "biz-your-own", "x" * 500)
    assert len(ws.wild["Owls"]["biz-your-own"]) == 80  # a card title's length (limits.TITLE_CHARS)
    ws.set_wild("Owls", "biz-your-own", "Water delivery")
    back = load_state(ws.to_json(), content, clock)
    assert back.wild == {"Owls": {"biz-your-own": "Water delivery"}} and back.to_json() == ws.to_json()
    ws.set_wild("Owls", "biz-your-own", "   ")
    assert ws.wild["Owls"] == {}


def test_the_check_runs_on_each_teams_shortlist(content, clock):
    from game.domain.workshop import ShortlistFull

    ws = new_workshop(content.scenarios["classic-workshop"], content, [Team("Alpha"), Team("Beta")], seed=5,
                      clock=clock)
    while ws.step.kind != "moment":
        ws.next()
    alpha = [ws.add_idea(f"Alpha idea {n}", team="Alpha") for n in range(5)]
    beta = [ws.add_idea(f"Beta idea {n}", team="Beta") for n in range(2)]
    while ws.step.kind != "check":
        ws.next()
    assert ws.shortlist_size() == 3 and ws.to_check() == []
    for idea in alpha[:3]:
        assert ws.toggle_shortlist(idea.id)
    with pytest.raises(ShortlistFull) as full:
        ws.toggle_shortlist(alpha[3].id)
    assert (full.value.team, full.value.size) == ("Alpha", 3)
    assert not ws.toggle_shortlist(alpha[0].id)  # taken off: room for another
    assert ws.toggle_shortlist(alpha[4].id)
    ws.toggle_shortlist(beta[0].id)
    assert [i.text for i in ws.to_check()] == ["Alpha idea 1", "Alpha idea 2", "Alpha idea 4", "Beta idea 0"]
    ws.merge(alpha[4].id, beta[1].id)  # the merged idea takes its place on the shortlist
    assert [i.text for i in ws.to_check()] == ["Alpha idea 1", "Alpha idea 2", "Beta idea 0", "Beta idea 1"]
    again = load_state(ws.to_json(), content, clock)
    assert again.shortlists == ws.shortlists and [i.id for i in again.to_check()] == [i.id for i in ws.to_check()]
    # a scenario without a shortlist checks every idea
    plain = new_workshop(content.scenarios["complaint-to-delight"], content, [Team("A"), Team("B")], seed=1,
                         clock=clock)
    assert plain.shortlist_size() == 0
