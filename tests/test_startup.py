"""Start-up as a user and a benchmark see it: the command line, the first window, and the wheel's data."""

import os
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
    code = (
        "import sys\n"
        "from game.ui import app\n"
        "rc = app.run(app.Path(sys.argv[1]), exit_when_shown=True, lang='ru')\n"
        "print(rc, sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'sqlmodel')))\n"
    )
    out = run([sys.executable, "-c", code, str(tmp_path / "data")], tmp_path)
    assert out.stdout.strip() == "0 []", out.stderr


def test_exit_when_shown_from_the_command_line(tmp_path):
    out = run([sys.executable, "-m", "game", "--exit-when-shown", "--data-dir", str(tmp_path / "d")], tmp_path)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "d").is_dir() and not (tmp_path / "home").exists()


def test_self_test_plays_a_round(tmp_path):
    out = run([sys.executable, "-m", "game", "self-test"], tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("self-test ok: solo round and a three-team workshop played in en, 3 solo ideas")


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
