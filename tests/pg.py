"""A real PostgreSQL server for the tests: Debian's PostgreSQL 15 in a temporary folder, on a Unix socket only.

The tests run as root (here and in CI) and PostgreSQL refuses to run as root, so the server runs as the
`postgres` user the Debian package created, in a folder that user owns. Nothing listens on TCP. When the
binaries or the user are missing the fixture fails loudly: these tests are never skipped.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path

BIN = Path(os.environ.get("TECHNOMAGIC_PG_BIN", "/usr/lib/postgresql/15/bin"))
RUN_AS = "postgres"
SUPERUSER = "postgres"
_names = itertools.count(1)


class PgServer:
    """One throw-away cluster: `start`, make databases with `create_db`, `stop` (and `start` again)."""

    def __init__(self) -> None:
        for tool in ("initdb", "pg_ctl", "postgres"):
            if not (BIN / tool).exists():
                raise RuntimeError(
                    f"PostgreSQL 15 is not installed: {BIN / tool} is missing "
                    "(apt-get install postgresql; `bash run.sh test` does it)"
                )
        self._as_root = os.geteuid() == 0
        if self._as_root:
            try:
                account = pwd.getpwnam(RUN_AS)
            except KeyError:
                raise RuntimeError(f"no user {RUN_AS!r} to run PostgreSQL as (the package makes it)") from None
            if not shutil.which("runuser"):
                raise RuntimeError("runuser (util-linux) is needed to start PostgreSQL as a non-root user")
        self.root = Path(tempfile.mkdtemp(prefix="technomagic-pg-"))
        self.data = self.root / "data"
        self.socket_dir = self.root / "socket"
        self.socket_dir.mkdir()
        if self._as_root:
            for path in (self.root, self.socket_dir):
                os.chown(path, account.pw_uid, account.pw_gid)
        self.log = self.root / "server.log"
        self._run(BIN / "initdb", "-D", self.data, "-U", SUPERUSER, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
        settings = {
            "listen_addresses": "''",
            "unix_socket_directories": f"'{self.socket_dir}'",
            "fsync": "off",  # a test server: durability is not what is tested here
            "synchronous_commit": "off",
            "full_page_writes": "off",
            "shared_buffers": "32MB",
            "max_connections": "60",
        }
        conf = "".join(f"{key} = {value}\n" for key, value in settings.items())
        self._run("sh", "-c", f"cat >> {self.data / 'postgresql.conf'}", stdin=conf)
        self.running = False
        self._watchdog = self._watch(os.getpid())

    def _watch(self, pid: int) -> subprocess.Popen[bytes]:
        """A shell that stops the server and removes its folder once process `pid` (the tests) is gone, however it
        ended: a test run that is killed (SIGTERM skips the fixtures' teardown, SIGKILL everything) leaves no
        server behind."""
        stop = [str(BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"]
        if self._as_root:
            stop = ["runuser", "-u", RUN_AS, "--", *stop]
        script = (f"while kill -0 {pid} 2>/dev/null; do sleep 0.5; done; {shlex.join(stop)}; "
                  f"rm -rf {shlex.quote(str(self.root))}")  # fmt: skip
        return subprocess.Popen(["sh", "-c", script], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip

    def _run(self, *argv, stdin: str | None = None) -> str:
        command = [str(a) for a in argv]
        if self._as_root:
            command = ["runuser", "-u", RUN_AS, "--", *command]
        done = subprocess.run(command, input=stdin, capture_output=True, text=True, cwd=self.root)
        if done.returncode:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}{log}")
        return done.stdout

    def start(self) -> None:
        self._run(BIN / "pg_ctl", "-D", self.data, "-l", self.log, "-w", "-t", "60", "start")
        self.running = True

    def stop(self, mode: str = "fast") -> None:
        if self.running:
            self._run(BIN / "pg_ctl", "-D", self.data, "-m", mode, "-w", "stop")
            self.running = False

    def url(self, database: str, user: str = SUPERUSER) -> str:
        """The library URL of a database on this server, as a person would write it (socket folder as host)."""
        return f"postgresql://{user}@/{database}?host={self.socket_dir}"

    def sql(self, statement: str, database: str = "postgres") -> str:
        return self._run(BIN / "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", self.socket_dir, "-U", SUPERUSER,
                         "-d", database, "-At", "-c", statement)  # fmt: skip

    def create_db(self, prefix: str = "lib") -> str:
        """A new empty database; returns its name."""
        name = f"{prefix}_{os.getpid()}_{next(_names)}"
        self.sql(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING UTF8')
        return name

    def drop_db(self, name: str) -> None:
        self.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        try:
            self.stop("immediate")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
            self._watchdog.kill()
            self._watchdog.wait()
