"""The library's tables. Schema changes go through a migration in `migrations/versions/`."""

from datetime import UTC, date, datetime
from typing import ClassVar

from sqlalchemy import Table
from sqlmodel import Field, SQLModel

from game.domain.ideas import STATUSES as STATUSES  # the store's callers import it from here too


def _now() -> datetime:
    return datetime.now(UTC)


class PlaySession(SQLModel, table=True):
    """One played round or workshop, with the round's full state for the record."""

    __tablename__ = "play_session"
    __table__: ClassVar[Table]  # made by SQLModel; declared for type checkers

    id: int | None = Field(default=None, primary_key=True)
    scenario_id: str = Field(index=True)
    mode: str = "solo"
    lang: str = "en"
    started_at: datetime = Field(default_factory=_now)
    finished_at: datetime | None = None
    state_json: str = ""
    round_uid: str | None = Field(default=None, index=True, unique=True)  # the round's own id: saved once


class IdeaBase(SQLModel):
    """What a person can edit about an idea (validated before it reaches the table)."""

    title: str
    text: str
    focus: str = ""  # fix / wow / planb
    score: int = 0
    checks_json: str = "{}"
    dots: int = 0
    business_card: str | None = None
    client_card: str | None = None
    touchpoint_card: str | None = None
    obstacle_card: str | None = None
    lens_card: str | None = None
    technique_card: str | None = None
    constraint_card: str | None = None
    promise_who: str = ""
    promise_due: date | None = None
    promise_first_step: str = ""
    promise_success_sign: str = ""
    status: str = Field(default="new", index=True)  # new, planned, tried, working, dropped
    tags: str = ""  # ",tag one,tag two," so that one tag is matched exactly
    team: str = ""
    player: str = ""


class Idea(IdeaBase, table=True):
    __tablename__ = "idea"
    __table__: ClassVar[Table]  # made by SQLModel; declared for type checkers

    id: int | None = Field(default=None, primary_key=True)
    session_id: int | None = Field(default=None, foreign_key="play_session.id", index=True)
    created_at: datetime = Field(default_factory=_now, index=True)
    updated_at: datetime = Field(default_factory=_now)
    search_text: str = ""  # stems of every text above and of the notes: what full-text search indexes
    version: int = 1  # one more at every change: a save of an idea changed meanwhile elsewhere is refused


class IdeaNote(SQLModel, table=True):
    """A dated note of what happened when the idea was tried, and what clients said."""

    __tablename__ = "idea_note"
    __table__: ClassVar[Table]  # made by SQLModel; declared for type checkers

    id: int | None = Field(default=None, primary_key=True)
    idea_id: int = Field(foreign_key="idea.id", index=True, ondelete="CASCADE")
    on: date
    text: str
    created_at: datetime = Field(default_factory=_now)


def saved_id(row: PlaySession | Idea | IdeaNote) -> int:
    """The id of a row read from the library (or flushed to it), which always has one."""
    if row.id is None:
        raise ValueError(f"this {type(row).__name__} was never saved: it has no id")
    return row.id
