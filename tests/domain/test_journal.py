"""The autosave's journal: a snapshot and the lines after it come back as the round was at each line, whatever
the console and the phones did in between; ideas are numbered and found without walking the round."""

import contextlib
import functools
import json
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game import paths
from game.domain import room as room_module
from game.domain.content import Content, load_content
from game.domain.ideas import VoteRefused
from game.domain.journal import Journal, replay
from game.domain.room import Device, RoomRefused, RoomRules, RoomState
from game.domain.round import new_round
from game.domain.workshop import ShortlistFull, Team, Workshop, load_data, load_state, new_workshop
from tests.domain.test_round import FakeClock


@functools.cache
def shipped() -> Content:  # not the `content` fixture: hypothesis would print all of it with a failing example
    return load_content([paths.shipped("cards")], [paths.shipped("scenarios")])


TEAMS = [Team("Foxes", ["Anna"]), Team("Owls"), Team("Bears")]
OPS = ("console", "phone", "phone", "phone", "edit", "delete", "remove", "rework", "merge", "check", "vote", "unvote",
       "focus", "promise", "draft", "note", "clock", "timer", "join", "drop", "move", "skip")  # fmt: skip


def workshop(content, clock) -> tuple[Workshop, RoomRules]:
    ws = new_workshop(content.scenarios["classic-workshop"], content, TEAMS, seed=5, clock=clock)
    ws.room = RoomState("127.0.0.1")
    while ws.step.kind != "magic":
        ws.skip()
    return ws, RoomRules(ws, ws.room, now=clock)


def workshop_with_a_phone(content) -> tuple[Workshop, RoomRules, Device]:
    """The workshop at its idea step with Ann's phone joined to the Owls."""
    ws, rules = workshop(content, FakeClock())
    phone = rules.hello(None, "en")
    rules.join(phone, "Ann", "Owls")
    return ws, rules, phone


def act(ws: Workshop, rules: RoomRules, clock: FakeClock, op: str, a: int, b: int, n: int) -> None:
    """One thing a console or a phone does (the ones the rules refuse change nothing, as in the room)."""
    ids = [i.id for i in ws.ideas]
    pick = ids[a % len(ids)] if ids else 0
    other = ids[b % len(ids)] if ids else 0
    devices = list(ws.room.devices.values()) if ws.room else []
    device = devices[a % len(devices)] if devices else None
    team = ws.teams[a % len(ws.teams)].name
    with contextlib.suppress(RoomRefused, VoteRefused, ShortlistFull, KeyError, ValueError):
        if op == "console":
            ws.add_idea(f"console idea {n}", team)
        elif op == "phone" and device is not None:
            rules.add_idea(device, f"cid {b % 7}-{n % 3}", f"phone idea {n}")  # some cids sent again
        elif op == "edit" and device is not None:
            rules.edit(device, {"idea": pick, "text": f"edited {n}"})
        elif op == "delete" and device is not None:
            rules.delete(device, {"idea": pick})
        elif op == "remove":
            ws.remove_idea(pick)
        elif op == "rework":
            ws.rework(pick, f"reworked {n}")
        elif op == "merge":
            ws.merge(pick, other)
        elif op == "check":
            ws.set_check(pick, ws.check_cards()[b % 3].id, bool(n % 2))
        elif op == "vote":
            ws.give_dot(pick, ws.voters()[b % len(ws.voters())])
        elif op == "unvote":
            ws.take_dot(pick, ws.voters()[b % len(ws.voters())])
        elif op == "focus":
            ws.set_focus(pick, ("fix", "wow", "planb")[b % 3])
        elif op == "promise":
            ws.set_promise(pick, who=f"who {n}", first_step="call")
        elif op == "draft":  # the console's line writes its draft straight into the workshop
            ws.team_drafts[team] = f"half-typed {n}"
        elif op == "note":
            ws.set_note(f"note {n}")
        elif op == "clock":
            clock.now += b
        elif op == "timer" and ws.timer:
            ws.timer.toggle()
        elif op == "join":
            rules.join(rules.hello(None, "en"), f"Phone {n}", team)
        elif op == "drop" and device is not None:
            rules.remove(device.token)
        elif op == "move" and device is not None:
            rules.move(device.token, ws.teams[b % len(ws.teams)].name)
        elif op == "skip" and b % 4 == 0 and ws.step.kind not in ("choose", "promise"):
            ws.skip()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 50), st.integers(0, 50), st.booleans()), min_size=20,
                max_size=80))  # fmt: skip
def test_a_snapshot_and_its_lines_come_back_as_the_workshop_was_at_every_line(steps):
    content = shipped()
    clock = FakeClock()
    ws, rules = workshop(content, clock)
    for n in range(3):
        rules.join(rules.hello(None, "en"), f"Phone {n}", ws.teams[n].name)
    journal = Journal(ws, check=True)  # check: each line is replayed and compared with the workshop at once
    snapshot = journal.snapshot()
    lines, states = [], [ws.to_json()]
    with mock.patch.object(room_module, "KEPT_CIDS", 2):  # a phone's oldest ids are let go, and so journaled
        for n, (op, a, b, tick) in enumerate(steps):
            act(ws, rules, clock, op, a, b, n)
            if tick and (line := journal.line()) is not None:  # half a second passes (or the ops go on in it)
                lines.append(json.loads(line))
                states.append(ws.to_json())
    if (line := journal.line()) is not None:
        lines.append(json.loads(line))
        states.append(ws.to_json())
    for kept, state in enumerate(states):  # killed after any line: the round as it was then
        assert replay(json.loads(snapshot), lines[:kept]) == json.loads(state)
    back = load_data(replay(json.loads(snapshot), lines), content, clock)
    assert back.to_json() == ws.to_json()
    if back.ideas:  # and the round that came back numbers and finds its ideas as the one that went
        assert back.add_idea("one more").id == ws.add_idea("one more").id  # type: ignore[union-attr]


