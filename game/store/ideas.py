"""Finding, reading and changing ideas in the library: the queries the library screen and the CLI need.

Lists never load everything: `find` returns one page of rows in the requested order, `count` how many match.
Every change recomputes the idea's `search_text`, so search always sees what the idea says now.
"""

import json
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import Select, func, or_, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from game.store import pg_search, sqlite_search
from game.store.models import STATUSES, Idea, IdeaBase, IdeaNote, saved_id
from game.store.textsearch import index_text, match_query, words

CARD_COLUMNS = ("business_card", "client_card", "touchpoint_card", "obstacle_card", "lens_card",
                "technique_card", "constraint_card")  # fmt: skip
#: Words too common to make two ideas similar (after stemming), in both languages.
STOPWORDS = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "from",
        "that",
        "this",
        "your",
        "our",
        "their",
        "they",
        "you",
        "are",
        "was",
        "were",
        "will",
        "can",
        "not",
        "but",
        "all",
        "any",
        "для",
        "при",
        "про",
        "как",
        "что",
        "это",
        "или",
        "его",
        "она",
        "они",
        "так",
        "уже",
        "чем",
        "там",
        "тут",
        "где",
        "нет",
        "все",
        "вас",
        "нас",
        "наш",
        "ваш",
    ]
)
SORTABLE = ("id", "created_at", "updated_at", "title", "focus", "status", "promise_due", "promise_who", "score", "dots")


@dataclass
class IdeaFilter:
    """What the person is looking for: typed words plus a filter per field (empty means any)."""

    query: str = ""
    statuses: tuple[str, ...] = ()
    focuses: tuple[str, ...] = ()
    tag: str = ""
    team: str = ""
    player: str = ""
    person: str = ""  # a team, a player or the promise's "who"
    card: str = ""  # any of the cards the idea came from
    min_score: int = 0
    min_dots: int = 0
    session_id: int | None = None
    created_from: date | None = None
    created_to: date | None = None
    due_from: date | None = None
    due_to: date | None = None
    ids: tuple[int, ...] = ()  # exactly these ideas (a selection in the library)


@dataclass
class Order:
    """The default, newest saved first, follows the id: full-text matches then come back without a sort."""

    column: str = "id"
    descending: bool = True

    def __post_init__(self) -> None:
        if self.column not in SORTABLE:
            raise ValueError(f"cannot sort by {self.column!r}")


#: A query of ideas (whole or some of their columns) that the filters narrow.
Statement = TypeVar("Statement", bound=Select[*tuple[Any, ...]])


def _where(statement: Statement, flt: IdeaFilter, dialect: str) -> Statement:
    match = match_query(flt.query)
    if match and dialect == "postgresql" and (tsquery := pg_search.tsquery(flt.query)):
        statement = statement.where(pg_search.match(tsquery))
    elif match:
        if dialect == "sqlite":
            statement = statement.where(text(sqlite_search.match_clause()).bindparams(match=sqlite_search.words(match)))
        else:  # portable: every stem as a substring of the indexed text
            for word in words(flt.query):
                statement = statement.where(col(Idea.search_text).contains(word[:5]))
    if flt.ids:
        statement = statement.where(col(Idea.id).in_(flt.ids))
    if flt.statuses:
        statement = statement.where(col(Idea.status).in_(flt.statuses))
    if flt.focuses:
        statement = statement.where(col(Idea.focus).in_(flt.focuses))
    if flt.tag and dialect == "postgresql":
        statement = statement.where(pg_search.has_tag(normal_tag(flt.tag)))
    elif flt.tag:
        statement = statement.where(col(Idea.tags).contains(f",{normal_tag(flt.tag)},"))
    for name in ("team", "player"):
        if getattr(flt, name):
            statement = statement.where(getattr(Idea, name) == getattr(flt, name))
    if flt.person:
        statement = statement.where(
            or_(col(Idea.team) == flt.person, col(Idea.player) == flt.person, col(Idea.promise_who) == flt.person)
        )
    if flt.min_score:
        statement = statement.where(col(Idea.score) >= flt.min_score)
    if flt.min_dots:
        statement = statement.where(col(Idea.dots) >= flt.min_dots)
    if flt.card and dialect == "postgresql":
        statement = statement.where(pg_search.from_card(flt.card, CARD_COLUMNS))
    elif flt.card:
        statement = statement.where(or_(*(getattr(Idea, c) == flt.card for c in CARD_COLUMNS)))
    if flt.session_id is not None:
        statement = statement.where(col(Idea.session_id) == flt.session_id)
    if flt.created_from:
        statement = statement.where(col(Idea.created_at) >= _local_midnight(flt.created_from))
    if flt.created_to:
        statement = statement.where(col(Idea.created_at) < _local_midnight(flt.created_to + timedelta(days=1)))
    if flt.due_from:
        statement = statement.where(col(Idea.promise_due) >= flt.due_from)
    if flt.due_to:
        statement = statement.where(col(Idea.promise_due) <= flt.due_to)
    return statement


