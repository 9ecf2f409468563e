"""The library screen: search as you type, filters, a lazy table, the idea's whole story, undoable edits."""

from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from game.domain.content import Content
from game.domain.ideas import FOCUSES, STATUSES
from game.ui.library import IdeaTableModel, Library, local_time, status_word
from game.ui.widgets import deck_word, focus_word, format_date, tr, trn, wheel_only_when_focused


class EditIdeas(QUndoCommand):
    """Change fields of one or many ideas; undo puts the old values back."""

    def __init__(self, screen: "LibraryScreen", ids: list[int], changes: dict, label: str):
        super().__init__(label)
        self.screen, self.ids, self.changes, self.before = screen, ids, changes, {}

    def redo(self) -> None:
        store = self.screen.store
        if "add_tag" in self.changes:
            self.before = store.add_tag(self.screen.engine, self.ids, self.changes["add_tag"])
        else:
            self.before = store.update(self.screen.engine, self.ids, **self.changes)
        self.screen.reload()

    def undo(self) -> None:
        self.screen.store.restore_fields(self.screen.engine, self.before)
        self.screen.reload()


class DeleteIdeas(QUndoCommand):
    def __init__(self, screen: "LibraryScreen", ids: list[int]):
        super().__init__(tr("Delete {0}").format(trn("%n ideas", len(ids))))
        self.screen, self.ids, self.snapshot = screen, ids, None

    def redo(self) -> None:
        self.snapshot = self.screen.store.delete(self.screen.engine, self.ids)
        self.screen.reload()

    def undo(self) -> None:
        self.screen.store.restore(self.screen.engine, self.snapshot)
        self.screen.reload()


