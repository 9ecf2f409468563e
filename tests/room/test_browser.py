"""Real phones: Debian's Chromium, headless at 390×844, joins the real room server and takes part in a workshop.

Every browser here is a phone of its own (its own storage, so its own device token). The laptop side is the
real thing: the room engine on a `Workshop`, on the Qt thread; the phones only ever see what it pushes.
Set TECHNOMAGIC_SHOTS to a folder to keep a screenshot of every stage, in Russian and English.
"""

import gzip
import json
import os
import re
import urllib.request
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from selenium.webdriver.common.keys import Keys

from game.domain.room import RoomState
from game.domain.workshop import Team, new_workshop
from game.room import texts as texts_
from game.room.engine import RoomEngine
from tests.room.browser import Phone

STATIC = Path(__file__).resolve().parents[2] / "game" / "room" / "static"
SHOTS = os.environ.get("TECHNOMAGIC_SHOTS", "")
WAIT = 15_000
NO_ROUTE = """
const RealSocket = window.WebSocket;
window.noRoute = true;
window.WebSocket = function (url) {
  if (!window.noRoute) return new RealSocket(url);
  const lost = { readyState: 0, send() {}, close() {} };
  setTimeout(() => { lost.readyState = 3; if (lost.onclose) lost.onclose({ code: 1006 }); }, 30);
  return lost;
};
"""  # ms: three Chromiums on a shared CI core are slow to start, never to answer


@pytest.fixture
def phones():
    made: list[Phone] = []

    def make(lang: str = "en") -> Phone:
        phone = Phone(lang)
        made.append(phone)
        return phone

    yield make
    for phone in made:
        phone.quit()


@pytest.fixture
def two_teams(qtbot, content):
    """A classic workshop for two teams on its idea step, its room open on loopback (any free port)."""
    ws = new_workshop(content.scenarios["classic-workshop"], content, [Team("Red"), Team("Blue")], seed=7)
    ws.skip()  # the warm-up
    ws.skip()  # the client
    assert ws.step.kind == "moment"
    ws.room = RoomState(host="127.0.0.1")
    engine = RoomEngine(ws)
    engine.default_port = 0
    assert engine.open(), engine.problem
    yield engine
    engine.close()


def shot(phone: Phone, name: str) -> None:
    """Every stage is looked at: readable (contrast), big enough to tap, every control named; kept on request."""
    assert phone.low_contrast() == [], name
    assert phone.small_targets() == [], name
    assert phone.unnamed_controls() == [], name
    if SHOTS:
        phone.screenshot(Path(SHOTS) / f"{name}-{phone.lang}.png")


def join(qtbot, phone: Phone, url: str, name: str, team: str) -> None:
    phone.open(url)
    qtbot.waitUntil(lambda: phone.view() == "v-name", timeout=WAIT)
    shot(phone, "1-name")
    phone.type_into("name-input", name + Keys.ENTER)
    qtbot.waitUntil(lambda: phone.view() == "v-team", timeout=WAIT)
    shot(phone, "2-team")
    phone.tap(team)
    qtbot.waitUntil(lambda: phone.view() == "v-step", timeout=WAIT)


def texts(ws) -> list[str]:
    return [i.text for i in ws.ideas]


def test_the_page_weighs_little_and_carries_no_inline_code(two_teams):
    """At most 150 KB gzipped, as the phone receives it; nothing inline for the strict CSP; no outside URL."""
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    names = ["index.html", *re.findall(r'(?:src|href)="static/([^"]+)"', html)]
    assert "app.js" in names and "app.css" in names
    names += re.findall(r"url\(([\w.-]+)\)", (STATIC / "app.css").read_text(encoding="utf-8"))  # the fonts
    assert "opensans-regular.woff2" in names
    total = 0
    for name in names:
        path = "" if name == "index.html" else f"static/{name}"
        request = urllib.request.Request(two_teams.url() + path, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as answer:
            body = answer.read()
            assert answer.headers["Content-Security-Policy"].startswith("default-src 'self'")
            assert gzip.decompress(body) if answer.headers.get("Content-Encoding") == "gzip" else body
        total += len(body)
    assert total <= 150 * 1024, total
    assert "<script>" not in html and not re.search(r"<script(?![^>]*\bsrc=)", html)
    tags = re.findall(r"<[a-z][^>]*>", html)
    assert not [t for t in tags if re.search(r"\s(on[a-z]+|style)\s*=", t)] and "<style" not in html
    for name in (n for n in names if not n.endswith(".woff2")):
        text = (STATIC / name).read_text(encoding="utf-8")
        assert not re.search(r"https?://", text), name
    script = (STATIC / "app.js").read_text(encoding="utf-8")
    table = script.split("\n  const T = {", 1)[1].split("\n  };", 1)[0]  # every word of the page, as [en, ru]
    quoted = r"('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")"
    pairs = re.findall(rf"(\w+): \[\s*{quoted},\s*{quoted},?\s*\]", table)
    assert len(pairs) > 80 and len(pairs) == len(re.findall(r"(\w+): \[", table))  # each key has both, no more
    assert all(len(en) > 2 and len(ru) > 2 and en != ru for _, en, ru in pairs), pairs
    words = {key for key, _, _ in pairs}
    used = set(re.findall(r"\bt\('(\w+)'\)", script)) | set(re.findall(r'data-t="(\w+)"', html))
    used |= {"md", "csv", "report", "who", "due", "first_step"}  # looked up by a name held in a variable
    assert used <= words, used - words
    for unsafe in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert unsafe not in script, unsafe


