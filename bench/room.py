"""The room's budgets on the loopback: phones sending ideas and votes to the real app, and a full room joining.

    python bench/room.py [--minutes 5] [--phones 60] [--crowd 300]

The app is this process: the main window (offscreen unless DISPLAY is set), a classic workshop for six teams
with its room on 127.0.0.1, the console and the presenter view as the trainer has them. The phones are another
process (this script with --child), aiohttp WebSocket clients speaking game/room/PROTOCOL.md, so the app's CPU
and memory are the app's alone.

1. --phones phones join, then each sends an idea every 2 s for --minutes minutes (staggered), then the
   facilitator moves to the vote and every phone tries its dots. Measured: ideas lost (acknowledged but not in the
   workshop, or sent and never acknowledged) and doubled (one cid twice in the workshop); send → painted on the
   presenter's wall (the phone's send time to the end of the wall's paint that first holds it; both clocks are
   this machine's), p95 and p99; the presenter's redraw (show_state, and the wall's paint) and the console's
   (the team columns taking the phones' ideas) p95; the app's CPU (process time / wall time, every thread:
   the server's too) and its memory growth (RSS) over the idea phase after a 5 s warm-up; the vote round: every
   acknowledged vote is a dot in the workshop. Floor: the round trip of a ping through the engine, before any idea.
   Also printed (no budget): the autosave's half-second tick on the UI thread (wall and CPU time), one tick with
   nothing new at the round's full size, and what serialising the whole round costs (what each tick did before
   the journal); `--trace-memory N` traces Python's allocations over the idea phase (slow: its timings mean nothing).
2. --crowd phones connect at once (hello + join) to a fresh eight-team workshop: all joined within 10 s; then
   the facilitator skips a step and every phone must get the new step within 1 s (p95).

Budgets: 0 lost, 0 doubled, send-to-presenter p95 <= 150 ms and p99 <= 300 ms, redraw p95 < 16 ms, CPU <= 50 %
of one core, memory growth <= 60 MB; crowd joined <= 10 s, step change p95 <= 1 s. Ends with the line
`room: P phones, I ideas, L lost, D doubled, send-to-presenter p95 X ms p99 Y ms, cpu Z %, memory +M MB` and
exits 1 when a budget is missed.
"""

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

P95_MS, P99_MS, REDRAW_MS, CPU_PCT, MEMORY_MB = 150.0, 300.0, 16.0, 50.0, 60.0
CROWD_JOIN_S, CROWD_STEP_S = 10.0, 1.0
TEAMS = ("Red", "Blue", "Green", "Gold", "Teal", "Plum")
CROWD_TEAMS = ("A", "B", "C", "D", "E", "F", "G", "H")


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- the phones (a child process) ------------------------------------------------------------------------------


async def _phone_ideas(session, url, n, teams, seconds, sent, acks, votes, vote_start, floor):
    async with session.ws_connect(url, max_msg_size=0) as ws:
        await ws.send_json({"type": "hello", "device": None, "lang": "en"})
        await ws.send_json({"type": "join", "name": f"Phone {n}", "team": teams[n % len(teams)], "ref": "join"})
        state: dict = {}
        joined = asyncio.Event()
        choose = asyncio.Event()
        pongs: asyncio.Queue = asyncio.Queue()

        answers = {"votes": 0}

        async def read():
            try:
                await _read()
            except Exception as e:  # a broken phone is reported, not silent
                print(f"phone {n}: {type(e).__name__}: {e}", file=sys.stderr)

        async def _read():
            async for msg in ws:
                data = json.loads(msg.data)
                kind = data["type"]
                if kind == "ack" and data.get("ref") == "join":
                    joined.set()
                elif kind == "ack" and "cid" in data:
                    acks[data["cid"]] = data["idea"]
                elif kind == "ack" and str(data.get("ref", "")).startswith("v"):
                    votes["acked"] += 1
                    answers["votes"] += 1
                elif kind == "refused":
                    votes["refused"][data["code"]] = votes["refused"].get(data["code"], 0) + 1
                    answers["votes"] += str(data.get("ref", "")).startswith("v")
                elif kind == "state":
                    state.update(data)
                    if data["step"]["kind"] == "choose":
                        choose.set()
                elif kind == "ideas" and state:
                    by_id = {i["id"]: i for i in state.get("ideas", [])}
                    by_id.update({i["id"]: i for i in data["upsert"]})
                    state["ideas"] = list(by_id.values())
                elif kind == "pong":
                    pongs.put_nowait(time.perf_counter())

        reader = asyncio.ensure_future(read())
        await joined.wait()
        if n < 5:  # the floor: a ping's round trip through the engine
            for _ in range(20):
                t0 = time.perf_counter()
                await ws.send_json({"type": "ping"})
                floor.append((await pongs.get() - t0) * 1000)
        await asyncio.sleep(random.uniform(0, 2))
        start = time.monotonic()
        k = 0
        while time.monotonic() - start < seconds:
            cid = f"p{n}-{k}"
            sent[cid] = time.time()
            await ws.send_json({"type": "idea", "cid": cid, "text": f"Bench idea {cid}: tea for those who wait"})
            k += 1
            await asyncio.sleep(max(0.0, start + 2 * k - time.monotonic()))
        await vote_start.wait()
        await asyncio.wait_for(choose.wait(), 60)
        await asyncio.sleep(random.uniform(0, 2))
        team = teams[n % len(teams)]
        others = [i["id"] for i in state.get("ideas", []) if i["team"] != team]
        tries = 3 if others else 0
        for v in range(tries):
            await ws.send_json({"type": "vote", "idea": random.choice(others), "delta": 1, "ref": f"v{n}-{v}"})
        deadline = time.monotonic() + 30
        while answers["votes"] < tries and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        votes["unanswered"] = votes.get("unanswered", 0) + tries - answers["votes"]
        reader.cancel()


