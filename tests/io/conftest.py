"""The io tests' library: a fresh one in the test's own folder."""

from pathlib import Path

import pytest

from game.store.db import open_library


@pytest.fixture
def engine(tmp_path: Path):
    folder = tmp_path / "library"
    folder.mkdir()
    engine = open_library(folder)
    yield engine
    engine.dispose()