def test_a_phone_that_loses_its_network_while_typing_loses_and_doubles_nothing(qtbot, two_teams, phones):
    room = two_teams
    ws = room.ws
    phone = phones("en")
    phone.open(room.url())
    qtbot.waitUntil(lambda: phone.view() == "v-name", timeout=WAIT)
    phone.tap("Next")  # no name yet: the page says so in its own words
    assert phone.text("name-error") == "Type your name first." and phone.view() == "v-name"
    join(qtbot, phone, room.url(), "Ann", "Red")
    assert phone.text("step-title") == texts_.word(texts_.STEPS, "moment", "en")
    [device] = room.room.devices.values()
    assert (device.name, device.team) == ("Ann", "Red")
    assert phone.js("return localStorage.getItem('tm' + location.pathname + 'device')") == json.dumps(device.token)

    phone.send_idea("Greet every guest by name")
    qtbot.waitUntil(lambda: texts(ws) == ["Greet every guest by name"], timeout=WAIT)
    qtbot.waitUntil(lambda: phone.items("idea-list") == ["Greet every guest by name"], timeout=WAIT)
    assert ws.ideas[0].team == "Red" and ws.ideas[0].player == "Ann"

    # Half a line typed, then the Wi-Fi goes: the page says so, and what is sent waits on the phone.
    phone.type_into("idea-input", "Tea while you")
    phone.offline(True)
    qtbot.waitUntil(lambda: "Offline" in phone.text("net"), timeout=WAIT)
    phone.type_into("idea-input", " wait" + Keys.ENTER)
    phone.send_idea("A note with the bill")
    assert phone.pending() == ["waiting for the network…"] * 2
    shot(phone, "3-offline")
    queued = phone.js("return localStorage.getItem('tm' + location.pathname + 'queue')")
    assert [q["text"] for q in json.loads(queued)] == ["Tea while you wait", "A note with the bill"]
    phone.type_into("idea-input", "Half a thought")
    assert texts(ws) == ["Greet every guest by name"]

    # The network comes back: the page dials again by itself and the queue goes out, each idea once.
    phone.offline(False)
    qtbot.waitUntil(lambda: not phone.pending() and phone.text("net") == "", timeout=WAIT)
    qtbot.waitUntil(lambda: len(ws.ideas) == 3, timeout=WAIT)
    assert texts(ws) == ["Greet every guest by name", "Tea while you wait", "A note with the bill"]
    qtbot.waitUntil(lambda: phone.items("idea-list") == texts(ws), timeout=WAIT)

    # The laptop took an idea but its answer was lost: the page sends it again with the same id, after a reload.
    lost_ack = json.dumps(json.loads(queued)[:1])
    phone.js("localStorage.setItem('tm' + location.pathname + 'queue', arguments[0])", lost_ack)
    phone.reload()
    qtbot.waitUntil(lambda: phone.view() == "v-step", timeout=WAIT)
    assert phone.by_id("idea-input").get_attribute("value") == "Half a thought"  # the half-typed line survived
    qtbot.waitUntil(
        lambda: phone.js("return localStorage.getItem('tm' + location.pathname + 'queue')") == "[]", timeout=WAIT
    )
    assert texts(ws) == ["Greet every guest by name", "Tea while you wait", "A note with the bill"]
    assert phone.items("idea-list") == texts(ws)

    # An idea sent offline while the room moved on past the idea steps: refused, said so, and kept for later.
    phone.js("const i = document.getElementById('idea-input'); i.value = ''; i.dispatchEvent(new Event('input'))")
    phone.offline(True)
    qtbot.waitUntil(lambda: "Offline" in phone.text("net"), timeout=WAIT)
    phone.send_idea("Too late for this step")
    while ws.step.kind != "check":
        ws.next()
    room.console_changed()
    phone.offline(False)
    qtbot.waitUntil(lambda: phone.text("toast").startswith(texts_.refusal("wrong_step", "en")), timeout=WAIT)
    assert "kept for the next idea step" in phone.text("toast")
    assert phone.js("return localStorage.getItem('tm' + location.pathname + 'draft')") == '"Too late for this step"'
    assert phone.js("return localStorage.getItem('tm' + location.pathname + 'queue')") == "[]"
    assert texts(ws) == ["Greet every guest by name", "Tea while you wait", "A note with the bill"]
    assert not phone.errors()


