"""The io tests' library: a fresh one in the test's own folder, or a fresh PostgreSQL database (both run)."""

import pytest


@pytest.fixture
def engine(library_engine):
    """Every export and import test that takes `engine` runs on SQLite and on PostgreSQL (tests/conftest.py)."""
    return library_engine
