"""Ideas put straight into a library, for tests that start from a library rather than from a round."""

import json
from pathlib import Path

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


#: One corpus both engines hold in the search tests: Russian and English word forms, ё, prefixes, stop words,
#: equal titles, empty and missing values for the sorts.
CORPUS = [
    dict(title="Подарок постоянным клиентам", text="Дарить клиентам ёлочные игрушки", status="planned", focus="wow",
         promise_due=None, score=3, dots=2, tags=",зима,касса,", team="Red"),
    dict(title="Gifts for regular clients", text="Give the client a gift card", status="new", focus="fix",
         promise_due=None, score=5, dots=1, tags=",winter,", team="Blue"),
    dict(title="gifts for regular clients", text="Lower-case twin of the one above", status="tried", focus="",
         score=1, tags=",winter,", team="Blue"),
    dict(title="Ёлка у кассы", text="Клиенты ждут у ёлки и фотографируются", status="working", focus="wow",
         score=4, team="Red"),
    dict(title="Чай тем, кто ждёт", text="Бесплатный чай, пока меняют шины", status="new", focus="planb", score=2),
    dict(title="Free tea while the tyres are changed", text="Waiting clients get tea and a biscuit", status="dropped",
         focus="planb", score=2, team="Green"),
    dict(title="Photo of the forgotten scarf", text="Send a photo of what was left behind", status="planned",
         focus="fix", score=0, team="Green"),
    dict(title="Жираф возвращается с фотографиями", text="Игрушку возвращают с фото её отпуска", status="tried",
         focus="wow", score=5, dots=3, team="Red"),
    dict(title="Zebra first, Äpfel after, apple last", text="Sorting by code point: upper case before lower",
         status="new", score=1),
    dict(title="1000 клиентов за месяц", text="Numbers 2026 and words mixed: клиентский день", status="new", score=3),
    dict(title="Клиентский день", text="День клиента раз в месяц", status="planned", focus="fix", score=3, dots=1),
    dict(title="The and for with", text="Only words that are too common", status="new"),
]
SEARCHES = ["клиент", "клиенты", "клиентов", "клие", "кли", "client", "clients ", "gift", "gifts", "gif", "ёлка",
            "елки", "фото", "photo", "чай шины", "tea", "the", "the ", "and for", "1000", "2026", "день клиента",
            "zebra", "äpfel", "жираф", "нет такого", "x", "'; --"]  # fmt: skip


def add_corpus(engine) -> list[int]:
    """The corpus, each idea a day after the one before (the due dates spread, some left empty)."""
    from datetime import UTC, date, datetime, timedelta

    ids = []
    for n, fields in enumerate(CORPUS):
        fields = dict(fields)
        fields.setdefault("promise_due", date(2026, 1, 1) + timedelta(days=(n * 7) % 30) if n % 3 else None)
        fields["created_at"] = datetime(2026, 1, 1, 9, tzinfo=UTC) + timedelta(days=n)
        ids.append(add(engine, fields.pop("title"), **fields))
    return ids


def ideas_json(path: Path, items: list[dict]) -> Path:
    """A JSON file of these ideas, as our export writes one (its envelope around them)."""
    path.write_text(json.dumps({"format": "technomagic-ideas", "version": 1, "ideas": items}), encoding="utf-8")
    return path
