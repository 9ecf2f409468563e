"""The shipped decks and scenarios: complete, bilingual, grounded in the seeds, and every scenario playable."""

import re
from pathlib import Path

import pytest

from game import paths
from game.domain.content import DECK_KINDS, check_files
from game.domain.round import new_round
from tests.play import play_to_end

MINIMUM = {  # the depth issue 15 asks for
    "technomagic": 48,
    "business": 40,
    "client": 34,
    "touchpoint": 20,
    "lens": 18,
    "constraint": 18,
    "check": 8,
    "obstacle": 30,
    "warmup": 14,
}
SEED_STORIES = [  # the techniques the seeds teach, each a card of its own
    "tm-joshi-giraffe",
    "tm-dropped-tray",
    "tm-funny-message",
    "tm-cheese-insert",
    "tm-open-kitchen",
    "tm-cashier-decides",
    "tm-closed-gate-warning",
    "tm-name-the-feeling",
    "tm-hate-scale",
    "tm-note-for-colleague",
    "tm-agree-every-step",
    "tm-take-responsibility",
    "tm-delivery-tracking",
]
CYRILLIC = re.compile("[А-Яа-яЁё]")
IDS_FILE = Path(__file__).with_name("card_ids.txt")


def all_cards(content):
    return [card for deck in content.decks.values() for card in deck.cards]


def texts(card):
    for name in ("title", "prompt", "example", "source", "twist", "why"):
        value = getattr(card, name)
        if value is not None:
            yield name, value


def test_every_shipped_file_validates():
    files = sorted(paths.shipped("cards").glob("*.toml")) + sorted(paths.shipped("scenarios").glob("*.toml"))
    assert len(files) >= 14
    assert [str(p) for p in check_files(files)] == []


@pytest.mark.parametrize("kind", DECK_KINDS)
def test_each_deck_kind_has_enough_cards(content, kind):
    assert len(content.cards_of(kind)) >= MINIMUM[kind]


def test_card_ids_are_unique_across_all_decks(content):
    ids = [card.id for card in all_cards(content)]
    assert len(ids) == len(set(ids))


def test_card_ids_are_stable(content):
    """Saved ideas point at card ids: a shipped id may be added, never renamed or removed."""
    known = set(IDS_FILE.read_text(encoding="utf-8").split())
    current = {card.id for card in all_cards(content)}
    assert known <= current, sorted(known - current)


def test_no_text_is_empty_or_the_same_in_both_languages(content):
    for card in all_cards(content):
        for name, text in texts(card):
            assert text.ru.strip() and text.en.strip(), (card.id, name)
            assert text.ru != text.en, (card.id, name)


def test_russian_is_russian_and_english_is_english(content):
    for card in all_cards(content):
        for name, text in texts(card):
            assert CYRILLIC.search(text.ru), (card.id, name, text.ru)
            # Russian letters in English only in brackets naming a Russian original: “Think like a client” («…»)
            assert not CYRILLIC.search(re.sub(r"\([^)]*\)", "", text.en)), (card.id, name, text.en)


def english_texts(content):
    for card in all_cards(content):
        for name, text in texts(card):
            yield card.id, name, text.en
    for scenario in content.scenarios.values():
        yield scenario.id, "description", scenario.description.en
        for n, step in enumerate(scenario.steps, 1):
            yield scenario.id, f"step {n}", step.instruction.en


def test_english_typography_is_curly_and_consistent(content):
    for where, name, text in english_texts(content):
        assert "'" not in text and '"' not in text, (where, name, text)  # ’ and “…”, never straight
        outside = re.sub(r"\([^)]*\)", "", text)
        assert "«" not in outside and not CYRILLIC.search(outside), (where, name, text)
    for card in all_cards(content):
        for name, text in texts(card):
            assert "на передовой" not in text.ru, (card.id, name)


def test_every_card_says_why_it_works_and_techniques_carry_effort_and_cost(content):
    for card in all_cards(content):
        assert card.why is not None, card.id
        if card.kind == "technomagic":
            assert card.effort and card.cost, card.id


def test_no_two_cards_share_a_title_within_a_language(content):
    for lang in ("ru", "en"):
        seen: dict[str, str] = {}
        for card in all_cards(content):
            title = card.title.get(lang).casefold()
            assert title not in seen, (lang, card.title.get(lang), seen.get(title), card.id)
            seen[title] = card.id