def _local_midnight(day: date) -> datetime:
    """The start of a day where the person is, in UTC as times are stored."""
    return datetime.combine(day, datetime.min.time()).astimezone().astimezone(UTC)


def _indexed(session: Session, flt: IdeaFilter) -> tuple[str | None, IdeaFilter]:
    """On SQLite, one FTS5 expression for the typed words and every filter the index holds (`sqlite_search`), and
    the filter left for SQL; elsewhere None and the filter as it is."""
    if session.connection().dialect.name != "sqlite":
        return None, flt
    parts: list[str] = []
    done: dict[str, Any] = {"query": ""}
    match = match_query(flt.query)
    if match:
        parts.append(sqlite_search.words(match))
    if flt.statuses:
        parts.append(sqlite_search.statuses(flt.statuses))
        done["statuses"] = ()
    if flt.card:
        parts.append(sqlite_search.card(flt.card))
        done["card"] = ""
    if flt.tag and (term := sqlite_search.tag(normal_tag(flt.tag))):
        parts.append(term)
        done["tag"] = ""
    if flt.created_from or flt.created_to:
        start = _local_midnight(flt.created_from) if flt.created_from else None
        end = _local_midnight(flt.created_to + timedelta(days=1)) if flt.created_to else None
        span = sqlite_search.saved_span(session.connection()) if start is None or end is None else (start, end)
        term = sqlite_search.saved_between(start, end, *span) if span else None
        if term:
            parts.append(term)
            done |= {"created_from": None, "created_to": None}
    return " AND ".join(parts) or None, replace(flt, **done)


def count(engine: Engine, flt: IdeaFilter) -> int:
    with Session(engine) as session:
        indexed, rest = _indexed(session, flt)
        if indexed and rest == IdeaFilter():  # the index counts its matches itself
            return int(session.connection().execute(text(sqlite_search.count_sql()), {"match": indexed}).scalar_one())
        if match_query(flt.query) and engine.dialect.name == "postgresql":
            pg_search.count_through_index(session)
        statement = select(func.count()).select_from(Idea)
        if indexed:
            statement = statement.where(text(sqlite_search.match_clause()).bindparams(match=indexed))
        return int(session.exec(_where(statement, rest, engine.dialect.name)).one())


@dataclass
class Page:
    """What the library screen shows: one page of matching ideas and how many match in all. On a server library
    the counting stops past `pg_search.COUNT_LIMIT` matches: then `exact` is False and `total` is that limit
    (more than that many match)."""

    ideas: list[Idea]
    total: int
    exact: bool = True


