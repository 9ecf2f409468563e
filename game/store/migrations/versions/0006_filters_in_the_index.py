"""The library screen's filters in the full-text index (SQLite): the status, the cards, the tags and the time an
idea was saved become tokens of a second column, so that a search with filters is one MATCH. The index is built
again from the ideas (a backup of the library is taken before any migration). PostgreSQL: nothing changes.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from alembic import op

from game.store import sqlite_search

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# 0002's index, words only, for a downgrade
_WORDS_ONLY = (
    "CREATE VIRTUAL TABLE idea_fts USING fts5(search_text, content='idea', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER idea_fts_insert AFTER INSERT ON idea BEGIN "
    "INSERT INTO idea_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER idea_fts_delete AFTER DELETE ON idea BEGIN "
    "INSERT INTO idea_fts(idea_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER idea_fts_update AFTER UPDATE OF search_text ON idea BEGIN "
    "INSERT INTO idea_fts(idea_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO idea_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO idea_fts(idea_fts) VALUES ('rebuild')",
)


def upgrade() -> None:
    bind = op.get_bind()
    sqlite_search.drop(bind)
    sqlite_search.create(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    sqlite_search.drop(bind)
    for statement in _WORDS_ONLY:
        op.execute(statement)
