"""The UI's door to the idea library, and the table model that shows 100 000 ideas without loading them.

The store (and so SQLAlchemy) is imported only when the library is first used, after the first window.
"""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QDate, QLocale, QModelIndex, QPersistentModelIndex, Qt

from game.ui.widgets import focus_word, format_date, tr

if TYPE_CHECKING:
    from game.domain.round import Round

PAGE = 100


def local_time(stamp: datetime) -> str:
    """A stored UTC time (SQLite keeps no zone) in the user's zone and language."""
    local = stamp.replace(tzinfo=stamp.tzinfo or UTC).astimezone()
    return f"{format_date(local.date().isoformat())}, {local:%H:%M}"


def short_date(day) -> str:
    """A date as the UI language writes it in a table (02.12.2026, 12/2/26)."""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def status_word(status: str) -> str:
    return {
        "new": tr("new"),
        "planned": tr("planned"),
        "tried": tr("tried"),
        "working": tr("keeps working"),
        "dropped": tr("dropped"),
    }.get(status, status)


class ServerAway(OSError):
    """The library's server cannot be reached just now; the round waits in unsaved/."""


class Library:
    """Opened lazily; a broken file becomes a message, not a crash. `url` (`--library`) overrides the choice of
    $TECHNOMAGIC_LIBRARY and Settings → Library; without any, the SQLite file in the data folder."""

    def __init__(self, data_dir: Path, url: str | None = None):
        self.data_dir = data_dir
        self.url = url
        self.away = False  # the server was not reachable at the last try
        self._listeners: list = []
        self._engine = None
        self._opening = threading.Lock()
        self._closed = False
        self.error: str | None = None
        self.problem = None  # the LibraryError, with its kind (damaged, empty, newer, unwritable, unreadable)

    @property
    def ready(self) -> bool:
        """Open already (asking never waits for the opening)."""
        return self._engine is not None

    def engine(self):
        with self._opening:  # the background opening and a first click may meet here: one of them opens
            if self._engine is None and self.error is None and not self._closed:
                from game.store.db import LibraryError
                from game.store.engine import BadLibraryUrl, chosen_url, open_url

                url = chosen_url(self.data_dir, self.url)
                try:
                    self._engine = open_url(url)
                    self.away = False
                except (LibraryError, BadLibraryUrl) as e:
                    self.error = str(e)
                    # a file we cannot trust is said with its remedies; a server that is away comes back by itself
                    self.problem = e if isinstance(e, LibraryError) and not url.startswith("postgres") else None
                    self.away = url.startswith("postgres")  # a server may come back: `retry` opens it again
            return self._engine

    def retry(self) -> None:
        """After a server was away at the opening, let the next use try again."""
        with self._opening:
            if self._engine is None and self.away:
                self.error = None

    @property
    def shared(self) -> bool:
        """On a PostgreSQL server (several computers may change it)."""
        return self._engine is not None and self._engine.dialect.name == "postgresql"

    @property
    def read_only(self) -> bool:
        if self._engine is None:
            return False
        from game.store.engine import read_only

        return read_only(self._engine)

    def where(self) -> str:
        """The file, or the server's URL without a password."""
        from game.store.engine import chosen_url, safe_url

        return safe_url(self._engine.url) if self.shared else safe_url(chosen_url(self.data_dir, self.url))

    def save(self, rnd: Round, lang: str) -> list[int]:
        """Save a finished round; raises OSError with a plain reason when the library cannot take it."""
        from sqlalchemy.exc import SQLAlchemyError

        from game.store.db import save_round
        from game.store.outbox import server_away

        engine = self.engine()
        if engine is None:
            raise (ServerAway if self.away else OSError)(self.error)
        try:
            return save_round(engine, rnd, lang)
        except SQLAlchemyError as e:
            if server_away(e):
                self.away = True
                raise ServerAway(self.where()) from e
            raise OSError(f"{self.data_dir}: {getattr(e, 'orig', None) or e}") from e

    def send_waiting(self, content, lang: str) -> tuple[int, int]:
        """Send the rounds waiting in unsaved/ (see game.store.outbox); (0, 0) while the library is away."""
        from sqlalchemy.exc import SQLAlchemyError

        from game.store import outbox

        if not outbox.waiting(self.data_dir):
            return 0, 0
        self.retry()
        engine = self.engine()
        if engine is None:
            return 0, 0
        try:
            done = outbox.send_waiting(engine, self.data_dir, content, lang)
        except SQLAlchemyError as e:
            self.away = outbox.server_away(e)
            return 0, 0
        self.away = False
        return done

    def ideas(self, **filters) -> list:
        """Every idea matching the filters (for small lists: the self-test, due promises)."""
        from game.store import ideas

        return self._quietly(lambda engine: ideas.find(engine, ideas.IdeaFilter(**filters), limit=10_000))

    def due(self, today: date) -> Due:
        """The first promises due (as many as home shows, not a library's worth) and how many are due."""
        from game.store import ideas


        def query(engine) -> Due:
            due = Due(ideas.due_promises(engine, today, limit=Due.SHOWN))
            due.total = ideas.count_due(engine, today) if len(due) == Due.SHOWN else len(due)
            return due

        return self._quietly(query) or Due()

    def quick_due(self, today: date) -> Due | None:
        """The promises due, read without SQLAlchemy before the library opens (None: wait for the opening)."""
        from game.store import quick  # no SQLAlchemy: home shows the promises before it is imported

        if quick.chosen_url(self.data_dir, self.url) != quick.default_url(self.data_dir):
            return None  # a server's library, or another file: read when it opens
        found = quick.due_promises(self.data_dir, today, limit=Due.SHOWN)
        if found is None:
            return None
        due = Due(found[0])
        due.total = found[1]
        return due

    def similar(self, typed: str) -> list:
        from game.store import ideas

        return self._quietly(lambda engine: ideas.similar(engine, typed))

    def _quietly(self, query) -> list:
        """A list for the game around the library: empty while a server is away (the game plays on)."""
        from sqlalchemy.exc import SQLAlchemyError

        engine = self.engine()
        if engine is None:
            return []
        try:
            return query(engine)
        except SQLAlchemyError as e:
            from game.store.outbox import server_away

            if not server_away(e):
                raise
            self.away = True
            return []

    def listener(self):
        """A new ear for other computers' changes (closed with the library)."""
        from game.store.listen import ChangeListener

        made = ChangeListener(self._engine)
        self._listeners.append(made)
        return made

    def reopen(self) -> None:
        """Forget the open file and any problem: the next use opens (and checks) the library again."""
        with self._opening:
            if self._engine is not None:
                self._engine.dispose()
            self._engine = None
            self.error = None
            self.problem = None
            self._closed = False

    def close(self) -> None:
        """Let go of the file (waiting for an opening under way); the library is not opened again."""
        for listener in self._listeners:
            listener.close()
        with self._opening:
            self._closed = True
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None


