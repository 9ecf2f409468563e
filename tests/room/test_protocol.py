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


def snapshot(ws) -> str:
    """The whole workshop as saved but the clocks (a running timer, when a phone was last seen): a refusal must
    leave it exactly as it was."""
    import json

    data = ws.to_dict()
    data.pop("timers")
    for device in data["room"]["devices"]:
        device.pop("last_seen")
    return json.dumps(data, ensure_ascii=False)


def test_malformed_messages_are_refused_and_change_nothing(room):
    ws = room.ws
    to_step(ws, "moment")
    phone = joined(room)
    before = snapshot(ws)
    for bad in ("not json", "[1, 2]", '"text"', "{}", '{"type": "explode"}', '{"type": 7}'):
        assert phone.refused(bad)["code"] == "bad_json"
    phone.send_bytes(b"\x00\x01")
    assert phone.next("refused")["code"] == "bad_json"
    for msg, field in (
        ({"type": "idea", "text": "no cid"}, "cid"),
        ({"type": "idea", "cid": "", "text": "empty cid"}, "cid"),
        ({"type": "idea", "cid": "x" * 41, "text": "long cid"}, "cid"),
        ({"type": "idea", "cid": "n", "text": 12}, "text"),
        ({"type": "edit", "idea": "1", "text": "x"}, "idea"),
        ({"type": "delete", "idea": True}, "idea"),
    ):
        refusal = phone.refused({**msg, "ref": "r"}, ref="r")
        assert refusal["code"] == "bad_field", msg
        assert refusal["message"] == f"A field is missing or wrong: {_field(field)}."
    assert phone.refused({"type": "idea", "cid": "e", "text": "   "})["code"] == "empty"
    refusal = phone.refused({"type": "idea", "cid": "l", "text": "x" * 501, "ref": "l"}, ref="l")
    assert refusal["code"] == "too_long" and refusal["message"] == "Too long: the idea."
    assert snapshot(ws) == before
    assert phone.settle()["ideas"] == []


def _field(name: str) -> str:
    from game.room.texts import FIELDS

    return FIELDS[name][0]


def test_a_frame_over_16_kb_closes_the_connection_and_changes_nothing(room):
    to_step(room.ws, "moment")
    phone = joined(room)
    before = snapshot(room.ws)
    phone.send({"type": "idea", "cid": "big", "text": "x" * (1024 * 1024)})
    assert phone.next("_closed")["code"] == 1009
    assert snapshot(room.ws) == before
    other = joined(room, "Bob", "Blue")  # the room goes on for everyone else
    other.send({"type": "idea", "cid": "1", "text": "still here"})
    other.next("ack", cid="1")


def test_wrong_or_missing_room_tokens_find_nothing(room):
    import aiohttp
    import pytest

    port, token = room.ws.room.port, room.ws.room.token
    base = f"http://127.0.0.1:{port}"
    for path in ("/r/wrongtoken/ws", "/r//ws", "/ws", f"/r/{token[:-1]}/ws"):
        with pytest.raises(aiohttp.WSServerHandshakeError) as e:
            room.loop.run(room.loop.session.ws_connect(base + path))
        assert e.value.status == 404
    for path in ("/r/wrongtoken/", f"/r/{token}/static/../server.py", f"/r/{token}/static/", "/static/index.html",
                 f"/r/{token}/export/secrets.txt", "/library", f"/r/{token}/emblems/../../icon.png",
                 "/r/wrongtoken/export/ideas.md", "/r/wrongtoken/export/report.html?lang=en"):  # fmt: skip
        answer = room.loop.run(_get(room.loop.session, base + path))
        assert answer[0] == 404, path
        assert token not in answer[1]


async def _get(session, url: str, **headers):
    async with session.get(url, headers=headers) as r:
        return r.status, await r.text(errors="replace"), dict(r.headers)