def test_a_burst_of_ideas_a_language_switch_and_a_laptop_restart(qtbot, two_teams, phones):
    """The laptop takes five ideas a second: a burst is refused in part and the page sends the rest a moment
    later, none lost; the language changes on the spot, the laptop's texts too; a room closed and opened again
    (same port) finds the phone coming back by itself with what it sent meanwhile."""
    room = two_teams
    ws = room.ws
    phone = phones("en")
    join(qtbot, phone, room.url(), "Ann", "Red")
    burst = [f"Idea number {n}" for n in range(1, 9)]
    phone.js(
        "const input = document.getElementById('idea-input'), form = document.getElementById('idea-form');"
        "for (const text of arguments[0]) { input.value = text; form.requestSubmit(); }",
        burst,
    )
    qtbot.waitUntil(lambda: texts(ws) == burst, timeout=WAIT)
    qtbot.waitUntil(lambda: phone.items("idea-list") == burst and not phone.pending(), timeout=WAIT)
    assert phone.text("idea-error") == ""

    phone.tap("Русский (RU)", within="header")
    assert phone.button("Отправить").is_displayed() and phone.text("net") == ""
    qtbot.waitUntil(lambda: phone.text("step-title") == texts_.word(texts_.STEPS, "moment", "ru"), timeout=WAIT)
    assert phone.text("step-text") == ws.step.instruction.get("ru")
    phone.tap("English (EN)", within="header")
    qtbot.waitUntil(lambda: phone.text("step-title") == texts_.word(texts_.STEPS, "moment", "en"), timeout=WAIT)

    # Text is text: markup typed on a phone or at the laptop shows as typed and runs nothing.
    markup = '<img src=x onerror="window.pwned=1"><b>bold</b>'
    phone.send_idea(markup)
    qtbot.waitUntil(lambda: texts(ws)[-1] == markup, timeout=WAIT)
    ws.add_idea("<script>window.pwned=2</script>", team="Red")
    room.console_changed()
    qtbot.waitUntil(lambda: phone.items("idea-list")[-2:] == [markup, "<script>window.pwned=2</script>"], timeout=WAIT)
    assert phone.js("return document.querySelectorAll('#idea-list img, #idea-list b, #idea-list script').length") == 0
    assert phone.js("return window.pwned === undefined")
    burst += [markup, "<script>window.pwned=2</script>"]

    port = room.room.port
    room.close()
    qtbot.waitUntil(lambda: "Offline" in phone.text("net"), timeout=WAIT)
    phone.send_idea("Sent while the laptop was away")
    assert phone.pending() == ["waiting for the network…"]
    assert room.open(), room.problem
    assert room.room.port == port
    qtbot.waitUntil(lambda: texts(ws) == [*burst, "Sent while the laptop was away"], timeout=WAIT)
    qtbot.waitUntil(lambda: phone.text("net") == "" and not phone.pending(), timeout=WAIT)
    assert phone.items("idea-list") == texts(ws)
    assert not phone.errors()


def test_an_anonymous_room_a_team_the_trainer_assigns_a_locked_room_and_a_removed_phone(qtbot, two_teams, phones):
    room = two_teams
    room.ws.anonymous = True
    room.console_changed()
    ann = phones("en")
    ann.open(room.url())
    qtbot.waitUntil(lambda: ann.view() == "v-team", timeout=WAIT)  # no name asked in an anonymous room
    shot(ann, "2-team-anonymous")
    ann.tap("Red")
    qtbot.waitUntil(lambda: ann.view() == "v-step", timeout=WAIT)
    assert ann.text("who").startswith("Team Red")
    [device] = room.room.devices.values()
    assert (device.name, device.team) == ("", "Red")

    ann.tap("Change team")  # sat down with the wrong team
    qtbot.waitUntil(lambda: ann.view() == "v-team", timeout=WAIT)
    ann.tap("Blue")
    qtbot.waitUntil(lambda: ann.view() == "v-step" and device.team == "Blue", timeout=WAIT)
    assert ann.text("who").startswith("Team Blue")

    room.move(device.token, "Red")  # the trainer puts this phone in another team: no choice left on it
    qtbot.waitUntil(lambda: ann.text("who") == "Team Red", timeout=WAIT)
    assert not ann.has("Change team")

    # In an anonymous room the page cannot tell its team's ideas on the vote: the laptop refuses, plainly.
    ann.send_idea("Her own idea")
    qtbot.waitUntil(lambda: [i.text for i in room.ws.ideas] == ["Her own idea"], timeout=WAIT)
    room.ws.add_idea("Typed for Red by the facilitator", team="Red")
    while room.ws.step.kind != "choose":
        room.ws.next()
    room.console_changed()
    qtbot.waitUntil(lambda: ann.shown("p-vote"), timeout=WAIT)
    assert ann.items("vote-list") == ["Her own idea", "Typed for Red by the facilitator"]
    assert "Red" not in ann.text("vote-list").replace("for Red", "")  # no team shown
    assert not ann.enabled("Add a dot to: Her own idea")  # the page knows what it sent itself
    ann.tap("Add a dot to: Typed for Red by the facilitator")
    qtbot.waitUntil(lambda: ann.text("vote-error") == texts_.refusal("own_idea", "en"), timeout=WAIT)
    assert room.ws.dots_given() == 0
    shot(ann, "6-vote-refused")

    room.lock(True)
    late = phones("ru")
    late.open(room.url())
    qtbot.waitUntil(lambda: late.view() == "v-stop", timeout=WAIT)
    assert late.text("stop-text") == texts_.refusal("room_locked", "ru")
    assert len(room.room.devices) == 1

    room.remove(device.token)
    qtbot.waitUntil(lambda: ann.view() == "v-stop", timeout=WAIT)
    assert ann.text("stop-text") == texts_.refusal("removed", "en")
    assert ann.js("return localStorage.getItem('tm' + location.pathname + 'device')") is None
    shot(ann, "0-removed")


