"""Ideas put straight into a library, for tests that start from a library rather than from a round."""

from sqlmodel import Session

from game.store.models import Idea
from game.store.textsearch import index_text


def add(engine, title: str, **fields) -> int:
    with Session(engine) as session:
        idea = Idea(title=title, text=fields.pop("text", title), **fields)
        idea.search_text = index_text(idea.title, idea.text, idea.promise_who)
        session.add(idea)
        session.commit()
        return idea.id