def test_actions_before_hello_or_join_are_refused(room):
    to_step(room.ws, "moment")
    phone = room.phone()
    assert phone.refused({"type": "idea", "cid": "1", "text": "hi"})["code"] == "hello_first"
    phone.hello()
    assert phone.refused({"type": "idea", "cid": "1", "text": "hi"})["code"] == "not_joined"
    assert phone.refused({"type": "join", "name": "", "team": "Red"})["code"] == "needs_name"
    assert phone.refused({"type": "join", "name": "Ann", "team": "Purple"})["code"] == "unknown_team"
    assert phone.refused({"type": "join", "name": "A" * 41, "team": "Red"})["code"] == "too_long"
    assert room.ws.ideas == [] and room.ws.room.devices[phone.device].team == ""


def test_an_unknown_device_token_gets_a_new_one_and_a_known_one_gets_its_own_back(room):
    to_step(room.ws, "moment")
    first = joined(room)
    token = first.device
    first.close()
    again = room.phone()
    welcome = again.hello(device=token)
    assert welcome["device"] == token and welcome["name"] == "Ann" and welcome["team"] == "Red"
    stranger = room.phone()
    assert stranger.hello(device="made-up-token")["device"] not in (token, "made-up-token")


def test_a_phone_changes_only_its_own_ideas(room):
    ws = room.ws
    to_step(ws, "moment")
    ann, bob = joined(room, "Ann", "Red"), joined(room, "Bob", "Red")
    ann.send({"type": "idea", "cid": "a", "text": "Ann's idea"})
    mine = ann.next("ack", cid="a")["idea"]
    typed = ws.add_idea("typed by the facilitator", "Red")
    room.console_changed()
    before = snapshot(ws)
    for target in (mine, typed.id):
        assert bob.refused({"type": "edit", "idea": target, "text": "hijacked"})["code"] == "not_yours"
        assert bob.refused({"type": "delete", "idea": target})["code"] == "not_yours"
    assert bob.refused({"type": "edit", "idea": 999, "text": "x"})["code"] == "unknown_idea"
    assert snapshot(ws) == before
    state = bob.settle()
    assert state["mine"] == [] and {i["id"] for i in state["ideas"]} == {mine, typed.id}
    ann.send({"type": "edit", "idea": mine, "text": "Ann's better idea", "ref": "e"})
    ann.next("ack", ref="e")
    assert ws.idea(mine).text == "Ann's better idea"
    assert [i["text"] for i in bob.settle()["ideas"] if i["id"] == mine] == ["Ann's better idea"]
    ann.send({"type": "delete", "idea": mine, "ref": "d"})
    ann.next("ack", ref="d")
    assert [i.id for i in ws.ideas] == [typed.id]
    assert [i["id"] for i in bob.settle()["ideas"]] == [typed.id]


def test_a_resent_idea_is_acknowledged_again_never_doubled(room):
    ws = room.ws
    to_step(ws, "moment")
    phone = joined(room)
    for _ in range(3):
        phone.send({"type": "idea", "cid": "same", "text": "Umbrellas at the door"})
    ids = {phone.next("ack", cid="same")["idea"] for _ in range(3)}
    assert len(ids) == 1 and [i.text for i in ws.ideas] == ["Umbrellas at the door"]


def test_more_than_five_ideas_a_second_are_refused(room):
    ws = room.ws
    to_step(ws, "moment")
    phone = joined(room)
    for n in range(8):
        phone.send({"type": "idea", "cid": f"c{n}", "text": f"idea {n}"})
    answers = [phone.next("ack", cid=f"c{n}") if n < 5 else phone.next("refused", ref=f"c{n}") for n in range(8)]
    assert [a["code"] for a in answers[5:]] == ["too_fast"] * 3
    assert len(ws.ideas) == 5
    phone.qtbot.wait(1100)
    phone.send({"type": "idea", "cid": "c5", "text": "idea 5"})  # the same cid, resent after a second
    phone.next("ack", cid="c5")
    assert len(ws.ideas) == 6


