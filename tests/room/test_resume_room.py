"""The laptop app is SIGKILLed mid-room, restarted, Continue: the room reopens on the same port and token, and a
phone with its stored device token reconnects and goes on; nothing lost, nothing doubled."""

import signal
import time

from game.ui.autosave import read_saved
from tests.room.child import start_laptop
from tests.room.sim import Loop, Phone
from tests.ui.conftest import click
from tests.ui.test_resume import home_with_resume

RUNNING = """
win.workshop.room.allow_report(True)  # the trainer let the phones take the report home
print(win.workshop.room.url(), flush=True)
while True:
    app.processEvents()
    time.sleep(0.005)
"""


def test_a_killed_laptop_reopens_its_room_and_the_phone_goes_on(qtbot, open_window, data_home):
    proc = start_laptop(data_home, "moment", RUNNING)
    loop = Loop()
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and "/r/" in url
        phone = Phone(loop, qtbot, url + "ws")
        phone.send({"type": "hello", "device": None, "lang": "en"})
        token = phone.next("welcome")["device"]
        phone.send({"type": "join", "name": "Ann", "team": "Blue", "ref": "j"})
        phone.next("ack", ref="j")
        for n in range(3):
            phone.send({"type": "idea", "cid": f"c{n}", "text": f"phone idea {n}"})
            phone.next("ack", cid=f"c{n}")
        time.sleep(1.1)  # the promise: what was acknowledged a second before a kill survives it
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        assert phone.next("_closed", timeout=5000)
        saved = read_saved(data_home)  # the snapshot and its journal
        assert [i["text"] for i in saved["ideas"]] == ["phone idea 0", "phone idea 1", "phone idea 2"]
        assert saved["room"]["report_home"] is True

        win = open_window()
        click(qtbot, home_with_resume(qtbot, win).resume_button)
        assert win.workshop.room is not None and win.workshop.room.url() == url  # the same port and token: no rescan
        back = Phone(loop, qtbot, url + "ws", win.workshop.room)
        welcome = back.hello(device=token)
        assert (welcome["device"], welcome["name"], welcome["team"]) == (token, "Ann", "Blue")
        back.send({"type": "idea", "cid": "c2", "text": "phone idea 2"})  # its ack was lost with the laptop
        back.next("ack", cid="c2")
        back.send({"type": "idea", "cid": "c3", "text": "phone idea 3"})
        back.next("ack", cid="c3")
        state = back.settle()
        texts = [f"phone idea {n}" for n in range(4)]
        assert [i["text"] for i in state["ideas"]] == texts and len(state["mine"]) == 4
        assert [i.text for i in win.round.ideas] == texts
        column = win.current_screen().panel.columns[1]
        qtbot.waitUntil(lambda: column.list.count() == 4)
        click(qtbot, win.current_screen().buttons["phones"])  # the trainer's tick came back with the room
        assert win.current_screen().phones_dialog.report.isChecked() and win.workshop.room.room.report_home
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()
        loop.close()
