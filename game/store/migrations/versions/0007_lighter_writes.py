"""Lighter writes, for an import above all: the full-text index splits its tokens with FTS5's `ascii` tokenizer
(the same words for the texts this game makes, a third less work: `sqlite_search.TOKENIZER`), built again from
the ideas; and the two indexes of cards that no query uses go (the library screen finds an idea's cards in the
full-text index on SQLite, in an array index on PostgreSQL). A backup is taken before any migration.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from alembic import op

from game.store import sqlite_search

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

#: made by 0002 for a filter that no longer reads them (an idea's cards are seven columns: one index of two of
#: them never served the filter, which asks for any of the seven)
UNUSED = ("technique_card", "touchpoint_card")


def upgrade() -> None:
    for column in UNUSED:
        op.drop_index(f"ix_idea_{column}", table_name="idea")
    bind = op.get_bind()
    sqlite_search.drop(bind)
    sqlite_search.create(bind)


def downgrade() -> None:
    bind = op.get_bind()
    sqlite_search.drop(bind)
    sqlite_search.create(bind, sqlite_search.TOKENIZER_BEFORE_0007)
    for column in UNUSED:
        op.create_index(f"ix_idea_{column}", "idea", [column])