def test_actions_for_a_step_that_is_over_are_refused(room):
    ws = room.ws
    to_step(ws, "moment")
    phone = joined(room)
    phone.send({"type": "idea", "cid": "a", "text": "sent on the moment"})
    idea = phone.next("ack", cid="a")["idea"]
    ws.skip()  # the facilitator moves on: obstacle (an idea step) or lens
    room.console_changed()
    state = phone.settle()
    assert state["editable"] == [] and state["mine"] == [idea]
    before = snapshot(ws)
    assert phone.refused({"type": "edit", "idea": idea, "text": "late"})["code"] == "wrong_step"
    assert phone.refused({"type": "delete", "idea": idea})["code"] == "wrong_step"
    assert phone.refused({"type": "vote", "idea": idea, "delta": 1})["code"] == "wrong_step"
    assert phone.refused({"type": "check", "idea": idea, "check": "x", "value": True})["code"] == "wrong_step"
    assert phone.refused({"type": "promise", "idea": idea, "who": "me"})["code"] == "wrong_step"
    assert snapshot(ws) == before
    to_step(ws, "choose")
    room.console_changed()
    assert phone.refused({"type": "idea", "cid": "late", "text": "too late"})["code"] == "wrong_step"
    assert snapshot(ws).count("too late") == 0


def test_votes_beyond_the_limits_are_refused(room):
    ws = room.ws  # classic workshop: 3 dots per team, at most 2 on one idea, none on one's own team's ideas
    to_step(ws, "moment")
    red, blue = joined(room, "Ann", "Red"), joined(room, "Bob", "Blue")
    red2 = joined(room, "Cat", "Red")
    red.send({"type": "idea", "cid": "r", "text": "red idea"})
    own = red.next("ack", cid="r")["idea"]
    blue.send({"type": "idea", "cid": "b1", "text": "blue one"})
    b1 = blue.next("ack", cid="b1")["idea"]
    blue.send({"type": "idea", "cid": "b2", "text": "blue two"})
    b2 = blue.next("ack", cid="b2")["idea"]
    to_step(ws, "choose")
    room.console_changed()
    assert red.settle()["accepts"] == ["vote"]
    before = snapshot(ws)
    assert red.refused({"type": "vote", "idea": own, "delta": 1})["code"] == "own_idea"
    assert red.refused({"type": "vote", "idea": b1, "delta": -1})["code"] == "no_dot_to_take"
    assert red.refused({"type": "vote", "idea": b1, "delta": 2})["code"] == "bad_field"
    assert red.refused({"type": "vote", "idea": 4242, "delta": 1})["code"] == "unknown_idea"
    assert snapshot(ws) == before
    for phone, target in ((red, b1), (red2, b1)):
        phone.send({"type": "vote", "idea": target, "delta": 1, "ref": "v"})
        phone.next("ack", ref="v")
    refusal = red.refused({"type": "vote", "idea": b1, "delta": 1})
    assert refusal["code"] == "idea_cap"
    red2.send({"type": "vote", "idea": b2, "delta": 1, "ref": "w"})
    red2.next("ack", ref="w")
    assert red.refused({"type": "vote", "idea": b2, "delta": 1})["code"] == "no_dots_left"
    assert ws.ballot.given["Red"] == {b1: 2, b2: 1}
    voting = red.settle()["voting"]
    assert voting["dots_left"] == 0 and voting["my_dots"] == {str(b1): 2, str(b2): 1}
    assert all(i["dots"] is None for i in red.state["ideas"])  # hidden until revealed
    assert blue.settle()["voting"]["my_dots"] == {}
    ws.reveal()
    room.console_changed()
    state = blue.settle()
    assert state["voting"]["revealed"] and state["accepts"] == []
    assert [(r["id"], r["dots"]) for r in state["voting"]["ranking"]] == [(b1, 2), (b2, 1)]
    assert red.refused({"type": "vote", "idea": b2, "delta": -1})["code"] == "votes_closed"


