"""The autosave's snapshot and journal on disk: a kill in the middle of the journal, a line cut short, a file of
an older version, a journal outgrowing its snapshot, a journal that cannot be written."""

import json
import shutil
import signal
import threading
from pathlib import Path

from PySide6.QtCore import Qt

from game.domain.journal import comparable
from game.domain.workshop import Team
from game.ui import autosave
from game.ui.autosave import AUTOSAVE_FILE, JOURNAL_FILE, read_saved
from tests.room.child import start_laptop
from tests.ui.conftest import click, type_text
from tests.ui.test_resume import home_with_resume

OLD_FILE = Path(__file__).with_name("round-in-play-v1.json")  # written by the game before the journal
KILLED = """
from game.domain.journal import comparable
rules = win.workshop.room.rules
phones = [rules.hello(None, "en") for _ in range(4)]
for n, phone in enumerate(phones):
    rules.join(phone, f"Phone {n}", ("Red", "Blue")[n % 2])

def serve(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)

for k in range(6):  # ideas from the phones and the console over three seconds: six ticks or so of lines
    for n, phone in enumerate(phones):
        rules.add_idea(phone, f"c{k}", f"phone {n} idea {k}")
    console.ws.add_idea(f"console idea {k}", "Blue")
    serve(0.5)
rules.edit(phones[3], {"idea": console.ws.ideas[-2].id, "text": "edited on the phone"})
rules.delete(phones[2], {"idea": console.ws.ideas[-3].id})
console.ws.team_drafts["Red"] = "half-typed"
serve(0.2)
print(json.dumps(comparable(console.ws.to_dict())), flush=True)
serve(60)
"""


def _lines(data_home: Path) -> list[bytes]:
    return (data_home / JOURNAL_FILE).read_bytes().split(b"\n")


def test_a_kill_in_the_middle_of_the_journal_resumes_the_workshop_as_it_was(qtbot, open_window, data_home):
    proc = start_laptop(data_home, "magic", KILLED)
    try:
        before = json.loads(proc.stdout.readline())
        qtbot.wait(1100)  # the promise: what happened a second before a kill survives it
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        proc.stdout.close()
    snapshot = json.loads((data_home / AUTOSAVE_FILE).read_text(encoding="utf-8"))
    assert snapshot["ideas"] == [] and len(_lines(data_home)) > 6  # the ideas are in the journal alone
    assert comparable(read_saved(data_home)) == before

    win = open_window()
    click(qtbot, home_with_resume(qtbot, win).resume_button)
    assert comparable(win.round.to_dict()) == before
    assert "edited on the phone" in [i.text for i in win.round.ideas] and len(win.round.ideas) == 29
    red = win.current_screen().panel.columns[0]
    assert red.input.text() == "half-typed"
    win.close()  # closing writes the round whole: the snapshot alone holds it, as older versions read it
    assert comparable(json.loads((data_home / AUTOSAVE_FILE).read_text(encoding="utf-8"))) == before
    assert _lines(data_home)[1:] == [b""]


def start_workshop(qtbot, open_window):
    win = open_window()
    win.workshop.start("classic-workshop", [Team("Red"), Team("Blue")], {}, seed=3)
    console = win.current_screen()
    while console.ws.step.kind != "magic":
        console.skip()
    console.ws.timer.pause()  # its clock would move between two looks at the round
    return win, console


def type_idea(qtbot, console, team: int, text: str) -> None:
    column = console.panel.columns[team]
    type_text(qtbot, column.input, text)
    qtbot.keyClick(column.input, Qt.Key.Key_Return)