def page(engine: Engine, flt: IdeaFilter, order: Order | None = None, offset: int = 0, limit: int = 200) -> Page:
    """One page of matching ideas (as `find`) with their count (as `count`, but see `Page`)."""
    if engine.dialect.name != "postgresql":
        return Page(find(engine, flt, order, offset, limit), count(engine, flt))
    with Session(engine) as session:
        if flt == IdeaFilter():  # every idea: counted from the primary key's index alone
            ids, total = None, session.exec(select(func.count()).select_from(Idea)).one()
        else:
            ids = _matching_ids(session, flt)
            total = pg_search.COUNT_LIMIT if ids is None else len(ids)
        found = _find_on_server(session, flt, order or Order(), offset, limit, ids)
    return Page(found, total, exact=ids is not None or flt == IdeaFilter())


def _matching_ids(session: Session, flt: IdeaFilter) -> list[int] | None:
    """On PostgreSQL, the ids of the ideas `flt` finds, in no order, when there are at most
    `pg_search.COUNT_LIMIT`; None when there are more (it stops reading there: each match counted is a row read)."""
    pg_search.through_bitmaps(session)
    statement = _where(select(col(Idea.id)), flt, "postgresql").limit(pg_search.COUNT_LIMIT + 1)
    ids = [i for i in session.exec(statement) if i is not None]  # (never None: a primary key)
    return ids if len(ids) <= pg_search.COUNT_LIMIT else None


def _saved_between(saved: Statement) -> list[Any]:
    """For a walk of the ids newest first with a filter on the saving time (`saved`: SELECT idea.id WHERE that
    filter): the same ideas bounded by id too, between the lowest and highest id saved in that time (read from the
    (created_at, id) index alone). Ideas are mostly saved in id order, so the walk starts at the period's newest
    idea instead of reading every later one. (`id + 0`: PostgreSQL would look for the max by walking the primary
    key, the very walk this avoids.)"""
    idea_id = col(Idea.id)
    bound = saved.with_only_columns(func.min(idea_id + 0), func.max(idea_id + 0)).subquery()
    return [idea_id >= select(bound.c[0]).scalar_subquery(), idea_id <= select(bound.c[1]).scalar_subquery()]


def _find_on_server(
    session: Session, flt: IdeaFilter, order: Order, offset: int, limit: int, ids: list[int] | None
) -> list[Idea]:
    """A page of matches on PostgreSQL. With every matching id known (`ids`, a few) only the page's rows are read;
    else the planner walks the matches in order (they are many, so a page is soon full)."""
    column = getattr(Idea, order.column)
    by = [*pg_search.order_terms(column, order.descending), col(Idea.id).desc() if order.descending else col(Idea.id)]
    if ids is None:
        pg_search.walk_in_order(session, order.column)
        statement = _where(select(Idea), flt, "postgresql")
        if order.column == "id" and (flt.created_from or flt.created_to):
            saved = _where(select(Idea.id), IdeaFilter(created_from=flt.created_from, created_to=flt.created_to),
                           "postgresql")  # fmt: skip
            statement = statement.where(*_saved_between(saved))
        statement = statement.order_by(*by).offset(offset).limit(limit)
    elif order.column == "id":  # (the ids were read through bitmaps, and so are their rows: one bitmap of the key)
        wanted = sorted(ids, reverse=order.descending)[offset : offset + limit]
        statement = select(Idea).where(col(Idea.id).in_(wanted)).order_by(*by)
    else:
        statement = select(Idea).where(col(Idea.id).in_(ids)).order_by(*by).offset(offset).limit(limit)
    return list(session.exec(statement))


def find(engine: Engine, flt: IdeaFilter, order: Order | None = None, offset: int = 0, limit: int = 200) -> list[Idea]:
    """One page of matching ideas, in order (ties broken by id so pages never overlap)."""
    order = order or Order()
    if engine.dialect.name == "postgresql":
        with Session(engine) as session:
            return _find_on_server(session, flt, order, offset, limit, _matching_ids(session, flt))
    column = getattr(Idea, order.column)
    by = [column.desc(), col(Idea.id).desc()] if order.descending else [column.asc(), col(Idea.id).asc()]
    with Session(engine) as session:
        indexed, rest = _indexed(session, flt)
        if indexed and order.column == "id":
            # the index's own order is the id's: read matches newest first till the page is full, no sort
            fts, matching = sqlite_search.newest_matches()
            statement = select(Idea).join(fts, fts.c.rowid == Idea.id).where(text(matching).bindparams(match=indexed))
            by = [fts.c.rowid.desc() if order.descending else fts.c.rowid.asc()]
        else:
            statement = select(Idea)
            if indexed:
                statement = statement.where(text(sqlite_search.match_clause()).bindparams(match=indexed))
        statement = _where(statement, rest, engine.dialect.name)
        return list(session.exec(statement.order_by(*by).offset(offset).limit(limit)))


