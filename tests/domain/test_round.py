"""The round's state machine: transitions, seeded draws, redraws, votes, promises and JSON."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.domain.ideas import VoteRefused
from game.domain.round import Round, StepBlocked, new_round
from game.domain.timer import Countdown, shown_seconds
from tests.play import play_to_end


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def rnd(content, clock) -> Round:
    return new_round(content.scenarios["solo-spark"], content, seed=42, clock=clock)


def kinds_on_table(r: Round) -> list[str]:
    return [c.kind for c in r.cards()]


def play_to(r: Round, kind: str) -> None:
    while r.step.kind != kind:
        if r.step.kind == "magic" and not r.ideas:
            r.add_idea("Photo of the forgotten toy's holiday")
            r.add_idea("Free replacement, no questions")
        r.next()


def test_every_step_of_solo_spark_in_order_with_its_cards(rnd):
    seen = []

    def advance() -> None:
        seen.append((rnd.step.kind, kinds_on_table(rnd)))
        rnd.next()

    play_to_end(rnd, advance)
    assert seen == [
        ("client", ["business", "client"]),
        ("moment", ["touchpoint"]),
        ("lens", ["lens"]),
        ("magic", ["technomagic", "constraint"]),
        ("check", []),
        ("choose", []),
        ("promise", []),
    ]


def test_back_returns_to_the_same_cards_and_notes(rnd):
    first_cards = rnd.draws[0][:]
    rnd.set_note("I expect to be seen")
    rnd.next()
    rnd.back()
    assert rnd.step_index == 0 and rnd.draws[0] == first_cards
    assert rnd.note() == "I expect to be seen"
    rnd.back()  # at the first step, back stays
    assert rnd.step_index == 0


def test_back_from_finished_reopens_the_last_step(rnd):
    play_to(rnd, "choose")
    rnd.give_dot(1)
    rnd.set_focus(1, "fix")
    rnd.next()
    rnd.set_promise(1, who="Me", due="2030-01-01", first_step="Call")
    rnd.next()
    assert rnd.finished
    rnd.back()
    assert not rnd.finished and rnd.step.kind == "promise"


def test_next_is_refused_with_a_reason(rnd):
    play_to(rnd, "magic")
    with pytest.raises(StepBlocked) as info:
        rnd.next()
    assert info.value.reason == "need_idea"
    play_to(rnd, "choose")
    with pytest.raises(StepBlocked) as info:
        rnd.next()
    assert info.value.reason == "need_choice"
    rnd.give_dot(2)
    with pytest.raises(StepBlocked) as info:
        rnd.next()
    assert (info.value.reason, info.value.idea_ids) == ("need_focus", (2,))
    rnd.set_focus(2, "planb")
    rnd.next()
    rnd.set_promise(2, who="Oleg", first_step="Write the script")
    with pytest.raises(StepBlocked) as info:
        rnd.next()
    assert (info.value.reason, info.value.idea_ids) == ("need_promise", (2,))


def test_seeded_draws_are_reproducible_and_seeds_differ(content, clock):
    def table(seed: int) -> list[list[str]]:
        r = new_round(content.scenarios["solo-spark"], content, seed=seed, clock=clock)
        play_to(r, "check")
        return [r.draws[i] for i in sorted(r.draws)]

    assert table(7) == table(7)
    assert len({json.dumps(table(s)) for s in range(8)}) > 1


def test_redraw_gives_another_card_of_the_same_kind_reproducibly(content, clock):
    a = new_round(content.scenarios["solo-spark"], content, seed=3, clock=clock)
    b = new_round(content.scenarios["solo-spark"], content, seed=3, clock=clock)
    before = a.draws[0][:]
    card = a.redraw(1)
    assert card.kind == "client" and card.id != before[1]
    assert a.draws[0] == [before[0], card.id]
    assert b.redraw(1).id == card.id
    with pytest.raises(IndexError):
        a.redraw(5)


def test_no_card_appears_twice_on_the_table(rnd):
    play_to(rnd, "check")
    ids = [cid for i in rnd.draws for cid in rnd.draws[i]]
    assert len(ids) == len(set(ids))


def test_dots_respect_the_limits(rnd):
    play_to(rnd, "choose")
    rnd.give_dot(1)
    rnd.give_dot(1)
    rnd.give_dot(2)
    assert rnd.dots_left() == 0
    with pytest.raises(VoteRefused) as info:
        rnd.give_dot(2)
    assert info.value.reason == "no_dots_left"
    rnd.take_dot(2)
    assert rnd.dots_left() == 1 and not rnd.idea(2).chosen
    with pytest.raises(VoteRefused) as info:
        rnd.take_dot(2)
    assert info.value.reason == "no_dot_to_take"
    assert [i.id for i in rnd.chosen()] == [1]


def test_idea_cap_refuses_a_dot(content, clock):
    from dataclasses import replace

    scenario = replace(content.scenarios["solo-spark"], dot_cap=1)
    r = new_round(scenario, content, seed=1, clock=clock)
    play_to(r, "choose")
    r.give_dot(1)
    with pytest.raises(VoteRefused) as info:
        r.give_dot(1)
    assert info.value.reason == "idea_cap"


def test_rework_keeps_history_and_checks_score(rnd):
    idea = rnd.add_idea("  Fireworks for every client  ")
    assert idea.text == "Fireworks for every client"
    idea.rework("A handwritten thank-you note")
    assert idea.history == ["Fireworks for every client"]
    rnd.set_check(idea.id, "ck-simple", True)
    rnd.set_check(idea.id, "ck-cheap", True)
    rnd.set_check(idea.id, "ck-cheap", False)
    assert idea.score == 1
    assert rnd.add_idea("   ") is None


def test_timer_is_driven_by_the_clock_and_survives_back_and_next(rnd, clock):
    timer = rnd.timer
    assert timer.running and timer.remaining() == 120
    clock.now += 30
    assert timer.remaining() == 90
    rnd.next()
    clock.now += 100
    rnd.back()
    assert rnd.timer is timer and timer.remaining() == 90 and timer.running  # paused while away


def test_countdown_pause_add_and_finish(clock):
    t = Countdown(60, clock)
    t.start()
    clock.now += 20
    t.pause()
    clock.now += 500
    assert t.remaining() == 40 and not t.running
    t.toggle()
    t.add(60)
    clock.now += 99.5
    assert t.remaining() == pytest.approx(0.5)
    clock.now += 1
    assert t.finished and t.remaining() == 0
    restored = Countdown.from_dict(json.loads(json.dumps(t.to_dict())), clock)
    assert restored.finished


@pytest.mark.parametrize(
    ("left", "shown", "wait"),
    [(65.3, 66, 0.299), (65.0, 65, 0.999), (0.4, 1, 0.399), (59.9995, 60, 0.9985), (60.0015, 61, 0.0005)],
)
def test_the_digits_change_on_the_second_and_the_wait_for_it_is_known(clock, left, shown, wait):
    t = Countdown(100, clock)
    t.start()
    clock.now += 100 - left
    assert shown_seconds(t.remaining()) == shown
    assert t.to_next_second() == pytest.approx(wait)
    clock.now += t.to_next_second() + 1e-6  # just past it: the next whole second shows
    assert shown_seconds(t.remaining()) == shown - 1


def test_json_round_trip_restores_everything(rnd, content, clock):
    rnd.set_note("Я жду, что меня заметят 🙂")
    play_to(rnd, "choose")
    rnd.redraws["9:9"] = 2
    rnd.give_dot(2)
    rnd.set_focus(2, "wow")
    rnd.drafts[3] = "half a thought"
    rnd.idea(1).rework("better")
    clock.now += 5
    back = Round.from_json(rnd.to_json(), content, clock)
    assert back.to_json() == rnd.to_json()
    assert back.idea(2).focus == "wow" and back.dots_left() == rnd.dots_left()
    assert back.note(0) == "Я жду, что меня заметят 🙂"


@settings(max_examples=40, deadline=None)
@given(texts=st.lists(st.text(min_size=1, max_size=300).filter(str.strip), min_size=1, max_size=6))
def test_json_round_trip_of_any_idea_text(content, texts):
    r = new_round(content.scenarios["solo-spark"], content, seed=5, clock=FakeClock())
    for text in texts:
        r.add_idea(text)
    back = Round.from_json(r.to_json(), content, r.clock)
    assert [i.text for i in back.ideas] == [i.text for i in r.ideas]
    assert back.to_json() == r.to_json()


def test_unknown_state_version_is_refused(rnd, content):
    data = json.loads(rnd.to_json())
    data["version"] = 99
    with pytest.raises(ValueError, match="unsupported round state version 99"):
        Round.from_json(json.dumps(data), content)


def test_an_idea_keeps_at_most_the_shared_limit(rnd):
    from game.domain.limits import IDEA_CHARS

    while rnd.step.kind not in ("moment", "magic"):
        rnd.next()
    idea = rnd.add_idea("  " + "я" * (IDEA_CHARS + 30) + "  ")
    assert idea is not None and len(idea.text) == IDEA_CHARS
