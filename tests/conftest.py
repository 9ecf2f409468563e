"""Every test owns its data folder; shipped content is loaded once per session."""

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


@pytest.fixture(scope="session")
def content() -> Content:
    loaded = load_content([paths.shipped("cards")], [paths.shipped("scenarios")])
    assert not loaded.problems, [str(p) for p in loaded.problems]
    return loaded