def get(engine: Engine, idea_id: int) -> Idea | None:
    with Session(engine) as session:
        return session.get(Idea, idea_id)


def notes(engine: Engine, idea_id: int) -> list[IdeaNote]:
    with Session(engine) as session:
        statement = select(IdeaNote).where(IdeaNote.idea_id == idea_id).order_by(col(IdeaNote.on), col(IdeaNote.id))
        return list(session.exec(statement))


def normal_tag(tag: str) -> str:
    return " ".join(tag.replace(",", " ").split()).casefold()


def tags_of(idea: Idea) -> list[str]:
    return [t for t in idea.tags.split(",") if t]


def _reindex(session: Session, idea: Idea) -> None:
    note_texts = session.exec(select(IdeaNote.text).where(IdeaNote.idea_id == idea.id)).all()
    idea.search_text = index_text(
        idea.title, idea.text, idea.promise_who, idea.promise_first_step, idea.promise_success_sign,
        " ".join(tags_of(idea)), idea.team, idea.player, *note_texts,
    )  # fmt: skip


class Conflict(Exception):
    """The idea was changed (or deleted) on another computer since it was read: `theirs` is what it is now."""

    def __init__(self, idea_id: int, theirs: Idea | None):
        super().__init__(f"idea {idea_id} was changed elsewhere")
        self.idea_id, self.theirs = idea_id, theirs


def update(
    engine: Engine, idea_ids: list[int], versions: dict[int, int] | None = None, **changes: Any
) -> dict[int, dict[str, Any]]:
    """Change fields of ideas; returns each idea's previous values of those fields (what undo needs).

    With `versions` (idea id → the version that was read) nothing is written if any of them was changed
    meanwhile by someone else: `Conflict` says which, with what it holds now. Every change adds one to `version`.
    """
    if "tags" in changes and isinstance(changes["tags"], list | tuple):
        changes["tags"] = "," + ",".join(dict.fromkeys(normal_tag(t) for t in changes["tags"] if t.strip())) + ","
    if "status" in changes and changes["status"] not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}")
    for name in changes:
        if name not in IdeaBase.model_fields:
            raise AttributeError(f"ideas have no editable field {name!r}")
    IdeaBase.model_validate({"title": "x", "text": "x", **changes})  # types checked before the table sees them
    before: dict[int, dict[str, Any]] = {}
    with Session(engine) as session:
        found = list(session.exec(select(Idea).where(col(Idea.id).in_(idea_ids)).with_for_update()))
        for idea_id, version in (versions or {}).items():
            theirs = next((i for i in found if i.id == idea_id), None)
            if theirs is None or theirs.version != version:
                raise Conflict(idea_id, theirs)
        for idea in found:
            before[saved_id(idea)] = {name: getattr(idea, name) for name in changes}
            idea.version += 1
            for name, value in changes.items():
                setattr(idea, name, value)
            idea.updated_at = datetime.now(UTC)
            _reindex(session, idea)
            session.add(idea)
        session.commit()
    return before


def add_tag(engine: Engine, idea_ids: list[int], tag: str) -> dict[int, dict[str, Any]]:
    """Tag many ideas at once; returns their previous tags."""
    before: dict[int, dict[str, Any]] = {}
    for idea in _load(engine, idea_ids):
        before.update(update(engine, [saved_id(idea)], tags=[*tags_of(idea), tag]))
    return before


