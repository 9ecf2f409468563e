"""On PostgreSQL, an index for every filter of the library screen, so that a search with filters meets the words'
GIN index in one bitmap before it reads a row: tags and cards as arrays (GIN), the saving time with the id.
Nothing changes on SQLite.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from alembic import op

from game.store import pg_search
from game.store.ideas import CARD_COLUMNS

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    pg_search.create_filter_indexes(bind, CARD_COLUMNS)
    if bind.dialect.name == "postgresql":
        op.execute("ANALYZE idea")  # the planner learns the new indexes' expressions at once


def downgrade() -> None:
    pg_search.drop_filter_indexes(op.get_bind())