class Due(list):
    """The first promises due, and `total`: how many are due in all."""

    SHOWN = 5
    total = 0


class IdeaTableModel(QAbstractTableModel):
    """Matching ideas, a page at a time as the view scrolls (`canFetchMore`/`fetchMore`), sortable."""

    COLUMNS = (
        ("title", "Idea"),
        ("focus", "Focus"),
        ("status", "Status"),
        ("promise_who", "Who"),
        ("promise_due", "Due"),
        ("tags", "Tags"),
        ("created_at", "Saved"),
    )

    def __init__(self, engine, parent=None):
        super().__init__(parent)
        from game.store import ideas

        self._store = ideas
        self.engine = engine
        self.filter = ideas.IdeaFilter()
        self.order = ideas.Order()
        self.rows: list = []
        self._shown: dict[int, tuple[Any, ...]] = {}  # row → its texts, made when first shown
        self.total = 0
        self.exact = True  # False: more than `total` match (a server library stops counting there)
        self.away = False  # the library's server could not be reached at the last query
        self.headers = [tr("Idea"), tr("Focus"), tr("Status"), tr("Who"), tr("Due"), tr("Tags"), tr("Saved")]
        # no query yet: the view's first sort() runs it

    def refresh(self) -> None:
        """Run the current filter again from the first page (after a search, a filter or an edit)."""
        from sqlalchemy.exc import SQLAlchemyError

        from game.store.outbox import server_away

        self.beginResetModel()
        try:
            if self.engine is None:
                self.total, self.exact, self.rows = 0, True, []
            else:
                page = self._store.page(self.engine, self.filter, self.order, limit=PAGE)
                self.total, self.exact, self.rows = page.total, page.exact, page.ideas
            self._shown.clear()
            self.away = False
        except SQLAlchemyError as e:
            if not server_away(e):
                raise
            self.total, self.exact, self.rows, self.away = 0, True, [], True  # said on screen; the next refresh retries
            self._shown.clear()
        self.endResetModel()

    def _fetch(self, offset: int) -> list:
        if self.engine is None:
            return []
        return self._store.find(self.engine, self.filter, self.order, offset=offset, limit=PAGE)

    def set_filter(self, flt) -> None:
        self.filter = flt
        self.refresh()

    # --- Qt's model interface -------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and not self.away and (len(self.rows) < self.total or not self.exact)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if parent.isValid():
            return
        more = self._fetch(len(self.rows))
        if not self.exact and len(more) < PAGE:  # the last page: now every match is known
            self.total, self.exact = len(self.rows) + len(more), True
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    _ROLES = frozenset(r.value for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                         Qt.ItemDataRole.UserRole))  # fmt: skip

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # the view asks each cell for eight roles while it sizes the columns to the page: the others say no at once
        if role not in self._ROLES or not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            shown = self._shown.get(row)
            if shown is None:
                shown = self._shown[row] = self._cells(self.rows[row])
            return shown[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.rows[row].text[:2000] if index.column() == 0 else None
        return self.rows[row].id  # UserRole

    def _cells(self, idea: Any) -> tuple[Any, ...]:
        """The texts of a row, as the table shows them."""
        title, focus, status, who, due, _tags, created = (getattr(idea, name) for name, _ in self.COLUMNS)
        return (
            " ".join(title.split())[:200],
            focus_word(focus),
            status_word(status),
            who,
            short_date(due) if due else "",  # short dates in the table: the Idea column gets the room
            ", ".join(self._store.tags_of(idea)),
            short_date(created.date()),
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        name = self.COLUMNS[column][0]
        if name == "tags":
            return  # tags are a list: no meaningful order
        if name == "created_at":
            name = "id"  # ids grow as ideas are saved, and full-text matches come back in id order: no sort
        self.order = self._store.Order(name, order == Qt.SortOrder.DescendingOrder)
        self.refresh()

    def idea_id(self, row: int) -> int:
        return self.rows[row].id
