"""The room's protocol with simulated phones: joining, ideas, votes, and every refusal changing nothing."""

from tests.room.conftest import to_step


def joined(room, name="Ann", team="Red"):
    phone = room.phone()
    phone.hello()
    phone.join(name, team)
    return phone


def test_a_phone_joins_and_its_idea_lands_in_its_team(room):
    ws = room.ws
    to_step(ws, "moment")
    room.console_changed()
    phone = room.phone()
    welcome = phone.hello(lang="ru")
    assert welcome["teams"] == ["Red", "Blue", "Green"] and welcome["needs_name"] and welcome["team"] is None
    assert len(welcome["device"]) >= 16
    state = phone.join("Аня", "Red")
    assert state["joined"] and state["accepts"] == ["idea"] and state["step"]["title"] == "Момент"
    phone.send({"type": "idea", "cid": "c1", "text": "  Tea while they wait  "})
    ack = phone.next("ack", cid="c1")
    idea = ws.idea(ack["idea"])
    assert (idea.text, idea.team, idea.player) == ("Tea while they wait", "Red", "Аня")
    state = phone.settle()
    assert [i["text"] for i in state["ideas"]] == ["Tea while they wait"]
    assert state["mine"] == state["editable"] == [idea.id]