def test_a_line_cut_short_by_a_kill_is_left_out_as_a_whole(qtbot, open_window, data_home):
    win, console = start_workshop(qtbot, open_window)
    states = []
    for n in range(3):
        type_idea(qtbot, console, n % 2, f"idea {n}")
        win.autosave()
        states.append(json.loads(win.round.to_json()))
    journal = data_home / JOURNAL_FILE
    whole = journal.read_bytes()
    last = whole.rstrip(b"\n").rsplit(b"\n", 1)[1]
    for cut in (1, len(last) // 2, len(last) - 1, len(last)):  # a kill during the last append (before its newline)
        journal.write_bytes(whole[: len(whole) - len(last) - 1 + cut])
        assert read_saved(data_home) == states[-2]
        assert [i.text for i in win.saver.resume(win.content)[0].ideas] == ["idea 0", "idea 1"]
    journal.write_bytes(whole)
    assert read_saved(data_home) == states[-1]
    lines = whole.split(b"\n")  # a damaged line in the middle: what follows it cannot be trusted
    journal.write_bytes(b"\n".join([*lines[:2], b'{"h": {', *lines[3:]]))
    assert read_saved(data_home) == states[0]


def test_a_journal_of_an_older_snapshot_is_not_applied(qtbot, open_window, data_home):
    win, console = start_workshop(qtbot, open_window)
    win.autosave()
    older = (data_home / JOURNAL_FILE).read_bytes()
    type_idea(qtbot, console, 0, "kept")
    win.autosave()
    older_with_a_line = (data_home / JOURNAL_FILE).read_bytes()
    assert len(older_with_a_line) > len(older)
    win.saver.close()  # a new snapshot holding "kept"; a kill before its journal began again leaves the old one
    (data_home / JOURNAL_FILE).write_bytes(older_with_a_line.replace(b"kept", b"gone"))
    assert [i["text"] for i in read_saved(data_home)["ideas"]] == ["kept"]


def test_a_round_saved_by_the_game_before_the_journal_resumes(qtbot, open_window, data_home):
    data_home.mkdir(parents=True)
    shutil.copy(OLD_FILE, data_home / AUTOSAVE_FILE)  # no journal beside it
    win = open_window()
    click(qtbot, home_with_resume(qtbot, win).resume_button)
    ws = win.round
    sent = [("Tea for those who wait", "Red"), ("A blanket on the terrace", "Red"), ("Typed at the console", "Blue")]
    assert [(i.text, i.team) for i in ws.ideas] == sent
    [ann] = ws.room.devices.values()
    assert ws.room.token == "old-room-token-1234" and ws.room.owners == {1: ann.token, 2: ann.token}
    assert (ann.name, ann.cids) == ("Ann", {"c1": 1, "c2": 2})
    assert ws.step.kind == "magic" and ws.team_drafts == {"Blue": "half-typed"}
    assert ws.add_idea("one more", "Blue").id == 4
    win.autosave()  # and it goes on in the journal
    assert [i["text"] for i in read_saved(data_home)["ideas"]][-1] == "one more"


def test_a_journal_that_outgrows_its_snapshot_is_folded_into_a_new_one(qtbot, open_window, data_home, monkeypatch):
    monkeypatch.setattr(autosave, "COMPACT_BYTES", 100)
    win, console = start_workshop(qtbot, open_window)
    snapshot = (data_home / AUTOSAVE_FILE).stat().st_size
    n = 0
    while len(_lines(data_home)) > 2 or n < 3:  # until a save found the journal longer than the snapshot
        type_idea(qtbot, console, n % 2, f"idea {n} " + "x" * 400)
        win.autosave()
        n += 1
        assert n < 100, "the journal was never folded"
    assert (data_home / AUTOSAVE_FILE).stat().st_size > snapshot + 400 * (n - 1)
    assert read_saved(data_home) == win.round.to_dict()
    assert [i.text.split()[1] for i in win.round.ideas] == [str(k) for k in range(n)]


def test_a_journal_that_cannot_be_written_is_said_and_the_round_is_written_whole_after(qtbot, open_window, data_home,
                                                                                        monkeypatch):  # fmt: skip
    threads = []
    append = autosave._Files.append

    def spy(files, line):
        threads.append(threading.current_thread().name)
        return append(files, line)

    monkeypatch.setattr(autosave._Files, "append", spy)
    win, console = start_workshop(qtbot, open_window)
    (data_home / JOURNAL_FILE).unlink()
    (data_home / JOURNAL_FILE).mkdir()  # appending fails
    type_idea(qtbot, console, 0, "typed while the disk refuses")
    win.autosave()
    assert win.statusBar().currentMessage().startswith(f"Cannot keep the round in {data_home}: ")
    (data_home / JOURNAL_FILE).rmdir()
    type_idea(qtbot, console, 1, "typed once it is back")
    qtbot.waitUntil(lambda: win.statusBar().currentMessage() == "", timeout=3000)  # the half-second timer
    assert read_saved(data_home) == win.round.to_dict()
    assert [i["text"] for i in read_saved(data_home)["ideas"]] == ["typed while the disk refuses",
                                                                     "typed once it is back"]  # fmt: skip
    assert threads and all(name.startswith("autosave") for name in threads)