def test_cards_that_retell_one_seed_story_name_it(content):
    """The draw keeps two cards with one story off a table, so the seed stories told on several cards say so."""
    stories = {card.id: card.story for card in all_cards(content)}
    for group in (
        ("tm-dropped-tray", "ob-dropped-tray"),
        ("tm-name-the-feeling", "ob-double-charge", "ln-routine-for-us", "cl-angry-after-mistake"),
        ("tm-feb-29", "ob-feb-29", "cl-born-feb-29", "tm-note-for-colleague"),
        ("tm-work-here-test", "wu-work-here"),
        ("tm-glass-of-water", "ln-a-glass-of-water", "ob-no-water"),
        ("tm-goat-cheese-swap", "ob-swap-refused", "ln-for-our-convenience"),
        ("tm-closed-gate-warning", "ob-closed-gate", "tp-getting-here"),
    ):
        assert len({stories[i] for i in group}) == 1 and stories[group[0]], group


def test_real_stories_are_real_and_invented_ones_say_so(content):
    """At least 15 techniques retell a published case (5 of them Russian), each naming where a trainer finds it;
    every other example says on the card that it is invented."""
    published = [c for c in content.cards_of("technomagic") if "published-case" in c.tags]
    assert len(published) >= 15 and sum("russia" in c.tags for c in published) >= 5
    dated = [c for c in published if re.search(r"\b(19|20)\d\d\b", c.source.en)]
    assert len(dated) >= 10  # the cases checked for this deck carry their year
    for card in content.cards_of("technomagic"):
        if card not in published:
            assert "invented" in card.source.en and "придума" in card.source.ru, card.id


def test_every_technique_has_an_example_story_and_a_source(content):
    for card in content.cards_of("technomagic"):
        assert card.example and card.source, card.id


def test_the_seed_stories_are_all_there(content):
    ids = {card.id for card in content.cards_of("technomagic")}
    assert set(SEED_STORIES) <= ids


def visit_route(content):
    return [card for card in content.cards_of("touchpoint") if card.journey is None]


def test_touchpoints_walk_their_routes_in_order(content):
    routes: dict[str | None, list[int]] = {}
    for card in content.cards_of("touchpoint"):
        routes.setdefault(card.journey, []).append(card.order)
    assert set(routes) == {None, "b2b", "delivery"} and len(routes["b2b"]) == 8
    for orders in routes.values():
        assert None not in orders and orders == sorted(orders) and len(set(orders)) == len(orders)
    paying, result = (next(c.order for c in visit_route(content) if c.id == i) for i in ("tp-paying", "tp-receiving"))
    assert result < paying  # salons, garages and dry cleaners: the result comes before the bill


def test_a_step_can_walk_the_b2b_route(content):
    from dataclasses import replace

    from game.domain.content import StepSpec, Text

    walk = Text("Остановка", "A stop")
    steps = (*(StepSpec("moment", 30, ("touchpoint",), walk, route="b2b") for _ in range(8)),)
    walk_steps = content.scenarios["journey-walk"].steps
    own = replace(content.scenarios["journey-walk"], id="b2b-walk", steps=steps + walk_steps[-4:])
    rnd = new_round(own, content, seed=2)
    seen = []
    while rnd.step.kind == "moment":
        seen.append(rnd.cards()[0].id)
        rnd.next()
    assert seen == [c.id for c in content.cards_of("touchpoint") if c.journey == "b2b"]


def test_every_obstacle_asks_one_question(content):
    for card in content.cards_of("obstacle"):
        assert card.prompt.en.count("?") == 1 and card.prompt.ru.count("?") == 1, card.id


def test_there_are_wild_cards_for_your_own_business_and_client(content):
    assert "wild-card" in content.card("biz-your-own").tags and "wild-card" in content.card("cl-your-own").tags


def test_the_five_scenarios_are_shipped(content):
    assert {"solo-spark", "classic-workshop", "journey-walk", "complaint-to-delight", "morning-questions",
            "morning-reflection"} <= set(content.scenarios)  # fmt: skip


@pytest.mark.parametrize(
    "scenario_id", ["solo-spark", "classic-workshop", "journey-walk", "complaint-to-delight", "morning-questions"]
)
def test_every_scenario_plays_to_its_end(content, scenario_id):
    scenario = content.scenarios[scenario_id]
    rnd = new_round(scenario, content, seed=3)

    def advance() -> None:
        assert len(rnd.cards()) == len(rnd.step.draw) + len(rnd.step.cards)
        rnd.next()

    seen = play_to_end(rnd, advance)
    assert seen[-2:] == ["choose", "promise"]



SCENARIOS = ["solo-spark", "classic-workshop", "journey-walk", "complaint-to-delight", "morning-questions",
             "morning-reflection"]  # fmt: skip


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_every_scenario_fits_its_stated_length_with_opening_break_and_wrap_up(content, scenario_id):
    scenario = content.scenarios[scenario_id]
    assert all(step.seconds > 0 for step in scenario.steps), "an untimed step would not be counted"
    assert scenario.planned_seconds() == scenario.minutes * 60


