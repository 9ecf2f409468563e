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
from selenium.webdriver.common.keys import Keys

from game.domain.room import RoomState
from game.domain.workshop import Team, new_workshop
from game.room import texts as texts_
from game.room.engine import RoomEngine
from tests.room.browser import Phone

STATIC = Path(__file__).resolve().parents[2] / "game" / "room" / "static"
SHOTS = os.environ.get("TECHNOMAGIC_SHOTS", "")
WAIT = 15_000  # ms: three Chromiums on a shared CI core are slow to start, never to answer


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
def room(qtbot, content):
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


def test_the_page_weighs_little_and_carries_no_inline_code(room):
    """At most 150 KB gzipped, as the phone receives it; nothing inline for the strict CSP; no outside URL."""
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    names = ["index.html", *re.findall(r'(?:src|href)="static/([^"]+)"', html)]
    assert "app.js" in names and "app.css" in names
    total = 0
    for name in names:
        path = "" if name == "index.html" else f"static/{name}"
        request = urllib.request.Request(room.url() + path, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as answer:
            body = answer.read()
            assert answer.headers["Content-Security-Policy"].startswith("default-src 'self'")
            assert gzip.decompress(body) if answer.headers.get("Content-Encoding") == "gzip" else body
        total += len(body)
    assert total <= 150 * 1024, total
    assert "<script>" not in html and not re.search(r"<script(?![^>]*\bsrc=)", html)
    tags = re.findall(r"<[a-z][^>]*>", html)
    assert not [t for t in tags if re.search(r"\s(on[a-z]+|style)\s*=", t)] and "<style" not in html
    for name in names:
        text = (STATIC / name).read_text(encoding="utf-8")
        assert not re.search(r"https?://", text), name
    script = (STATIC / "app.js").read_text(encoding="utf-8")
    for unsafe in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert unsafe not in script, unsafe


def test_a_phone_that_loses_its_network_while_typing_loses_and_doubles_nothing(qtbot, room, phones):
    ws = room.ws
    phone = phones("en")
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
    assert not [e for e in phone.errors() if "ERR_INTERNET_DISCONNECTED" not in e]