def restore_fields(engine: Engine, before: dict[int, dict[str, Any]]) -> None:
    """Put back what `update` returned (undo)."""
    for idea_id, values in before.items():
        update(engine, [idea_id], **values)


def add_note(engine: Engine, idea_id: int, on: date, note: str) -> int:
    with Session(engine) as session:
        row = IdeaNote(idea_id=idea_id, on=on, text=note.strip())
        session.add(row)
        session.flush()
        idea = session.get(Idea, idea_id)
        if idea is None:  # deleted on another computer meanwhile
            raise Conflict(idea_id, None)
        _reindex(session, idea)
        idea.version += 1
        idea.updated_at = datetime.now(UTC)
        session.add(idea)
        session.commit()
        return saved_id(row)


def _load(engine: Engine, idea_ids: list[int]) -> list[Idea]:
    with Session(engine) as session:
        return list(session.exec(select(Idea).where(col(Idea.id).in_(idea_ids))))


@dataclass
class Snapshot:
    """Deleted ideas with their notes, enough to put them back exactly (undo of a delete)."""

    ideas: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)


def delete(engine: Engine, idea_ids: list[int]) -> Snapshot:
    snapshot = Snapshot()
    with Session(engine) as session:
        for idea in session.exec(select(Idea).where(col(Idea.id).in_(idea_ids))):
            snapshot.ideas.append(idea.model_dump())
            for note in session.exec(select(IdeaNote).where(IdeaNote.idea_id == idea.id)):
                snapshot.notes.append(note.model_dump())
            session.delete(idea)  # its notes go with it (ON DELETE CASCADE)
        session.commit()
    return snapshot


def restore(engine: Engine, snapshot: Snapshot) -> None:
    with Session(engine) as session:
        for data in snapshot.ideas:
            session.add(Idea(**data))
        session.flush()
        for data in snapshot.notes:
            session.add(IdeaNote(**data))
        session.commit()


def _due(statement: Statement, today: date, days: int) -> Statement:
    return statement.where(
        col(Idea.promise_due).is_not(None),
        col(Idea.promise_due) <= today + timedelta(days=days),
        col(Idea.status).in_(("new", "planned")),
    )


def due_promises(engine: Engine, today: date, days: int = 7, limit: int | None = None) -> list[Idea]:
    """Promised ideas due within `days` (or overdue) that nobody has reported on yet, the first `limit` of them."""
    with Session(engine) as session:
        statement = _due(select(Idea), today, days).order_by(col(Idea.promise_due), col(Idea.id)).limit(limit)
        return list(session.exec(statement))


def count_due(engine: Engine, today: date, days: int = 7) -> int:
    with Session(engine) as session:
        return session.exec(_due(select(func.count()).select_from(Idea), today, days)).one()


def similar(engine: Engine, typed: str, limit: int = 3) -> list[Idea]:
    """Ideas already in the library that share the words being typed (any of them, most recent first)."""
    stems = list(dict.fromkeys(w for w in index_text(typed).split() if len(w) > 2 and w not in STOPWORDS))
    if not stems:
        return []
    any_word = " OR ".join(f'"{s}"' for s in stems[:12])
    with Session(engine) as session:
        if engine.dialect.name == "postgresql":
            statement = select(Idea).where(pg_search.match(pg_search.any_of(stems[:12])))
            return list(session.exec(statement.order_by(col(Idea.id).desc()).limit(limit)))
        if engine.dialect.name != "sqlite":
            return []
        clause = text(sqlite_search.match_clause()).bindparams(match=sqlite_search.words(any_word))
        statement = select(Idea).where(clause).order_by(col(Idea.id).desc()).limit(limit)
        return list(session.exec(statement))


def to_json_dict(idea: Idea) -> dict[str, Any]:
    data = idea.model_dump(exclude={"search_text", "version"})
    data["tags"] = tags_of(idea)
    data["checks"] = json.loads(data.pop("checks_json") or "{}")
    return {k: (v.isoformat() if isinstance(v, date | datetime) else v) for k, v in data.items()}
