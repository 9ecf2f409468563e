"""A library several computers share: a version per idea (two saves never overwrite each other silently) and, on
PostgreSQL only, a stored tsvector with a GIN index for full-text search and a NOTIFY on every change of ideas.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

from game.store import pg_search

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("idea") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    pg_search.create(op.get_bind())


def downgrade() -> None:
    pg_search.drop(op.get_bind())
    with op.batch_alter_table("idea") as batch:
        batch.drop_column("version")