def test_teams_tick_the_check_for_their_own_ideas_only(room):
    ws = room.ws
    to_step(ws, "magic")
    red, blue = joined(room, "Ann", "Red"), joined(room, "Bob", "Blue")
    red.send({"type": "idea", "cid": "r", "text": "red idea"})
    mine = red.next("ack", cid="r")["idea"]
    to_step(ws, "check")
    room.console_changed()
    state = red.settle()
    # the classic workshop checks each team's shortlist: an idea the facilitator has not put on it is not asked
    assert ws.shortlist_size() == 3 and state["ideas"] == []
    first = state["checks"][0]["id"]
    before = snapshot(ws)
    assert red.refused({"type": "check", "idea": mine, "check": first, "value": True})["code"] == "not_shortlisted"
    assert snapshot(ws) == before
    ws.toggle_shortlist(mine)  # the team called it out among its three strongest
    room.console_changed()
    state = red.settle()
    assert state["accepts"] == ["check"] and [i["id"] for i in state["ideas"]] == [mine]
    check = state["checks"][0]["id"]
    assert {c["id"] for c in state["checks"]} == {c.id for c in ws.check_cards()}
    before = snapshot(ws)
    assert blue.refused({"type": "check", "idea": mine, "check": check, "value": True})["code"] == "other_team"
    assert red.refused({"type": "check", "idea": mine, "check": "no-such-card", "value": True})["code"] == "bad_field"
    assert red.refused({"type": "check", "idea": mine, "check": check, "value": "yes"})["code"] == "bad_field"
    assert snapshot(ws) == before
    red.send({"type": "check", "idea": mine, "check": check, "value": True, "ref": "c"})
    red.next("ack", ref="c")
    assert ws.idea(mine).checks == {check: True}
    assert [i["checks"] for i in red.settle()["ideas"]] == [{check: True}]


def test_a_scenario_where_the_facilitator_ticks_offers_phones_no_checks(room):
    import dataclasses

    ws = room.ws
    red = joined(room, "Ann", "Red")
    to_step(ws, "moment")
    red.send({"type": "idea", "cid": "a", "text": "Tea for those who wait"})
    mine = red.next("ack", cid="a")["idea"]
    to_step(ws, "check")
    off = dataclasses.replace(ws.step, teams_check=False)  # as a scenario's `teams_check = false` says
    steps = tuple(off if n == ws.step_index else s for n, s in enumerate(ws.steps))
    ws.scenario = dataclasses.replace(ws.scenario, steps=steps)
    ws.toggle_shortlist(mine)
    room.console_changed()
    state = red.settle()
    assert state["step"]["kind"] == "check" and state["accepts"] == [] and state["checks"] == []
    check = ws.check_cards()[0].id
    before = snapshot(ws)
    assert red.refused({"type": "check", "idea": mine, "check": check, "value": True})["code"] == "wrong_step"
    assert snapshot(ws) == before


def test_each_team_sees_its_own_cards_and_a_redraw_reaches_its_phones(room):
    ws = room.ws
    to_step(ws, "client")  # the classic workshop: each team draws its own business and client
    red, blue = joined(room, "Ann", "Red"), joined(room, "Bob", "Blue")
    room.console_changed()
    titles = {p: [c["title"] for c in p.settle()["cards"]] for p in (red, blue)}
    assert titles[red] == [c.title.en for c in ws.cards_for("Red")] and len(titles[red]) >= 2
    assert titles[blue] == [c.title.en for c in ws.cards_for("Blue")]
    assert titles[red] != titles[blue]
    ws.redraw_team("Red", 0)  # the facilitator redraws Red's business
    room.console_changed()
    after = red.settle()
    assert [c["title"] for c in after["cards"]] == [c.title.en for c in ws.cards_for("Red")] != titles[red]
    assert [c["title"] for c in blue.settle()["cards"]] == titles[blue]


def vote_to_promises(room, voter, idea: int) -> None:
    """Another team's phone gives the idea a dot, the trainer reveals the votes, makes it a WOW and moves on to the
    promises."""
    ws = room.ws
    to_step(ws, "choose")
    voter.send({"type": "vote", "idea": idea, "delta": 1, "ref": "v"})
    voter.next("ack", ref="v")
    ws.reveal()
    ws.set_focus(idea, "wow")
    ws.next()
    room.console_changed()


