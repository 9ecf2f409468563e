"""The tests' PostgreSQL server never outlives the tests, even when their process is killed."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: a test process that starts a server, says where it is, and waits to be killed
STARTS_AND_WAITS = """
import sys, time
from tests.pg import PgServer
server = PgServer()
server.start()
print(server.root, flush=True)
time.sleep(600)
"""


def postmaster(root: Path) -> int | None:
    """The running server's process id, from its pid file (None once it is gone)."""
    try:
        pid = int((root / "data" / "postmaster.pid").read_text().split()[0])
        os.kill(pid, 0)
    except (OSError, ValueError, IndexError):
        return None
    return pid


def test_a_killed_test_run_leaves_no_server_running():
    with subprocess.Popen([sys.executable, "-c", STARTS_AND_WAITS], cwd=ROOT, stdout=subprocess.PIPE,
                          text=True) as child:  # fmt: skip
        try:
            root = Path(child.stdout.readline().strip())
            assert postmaster(root), "the server did not start"
            child.send_signal(signal.SIGKILL)  # nothing of the test process runs after this
            child.wait()
            deadline = time.monotonic() + 30
            while (postmaster(root) or root.exists()) and time.monotonic() < deadline:
                time.sleep(0.2)
            assert postmaster(root) is None and not root.exists()
        finally:
            child.kill()
