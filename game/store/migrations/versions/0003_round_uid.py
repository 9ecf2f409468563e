"""A round's id on its play session, unique: the same round (kept in `unsaved/`, or finished in two copies of the
game) is saved once.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("play_session") as batch:
        batch.add_column(sa.Column("round_uid", sa.String(), nullable=True))
        batch.create_index("ix_play_session_round_uid", ["round_uid"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("play_session") as batch:
        batch.drop_index("ix_play_session_round_uid")
        batch.drop_column("round_uid")