class LibraryScreen(QWidget):
    go_home = Signal()

    SEARCH_DELAY_MS = 120  # typing pauses this long before the search runs
    WATCH_MS = 500  # how often a shared library is asked whether another computer changed ideas (≤ 2 s to see it)

    def __init__(self, library: Library, content: Content, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        from game.store import ideas

        self.store = ideas
        self.library = library
        self.engine = library.engine()
        self.content = content
        self.lang = lang
        self.undo_stack = QUndoStack(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 16)
        head = QHBoxLayout()
        title = QLabel(tr("Idea library"), self)
        title.setObjectName("screenTitle")
        head.addWidget(title)
        head.addStretch(1)
        self.status = QLabel(self)
        self.status.setObjectName("muted")
        head.addWidget(self.status)
        layout.addLayout(head)
        layout.addLayout(self._filters())
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.model = IdeaTableModel(self.engine, self)
        self.table = QTableView(splitter)
        self.table.setObjectName("libraryTable")
        self.table.setAccessibleName(tr("Ideas"))
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(6, Qt.SortOrder.DescendingOrder)  # newest saved first
        self.table.setSortingEnabled(True)  # sorts once, by the indicator: the first query
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # of the loaded page only
        header.setResizeContentsPrecision(0)  # its rows in sight: measuring all 100 doubled a search's repaint
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        self._fit_headings()
        header.installEventFilter(self)  # the text grows with the window: the columns' limit with it
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.detail = IdeaDetail(self, splitter)
        self.detail.setMinimumWidth(260)
        self.detail.setMaximumWidth(460)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._actions())
        QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self, self.undo_stack.undo)
        QShortcut(QKeySequence("Ctrl+Shift+Z"), self, self.undo_stack.redo)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.delete_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)  # fmt: skip
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.timeout.connect(self.apply_filter)
        self.setFocusProxy(self.search)
        self._keep_detail = False
        self.others_note = ""
        self._listener = None
        if self.engine is not None and library.shared:
            self._listener = library.listener()
            self._watch = QTimer(self)
            self._watch.timeout.connect(self._look_for_others)
            self._watch.start(self.WATCH_MS)
            self.destroyed.connect(self._listener.close)
        self.read_only = library.read_only
        if self.read_only:
            self._turn_editing_off()
        self._show_status()

    # --- a library several computers share --------------------------------------------------------

    def _look_for_others(self) -> None:
        if self._listener is not None and self._listener.poll():
            self.others_changed()

    def others_changed(self) -> None:
        """Another computer changed ideas: show the list again; an idea being edited here keeps what is typed."""
        from datetime import datetime

        focus = QApplication.focusWidget()
        self._keep_detail = focus is not None and self.detail.isAncestorOf(focus)
        try:
            self.reload()
        finally:
            self._keep_detail = False
        self.others_note = tr("changed on another computer at {0}").format(f"{datetime.now():%H:%M:%S}")
        self._show_status()

    def ask_conflict(self, theirs) -> bool:
        """The idea was saved elsewhere since it was shown here: True to keep mine, False to take theirs."""
        box = QMessageBox(QMessageBox.Icon.Question, tr("Changed on another computer"),
                          tr("This idea was changed on another computer at {0}.").format(local_time(theirs.updated_at)),
                          QMessageBox.StandardButton.NoButton, self)  # fmt: skip
        box.setObjectName("conflictBox")
        box.setInformativeText(tr("Keep mine writes your change over theirs; take theirs shows what they saved."))
        mine = box.addButton(tr("Keep mine"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("Take theirs"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is mine

    def _turn_editing_off(self) -> None:
        """A role that may only read: nothing offers a change the server would refuse."""
        for widget in (self.import_button, self.tag_button, self.bulk_status, self.delete_button, self.undo_button):
            widget.setEnabled(False)
            widget.setToolTip(tr("This library is read-only for you"))
        self.undo_stack.canUndoChanged.disconnect(self.undo_button.setEnabled)
        self.detail.set_read_only()

    # --- building -------------------------------------------------------------------------------

    def _filters(self) -> QVBoxLayout:
        row = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("librarySearch")
        self.search.setAccessibleName(tr("Search"))
        self.search.setPlaceholderText(tr("Search: words in any form, in Russian or English"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 48)
        self.search.textChanged.connect(lambda _t: self._search_timer.start(self.SEARCH_DELAY_MS))
        row.addWidget(self.search, 3)
        self.status_filter = self._combo([("", tr("Any status"))] + [(s, status_word(s)) for s in STATUSES])
        self.focus_filter = self._combo([("", tr("Any focus"))] + [(f, focus_word(f)) for f in FOCUSES])
        cards = [
            (c.id, f"{deck_word(c.kind)}: {c.title.get(self.lang)}")
            for d in self.content.decks.values()
            for c in d.cards
            if c.kind in ("business", "client", "touchpoint", "technomagic", "obstacle")
        ]
        self.card_filter = self._combo([("", tr("Any card")), *cards])
        self.card_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.card_filter.setMinimumContentsLength(14)
        self.score_filter = QComboBox(self)
        for label, value in (
            (tr("Any score"), (0, 0)),
            (tr("Score 3 or more"), (3, 0)),
            (tr("Score 5 or more"), (5, 0)),
            (tr("Got dots"), (0, 1)),
        ):
            self.score_filter.addItem(label, value)
        self.score_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.tag_filter = QLineEdit(self)
        self.tag_filter.setPlaceholderText(tr("Tag"))
        self.tag_filter.setAccessibleName(tr("Tag"))
        self.tag_filter.textChanged.connect(lambda _t: self._search_timer.start(self.SEARCH_DELAY_MS))
        self.people_filter = QLineEdit(self)
        self.people_filter.setPlaceholderText(tr("Who, team or player"))
        self.people_filter.setAccessibleName(tr("Who, team or player"))
        self.people_filter.textChanged.connect(lambda _t: self._search_timer.start(self.SEARCH_DELAY_MS))
        for edit in (self.tag_filter, self.people_filter):
            edit.setMinimumWidth(110)
        self.saved_from = self._date(tr("saved from"))
        self.due_to = self._date(tr("due by"))
        for widget in (self.status_filter, self.focus_filter, self.score_filter):
            row.addWidget(widget, 1)
        second = QHBoxLayout()  # two rows: a 1024-px laptop shows every filter and the search's whole hint
        second.addWidget(self.card_filter, 2)
        for widget in (self.tag_filter, self.people_filter, self.saved_from, self.due_to):
            second.addWidget(widget, 1)
        rows = QVBoxLayout()
        rows.addLayout(row)
        rows.addLayout(second)
        return rows

    def _combo(self, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        for value, label in items:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        return combo

    def _date(self, unset: str) -> QDateEdit:
        edit = wheel_only_when_focused(QDateEdit(self))  # and Tab leaves it while it says "saved from"
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setSpecialValueText(unset)
        edit.setAccessibleName(unset)
        edit.setDate(edit.minimumDate())
        edit.dateChanged.connect(lambda _d: self.apply_filter())
        return edit

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        back = QPushButton(tr("← Home"), self)
        back.clicked.connect(self.go_home)
        row.addWidget(back)
        self.export_button = QPushButton(tr("Export…"), self)
        self.export_button.setToolTip(tr("The chosen ideas, or all that match the search and filters"))
        self.export_button.clicked.connect(self.export)
        self.import_button = QPushButton(tr("Import…"), self)
        self.import_button.clicked.connect(self.import_file)
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        self.undo_button = QPushButton(tr("Undo"), self)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.tag_button = QPushButton(tr("Tag…"), self)
        self.tag_button.clicked.connect(self.tag_selected)
        self.bulk_status = QComboBox(self)
        self.bulk_status.addItem(tr("Set status…"), "")
        for status in STATUSES:
            self.bulk_status.addItem(status_word(status), status)
        self.bulk_status.activated.connect(self._bulk_status)
        self.delete_button = QPushButton(tr("Delete"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        for widget in (self.undo_button, self.tag_button, self.bulk_status, self.delete_button):
            row.addWidget(widget)
        return row

    def help_keys(self) -> list[tuple[str, str]]:
        """The library's keys, for the help overlay (F1)."""
        return [
            (tr("Undo the last change"), "Ctrl+Z"),
            (tr("Redo"), "Ctrl+Shift+Z"),
            (tr("Delete the chosen ideas (undo brings them back)"), "Delete"),
            (tr("Choose several ideas"), tr("Ctrl+click, Shift+click")),
            (tr("Move between the search, the filters and the table"), "Tab / Shift+Tab"),
        ]

    # --- filtering ------------------------------------------------------------------------------

    def current_filter(self):
        def day(edit: QDateEdit) -> date | None:
            return None if edit.date() == edit.minimumDate() else edit.date().toPython()

        people = self.people_filter.text().strip()
        score, dots = self.score_filter.currentData()
        return self.store.IdeaFilter(
            min_score=score,
            min_dots=dots,
            query=self.search.text(),
            statuses=(self.status_filter.currentData(),) if self.status_filter.currentData() else (),
            focuses=(self.focus_filter.currentData(),) if self.focus_filter.currentData() else (),
            card=self.card_filter.currentData() or "",
            tag=self.tag_filter.text().strip(),
            person=people,
            created_from=day(self.saved_from),
            due_to=day(self.due_to),
        )

    def apply_filter(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(self.current_filter())
        self._show_status()

    def reload(self) -> None:
        """Show the library again after a change, keeping the chosen ideas chosen where they still match."""
        selected = set(self.selected_ids())
        self.model.refresh()
        self._show_status()
        selection = self.table.selectionModel()
        for row, idea in enumerate(self.model.rows):
            if idea.id in selected:
                selection.select(
                    self.model.index(row, 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows
                )
        self._selected()

    def _show_status(self) -> None:
        if self.library.error:
            self.status.setText(tr("The library could not be opened: {0}").format(self.library.error))
        elif self.model.away:
            self.status.setText(tr("The library server cannot be reached just now; the list comes back with it."))
        elif not self.model.total and self.model.filter == self.store.IdeaFilter():
            self.status.setText(tr("No ideas yet. Play a round: the ideas you choose land here."))
        elif not self.model.exact:  # a server library counts no further (each match counted is a row read)
            self.status.setText(tr("more than {0} ideas").format(QLocale().toString(self.model.total)))
        else:
            self.status.setText(trn("%n ideas", self.model.total))
        extra = [self.others_note] if self.others_note else []
        if getattr(self, "read_only", False):
            extra.append(tr("read-only: your database role may read this library but not change it"))
        if extra and not self.library.error:
            self.status.setText(" · ".join([self.status.text(), *extra]))

    # --- selection and bulk actions -------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.idea_id(row) for row in rows if row < len(self.model.rows)]

    def _selected(self) -> None:
        if self._keep_detail:
            return
        ids = self.selected_ids()
        self.detail.show_idea(ids[0] if len(ids) == 1 else None, count=len(ids))

    def edit(self, ids: list[int], label: str, **changes) -> None:
        if ids and self.engine is not None and not self.read_only:
            self.undo_stack.push(EditIdeas(self, ids, changes, label))

    def tag_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        tag, ok = QInputDialog.getText(self, tr("Tag"), tr("Tag for {0}:").format(trn("%n ideas", len(ids))))
        if ok and tag.strip():
            self.edit(ids, tr("Tag"), add_tag=tag)

    def _bulk_status(self, index: int) -> None:
        status = self.bulk_status.itemData(index)
        self.bulk_status.setCurrentIndex(0)
        if status:
            self.edit(self.selected_ids(), tr("Set status"), status=status)

    def export(self) -> None:
        from dataclasses import replace

        from game.ui.transfer import export_ideas

        if self.engine is None:
            return
        ids = self.selected_ids()
        flt = replace(self.model.filter, ids=tuple(ids)) if ids else self.model.filter
        said = export_ideas(self, self.engine, flt, self.lang, tr("ideas"), tr("Idea library"))
        if said:
            self.status.setText(said)

    def import_file(self) -> None:
        from game.ui.transfer import import_ideas

        if self.engine is None:
            return
        said = import_ideas(self, self.engine, self.lang)
        if said:
            self.model.refresh()
            self.status.setText(said)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids and self.engine is not None and not self.read_only:
            self.undo_stack.push(DeleteIdeas(self, ids))


    def _fit_headings(self) -> None:
        """The Idea column is the widest: the others fit their contents up to about ten letters, and always
        their whole heading with its sort arrow, in the font of the moment."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        model = self.model
        headings = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(1, model.columnCount())]
        widest = max((metrics.horizontalAdvance(h) for h in headings), default=0) + 3 * metrics.height()
        header.setMaximumSectionSize(max(140, metrics.horizontalAdvance("0") * 14, widest))

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_headings()
        return super().eventFilter(watched, event)


class IdeaDetail(QScrollArea):
    """Everything one idea came from and everything about it, each field editable (and undoable)."""

    FIELDS = ("title", "text", "focus", "status", "promise_who", "promise_due", "promise_first_step",
              "promise_success_sign", "tags", "team", "player")  # fmt: skip

    def __init__(self, screen: LibraryScreen, parent: QWidget):
        super().__init__(parent)
        self.screen = screen
        self.idea_id: int | None = None
        self.version = 0  # the version of the idea as shown: a save finds out whether it changed meanwhile
        self._asking = False
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        host = QFrame()
        host.setObjectName("panel")
        self.outer = outer = QVBoxLayout(host)
        self.empty = QLabel(tr("Choose an idea to see its whole story; choose several to tag or change them."), host)
        self.empty.setObjectName("muted")
        self.empty.setWordWrap(True)
        outer.addWidget(self.empty)
        self.form_host = QWidget(host)
        self.form = form = QFormLayout(self.form_host)
        self.widgets: dict[str, QWidget] = {}
        self.widgets["title"] = QLineEdit(host)
        self.widgets["text"] = QPlainTextEdit(host)
        self.widgets["text"].setFixedHeight(90)
        self.widgets["focus"] = QComboBox(host)
        self.widgets["focus"].addItem("—", "")
        for focus in FOCUSES:
            self.widgets["focus"].addItem(focus_word(focus), focus)
        self.widgets["status"] = QComboBox(host)
        for status in STATUSES:
            self.widgets["status"].addItem(status_word(status), status)
        due = QDateEdit(host)
        due.setCalendarPopup(True)
        due.setDisplayFormat("d MMMM yyyy")
        due.setMinimumDate(QDate(2000, 1, 1))
        due.setSpecialValueText(tr("not set"))
        self.widgets["promise_due"] = due
        for name in ("promise_who", "promise_first_step", "promise_success_sign", "tags", "team", "player"):
            self.widgets[name] = QLineEdit(host)
        labels = {
            "title": tr("Idea"), "text": tr("Text"), "focus": tr("Focus"), "status": tr("Status"),
            "promise_who": tr("Who"), "promise_due": tr("By when"), "promise_first_step": tr("First step"),
            "promise_success_sign": tr("Success sign"), "tags": tr("Tags"), "team": tr("Team"),
            "player": tr("Player"),
        }  # fmt: skip
        for name in self.FIELDS:
            widget = self.widgets[name]
            widget.setObjectName(f"detail-{name}")
            if name in ("focus", "status", "promise_due"):
                wheel_only_when_focused(widget)  # the wheel scrolls the pane, not the field under the pointer
            form.addRow(labels[name], widget)
        self.widgets["title"].editingFinished.connect(lambda: self._commit("title"))
        for name in ("promise_who", "promise_first_step", "promise_success_sign", "tags", "team", "player"):
            self.widgets[name].editingFinished.connect(lambda n=name: self._commit(n))
        self.widgets["focus"].activated.connect(lambda _i: self._commit("focus"))
        self.widgets["status"].activated.connect(lambda _i: self._commit("status"))
        due.editingFinished.connect(lambda: self._commit("promise_due"))
        self.save_text = QPushButton(tr("Save text"), host)
        self.save_text.clicked.connect(lambda: self._commit("text"))
        form.addRow("", self.save_text)
        self.origin = QLabel(host)
        self.origin.setWordWrap(True)
        self.origin.setObjectName("muted")
        form.addRow(tr("From the cards"), self.origin)
        self.notes = QListWidget(host)
        self.notes.setObjectName("ideaNotes")
        self.notes.setFixedHeight(110)
        form.addRow(tr("What happened"), self.notes)
        note_row = QHBoxLayout()
        self.note_input = QLineEdit(host)
        self.note_input.setObjectName("noteInput")
        self.note_input.setPlaceholderText(tr("What clients said, dated today; Enter adds it"))
        self.note_input.returnPressed.connect(self.add_note)
        note_row.addWidget(self.note_input)
        form.addRow("", note_row)
        outer.addWidget(self.form_host)
        outer.addStretch(1)
        self.read_only_note = QLabel(tr("Editing is off: your database role may read this library, not change it."))
        self.read_only_note.setObjectName("muted")
        self.read_only_note.setWordWrap(True)
        self.read_only_note.hide()
        outer.insertWidget(0, self.read_only_note)
        self.setWidget(host)
        self.show_idea(None)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_form()

    def fit_form(self) -> None:
        """Labels beside their fields where the pane is wide enough, above them where it is narrow (a 1024-px
        laptop): the pane reads down and never scrolls sideways."""
        margins = self.outer.contentsMargins()
        room = self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width()
        room -= margins.left() + margins.right()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        if self.form.totalMinimumSize().width() > room:  # the form's own measure: the pane's is cached
            self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)

    def set_read_only(self) -> None:
        for name, widget in self.widgets.items():
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setReadOnly(True)
            else:
                widget.setEnabled(name not in ("focus", "status", "promise_due"))
        self.save_text.setEnabled(False)
        self.note_input.setEnabled(False)
        self.read_only_note.show()

    def show_idea(self, idea_id: int | None, count: int = 0) -> None:
        engine = self.screen.engine
        idea = self.screen.store.get(engine, idea_id) if idea_id is not None and engine is not None else None
        self.idea_id = idea.id if idea else None
        self.version = idea.version if idea else 0
        self.form_host.setVisible(idea is not None)
        self.fit_form()  # the fields count now that they show
        self.empty.setVisible(idea is None)
        if count > 1:
            chosen = trn("%n ideas", count)
            self.empty.setText(tr("Chosen: {0}. Tag them, set their status or delete them below.").format(chosen))
        if idea is None:
            return
        w = self.widgets
        w["title"].setText(idea.title)
        w["title"].setCursorPosition(0)  # show the start of a long title
        w["text"].setPlainText(idea.text)
        w["focus"].setCurrentIndex(max(0, w["focus"].findData(idea.focus)))
        w["status"].setCurrentIndex(max(0, w["status"].findData(idea.status)))
        due = w["promise_due"]
        d = idea.promise_due
        due.setDate(QDate(d.year, d.month, d.day) if d else due.minimumDate())
        for name in ("promise_who", "promise_first_step", "promise_success_sign", "team", "player"):
            w[name].setText(getattr(idea, name))
            w[name].setCursorPosition(0)  # a long first step shows its start, not its end
        w["tags"].setText(", ".join(self.screen.store.tags_of(idea)))
        cards = [self.screen.content.card(getattr(idea, c)) for c in self.screen.store.CARD_COLUMNS if getattr(idea, c)]
        origin = [f"{deck_word(c.kind)}: {c.title.get(self.screen.lang)}" for c in cards if c is not None]
        origin.append(
            tr("Score {0}, dots {1}; saved {2}, changed {3}").format(
                idea.score, idea.dots, local_time(idea.created_at), local_time(idea.updated_at)
            )
        )
        if idea.session_id is not None:
            origin.append(tr("Round #{0}").format(idea.session_id))
        self.origin.setText("\n".join(origin))
        self.notes.clear()
        for note in self.screen.store.notes(engine, idea.id):
            self.notes.addItem(f"{format_date(note.on.isoformat())} — {note.text}")

    def _value(self, name: str):
        widget = self.widgets[name]
        if name == "text":
            return widget.toPlainText().strip()
        if name in ("focus", "status"):
            return widget.currentData()
        if name == "promise_due":
            return None if widget.date() == widget.minimumDate() else widget.date().toPython()
        if name == "tags":
            return [t for t in widget.text().split(",") if t.strip()]
        return widget.text().strip()

    def _commit(self, name: str) -> None:
        if self.idea_id is None or self._asking or self.screen.read_only:
            return
        value = self._value(name)
        idea = self.screen.store.get(self.screen.engine, self.idea_id)
        if idea is None:  # deleted on another computer meanwhile
            self.screen.reload()
            return
        current = self.screen.store.tags_of(idea) if name == "tags" else getattr(idea, name)
        if name == "title" and not value:
            self.widgets["title"].setText(idea.title)  # an idea keeps a title: the empty edit is refused
            return
        if value == current:
            return
        if idea.version != self.version:  # saved elsewhere since it was shown here
            self._asking = True  # the question takes the focus: the edit that ends then is not another save
            try:
                keep_mine = self.screen.ask_conflict(idea)
            finally:
                self._asking = False
            if not keep_mine:
                self.show_idea(self.idea_id)
                return
        self.screen.edit([self.idea_id], tr("Edit"), **{name: value})

    def add_note(self) -> None:
        text = self.note_input.text().strip()
        if self.idea_id is not None and text and not self.screen.read_only:
            self.screen.store.add_note(self.screen.engine, self.idea_id, date.today(), text)
            self.note_input.clear()
            self.show_idea(self.idea_id)
