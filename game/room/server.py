"""The room's web server: the phone page and its WebSocket, on the network the facilitator chose.

aiohttp (server and WebSocket in one) runs its asyncio loop in a thread of its own, so Qt's event loop never
waits for a phone. The server knows nothing of workshops: it checks what it can without them (the room token
in the URL, the size of a message, that it is one JSON object with a known type, the code's rate limit) and hands
every message to `deliver(conn, message)`, which the engine queues to the Qt thread. The engine answers through
`send` / `send_many`, which are thread-safe.

Only these addresses exist (PROTOCOL.md): the code page, the phone page and its fixed files, the emblems, the
exports once the engine provides them, and the WebSocket. Nothing else on the laptop is reachable.
"""

import asyncio
import base64
import gzip
import hashlib
import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path

from aiohttp import WSMsgType, web

from game import paths
from game.room import texts

MAX_MESSAGE = 16 * 1024
PORT_TRIES = 20
CODE_TRIES = 10  # per address per minute
MESSAGES_PER_SECOND = 50  # per connection: beyond it the server drops what a phone sends (a flood)
STATIC_SUFFIXES = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".woff2": "font/woff2",
    ".json": "application/json",
    ".ico": "image/x-icon",
    ".webmanifest": "application/manifest+json",
}
TYPES = {"hello", "lang", "join", "idea", "edit", "delete", "check", "vote", "promise", "ping"}
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
HERE = Path(__file__).resolve().parent
_STYLE = re.compile(rb"<style>(.*?)</style>", re.S)


def report_csp(page: bytes) -> str:
    """The report is one page with its style inline and its charts as data: images, and no script at all: only
    that style (by its hash) and those images may load."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(m.group(1)).digest()).decode("ascii") + "'"
        for m in _STYLE.finditer(page)
    )
    styles = hashes or "'none'"
    return (
        f"default-src 'none'; style-src {styles}; img-src data:; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"
    )


def static_dir() -> Path:
    return HERE / "static"


def join_dir() -> Path:
    return HERE / "join"


class Files:
    """A fixed folder's files by plain name, read once (and again when changed), gzipped once."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._cache: dict[str, tuple[float, bytes, bytes, str]] = {}

    def get(self, name: str) -> tuple[bytes, bytes, str] | None:
        suffix = Path(name).suffix.lower()
        if "/" in name or "\\" in name or name.startswith(".") or suffix not in STATIC_SUFFIXES:
            return None
        path = self.folder / name
        try:
            stamp = path.stat().st_mtime
        except OSError:
            return None
        cached = self._cache.get(name)
        if cached is None or cached[0] != stamp:
            data = path.read_bytes()
            cached = (stamp, data, gzip.compress(data, 9, mtime=0), STATIC_SUFFIXES[suffix])
            self._cache[name] = cached
        return cached[1], cached[2], cached[3]


def _file_response(request: web.Request, found: tuple[bytes, bytes, str]) -> web.Response:
    data, packed, mime = found
    headers = {"Vary": "Accept-Encoding"}
    if mime == "text/html":
        headers["Cache-Control"] = "no-store"
    if "gzip" in request.headers.get("Accept-Encoding", "") and len(packed) < len(data):
        headers["Content-Encoding"] = "gzip"
        data = packed
    charset = "utf-8" if mime.startswith("text/") or mime.endswith(("json", "xml")) else None
    return web.Response(body=data, content_type=mime, charset=charset, headers=headers)


@web.middleware
async def _headers(request: web.Request, handler):
    try:
        response = await handler(request)
    except web.HTTPException as e:
        response = e
    response.headers.setdefault("Content-Security-Policy", CSP)  # the report sets a stricter one of its own
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"
    if isinstance(response, web.HTTPException):
        if response.status >= 400:
            response.text = response.reason  # never the path back into a page
        raise response
    return response


