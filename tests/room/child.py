"""A laptop in a child process, to be SIGKILLed: a two-team workshop with its room on the loopback, skipped to a
step, then the test's own lines; its data folder is the test's, so the round resumes there afterwards."""

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

PREAMBLE = """
import json, sys, time
from pathlib import Path
from game.domain.workshop import Team
from game.ui.app import build_window, make_application
app = make_application()
win = build_window(Path(sys.argv[1]), "en")
win.show()
win.workshop.start("classic-workshop", [Team("Red"), Team("Blue")], {"room_host": "127.0.0.1"}, seed=5)
console = win.current_screen()
while console.ws.step.kind != sys.argv[2]:
    console.skip()
"""


def start_laptop(data_home: Path, step: str, script: str) -> subprocess.Popen:
    """The workshop at the first step of kind `step`, then `script` (which has `app`, `win` and `console`)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", PREAMBLE + script, str(data_home), step]
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
