"""The room's part of a workshop's saved state, and the words phones get in both languages."""

import re

from game.domain.room import IDEA_STEPS, Device, RoomRefused, RoomRules, RoomState
from game.domain.workshop import Team, load_state, new_workshop
from game.room import texts
from tests.conftest import ROOT


def test_devices_tokens_and_ownership_survive_a_save_and_a_load(content):
    ws = new_workshop(content.scenarios["classic-workshop"], content, [Team("Red"), Team("Blue")], seed=1)
    ws.room = RoomState("192.168.1.5", port=8801, locked=True)
    rules = RoomRules(ws, ws.room)
    ws.room.locked = False
    device = rules.hello(None, "ru")
    rules.join(device, "Аня", "Blue")
    while ws.step.kind != "moment":
        ws.skip()
    idea_id, new = rules.add_idea(device, "c-1", "Плед на террасе")
    assert new
    rules.remove(rules.hello(None, "en").token)
    back = load_state(ws.to_json(), content)
    room = back.room
    assert (room.host, room.port, room.token, room.code) == ("192.168.1.5", 8801, ws.room.token, ws.room.code)
    assert len(room.token) >= 16 and len(room.code) == 4
    again = room.devices[device.token]
    assert (again.name, again.team, again.lang, again.cids) == ("Аня", "Blue", "ru", {"c-1": idea_id})
    assert room.owners == {idea_id: device.token} and room.sent_in == {idea_id: back.step_index}
    assert len(room.revoked) == 1
    # the same cid after the load: acknowledged, not added
    assert RoomRules(back, room).add_idea(again, "c-1", "Плед на террасе") == (idea_id, False)
    assert [i.text for i in back.ideas] == ["Плед на террасе"]


def test_the_report_switch_is_saved_and_an_older_file_without_it_loads_with_it_off(content):
    import json

    ws = new_workshop(content.scenarios["classic-workshop"], content, [Team("Red"), Team("Blue")], seed=1)
    ws.room = RoomState("127.0.0.1")
    assert not ws.room.report_home  # off until the trainer allows it
    ws.room.report_home = True
    assert load_state(ws.to_json(), content).room.report_home
    older = json.loads(ws.to_json())
    del older["room"]["report_home"]  # a file saved before the switch existed
    assert load_state(json.dumps(older), content).room.report_home is False
    older["room"]["report_home"] = "yes"  # only a real true turns it on
    assert load_state(json.dumps(older), content).room.report_home is False


def test_a_workshop_without_phones_saves_no_room(content):
    ws = new_workshop(content.scenarios["classic-workshop"], content, [Team("Red"), Team("Blue")], seed=1)
    assert ws.to_dict()["room"] is None and load_state(ws.to_json(), content).room is None


def test_players_vote_as_themselves_when_players_vote(content):
    ws = new_workshop(content.scenarios["classic-workshop"], content, [Team("Red", ["Ann"]), Team("Blue")],
                      by_player=True, seed=1)  # fmt: skip
    ws.room = RoomState("127.0.0.1")
    rules = RoomRules(ws, ws.room)
    ann, bob = rules.hello(None, "en"), rules.hello(None, "en")
    rules.join(ann, "ann", "Red")
    rules.join(bob, "Bob", "Red")
    assert rules.voter(ann) == "Red · Ann" and rules.voter(bob) == "Red · Bob"
    assert ws.team("Red").players == ["Ann", "Bob"]


def test_the_room_is_full_at_300_phones(content):
    ws = new_workshop(content.scenarios["classic-workshop"], content, [Team("Red"), Team("Blue")], seed=1)
    ws.room = RoomState("127.0.0.1")
    rules = RoomRules(ws, ws.room)
    for _ in range(300):
        rules.hello(None, "en")
    try:
        rules.hello(None, "en")
    except RoomRefused as e:
        assert e.code == "room_full"
    else:
        raise AssertionError("a 301st phone joined")
    assert len(ws.room.devices) == 300 and isinstance(next(iter(ws.room.devices.values())), Device)


def test_the_idea_steps_are_the_consoles():
    from game.ui.step_panels import IDEA_STEPS as CONSOLE

    assert IDEA_STEPS == CONSOLE


def test_every_word_for_phones_has_both_languages():
    from game.domain.content import DECK_KINDS, STEP_KINDS
    from game.domain.ideas import VoteRefused

    assert set(texts.STEPS) == set(STEP_KINDS) and set(texts.DECKS) == set(DECK_KINDS)
    assert set(VoteRefused.REASONS) <= set(texts.REFUSALS)
    for table in (texts.STEPS, texts.DECKS, texts.REFUSALS, texts.FIELDS, texts.WITHHELD):
        for key, (en, ru) in table.items():
            assert en.strip() and ru.strip() and en != ru, key
    protocol = (ROOT / "game" / "room" / "PROTOCOL.md").read_text(encoding="utf-8")
    codes = set(re.findall(r"^\| `([a-z_]+)`", protocol, re.M))
    assert set(texts.REFUSALS) <= codes | {"no_dots_left", "idea_cap", "own_idea", "no_dot_to_take"}


def test_an_idea_saves_every_field_as_asdict_would():
    """Idea.to_dict is written by hand for speed (thousands of phone ideas saved twice a second): a new field
    must be added there too."""
    from dataclasses import asdict

    from game.domain.ideas import Idea, Promise

    idea = Idea(3, "text", {"c": True}, 2, "wow", Promise("Ann", "2026-01-02", "call", "smile"), ["old"], "Red",
                "Ann", [{"text": "same", "team": "Blue", "player": ""}])  # fmt: skip
    assert idea.to_dict() == asdict(idea) and list(idea.to_dict()) == list(asdict(idea))
    assert list(idea.to_dict()["promise"]) == list(asdict(idea.promise))
    assert Idea.from_dict(idea.to_dict()) == idea
