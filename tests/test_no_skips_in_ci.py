"""In CI a skipped test fails the run (tests/conftest.py): a test that skips cannot fail, so it proves nothing."""

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

SKIPPING = """
import pytest

def test_runs():
    assert True

def test_needs_a_tool():
    pytest.skip("the tool is not installed")

@pytest.mark.xfail(reason="a known bug, not a skip", strict=True)
def test_known_bug():
    assert False
"""


def run(tmp_path: Path, ci: str | None) -> subprocess.CompletedProcess:
    (tmp_path / "test_sample.py").write_text(SKIPPING, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci is not None:
        env["CI"] = ci
    args = [sys.executable, "-m", "pytest", "-q", "-p", "tests.conftest", "-p", "no:cacheprovider",
            "--rootdir", str(tmp_path), "-c", os.devnull, str(tmp_path / "test_sample.py")]  # fmt: skip
    return subprocess.run(args, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)


def test_a_skip_fails_the_run_in_ci(tmp_path):
    out = run(tmp_path, "true")
    assert out.returncode == 1, out.stdout
    assert "skipped tests fail the run in CI" in out.stdout
    assert "test_sample.py::test_needs_a_tool: Skipped: the tool is not installed" in out.stdout
    assert "test_known_bug" not in out.stdout.split("skipped tests fail the run in CI")[1].split("\n= ")[0]


def test_outside_ci_a_skip_is_reported_only(tmp_path):
    out = run(tmp_path, None)
    assert out.returncode == 0, out.stdout
    assert "1 passed, 1 skipped, 1 xfailed" in out.stdout
    assert run(tmp_path, "false").returncode == 0