def test_a_phone_that_cannot_reach_the_laptop_is_told_to_check_its_wi_fi(qtbot, two_teams, phones):
    phone = phones("ru")
    phone.driver.execute_cdp_cmd(  # on mobile data, say: the page loaded once, its socket finds no laptop
        "Page.addScriptToEvaluateOnNewDocument",
        {"source": NO_ROUTE},
    )
    phone.open(two_teams.url())
    qtbot.waitUntil(lambda: phone.shown("no-answer"), timeout=WAIT)
    assert phone.text("no-answer") == "Ноутбук пока не отвечает. Этот телефон в Wi-Fi комнаты?"
    shot(phone, "0-no-answer")
    phone.js("window.noRoute = false")  # back on the room's Wi-Fi
    qtbot.waitUntil(lambda: phone.view() == "v-name", timeout=WAIT)  # it keeps trying, and gets in


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_one_phone_walks_every_stage_of_a_workshop_in_its_language(qtbot, content, phones, lang):
    """Ideas (edit, delete), the cards, the timer in step with the room, the check, voting and its reveal,
    a promise, and the lists to take home: each stage as the phone shows it, each action landing in the workshop."""
    clock = FakeClock()
    ws = new_workshop(content.scenarios["classic-workshop"], content, [Team("Red"), Team("Blue")], seed=7, clock=clock)
    ws.skip()
    ws.skip()
    ws.room = RoomState(host="127.0.0.1")
    engine = RoomEngine(ws, "en" if lang == "ru" else "ru")  # the laptop speaks the other language
    engine.default_port = 0
    assert engine.open(), engine.problem
    try:
        walk(qtbot, engine, phones(lang), clock, lang)
    finally:
        engine.close()