def test_promises_come_from_the_team_whose_idea_was_chosen_and_the_list_goes_home(room):
    ws = room.ws
    to_step(ws, "moment")
    red, blue = joined(room, "Ann", "Red"), joined(room, "Bob", "Blue")
    red.send({"type": "idea", "cid": "r", "text": "Umbrellas *at* the door"})
    idea = red.next("ack", cid="r")["idea"]
    vote_to_promises(room, blue, idea)
    state = red.settle()
    assert state["accepts"] == ["promise"] and [i["id"] for i in state["ideas"]] == [idea]
    before = snapshot(ws)
    assert blue.refused({"type": "promise", "idea": idea, "who": "Bob"})["code"] == "other_team"
    assert red.refused({"type": "promise", "idea": idea, "due": "31.02.2026"})["code"] == "bad_field"
    assert red.refused({"type": "promise", "idea": idea, "who": "x" * 301})["code"] == "too_long"
    assert snapshot(ws) == before
    red.send({"type": "promise", "idea": idea, "who": "Ann", "due": "2026-12-24", "first_step": "Buy ten", "ref": "p"})
    red.next("ack", ref="p")
    promise = ws.idea(idea).promise
    assert (promise.who, promise.due, promise.first_step) == ("Ann", "2026-12-24", "Buy ten")
    assert red.settle()["ideas"][0]["promise"] == {"who": "Ann", "due": "2026-12-24", "first_step": "Buy ten"}
    ws.next()
    assert ws.finished
    room._notice()  # the engine's once-a-second look: the end
    state = red.settle()
    assert state["end"]["markdown_url"] == "export/ideas.md?lang=en" and state["accepts"] == [] and state["ideas"] == []
    assert red.refused({"type": "idea", "cid": "z", "text": "after the end"})["code"] == "ended"
    base = f"http://127.0.0.1:{ws.room.port}/r/{ws.room.token}/"

    async def get(name):
        async with room.loop.session.get(base + name) as r:
            return r.status, r.headers.get("Content-Type", ""), await r.text()

    status, mime, text = room.loop.run(get("export/ideas.md?lang=en"))
    assert status == 200 and mime.startswith("text/markdown")
    assert "- Umbrellas \\*at\\* the door ● ✓" in text and "Ann · 2026\\-12\\-24 · Buy ten" in text
    assert "  - Promise: " in text and "Обещание" not in text
    status, mime, text = room.loop.run(get("export/ideas.csv?lang=en"))
    assert status == 200 and mime.startswith("text/csv")
    assert "Umbrellas *at* the door" in text.splitlines()[1] and text.splitlines()[0].endswith("Who,Due,First step")
    # the same lists in Russian for a phone that reads Russian, whatever the laptop's language
    red.send({"type": "lang", "lang": "ru", "ref": "l"})
    red.next("ack", ref="l")
    end = red.settle()["end"]
    assert end["markdown_url"] == "export/ideas.md?lang=ru" and end["csv_url"] == "export/ideas.csv?lang=ru"
    status, mime, text = room.loop.run(get(end["markdown_url"]))
    assert status == 200 and "  - Обещание: Ann · 2026\\-12\\-24 · Buy ten" in text and "Promise" not in text
    status, mime, text = room.loop.run(get(end["csv_url"]))
    assert status == 200 and text.splitlines()[0] == "\ufeff№,Команда,Идея,Точки,Кто,Срок,Первый шаг"
    assert room.loop.run(get("export/ideas.md"))[2].count("  - Promise: ") == 1  # no ?lang=: the laptop's


def _fetch(room, path: str):
    async def get():
        async with room.loop.session.get(f"http://127.0.0.1:{room.ws.room.port}{path}") as r:
            return r.status, dict(r.headers), await r.text()

    return room.loop.run(get())


