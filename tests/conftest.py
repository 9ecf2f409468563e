"""Every test owns its data folder; shipped content is loaded once per session; in CI no test may skip."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from game import paths
from game.domain.content import Content, load_content

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("TECHNOMAGIC_HOME", str(home))
    monkeypatch.delenv("TECHNOMAGIC_LIBRARY", raising=False)  # a shared library of the person running the tests
    monkeypatch.setenv("TECHNOMAGIC_CHECK_JOURNAL", "1")  # a change the autosave's journal missed fails the test
    return home


@pytest.fixture(scope="session", autouse=True)
def qt_fixed() -> None:
    """The PySide workaround the app installs at start (game/ui/qt_fixes.py), before any test builds a screen."""
    from game.ui import qt_fixes

    qt_fixes.install()


@pytest.fixture(scope="session")
def content() -> Content:
    loaded = load_content([paths.shipped("cards")], [paths.shipped("scenarios")])
    assert not loaded.problems, [str(p) for p in loaded.problems]
    return loaded


# --- in CI a skipped test fails the run: a test that skips proves nothing (a missing poppler, a missing
# binary), and `-q` hides it in one letter. Set CI (CI runs `bash .ci/run` with CI=true) to enforce it.


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


_skipped: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and not hasattr(report, "wasxfail"):
        why = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        _skipped.append(f"{report.nodeid}: {why}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _skipped and _in_ci() and exitstatus in (pytest.ExitCode.OK, pytest.ExitCode.NO_TESTS_COLLECTED):
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    if _skipped and _in_ci():
        terminalreporter.section("skipped tests fail the run in CI", sep="=", red=True, bold=True)
        for line in _skipped:
            terminalreporter.line(line, red=True)
@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL 15 for the whole test run (tests/pg.py): started once, stopped at the end."""
    from tests.pg import PgServer

    server = PgServer()
    try:
        server.start()
        yield server
    finally:
        server.close()


@pytest.fixture
def pg_url(pg_server) -> str:
    """The URL of a new, empty database on the test server (dropped afterwards)."""
    if not pg_server.running:
        pg_server.start()  # a test that stopped the server mid-session may have left it down
    name = pg_server.create_db()
    yield pg_server.url(name)
    if not pg_server.running:
        pg_server.start()
    pg_server.drop_db(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def library_url(request, tmp_path: Path) -> str:
    """The same library test on both engines: a SQLite file in the test's folder, or a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'library' / 'library.sqlite3'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def library_engine(library_url: str):
    """An opened, migrated library on each engine (see `library_url`)."""
    from game.store.engine import open_url

    engine = open_url(library_url)
    yield engine
    engine.dispose()


@pytest.fixture
def library(library_engine):
    """The library tests' library on both engines (a module with its own `library` uses `library_engine`)."""
    return library_engine