def walk(qtbot, engine, phone: Phone, clock: FakeClock, lang: str) -> None:
    ws = engine.ws
    ru = lang == "ru"

    def changed() -> None:  # what the console does after each of the facilitator's actions
        engine.console_changed()

    join(qtbot, phone, engine.url(), "Анна" if ru else "Ann", "Red")
    assert phone.js("return document.documentElement.lang") == lang
    loaded = "return [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family + ' ' + f.weight)"
    qtbot.waitUntil(lambda: sorted(phone.js(loaded)) == ["Open Sans 400", "Open Sans 600 700"], timeout=WAIT)
    assert phone.text("step-count") == ("Шаг 3 из 9" if ru else "Step 3 of 9")
    assert phone.text("step-title") == texts_.word(texts_.STEPS, "moment", lang)
    assert phone.text("step-text") == ws.step.instruction.get(lang)
    assert not phone.shown("idle")

    # The timer counts down on the phone from what the laptop said, and buzzes once at zero.
    phone.js("window.buzzes = []; navigator.vibrate = (p) => { window.buzzes.push(p); return true; }")
    clock.now += ws.timer.remaining() - 2  # two seconds left in the room, and the trainer pauses
    ws.timer.pause()
    changed()
    qtbot.waitUntil(lambda: phone.text("timer") == "0:02", timeout=WAIT)
    ws.timer.start()
    changed()
    qtbot.waitUntil(lambda: phone.text("timer") == "0:00", timeout=WAIT)
    qtbot.waitUntil(lambda: phone.js("return window.buzzes.length") == 1, timeout=WAIT)
    assert phone.js("return document.getElementById('timer').classList.contains('alarm')")
    ws.timer.add(60)  # +1 min
    changed()
    qtbot.waitUntil(lambda: phone.text("timer") in ("1:00", "0:59"), timeout=WAIT)

    # Ideas: sent with Enter or Send, one's own edited and deleted; the counter near the limit.
    first, second = ("Встречать гостя по имени", "Чай в ожидании") if ru else ("Greet the guest by name", "Tea")
    phone.send_idea(first)
    phone.type_into("idea-input", second)
    phone.tap("Отправить" if ru else "Send")
    qtbot.waitUntil(lambda: texts(ws) == [first, second], timeout=WAIT)
    qtbot.waitUntil(lambda: phone.items("idea-list") == [first, second], timeout=WAIT)
    ws.add_idea("Blue's idea", team="Blue")
    changed()
    assert phone.items("idea-list") == [first, second]  # another team's idea is not on this phone
    edit, delete = ("Изменить", "Удалить") if ru else ("Edit", "Delete")
    qtbot.waitUntil(lambda: phone.has(f"{edit}: {second}"), timeout=WAIT)  # one's own ideas can be changed
    phone.tap(f"{edit}: {second}")
    phone.type_into(f"edit-{ws.ideas[1].id}", " and a")
    ws.timer.add(60)  # a push redraws the list under the typing finger: the field keeps the focus and the caret
    changed()
    qtbot.waitUntil(lambda: phone.text("timer") in ("2:00", "1:59"), timeout=WAIT)
    phone.driver.switch_to.active_element.send_keys(" biscuit" + Keys.ENTER)
    qtbot.waitUntil(lambda: ws.ideas[1].text == f"{second} and a biscuit", timeout=WAIT)
    phone.tap(f"{delete}: {first}")
    phone.tap(f"{'Удалить насовсем?' if ru else 'Delete for good?'}: {first}")
    qtbot.waitUntil(lambda: texts(ws) == [f"{second} and a biscuit", "Blue's idea"], timeout=WAIT)
    qtbot.waitUntil(lambda: phone.items("idea-list") == [f"{second} and a biscuit"], timeout=WAIT)
    assert phone.has(f"{edit}: {second} and a biscuit")  # the other idea is still one's own to change
    phone.type_into("idea-input", "x" * 420)
    assert phone.text("idea-count") == ("Осталось знаков: 80" if ru else "Characters left: 80")
    phone.type_into("idea-input", "x" * 200)  # the field stops at the game's limit
    assert len(phone.by_id("idea-input").get_attribute("value")) == 500
    shot(phone, "3-ideas")
    phone.js("const i = document.getElementById('idea-input'); i.value = ''; i.dispatchEvent(new Event('input'))")
    mine = ws.ideas[0]

    # The cards of the technomagic step: the game's faces, the deck's word and emblem.
    ws.next()
    ws.next()
    changed()
    assert ws.step.kind == "magic"
    qtbot.waitUntil(lambda: phone.js("return document.querySelectorAll('#cards .card').length") == 2, timeout=WAIT)
    bands = phone.js("return [...document.querySelectorAll('#cards .band')].map(b => b.textContent)")
    assert bands == [texts_.word(texts_.DECKS, c.kind, lang) for c in ws.cards()]
    titles = phone.js("return [...document.querySelectorAll('#cards .title')].map(b => b.textContent)")
    assert titles == [c.title.get(lang) for c in ws.cards()]
    qtbot.waitUntil(
        lambda: phone.js("return [...document.querySelectorAll('#cards img')].every(i => i.naturalWidth > 0)"),
        timeout=WAIT,
    )
    qtbot.waitUntil(lambda: phone.items("idea-list") == [f"{second} and a biscuit"], timeout=WAIT)
    assert not phone.has(f"{edit}: {second} and a biscuit")  # its step is over: the idea stays as it is
    story = next(c for c in ws.cards() if c.example)
    assert not phone.js("return [...document.querySelectorAll('#cards .story')].some(p => p.offsetParent)")
    phone.tap("Пример истории" if ru else "Example story", within="#cards")
    shown = "return [...document.querySelectorAll('#cards .story')].filter(p => p.offsetParent).map(p => p.textContent)"
    assert phone.js(shown) == [story.example.get(lang)]
    shot(phone, "4-cards")

    # A break: the phone counts it down with the room; the step's timer waits.
    ws.start_break(300)
    changed()
    counting = r"(Перерыв|Break): (5:00|4:5\d)\b"  # counted down on the phone from what the room said
    qtbot.waitUntil(lambda: re.match(counting, phone.text("break")) is not None, timeout=WAIT)
    assert not phone.shown("idea-form")  # nothing is sent during a break
    ws.end_break()
    changed()
    qtbot.waitUntil(lambda: not phone.shown("break") and phone.shown("idea-form"), timeout=WAIT)

    # The human check, on each team's shortlist: the facilitator puts the team's idea on it, the phone ticks it.
    ws.next()
    ws.next()
    assert ws.step.kind == "check" and ws.shortlist_size() == 3
    ws.toggle_shortlist(mine.id)
    changed()
    qtbot.waitUntil(lambda: phone.shown("p-check"), timeout=WAIT)
    check = ws.check_cards()[0]
    phone.tap(f"{check.title.get(lang)}: {mine.text}")
    qtbot.waitUntil(lambda: mine.checks.get(check.id) is True, timeout=WAIT)
    qtbot.waitUntil(lambda: phone.js("return document.querySelector('#check-list [aria-pressed=true]') !== null"))
    shot(phone, "5-check")

    # Voting: own team's idea refused by the page itself, dots given, then the reveal and the ranking.
    ws.next()
    changed()
    assert ws.step.kind == "choose"
    qtbot.waitUntil(lambda: phone.shown("p-vote"), timeout=WAIT)
    more = "Добавить точку: {0}" if ru else "Add a dot to: {0}"
    assert not phone.enabled(more.format(mine.text))
    blue = ws.ideas[1]
    phone.tap(more.format(blue.text))
    qtbot.waitUntil(lambda: phone.text("dots-left").endswith("2 из 3" if ru else "2 of 3 dots left"), timeout=WAIT)
    focused = "return document.activeElement.getAttribute('aria-label')"
    assert phone.js(focused) == more.format(blue.text)  # redrawn by the push, the button keeps the focus
    phone.tap(more.format(blue.text))
    qtbot.waitUntil(lambda: ws.ballot.given.get("Red", {}).get(blue.id) == 2, timeout=WAIT)
    qtbot.waitUntil(lambda: not phone.enabled(more.format(blue.text)), timeout=WAIT)  # the cap
    assert phone.text("dots-left").endswith("1 из 3" if ru else "1 of 3 dots left")
    shot(phone, "6-vote")
    ws.give_dot(mine.id, "Blue")
    ws.reveal()
    changed()
    qtbot.waitUntil(lambda: phone.items("rank-list") == [blue.text, mine.text], timeout=WAIT)
    assert not phone.shown("vote-list")
    shot(phone, "7-reveal")

    # Promises: the team's chosen idea with who / by when / first step.
    ws.set_focus(blue.id, "wow")
    ws.set_focus(mine.id, "fix")
    ws.next()
    changed()
    assert ws.step.kind == "promise"
    qtbot.waitUntil(lambda: phone.shown("p-promise"), timeout=WAIT)
    others = phone.js("return [...document.querySelectorAll('#promise-list .meta')].map(m => m.textContent)")
    assert others == ["Blue · пока не заполнено" if ru else "Blue · not yet filled in"]  # another team's, to read
    phone.type_into(f"promise-{mine.id}-who", "Оль" if ru else "Ol")
    ws.set_promise(blue.id, who="Ivan")  # Blue's promise arrives meanwhile and the list is drawn again
    changed()
    qtbot.waitUntil(lambda: phone.text("promise-list").count("Ivan") == 1, timeout=WAIT)
    phone.by_id(f"promise-{mine.id}-who").send_keys("га" if ru else "ga")  # typing goes on where it was
    phone.type_into(f"promise-{mine.id}-first_step", "Ask the kitchen")
    phone.pick_date(f"promise-{mine.id}-due", "2026-12-24")
    shot(phone, "8-promise")
    phone.tap("Сохранить" if ru else "Save", within="#promise-list")
    qtbot.waitUntil(lambda: mine.promise.who == ("Ольга" if ru else "Olga"), timeout=WAIT)
    assert (mine.promise.due, mine.promise.first_step) == ("2026-12-24", "Ask the kitchen")
    assert f"promise-{blue.id}-who" not in phone.js("return document.body.innerHTML")  # another team's

    # The end: the lists to take home, served by the laptop in the phone's language; no report until allowed.
    ws.end_early()
    changed()
    qtbot.waitUntil(lambda: phone.shown("p-end"), timeout=WAIT)
    end_links = "return [...document.querySelectorAll('#end-links a')].map(a => [a.textContent, a.href])"
    links = phone.js(end_links)
    assert [text for text, _ in links] == (
        ["Идеи в Markdown (.md)", "Идеи таблицей (.csv)"]
        if ru
        else ["Ideas as Markdown (.md)", "Ideas as a table (.csv)"]
    )
    with urllib.request.urlopen(links[0][1]) as answer:
        markdown = answer.read().decode("utf-8")
    assert mine.text in markdown and ("- Обещание: Ольга" if ru else "- Promise: Olga") in markdown
    with urllib.request.urlopen(links[1][1]) as answer:
        header = answer.read().decode("utf-8-sig").splitlines()[0]
    assert header == ("№,Команда,Идея,Точки,Кто,Срок,Первый шаг" if ru else "#,Team,Idea,Dots,Who,Due,First step")
    assert not phone.shown("p-ideas") and not phone.shown("timer")
    shot(phone, "9-end")

    # The trainer lets phones take the report home: the link comes, and the report opens beside the room's page.
    engine.allow_report(True)
    report = "Отчёт о воркшопе" if ru else "The workshop report"
    qtbot.waitUntil(lambda: [text for text, _ in phone.js(end_links)][2:] == [report], timeout=WAIT)
    shot(phone, "10-end-report")
    room_tab = phone.driver.current_window_handle
    phone.tap_link(report, within="#end-links")
    qtbot.waitUntil(lambda: len(phone.driver.window_handles) == 2, timeout=WAIT)
    phone.driver.switch_to.window(next(h for h in phone.driver.window_handles if h != room_tab))
    phone.phone_sized()
    qtbot.waitUntil(lambda: phone.js("return document.readyState") == "complete", timeout=WAIT)
    assert phone.js("return document.documentElement.lang") == lang
    assert phone.js("return document.querySelector('h1').textContent") == ws.scenario.name.get(lang)
    assert ("Отчёт о сессии" if ru else "Session report") in phone.js("return document.body.textContent")
    assert mine.text in phone.js("return document.body.innerText")
    assert phone.js("return getComputedStyle(document.querySelector('h2')).color") == "rgb(91, 63, 168)"  # styled
    assert phone.js("return [...document.images].every(i => i.complete && i.naturalWidth > 0)")  # the charts
    assert phone.js("return document.documentElement.scrollWidth") <= 390  # read on the phone, no sideways scroll
    if SHOTS:
        phone.screenshot(Path(SHOTS) / f"11-report-{lang}.png")
    assert not phone.errors()  # its own strict CSP let its style and charts in, nothing else
    phone.driver.close()
    phone.driver.switch_to.window(room_tab)
    # taken back: the link goes
    engine.allow_report(False)
    qtbot.waitUntil(lambda: len(phone.js(end_links)) == 2, timeout=WAIT)
    assert not phone.errors()


