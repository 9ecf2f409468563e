"""The first library: play sessions and the chosen ideas with their promises.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "play_session",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("scenario_id", sa.String(), nullable=False),
        sa.Column("mode", sa.String(), nullable=False),
        sa.Column("lang", sa.String(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("state_json", sa.String(), nullable=False),
    )
    op.create_index("ix_play_session_scenario_id", "play_session", ["scenario_id"])
    op.create_table(
        "idea",
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("focus", sa.String(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("checks_json", sa.String(), nullable=False),
        sa.Column("dots", sa.Integer(), nullable=False),
        *[
            sa.Column(f"{kind}_card", sa.String(), nullable=True)
            for kind in ("business", "client", "touchpoint", "obstacle", "lens", "technique", "constraint")
        ],
        sa.Column("promise_who", sa.String(), nullable=False),
        sa.Column("promise_due", sa.Date(), nullable=True),
        sa.Column("promise_first_step", sa.String(), nullable=False),
        sa.Column("promise_success_sign", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("tags", sa.String(), nullable=False),
        sa.Column("team", sa.String(), nullable=False),
        sa.Column("player", sa.String(), nullable=False),
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("session_id", sa.Integer(), sa.ForeignKey("play_session.id"), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_idea_status", "idea", ["status"])
    op.create_index("ix_idea_session_id", "idea", ["session_id"])
    op.create_index("ix_idea_created_at", "idea", ["created_at"])


def downgrade() -> None:
    op.drop_table("idea")
    op.drop_table("play_session")
