"""Alembic migrations of the idea library (run by `game.store.db.open_library`, never by hand)."""