def test_the_report_goes_home_only_at_the_end_and_only_while_the_trainer_allows_it(room):
    ws = room.ws
    token = ws.room.token
    to_step(ws, "moment")
    red, blue = joined(room, "Ann", "Red"), joined(room, "<b>Bob</b>", "Blue")
    nasty = "<script>alert('x')</script> & <img src=x onerror=alert(1)>"
    red.send({"type": "idea", "cid": "r", "text": nasty})
    idea = red.next("ack", cid="r")["idea"]
    report = f"/r/{token}/export/report.html"
    # before the end: refused, saying why in the phone's language, the switch on or off
    for allowed in (False, True):
        room.allow_report(allowed)
        assert red.settle()["end"] is None
        for lang, words in (("en", "when the workshop ends"), ("ru", "когда воркшоп закончится")):
            for name in ("report.html", "ideas.md", "ideas.csv"):
                status, headers, text = _fetch(room, f"/r/{token}/export/{name}?lang={lang}")
                assert status == 403 and words in text and headers["Content-Type"].startswith("text/plain"), name
    room.allow_report(False)
    vote_to_promises(room, blue, idea)
    promise = {"type": "promise", "idea": idea, "who": "<i>Ann</i>", "due": "2026-12-24", "first_step": "Call"}
    red.send({**promise, "ref": "p"})
    red.next("ack", ref="p")
    ws.next()
    assert ws.finished
    room._notice()  # the engine's once-a-second look: the end
    # at the end, the switch off: no link, and the address refused with the reason
    assert red.settle()["end"]["report_url"] is None and blue.settle()["end"]["report_url"] is None
    status, headers, text = _fetch(room, report + "?lang=en")
    assert (status, text) == (403, "The facilitator has not shared the workshop report with phones.")
    status, headers, text = _fetch(room, report + "?lang=ru")
    assert (status, text) == (403, "Ведущий не открыл отчёт о воркшопе для телефонов.")
    assert _fetch(room, f"/r/{token}/export/ideas.md?lang=en")[0] == 200  # the lists go home regardless
    # the trainer allows it: every phone at the end gets the link in its own language
    room.allow_report(True)
    assert red.settle()["end"]["report_url"] == "export/report.html?lang=en"
    assert blue.settle()["end"]["report_url"] == "export/report.html?lang=en"
    blue.send({"type": "lang", "lang": "ru", "ref": "l"})  # the first phone in Russian: its report is made now
    blue.next("ack", ref="l")
    assert blue.settle()["end"]["report_url"] == "export/report.html?lang=ru"
    status, headers, page = _fetch(room, report + "?lang=en")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "Content-Disposition" not in headers  # opens in the phone's browser
    csp = headers["Content-Security-Policy"]
    assert csp.startswith("default-src 'none'; style-src 'sha256-") and "script" not in csp
    assert "img-src data:;" in csp and "'unsafe-inline'" not in csp
    assert "Session report" in page and "Teams and their ideas" in page
    assert "<script>" not in page and "<img src=x" not in page and "<i>Ann" not in page and "&lt;i&gt;Ann" in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;" in page
    status, _, page = _fetch(room, report + "?lang=ru")
    assert status == 200 and "Отчёт о сессии" in page and "Команды и их идеи" in page
    assert _fetch(room, f"/r/{token[:-1]}x/export/report.html?lang=en")[0] == 404  # a wrong token: nothing
    assert _fetch(room, f"/r/{token}/export/report.pdf")[0] == 404
    # and taken back: the link goes, the address refuses again
    room.allow_report(False)
    assert red.settle()["end"]["report_url"] is None
    assert _fetch(room, report + "?lang=en")[0] == 403


def test_many_phones_at_once_each_get_their_own_ideas_back(room):
    ws = room.ws
    to_step(ws, "magic")
    phones = [joined(room, f"Phone {n}", ("Red", "Blue", "Green")[n % 3]) for n in range(24)]
    for n, phone in enumerate(phones):
        for k in range(3):
            phone.send({"type": "idea", "cid": f"{n}-{k}", "text": f"idea {k} of phone {n}"})
    for n, phone in enumerate(phones):
        for k in range(3):
            phone.next("ack", cid=f"{n}-{k}")
    assert len(ws.ideas) == 72 and len({i.text for i in ws.ideas}) == 72
    for n, phone in enumerate(phones):
        state = phone.settle()
        team = ("Red", "Blue", "Green")[n % 3]
        assert len(state["ideas"]) == 24 and {i["team"] for i in state["ideas"]} == {team}
        assert sorted(ws.idea(i).text for i in state["mine"]) == [f"idea {k} of phone {n}" for k in range(3)]
