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