class RoomServer:
    """One room: listening on `host` only, at `port` or the next free one, with `token` in every URL."""

    def __init__(self, host: str, port: int, token: str, deliver: Callable[[int, dict], None]):
        self.host = host
        self.port = port
        self.token = token
        self.deliver = deliver
        self.code = ""
        self.locked = False
        self.lang = "en"  # the laptop's: for an export asked without ?lang=
        self.exports: dict[tuple[str, str], tuple[bytes, str]] = {}  # (name, lang) -> (body, mime), by the engine
        self.withheld: dict[str, str] = {}  # name -> why it is not served yet (texts.WITHHELD), by the engine
        self.static = Files(static_dir())
        self.join = Files(join_dir())
        self.emblems = Files(paths.asset("emblems"))
        self._tries: dict[str, deque] = {}
        self._sockets: dict[int, web.WebSocketResponse] = {}
        self._queues: dict[int, asyncio.Queue] = {}
        self._next_conn = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None

    # --- life -----------------------------------------------------------------------------------

    def start(self) -> int:
        """Listen (blocking until it does); the port it got. OSError when no port of PORT_TRIES is free."""
        ready = threading.Event()
        problem: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self._listen())
            except BaseException as e:  # handed to the caller of start()
                problem.append(e)
                ready.set()
                loop.close()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self._shutdown())
            loop.close()

        self._thread = threading.Thread(target=run, name="room-server", daemon=True)
        self._thread.start()
        ready.wait(30)
        if problem:
            raise problem[0] if isinstance(problem[0], OSError) else OSError(str(problem[0]))
        return self.port

    async def _listen(self) -> None:
        app = web.Application(middlewares=[_headers], client_max_size=MAX_MESSAGE)
        prefix = f"/r/{self.token}"
        app.router.add_get("/", self._code_page)
        app.router.add_get("/join.js", self._join_file)
        app.router.add_get("/join.css", self._join_file)
        app.router.add_post("/code", self._code)
        app.router.add_get(prefix + "/", self._index)
        app.router.add_get(prefix + "/ws", self._socket)
        app.router.add_get(prefix + "/static/{name}", self._static)
        app.router.add_get(prefix + "/emblems/{name}", self._emblem)
        app.router.add_get(prefix + "/export/{name}", self._export)
        runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1)
        await runner.setup()
        last: OSError | None = None
        for port in range(self.port, self.port + PORT_TRIES) if self.port else [0]:
            # SO_REUSEADDR on POSIX (asyncio's default): a room resumed after a crash gets its port back
            site = web.TCPSite(runner, self.host, port, backlog=512)
            try:
                await site.start()
            except OSError as e:
                last = e
                continue
            self.port = site._server.sockets[0].getsockname()[1]
            self._runner = runner
            return
        await runner.cleanup()
        raise last or OSError("no free port")

    async def _shutdown(self) -> None:
        for ws in list(self._sockets.values()):
            await ws.close(code=1001, message=b"room closed")
        if self._runner is not None:
            await self._runner.cleanup()

    def stop(self) -> None:
        loop, thread = self._loop, self._thread
        if loop is None or thread is None or not thread.is_alive():
            return
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)

    # --- sending (any thread) ---------------------------------------------------------------------

    def send(self, conn: int, text: str) -> None:
        self.send_many([(conn, text)])

    def send_many(self, items: list[tuple[int, str]]) -> None:
        if self._loop is not None and items:
            self._loop.call_soon_threadsafe(self._put, items)

    def close(self, conn: int, code: int) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._put, [(conn, code)])

    def _put(self, items) -> None:
        for conn, text in items:
            queue = self._queues.get(conn)
            if queue is not None:
                queue.put_nowait(text)

    # --- pages ----------------------------------------------------------------------------------

    async def _index(self, request: web.Request) -> web.StreamResponse:
        found = self.static.get("index.html")
        if found is None:
            raise web.HTTPNotFound()
        return _file_response(request, found)

    async def _static(self, request: web.Request) -> web.StreamResponse:
        found = self.static.get(request.match_info["name"])
        if found is None:
            raise web.HTTPNotFound()
        return _file_response(request, found)

    async def _emblem(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        found = self.emblems.get(name) if name.endswith(".svg") else None
        if found is None:
            raise web.HTTPNotFound()
        return _file_response(request, found)

    async def _export(self, request: web.Request) -> web.StreamResponse:
        """An export in the phone's language (`?lang=ru`); 403 with the reason while it is withheld."""
        name = request.match_info["name"]
        lang = request.query.get("lang")
        lang = lang if lang in texts.LANGS else self.lang
        found = self.exports.get((name, lang)) or self.exports.get((name, self.lang))  # else the laptop's language
        headers = {"Cache-Control": "no-store"}
        if found is None:
            why = self.withheld.get(name)
            if why is None:
                raise web.HTTPNotFound()
            reason = texts.word(texts.WITHHELD, why, lang)
            return web.Response(status=403, text=reason, content_type="text/plain", charset="utf-8", headers=headers)
        body, mime = found
        if mime == "text/html":  # the report opens in the phone's browser
            headers["Content-Security-Policy"] = report_csp(body)
        else:
            headers["Content-Disposition"] = f'attachment; filename="{name}"'
        return web.Response(body=body, content_type=mime, charset="utf-8", headers=headers)

    async def _code_page(self, request: web.Request) -> web.StreamResponse:
        return _file_response(request, self.join.get("index.html"))

    async def _join_file(self, request: web.Request) -> web.StreamResponse:
        return _file_response(request, self.join.get(request.path.lstrip("/")))

    async def _code(self, request: web.Request) -> web.StreamResponse:
        address = request.remote or "?"
        tries = self._tries.setdefault(address, deque())
        now = time.monotonic()
        while tries and now - tries[0] > 60:
            tries.popleft()
        if len(tries) >= CODE_TRIES:
            return web.json_response({"code": "too_many_tries"}, status=429)
        tries.append(now)
        if len(self._tries) > 10_000:
            self._tries = {address: tries}
        try:
            body = await request.json()
            code = body.get("code") if isinstance(body, dict) else None
        except (ValueError, UnicodeDecodeError):
            code = None
        if not isinstance(code, str):
            return web.json_response({"code": "bad_field"}, status=400)
        if self.locked:
            return web.json_response({"code": "room_locked"}, status=403)
        if not self.code or code.strip().upper() != self.code:
            return web.json_response({"code": "bad_code"}, status=404)
        return web.json_response({"url": f"/r/{self.token}/"})

    # --- the socket -----------------------------------------------------------------------------

    async def _socket(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(max_msg_size=MAX_MESSAGE, heartbeat=20, compress=False)
        await ws.prepare(request)
        self._next_conn += 1
        conn = self._next_conn
        queue: asyncio.Queue = asyncio.Queue()
        self._sockets[conn] = ws
        self._queues[conn] = queue
        writer = asyncio.ensure_future(self._write(ws, queue))
        recent: deque = deque()
        try:
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    if msg.type == WSMsgType.BINARY:
                        self._refuse(conn, "bad_json")
                    continue
                now = time.monotonic()
                while recent and now - recent[0] > 1:
                    recent.popleft()
                if len(recent) >= MESSAGES_PER_SECOND:
                    continue  # a flood: dropped before it reaches the workshop
                recent.append(now)
                try:
                    data = json.loads(msg.data)
                except ValueError:
                    data = None
                if not isinstance(data, dict) or data.get("type") not in TYPES:
                    ref = data.get("ref") if isinstance(data, dict) else None
                    self._refuse(conn, "bad_json", ref if isinstance(ref, str) else None)
                    continue
                data["_at"] = now  # when it arrived: a phone's pace is judged by this, not by when Qt got to it
                self.deliver(conn, data)
        finally:
            self._sockets.pop(conn, None)
            self._queues.pop(conn, None)
            queue.put_nowait(None)
            await writer
            self.deliver(conn, {"type": "_closed"})
        return ws

    def _refuse(self, conn: int, code: str, ref: str | None = None) -> None:
        self.deliver(conn, {"type": "_refuse", "code": code, "ref": ref})

    async def _write(self, ws: web.WebSocketResponse, queue: asyncio.Queue) -> None:
        while True:
            item = await queue.get()
            if item is None:
                return
            if isinstance(item, int):
                await ws.close(code=item)
                return
            try:
                await ws.send_str(item)
            except (ConnectionError, RuntimeError):
                return