async def _crowd_phone(session, url, n, teams, joined_at, changed_at, go):
    async with session.ws_connect(url, max_msg_size=0) as ws:
        await ws.send_json({"type": "hello", "device": None, "lang": "ru" if n % 2 else "en"})
        await ws.send_json({"type": "join", "name": f"Телефон {n}", "team": teams[n % len(teams)], "ref": "join"})
        first_step = None
        async for msg in ws:
            data = json.loads(msg.data)
            if data["type"] == "ack" and data.get("ref") == "join":
                joined_at[n] = time.time()
            elif data["type"] == "state":
                if first_step is None:
                    first_step = data["step"]["id"]  # the step at hello: the facilitator moves on only later
                elif data["step"]["id"] != first_step:
                    changed_at[n] = time.time()
                    break
        await go.wait()


async def _child(mode: str, url: str, phones: int, seconds: float) -> None:
    import aiohttp

    loop = asyncio.get_running_loop()
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        if mode == "ideas":
            sent: dict[str, float] = {}
            acks: dict[str, int] = {}
            floor: list[float] = []
            votes = {"acked": 0, "refused": {}}
            vote_start = asyncio.Event()

            def wait_for_votes() -> None:
                sys.stdin.readline()
                loop.call_soon_threadsafe(vote_start.set)

            threading.Thread(target=wait_for_votes, daemon=True).start()
            shared = (sent, acks, votes, vote_start, floor)
            phone = _phone_ideas
            tasks = [asyncio.ensure_future(phone(session, url, n, TEAMS, seconds, *shared)) for n in range(phones)]
            await asyncio.sleep(seconds + 4)
            print("ideas-done", flush=True)
            await asyncio.gather(*tasks)
            print(json.dumps({"sent": sent, "acks": acks, "votes": votes, "floor": floor}), flush=True)
        else:
            joined_at: dict[int, float] = {}
            changed_at: dict[int, float] = {}
            go = asyncio.Event()
            started = time.time()
            tasks = [
                asyncio.ensure_future(_crowd_phone(session, url, n, CROWD_TEAMS, joined_at, changed_at, go))
                for n in range(phones)
            ]
            while len(joined_at) < phones and time.time() - started < 30:
                await asyncio.sleep(0.01)
            print(json.dumps({"joined": len(joined_at), "seconds": max(joined_at.values(), default=started) - started}),
                  flush=True)  # fmt: skip
            deadline = time.time() + 15
            while len(changed_at) < len(joined_at) and time.time() < deadline:
                await asyncio.sleep(0.01)
            go.set()
            print(json.dumps({"changed_at": list(changed_at.values())}), flush=True)
            for task in tasks:
                task.cancel()  # a phone that never saw the change still waits for messages
            await asyncio.gather(*tasks, return_exceptions=True)


# --- the app (this process) -------------------------------------------------------------------------------------


