"""Start-up as a user and a benchmark see it: the command line, the first window, and the wheel's data."""

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


def run(args: list[str], tmp_path: Path, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TECHNOMAGIC_HOME": str(tmp_path / "home"), **env}
    return subprocess.run(args, capture_output=True, text=True, env=env, timeout=180, cwd=cwd)


def test_version(tmp_path):
    from game import __version__

    out = run([sys.executable, "-m", "game", "--version"], tmp_path)
    assert out.returncode == 0 and out.stdout.strip() == f"Technomagic of Impressions {__version__}"


def test_exit_when_shown_paints_the_home_window_without_the_database(tmp_path):
    """The exit comes after the home window and its buttons were painted (seen by an event filter on the whole
    application, not by the window's own flag), and before the database is imported."""
    code = (
        "import sys\n"
        "from PySide6.QtCore import QEvent, QObject\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from game.ui import app\n"
        "events = []\n"
        "class Watch(QObject):\n"
        "    def eventFilter(self, obj, event):\n"
        "        if event.type() == QEvent.Type.Paint:\n"
        "            events.append('paint ' + type(obj).__name__)\n"
        "        return False\n"
        "qapp = app.make_application()\n"
        "watch = Watch(); qapp.installEventFilter(watch)\n"
        "qapp.aboutToQuit.connect(lambda: events.append('quit'))\n"
        "rc = app.run(app.Path(sys.argv[1]), exit_when_shown=True, lang='ru')\n"
        "print(rc, sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'sqlmodel')))\n"
        "print(' | '.join(events))\n"
    )
    out = run([sys.executable, "-c", code, str(tmp_path / "data")], tmp_path)
    result, events = out.stdout.strip().split("\n")
    assert result == "0 []", out.stderr
    events = events.split(" | ")
    assert events[-1] == "quit" and events.count("quit") == 1, events
    assert "paint MainWindow" in events, events
    assert "paint QPushButton" in events, events  # the home screen's buttons, not an empty frame


def test_exit_when_shown_from_the_command_line(tmp_path):
    out = run([sys.executable, "-m", "game", "--exit-when-shown", "--data-dir", str(tmp_path / "d")], tmp_path)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "d").is_dir() and not (tmp_path / "home").exists()


def test_self_test_plays_every_step_of_a_round_and_a_workshop(tmp_path):
    out = run([sys.executable, "-m", "game", "self-test"], tmp_path)
    assert out.returncode == 0, out.stderr
    assert re.fullmatch(
        r"self-test ok \(en\): solo 7/7 steps, 3 ideas typed, 3 saved, search found 1 "
        r"\(stems by Stemmer, also in an import worker\); "
        r"workshop of 3 teams "
        r"9/9 steps, 13 ideas typed, 13 saved, 2 promises, 1 phone joined the room; 0 Qt warnings; \d+\.\d s\n",
        out.stdout,
    ), out.stdout
    assert out.stderr == ""


def test_self_test_fails_on_a_qt_warning(monkeypatch, capsys):
    from PySide6.QtCore import qWarning

    from game.ui import selftest

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(selftest, "_play", lambda folder, checked: qWarning("QLayout: a widget added twice"))
    assert selftest.self_test() == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err == "Qt: QLayout: a widget added twice\nself-test FAILED: 1 Qt warnings (above)\n"


def test_self_test_prints_the_traceback_of_a_failure(monkeypatch, capsys):
    from game.ui import selftest

    def broken(folder, checked):
        selftest.expect(False, "step choose refused Next: no dots given")

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(selftest, "_play", broken)
    assert selftest.self_test() == 1
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):\n")
    assert 'in broken\n    selftest.expect(False, "step choose refused Next: no dots given")' in err
    assert err.endswith("SelfTestFailed: step choose refused Next: no dots given\nself-test FAILED\n")


@pytest.mark.slow
def test_the_wheel_carries_decks_scenarios_and_assets(tmp_path):
    wheels = tmp_path / "wheels"
    build = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)], tmp_path)
    assert build.returncode == 0, build.stderr
    [wheel] = wheels.glob("technomagic-*.whl")
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "from game import paths\n"
        "from game.domain.content import load_content\n"
        "c = load_content([paths.shipped('cards')], [paths.shipped('scenarios')])\n"
        "print(paths.shipped_root()); print(len(c.decks), len(c.scenarios), len(c.problems))\n"
        "print(paths.asset('translations', 'technomagic_ru.qm').exists())\n"
    )
    out = run([sys.executable, "-c", code], tmp_path, cwd=tmp_path, PYTHONPATH=str(site))
    root, counts, qm = out.stdout.split("\n")[:3]
    assert Path(root) == site / "game" / "_data", out.stderr
    decks, scenarios, problems = map(int, counts.split())
    assert decks >= 9 and scenarios >= 1 and problems == 0
    assert qm == "True"
