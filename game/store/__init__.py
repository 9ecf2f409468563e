"""The idea library on SQLModel: tables, the engine and the queries the UI needs.

Importing this package imports SQLAlchemy: keep it off the path to the first window.
"""
