"""Alembic's environment: the connection comes from `open_library`; SQLite tables change in batch mode."""

from alembic import context
from alembic.runtime.environment import NameFilterType
from sqlalchemy.schema import SchemaItem
from sqlmodel import SQLModel

import game.store.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from game.store import sqlite_search

target_metadata = SQLModel.metadata


def include_object(
    obj: SchemaItem, name: str | None, type_: NameFilterType, reflected: bool, compare_to: SchemaItem | None
) -> bool:
    """Keep the full-text tables (SQLite virtual tables and their shadows) out of autogenerate."""
    return not (type_ == "table" and name is not None and sqlite_search.is_fts_table(name))


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=target_metadata,
    render_as_batch=True,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
