"""The game's rules in plain Python: no Qt, no database."""