def test_three_phones_join_through_the_qr_type_vote_and_see_the_reveal(qtbot, open_window, phones):
    """The trainer's app as it is: setup with phones, the console, the presenter, the library; three phones in
    three teams (one in Russian) take part, and what they sent is exactly what the laptop holds."""
    from tests.room.test_room_ui import start_with_phones
    from tests.ui.conftest import click

    win = open_window(ready=True)
    console = start_with_phones(qtbot, win)
    ws, presenter = console.ws, win.workshop.presenter
    url = presenter.join_card.qr.text  # what the QR code holds
    assert url == win.workshop.room.url()
    ann, boris, cleo = phones("en"), phones("ru"), phones("en")
    join(qtbot, ann, url, "Ann", "Red")
    join(qtbot, boris, url, "Борис", "Blue")
    join(qtbot, cleo, url, "Cleo", "Green")
    assert ann.text("idle") == "Listen to the facilitator: ideas come on the next steps."  # the warm-up
    qtbot.waitUntil(lambda: presenter.join_card.counts.text() == "Joined: 3 (Red: 1 · Blue: 1 · Green: 1)")
    assert boris.text("step-title") == texts_.word(texts_.STEPS, ws.step.kind, "ru")

    while ws.step.kind != "moment":
        click(qtbot, console.buttons["skip"])
    for phone in (ann, boris, cleo):
        qtbot.waitUntil(lambda p=phone: p.shown("idea-form"), timeout=WAIT)
    sent = {
        "Red": ["Greet the guest by name", "A blanket on the terrace"],
        "Blue": ["Фото игрушки на каникулах"],
        "Green": ["Tea while you wait", "A chair by the door"],
    }
    for phone, team in ((ann, "Red"), (boris, "Blue"), (cleo, "Green")):
        phone.send_idea(sent[team][0])
    cleo.type_into("idea-input", "A chair")  # and her Wi-Fi drops while she types
    cleo.offline(True)
    qtbot.waitUntil(lambda: "Offline" in cleo.text("net"), timeout=WAIT)
    cleo.type_into("idea-input", " by the door" + Keys.ENTER)
    ann.send_idea(sent["Red"][1])
    qtbot.waitUntil(lambda: len(ws.ideas) == 4, timeout=WAIT)
    cleo.offline(False)
    qtbot.waitUntil(lambda: len(ws.ideas) == 5 and not cleo.pending(), timeout=WAIT)
    for n, team in enumerate(("Red", "Blue", "Green")):
        assert [i.text for i in ws.ideas_of(team)] == sent[team]
        column = console.panel.columns[n]
        qtbot.waitUntil(
            lambda c=column, t=team: [c.list.item(r).text().split(". ", 1)[1] for r in range(c.list.count())] == sent[t]
        )
    wall = {text for _, items in presenter.groups() for _, text in items}
    assert all(any(text in line for line in wall) for texts_sent in sent.values() for text in texts_sent), wall
    for phone, team in ((ann, "Red"), (boris, "Blue"), (cleo, "Green")):  # each phone: its own team's ideas
        qtbot.waitUntil(lambda p=phone, t=team: p.items("idea-list") == sent[t], timeout=WAIT)

    # On to the vote: each team gives its dots from its phone, to other teams' ideas.
    while ws.step.kind != "choose":
        click(qtbot, console.buttons["next"])
    red1, blue1, green1, red2, _green2 = ws.ideas
    for phone in (ann, boris, cleo):
        qtbot.waitUntil(lambda p=phone: p.shown("p-vote"), timeout=WAIT)
    votes = ((ann, blue1, 2), (ann, green1, 1), (boris, red1, 2), (boris, green1, 1), (cleo, red1, 1))
    for phone, idea, dots in votes:
        label = ("Добавить точку: {0}" if phone is boris else "Add a dot to: {0}").format(idea.text)
        for _ in range(dots):
            before = phone.js("return document.getElementById('dots-left').textContent")
            phone.tap(label)
            qtbot.waitUntil(
                lambda p=phone, b=before: p.js("return document.getElementById('dots-left').textContent") != b,
                timeout=WAIT,
            )
    assert ws.ballot.given == {
        "Red": {blue1.id: 2, green1.id: 1},
        "Blue": {red1.id: 2, green1.id: 1},
        "Green": {red1.id: 1},
    }
    assert not ann.enabled(f"Add a dot to: {red2.text}")  # her own team's idea
    assert ann.items("rank-list") == []  # hidden until the reveal
    qtbot.waitUntil(lambda: "7 of 9 dots given" in presenter.status.text())  # hidden: no idea's count

    click(qtbot, console.buttons["next"])  # Next reveals first
    assert ws.revealed
    ranking = [i.text for i in ws.ranking()]
    assert ranking == [red1.text, blue1.text, green1.text]
    for phone in (ann, boris, cleo):
        qtbot.waitUntil(lambda p=phone: p.items("rank-list") == ranking, timeout=WAIT)
    for idea, focus in ((red1, "wow"), (blue1, "fix"), (green1, "planb")):
        chip = next(
            b for b in console.panel.findChildren(QPushButton) if b.property("key") == f"focus-{idea.id}-{focus}"
        )
        click(qtbot, chip)
    click(qtbot, console.buttons["next"])

    # Promises from the phones, each team for its own chosen idea; then the end and the lists to take home.
    assert ws.step.kind == "promise"
    for phone, idea, who in ((ann, red1, "Ann"), (boris, blue1, "Борис"), (cleo, green1, "Cleo")):
        qtbot.waitUntil(lambda p=phone, i=idea: p.shown(f"promise-{i.id}-who"), timeout=WAIT)
        phone.type_into(f"promise-{idea.id}-who", who)
        phone.type_into(f"promise-{idea.id}-first_step", "Tell the team on Monday")
        phone.pick_date(f"promise-{idea.id}-due", "2026-12-21")
        phone.tap("Сохранить" if phone is boris else "Save", within="#promise-list")
        qtbot.waitUntil(lambda i=idea, w=who: i.promise.who == w, timeout=WAIT)
    click(qtbot, console.buttons["next"])
    assert ws.finished
    for phone in (ann, boris, cleo):
        qtbot.waitUntil(lambda p=phone: p.shown("p-end"), timeout=WAIT)

    saved = {i.text: i for i in win.library.ideas()}
    assert sorted(saved) == sorted(t for texts_sent in sent.values() for t in texts_sent)
    for team, texts_sent in sent.items():
        assert all(saved[t].team == team for t in texts_sent)
    assert (saved[red1.text].dots, saved[red1.text].promise_who) == (3, "Ann")
    assert saved[blue1.text].promise_who == "Борис"
    for phone in (ann, boris, cleo):
        assert not phone.errors()