def test_a_change_made_behind_the_rounds_back_fails_the_check(content):
    ws, _ = workshop(content, FakeClock())
    ws.add_idea("Tea", "Owls")
    journal = Journal(ws, check=True)
    journal.snapshot()
    ws.ideas[0].text = "Coffee"  # not through the workshop: nothing tells the journal
    with pytest.raises(AssertionError, match=r"lost a change to \['ideas'\]"):
        journal.line()


def test_nothing_changed_writes_no_line_and_a_running_timer_writes_only_itself(content):
    clock = FakeClock()
    ws, _ = workshop(content, clock)
    journal = Journal(ws)
    journal.snapshot()
    assert journal.line() is None
    ws.timer.start()
    clock.now += 3
    assert json.loads(journal.line()) == {"h": {"timers": ws.to_dict()["timers"]}, "p": [], "a": []}
    ws.timer.pause()
    journal.line()
    assert journal.line() is None


def test_a_line_carries_the_changed_ideas_not_the_round(content):
    ws, rules, phone = workshop_with_a_phone(content)
    for n in range(300):
        ws.add_idea(f"idea {n}", "Foxes")
    journal = Journal(ws)
    journal.snapshot()
    rules.add_idea(phone, "c1", "Warm towels")
    line = json.loads(journal.line())
    new = ws.ideas[-1].id
    assert line["a"] == [["i", new, ws.idea(new).to_dict()], ["o", new, phone.token], ["s", new, ws.step_index],
                         ["c", phone.token, "c1", new]]  # fmt: skip
    assert line["h"] == {} and line["p"] == []
    ws.set_check(new, ws.check_cards()[0].id, True)
    assert json.loads(journal.line()) == {"h": {}, "p": [["i", new, ws.idea(new).to_dict()]], "a": []}


def test_ideas_are_numbered_as_before_the_newest_id_comes_back_when_it_is_removed(content):
    rnd = new_round(content.scenarios["solo-spark"], content, seed=1, clock=FakeClock())
    assert [rnd.add_idea(t).id for t in ("a", "b", "c")] == [1, 2, 3]  # type: ignore[union-attr]
    rnd.remove_idea(2)
    assert rnd.add_idea("d").id == 4  # type: ignore[union-attr]
    rnd.remove_idea(4)
    assert rnd.add_idea("e").id == 4  # type: ignore[union-attr]  (max + 1, as it always was)
    with pytest.raises(KeyError):
        rnd.idea(2)
    assert rnd.idea(3).text == "c"
    back = load_state(rnd.to_json(), content, rnd.clock)
    assert back.idea(4).text == "e" and back.add_idea("f").id == 5  # type: ignore[union-attr]


def test_a_merged_idea_is_gone_and_its_id_is_found_no_more(content):
    ws = new_workshop(content.scenarios["classic-workshop"], content, TEAMS, seed=5, clock=FakeClock())
    a, b = ws.add_idea("Tea", "Foxes"), ws.add_idea("Tea too", "Owls")
    assert a is not None and b is not None
    ws.merge(b.id, a.id)
    with pytest.raises(KeyError):
        ws.idea(b.id)
    assert ws.add_idea("Cake", "Bears").id == b.id  # type: ignore[union-attr]  (it was the newest)


def test_an_id_given_again_is_not_the_phone_s_that_sent_the_removed_idea(content):
    ws, rules, phone = workshop_with_a_phone(content)
    sent, _ = rules.add_idea(phone, "c1", "Tea")
    journal = Journal(ws, check=True)
    journal.snapshot()
    ws.remove_idea(sent)  # the console removes the phone's idea, the newest: its id comes back
    again = ws.add_idea("Typed at the console", "Foxes")
    assert again is not None and again.id == sent
    assert not rules.editable(phone, again.id) and rules.mine(phone, [again]) == ([], [])
    journal.line()  # and the journal knows (the check compares)


def test_ideas_and_phones_ids_made_anew_within_one_line_come_back_in_their_order(content):
    ws, rules, phone = workshop_with_a_phone(content)
    for n in range(6):
        ws.add_idea(f"idea {n + 1}", "Foxes")
    ws.remove_idea(5)
    journal = Journal(ws, check=True)
    snapshot = journal.snapshot()
    ws.remove_idea(6)  # the newest: the next two ideas are 5 and 6 again, after 4
    ws.add_idea("five", "Owls")
    ws.rework(1, "one, reworked")  # changed in place: it keeps its place
    ws.add_idea("six", "Owls")
    with mock.patch.object(room_module, "KEPT_CIDS", 2):
        for cid in ("a", "b", "c"):  # "a" is let go…
            rules.add_idea(phone, cid, f"phone {cid}")
        rules.add_idea(phone, "a", "phone a again")  # …and sent again: after "b" and "c" now, as the phone sent it
    assert list(phone.cids) == ["c", "a"]
    line = journal.line()
    assert line is not None
    assert replay(json.loads(snapshot), [json.loads(line)]) == json.loads(ws.to_json())
