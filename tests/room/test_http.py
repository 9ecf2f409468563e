"""The room's addresses: the code page and its rate limit, the fixed files with their headers, nothing else."""

from game.room.server import CSP


async def fetch(session, method: str, url: str, **kw):
    async with session.request(method, url, **kw) as r:
        return r.status, await r.read(), r.headers


def test_the_code_page_and_the_phone_page_carry_strict_headers(room):
    base = f"http://127.0.0.1:{room.ws.room.port}"
    token = room.ws.room.token
    for path, mime in (("/", "text/html"), ("/join.js", "text/javascript"), (f"/r/{token}/", "text/html"),
                       (f"/r/{token}/static/app.js", "text/javascript"), (f"/r/{token}/static/app.css", "text/css"),
                       (f"/r/{token}/emblems/lens.svg", "image/svg+xml")):  # fmt: skip
        status, body, headers = room.loop.run(fetch(room.loop.session, "GET", base + path))
        assert status == 200, path
        assert headers["Content-Type"].startswith(mime), (path, headers["Content-Type"])
        assert headers["Content-Security-Policy"] == CSP
        assert headers["X-Content-Type-Options"] == "nosniff"
        if mime == "text/html":
            assert b"<script>" not in body and b"onclick" not in body.lower()  # no inline script anywhere
    status, body, headers = room.loop.run(
        fetch(room.loop.session, "GET", f"{base}/r/{token}/static/app.js", headers={"Accept-Encoding": "gzip"})
    )
    assert headers["Content-Encoding"] == "gzip" and status == 200
    for path in (f"/r/{token}/static/NEEDS.md", f"/r/{token}/static/", f"/r/{token}/static/%2e%2e%2fserver.py",
                 f"/r/{token}/emblems/", "/join.html", "/r/", "/favicon.ico"):  # fmt: skip
        status, body, headers = room.loop.run(fetch(room.loop.session, "GET", base + path))
        assert status == 404, path
        assert headers["X-Content-Type-Options"] == "nosniff"


def test_the_typed_code_leads_to_the_room_until_it_is_locked(room):
    base = f"http://127.0.0.1:{room.ws.room.port}"
    code = room.ws.room.code

    def post(body):
        status, raw, _ = room.loop.run(fetch(room.loop.session, "POST", base + "/code", json=body))
        return status, raw.decode()

    assert post({"code": code.lower()}) == (200, f'{{"url": "/r/{room.ws.room.token}/"}}')
    assert post({"code": "ZZZZ" if code != "ZZZZ" else "YYYY"})[0] == 404
    assert post({"nothing": 1})[0] == 400
    room.lock(True)
    assert post({"code": code}) == (403, '{"code": "room_locked"}')
    room.lock(False)
    assert post({"code": code})[0] == 200


def test_typing_codes_is_limited_per_address(room):
    base = f"http://127.0.0.1:{room.ws.room.port}"

    async def guesses():
        results = []
        for n in range(12):
            async with room.loop.session.post(base + "/code", json={"code": f"A{n:03d}"}) as r:
                results.append(r.status)
        async with room.loop.session.post(base + "/code", json={"code": room.ws.room.code}) as r:
            results.append(r.status)  # even the right code, for this address, for a minute
        return results

    results = room.loop.run(guesses())
    assert results[:10] == [404] * 10 and results[10:] == [429, 429, 429]


def test_a_locked_room_takes_no_new_phone_but_keeps_the_joined_ones(room):
    from tests.room.conftest import to_step

    to_step(room.ws, "moment")
    ann = room.phone()
    ann.hello()
    ann.join("Ann", "Red")
    room.lock(True)
    late = room.phone()
    late.send({"type": "hello", "device": None, "lang": "en"})
    assert late.next("refused")["code"] == "room_locked"
    assert late.next("_closed")["code"] == 4403
    assert len(room.ws.room.devices) == 1
    ann.send({"type": "idea", "cid": "1", "text": "still in"})
    ann.next("ack", cid="1")
    again = room.phone()
    assert again.hello(device=ann.device)["name"] == "Ann"  # a joined phone comes back through the lock


def test_a_removed_phone_is_out_and_its_token_no_longer_works(room):
    from tests.room.conftest import to_step

    to_step(room.ws, "moment")
    ann = room.phone()
    ann.hello()
    ann.join("Ann", "Red")
    ann.send({"type": "idea", "cid": "1", "text": "kept after removal"})
    ann.next("ack", cid="1")
    room.remove(ann.device)
    assert ann.next("refused")["code"] == "removed"
    assert ann.next("_closed")["code"] == 4403
    back = room.phone()
    back.send({"type": "hello", "device": ann.device, "lang": "en"})
    assert back.next("refused")["code"] == "removed"
    assert [i.text for i in room.ws.ideas] == ["kept after removal"]


def test_a_port_in_use_moves_the_room_to_the_next_one(qtbot, content):
    import socket

    from game.domain.room import RoomState
    from game.domain.workshop import Team, new_workshop
    from game.room.engine import RoomEngine

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        ws = new_workshop(content.scenarios["classic-workshop"], content, [Team("A"), Team("B")], seed=1)
        ws.room = RoomState("127.0.0.1", port=port)
        engine = RoomEngine(ws)
        try:
            assert engine.open(), engine.problem
            assert ws.room.port != port and port < ws.room.port <= port + 20
            assert engine.url() == f"http://127.0.0.1:{ws.room.port}/r/{ws.room.token}/"
        finally:
            engine.close()


def test_the_default_route_comes_first_and_bridges_last(monkeypatch):
    from game.room import network

    monkeypatch.setattr(network, "default_route_ip", lambda: "192.168.1.20")
    monkeypatch.setattr(network, "_interfaces", lambda: [
        network.Address("172.17.0.1", "docker0"), network.Address("10.8.0.2", "tun0"),
        network.Address("10.0.0.5", "enp3s0"), network.Address("192.168.1.20", "wlp2s0"),
    ])  # fmt: skip
    assert [a.ip for a in network.addresses()] == ["192.168.1.20", "10.0.0.5", "172.17.0.1", "10.8.0.2"]
    assert network.addresses()[0].label() == "192.168.1.20 · wlp2s0"