def test_the_laptop_killed_mid_room_comes_back_and_the_phone_goes_on_by_itself(qtbot, open_window, data_home, phones):
    """SIGKILL the trainer's app with a phone in the room; restart, Continue: the page, never reloaded nor
    rescanned, dials the same address again, sends what was typed meanwhile, and nothing is doubled."""
    import signal

    from game.ui.autosave import read_saved
    from tests.room.child import start_laptop
    from tests.room.test_resume_room import RUNNING
    from tests.ui.conftest import click
    from tests.ui.test_resume import home_with_resume

    proc = start_laptop(data_home, "moment", RUNNING)
    try:
        url = proc.stdout.readline().strip()
        phone = phones("en")
        join(qtbot, phone, url, "Ann", "Blue")
        sent = ["A blanket on the terrace", "Tea while you wait"]
        for text in sent:
            phone.send_idea(text)
        qtbot.waitUntil(lambda: phone.items("idea-list") == sent and not phone.pending(), timeout=WAIT)
        def saved() -> list[str]:
            try:
                return [i["text"] for i in read_saved(data_home)["ideas"]]  # the snapshot and its journal
            except (OSError, ValueError):
                return []

        qtbot.waitUntil(lambda: saved() == sent, timeout=WAIT)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        qtbot.waitUntil(lambda: "Offline" in phone.text("net"), timeout=WAIT)
        phone.send_idea("Typed while the laptop was down")
        assert phone.pending() == ["waiting for the network…"]

        win = open_window()
        click(qtbot, home_with_resume(qtbot, win).resume_button)
        assert win.workshop.room is not None and win.workshop.room.url() == url
        everything = [*sent, "Typed while the laptop was down"]
        qtbot.waitUntil(lambda: [i.text for i in win.round.ideas] == everything, timeout=WAIT)
        qtbot.waitUntil(lambda: phone.items("idea-list") == everything and phone.text("net") == "", timeout=WAIT)
        assert phone.view() == "v-step" and phone.js("return location.href") == url
        column = win.current_screen().panel.columns[1]
        qtbot.waitUntil(lambda: column.list.count() == 3)
        assert not phone.errors()
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()
