"""Simulated phones for the protocol tests: aiohttp's WebSocket client in a thread of its own.

The room engine answers on the Qt thread, so a test never blocks waiting: `Phone.next` spins Qt's event loop
(`qtbot.waitUntil`) until the expected message has arrived.
"""

import asyncio
import json
import queue
import threading

import aiohttp


class Loop:
    """One asyncio loop in a daemon thread, shared by the phones of a test."""

    def __init__(self):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.session: aiohttp.ClientSession = self.run(self._session())

    async def _session(self) -> aiohttp.ClientSession:
        return aiohttp.ClientSession()

    def run(self, coro, timeout: float = 10):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def close(self) -> None:
        self.run(self.session.close())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


class Phone:
    def __init__(self, loop: Loop, qtbot, url: str, engine=None):
        self.loop, self.qtbot, self.url, self.engine = loop, qtbot, url, engine
        self.inbox: queue.Queue = queue.Queue()
        self.seen: list[dict] = []
        self.closed: int | None = None
        self.ws = loop.run(loop.session.ws_connect(url, max_msg_size=0))
        self._reader = asyncio.run_coroutine_threadsafe(self._read(), loop.loop)
        self.device: str | None = None
        self.state: dict | None = None

    async def _read(self) -> None:
        async for msg in self.ws:
            if msg.type == aiohttp.WSMsgType.TEXT:
                self.inbox.put(json.loads(msg.data))
        self.closed = self.ws.close_code
        self.inbox.put({"type": "_closed", "code": self.ws.close_code})

    def send(self, data) -> None:
        text = data if isinstance(data, str) else json.dumps(data)
        self.loop.run(self.ws.send_str(text))

    def send_bytes(self, data: bytes) -> None:
        self.loop.run(self.ws.send_bytes(data))

    def _drain(self) -> None:
        while True:
            try:
                msg = self.inbox.get_nowait()
            except queue.Empty:
                return
            self.seen.append(msg)
            if msg["type"] == "welcome":
                self.device = msg["device"]
            elif msg["type"] == "state":
                self.state = msg
            elif msg["type"] == "ideas" and self.state is not None:
                apply_ideas(self.state, msg)

    def next(self, kind: str, timeout: int = 5000, **match) -> dict:
        """The first message of `kind` (with the given fields) not taken before."""
        found: list[dict] = []

        def arrived() -> bool:
            self._drain()
            for n, msg in enumerate(self.seen):
                if msg["type"] == kind and all(msg.get(k) == v for k, v in match.items()):
                    found.append(self.seen.pop(n))
                    return True
            return False

        self.qtbot.waitUntil(arrived, timeout=timeout)
        return found[0]

    def view(self) -> dict | None:
        """The page's view of the room from what has arrived so far (no ping: a test polling it in a loop would
        flood the server, which drops a phone's messages beyond 50 a second)."""
        self._drain()
        return self.state

    def settle(self) -> dict:
        """Wait until the engine has pushed everything pending, then the page's view of the room."""
        self.send({"type": "ping"})
        self.next("pong")
        if self.engine is not None:
            self.qtbot.waitUntil(lambda: not self.engine._flush.isActive())  # pushes gathered, then sent
        self.send({"type": "ping"})
        self.next("pong")
        self._drain()
        return self.state

    def hello(self, device: str | None = None, lang: str = "en") -> dict:
        self.send({"type": "hello", "device": device, "lang": lang})
        welcome = self.next("welcome")
        self.settle()
        return welcome

    def join(self, name: str, team: str) -> dict:
        self.send({"type": "join", "name": name, "team": team, "ref": "j"})
        self.next("ack", ref="j")
        return self.settle()

    def refused(self, data, **match) -> dict:
        self.send(data)
        return self.next("refused", **match)

    def close(self) -> None:
        self.loop.run(self.ws.close())


def apply_ideas(state: dict, msg: dict) -> None:
    """What the page does with an `ideas` message."""
    by_id = {i["id"]: i for i in state["ideas"]}
    for idea in msg["upsert"]:
        by_id[idea["id"]] = idea
    for gone in msg["remove"]:
        by_id.pop(gone, None)
    state["ideas"] = [by_id[k] for k in sorted(by_id)]
    if "mine" in msg:
        state["mine"], state["editable"] = msg["mine"], msg["editable"]