class Lines:
    """A child's stdout, line by line, read in a thread so the Qt loop keeps serving the room."""

    def __init__(self, proc: subprocess.Popen):
        self.lines: list[str] = []
        self.thread = threading.Thread(target=self._read, args=(proc,), daemon=True)
        self.thread.start()

    def _read(self, proc) -> None:
        for line in proc.stdout:
            self.lines.append(line.strip())

    def take(self, wait_for, timeout: float) -> str:
        """The next line, serving Qt's event loop until it comes."""
        wait_for(lambda: bool(self.lines), timeout)
        if not self.lines:
            raise TimeoutError("the phones' process said nothing")
        return self.lines.pop(0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--phones", type=int, default=60)
    parser.add_argument("--crowd", type=int, default=300)
    parser.add_argument("--child", choices=("ideas", "crowd"))
    parser.add_argument("--url", default="")
    parser.add_argument("--trace-memory", type=int, default=0, metavar="N",
                        help="tracemalloc over the idea phase: the N places whose memory grew most (slow)")  # fmt: skip
    args = parser.parse_args()
    if args.child:
        asyncio.run(_child(args.child, args.url, args.phones if args.child == "ideas" else args.crowd,
                           args.minutes * 60))  # fmt: skip
        return 0
    if not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6.QtCore import QEventLoop, QTimer, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from game.domain.workshop import Team
    from game.ui import autosave as autosave_module
    from game.ui import presenter as presenter_module
    from game.ui import team_panels
    from game.ui.app import build_window, make_application

    qInstallMessageHandler(lambda *a: None)
    make_application()

    def wait_for(condition, timeout: float) -> None:
        """Serve Qt's loop (no busy wait: a 20 ms timer asks) until `condition` holds or `timeout` passes."""
        loop = QEventLoop()
        deadline = time.monotonic() + timeout

        def ask() -> None:
            if condition() or time.monotonic() > deadline:
                loop.quit()

        timer = QTimer()
        timer.timeout.connect(ask)
        timer.start(20)
        if not condition():
            loop.exec()
        timer.stop()

    # what the presenter shows, when, and how long its redraws take
    painted_at: dict[str, float] = {}
    redraws = {"show_state": [], "paint": [], "console": []}
    console_cpu: list[float] = []  # the console's redraw in this thread's CPU time: what a busy machine adds shows
    wall_paint = presenter_module.IdeaWall.paintEvent

    def timed_paint(self, event) -> None:
        t0 = time.perf_counter()
        wall_paint(self, event)
        done = time.time()
        redraws["paint"].append((time.perf_counter() - t0) * 1000)
        for _heading, items in self.groups:  # each column's newest ideas (the wall is handed a tail of them)
            for _mark, text in reversed(items):
                if text.startswith("Bench idea "):
                    cid = text.split(":")[0][11:]
                    if cid in painted_at:
                        break  # the rest of the column was seen before
                    painted_at[cid] = done

    presenter_module.IdeaWall.paintEvent = timed_paint
    show_state = presenter_module.PresenterView.show_state

    def timed_show_state(self) -> None:
        t0 = time.perf_counter()
        show_state(self)
        redraws["show_state"].append((time.perf_counter() - t0) * 1000)

    presenter_module.PresenterView.show_state = timed_show_state
    show_ideas = team_panels.TeamsPanel.show_ideas

    def timed_show_ideas(self, changed, removed) -> None:
        """The columns taking the phones' ideas, and repainting the columns that changed (as Qt would)."""
        t0, cpu0 = time.perf_counter(), time.thread_time()
        before = [c.list.count() for c in self.columns]
        show_ideas(self, changed, removed)
        for column, count in zip(self.columns, before, strict=True):
            if column.list.count() != count:
                column.repaint()
        redraws["console"].append((time.perf_counter() - t0) * 1000)
        console_cpu.append((time.thread_time() - cpu0) * 1000)  # the same, less what other processes took

    team_panels.TeamsPanel.show_ideas = timed_show_ideas
    saves: list[float] = []  # the autosave's half-second tick on the UI thread, in wall time and in CPU time
    saves_cpu: list[float] = []
    save = autosave_module.Autosave.save

    def timed_save(self, wait: bool = True) -> None:
        t0, cpu0 = time.perf_counter(), time.thread_time()
        save(self, wait)
        saves.append((time.perf_counter() - t0) * 1000)
        saves_cpu.append((time.thread_time() - cpu0) * 1000)

    autosave_module.Autosave.save = timed_save

    folder = Path(tempfile.mkdtemp(prefix="technomagic-bench-room-"))
    win = build_window(folder, "en")
    win.resize(1366, 768)
    win.show()
    QApplication.processEvents()
    win.workshop.start("classic-workshop", [Team(t) for t in TEAMS], {"room_host": "127.0.0.1"}, seed=7)
    console = win.current_screen()
    while console.ws.step.kind != "magic":
        console.skip()
    presenter = win.workshop.presenter
    presenter.resize(1920, 1080)
    assert not presenter.join_shown  # the card shrank to the corner strip when the steps began
    ws = console.ws
    url = win.workshop.room.url() + "ws"
    me = [sys.executable, str(Path(__file__).resolve())]

    # 1. ideas and a vote round
    ideas_args = ["--child", "ideas", "--url", url, "--phones", str(args.phones), "--minutes", str(args.minutes)]
    child = subprocess.Popen([*me, *ideas_args], stdout=subprocess.PIPE, stdin=subprocess.PIPE, text=True)
    lines = Lines(child)
    wait_for(lambda: len(win.workshop.room.room.devices) >= args.phones, 30)
    wait_for(lambda: False, 5)  # a warm-up: the first ideas fill Qt's caches and the wall's backing store
    for key in redraws:
        redraws[key].clear()
    console_cpu.clear()
    saves.clear()
    saves_cpu.clear()
    if args.trace_memory:
        import tracemalloc

        tracemalloc.start()
        traced0 = tracemalloc.take_snapshot()
    memory0, cpu0, wall0 = rss_mb(), time.process_time(), time.monotonic()
    if lines.take(wait_for, args.minutes * 60 + 60) != "ideas-done":
        raise RuntimeError("the phones' process went wrong")
    cpu = (time.process_time() - cpu0) / (time.monotonic() - wall0) * 100
    memory = rss_mb() - memory0
    ideas_saves, ideas_saves_cpu = list(saves), list(saves_cpu)
    win.saver.save()  # the last ideas: then a tick with nothing new but the step's clock, at the round's full size
    t0 = time.perf_counter()
    win.saver.save(wait=False)
    idle_save = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    whole = len(ws.to_json())  # what each tick serialised before the journal
    whole_ms = (time.perf_counter() - t0) * 1000
    if args.trace_memory:
        grown = tracemalloc.take_snapshot().compare_to(traced0, "lineno")
        tracemalloc.stop()
        total = sum(stat.size_diff for stat in grown) / 1e6
        print(f"memory traced over the idea phase: Python's objects {total:+.1f} MB (RSS {memory:+.0f} MB); the "
              f"{args.trace_memory} lines whose objects grew most:")
        for stat in grown[: args.trace_memory]:
            frame = stat.traceback[0]
            where = Path(frame.filename)
            where = where.relative_to(ROOT) if where.is_relative_to(ROOT) else Path(*where.parts[-2:])
            print(f"  {stat.size_diff / 1e6:+.2f} MB in {stat.count_diff:+d} blocks: {where}:{frame.lineno}")
    wait_for(lambda: False, 0.5)  # the last paints
    ideas_phase = {k: list(v) for k, v in redraws.items()}
    while ws.step.kind != "choose":
        console.skip()
    child.stdin.write("vote\n")
    child.stdin.flush()
    result = json.loads(lines.take(wait_for, 120))
    child.wait(30)
    sent, acks = result["sent"], result["acks"]
    in_workshop: dict[str, int] = {}
    for idea in ws.ideas:
        if idea.text.startswith("Bench idea "):
            cid = idea.text.split(":")[0][11:]
            in_workshop[cid] = in_workshop.get(cid, 0) + 1
    lost = sum(1 for cid in sent if cid not in in_workshop or cid not in acks)
    doubled = sum(n - 1 for n in in_workshop.values() if n > 1)
    latencies = [(painted_at[cid] - t) * 1000 for cid, t in sent.items() if cid in painted_at]
    unpainted = sum(1 for cid in sent if cid in in_workshop and cid not in painted_at)
    p95, p99 = pct(latencies, 95), pct(latencies, 99)
    floor = statistics.median(result["floor"]) if result["floor"] else float("nan")
    votes = result["votes"]
    dots = ws.dots_given()

    redraw = {k: pct(v, 95) for k, v in ideas_phase.items()}
    print(f"platform: {os.environ.get('QT_QPA_PLATFORM', 'xcb')}, {args.phones} phones, {len(TEAMS)} teams, "
          f"{args.minutes:g} min of an idea every 2 s each")  # fmt: skip
    print(f"floor: a ping through the engine, median {floor:.2f} ms; send-to-presenter p95 is {p95 / floor:.0f}x it")
    print(f"ideas: {len(sent)} sent, {len(acks)} acknowledged, {len(in_workshop)} in the workshop, "
          f"{unpainted} never seen painted")  # fmt: skip
    print(f"send-to-presenter: p50 {pct(latencies, 50):.0f} ms, p95 {p95:.0f} ms (budget {P95_MS:g}), "
          f"p99 {p99:.0f} ms (budget {P99_MS:g})")  # fmt: skip
    print(f"redraw p95: presenter show_state {redraw['show_state']:.1f} ms, wall paint {redraw['paint']:.1f} ms, "
          f"console columns {redraw['console']:.1f} ms (budget {REDRAW_MS:g} each); the console's in CPU time "
          f"{pct(console_cpu, 95):.1f} ms over {len(console_cpu)} redraws")  # fmt: skip
    print(f"vote round: {votes['acked']} votes acknowledged, {dots} dots in the workshop, refused {votes['refused']}, "
          f"unanswered {votes.get('unanswered', 0)}", flush=True)  # fmt: skip
    print(f"autosave on the UI thread: p50 {pct(ideas_saves, 50):.1f} ms, p95 {pct(ideas_saves, 95):.1f} ms (in CPU "
          f"time {pct(ideas_saves_cpu, 95):.1f} ms), max {max(ideas_saves, default=float('nan')):.0f} ms over "
          f"{len(ideas_saves)} ticks; at {len(ws.ideas)} ideas "
          f"a tick with nothing new {idle_save:.2f} ms, the whole round's JSON ({whole / 1e6:.1f} MB) "
          f"{whole_ms:.0f} ms", flush=True)  # fmt: skip

    # 2. a full room joins and follows a step change
    win.workshop.start("classic-workshop", [Team(t) for t in CROWD_TEAMS], {"room_host": "127.0.0.1"}, seed=8)
    console = win.current_screen()
    wait_for(lambda: False, 3)  # the last workshop's console and its thousands of tiles are let go first
    url = win.workshop.room.url() + "ws"
    crowd_args = ["--child", "crowd", "--url", url, "--crowd", str(args.crowd)]
    crowd = subprocess.Popen([*me, *crowd_args], stdout=subprocess.PIPE, text=True)
    crowd_lines = Lines(crowd)
    joined = json.loads(crowd_lines.take(wait_for, 60))
    stepped_at = time.time()
    console.skip()
    changed = json.loads(crowd_lines.take(wait_for, 60))["changed_at"]
    wait_for(lambda: crowd.poll() is not None, 30)  # the room answers the phones' goodbyes meanwhile
    if crowd.poll() is None:
        crowd.kill()
    step_latency = [t - stepped_at for t in changed] + [float("inf")] * (joined["joined"] - len(changed))
    step_p95 = pct(step_latency, 95)
    win.close()

    misses = []
    print(f"crowd: {joined['joined']} of {args.crowd} phones joined in {joined['seconds']:.2f} s "
          f"(budget {CROWD_JOIN_S:g}); step change p95 {step_p95 * 1000:.0f} ms (budget {CROWD_STEP_S * 1000:g})")
    if lost or doubled:
        misses.append("ideas lost or doubled")
    if not p95 <= P95_MS or not p99 <= P99_MS or unpainted:
        misses.append("send-to-presenter")
    if any(not value < REDRAW_MS for value in redraw.values()):
        misses.append("redraw")
    if votes["acked"] != dots or votes.get("unanswered"):
        misses.append("votes")
    if cpu > CPU_PCT:
        misses.append("cpu")
    if memory > MEMORY_MB:
        misses.append("memory")
    if joined["joined"] < args.crowd or joined["seconds"] > CROWD_JOIN_S:
        misses.append("crowd joining")
    if not step_p95 <= CROWD_STEP_S:
        misses.append("crowd step change")
    if misses:
        print("over budget: " + ", ".join(misses), file=sys.stderr)
    print(f"room: {args.phones} phones, {len(sent)} ideas, {lost} lost, {doubled} doubled, send-to-presenter p95 "
          f"{p95:.0f} ms p99 {p99:.0f} ms, cpu {cpu:.0f} %, memory +{memory:.0f} MB")  # fmt: skip
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