def test_the_classic_workshop_leaves_time_to_open_break_and_wrap_up_and_checks_shortlists(content):
    scenario = content.scenarios["classic-workshop"]
    assert (scenario.opening_minutes, scenario.break_minutes, scenario.wrap_up_minutes) >= (3, 10, 5)
    assert scenario.per_team == ("business", "client")
    [check] = [s for s in scenario.steps if s.kind == "check"]
    assert "three strongest ideas" in check.instruction.en and "три свои самые сильные" in check.instruction.ru


def test_journey_walk_asks_fix_wow_and_plan_b_at_every_stop_through_a_lens(content):
    steps = content.scenarios["journey-walk"].steps
    stops = [s for s in steps if s.kind == "moment"]
    assert len(stops) == len(visit_route(content)) and all(s.draw == ("touchpoint", "lens") for s in stops)
    for step in (s for s in steps if s.kind == "magic"):
        assert all(word in step.instruction.en for word in ("Fix", "WOW", "Plan B", "promise clients in advance"))
    last = stops[-1].instruction.en
    assert "Plan B matters most" in last and "Stop 12" in last
    assert "paying" in stops[8].instruction.en and "price" not in stops[11].instruction.en
    rnd = new_round(content.scenarios["journey-walk"], content, seed=4)
    lenses = []
    while rnd.step.kind != "check":
        lenses += [c.id for c in rnd.cards() if c.kind == "lens"]
        if rnd.step.kind == "magic":
            rnd.add_idea("x")
        rnd.next()
    assert len(lenses) == 12 and len(set(lenses)) == 12  # a lens at every stop, none twice


def test_plan_b_asks_for_a_promise_made_in_advance(content):
    for scenario_id in ("complaint-to-delight", "journey-walk"):
        steps = content.scenarios[scenario_id].steps
        assert any("promise clients in advance" in s.instruction.en and "заранее" in s.instruction.ru for s in steps)
    choose = next(s for s in content.scenarios["classic-workshop"].steps if s.kind == "choose")
    assert "promise made to clients in advance" in choose.instruction.en


def test_the_morning_questions_are_a_managers_ritual_ending_in_an_offer_of_help(content):
    cards = {c.id: c for c in content.cards_of("warmup")}
    for card_id in ("wu-always", "wu-surprise"):
        assert cards[card_id].prompt.en.endswith("How can I help?")
        assert cards[card_id].prompt.ru.endswith("Чем я могу помочь?")
    ritual, solo = content.scenarios["morning-questions"], content.scenarios["morning-reflection"]
    assert ritual.name.en == "The three morning questions" and "manager" in ritual.description.en
    assert [s.cards for s in ritual.steps[:3]] == [s.cards for s in solo.steps[:3]]


def test_journey_walk_follows_the_route(content):
    rnd = new_round(content.scenarios["journey-walk"], content, seed=1)
    stops = []
    while not rnd.finished and rnd.step.kind != "check":
        stops += [c.order for c in rnd.cards() if c.kind == "touchpoint"]
        if rnd.step.kind == "magic":
            rnd.add_idea("x")
        rnd.next()
    assert stops == [card.order for card in visit_route(content)]  # every stop, in route order


def test_morning_questions_show_the_three_questions_in_order(content):
    rnd = new_round(content.scenarios["morning-questions"], content, seed=1)
    firsts = []
    while rnd.step.kind == "warmup":
        firsts.append(rnd.cards()[0].id)
        rnd.next()
    assert firsts == ["wu-proud", "wu-always", "wu-surprise"]


def test_a_step_can_draw_only_free_or_quick_techniques(content):
    from dataclasses import replace

    spark = content.scenarios["solo-spark"]
    magic = next(i for i, s in enumerate(spark.steps) if s.kind == "magic")
    free = replace(spark, steps=tuple(replace(s, costs=("free",)) if i == magic else s
                                      for i, s in enumerate(spark.steps)))  # fmt: skip
    drawn = set()
    for seed in range(60):
        rnd = new_round(free, content, seed=seed)
        rnd.step_index = magic
        rnd._enter()
        drawn |= {c.id for c in rnd.cards() if c.kind == "technomagic"}
    assert drawn and all(content.card(c).cost == "free" for c in drawn)
    assert len(drawn) > 5  # still a draw, not one card
    morning = content.scenarios["morning-questions"]
    assert next(s for s in morning.steps if s.kind == "magic").efforts == ("minutes",)
