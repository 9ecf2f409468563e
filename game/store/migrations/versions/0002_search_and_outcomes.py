"""Full-text search over stemmed text, dated outcome notes, and indexes for the library's filters.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

from game.store import sqlite_search
from game.store.textsearch import index_text

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

INDEXED = ("focus", "promise_due", "updated_at", "team", "technique_card", "touchpoint_card")


def upgrade() -> None:
    with op.batch_alter_table("idea") as batch:
        batch.add_column(sa.Column("search_text", sa.String(), nullable=False, server_default=""))
        for column in INDEXED:
            batch.create_index(f"ix_idea_{column}", [column])
    op.create_table(
        "idea_note",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("idea_id", sa.Integer(), sa.ForeignKey("idea.id", ondelete="CASCADE"), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_idea_note_idea_id", "idea_note", ["idea_id"])
    bind = op.get_bind()
    rows = bind.execute(
        sa.text("SELECT id, title, text, promise_who, promise_first_step, promise_success_sign, tags, team, player "
                "FROM idea")
    ).fetchall()  # fmt: skip
    for row in rows:
        bind.execute(
            sa.text("UPDATE idea SET search_text = :s WHERE id = :id"), {"s": index_text(*row[1:]), "id": row[0]}
        )
    sqlite_search.create(bind)


def downgrade() -> None:
    sqlite_search.drop(op.get_bind())
    op.drop_table("idea_note")
    with op.batch_alter_table("idea") as batch:
        for column in INDEXED:
            batch.drop_index(f"ix_idea_{column}")
        batch.drop_column("search_text")
