"""The deck studio: a trainer writes their own cards, in Russian and English side by side, with the card as the
room will see it beside the fields.

Every change is an undoable command (Ctrl+Z / Ctrl+Shift+Z); the deck is saved as you go into the user's decks
folder (a shipped deck is never changed: editing it makes your copy with the same id, which the game plays
instead, and "Back to the shipped deck" puts yours aside). What `check-deck` would say about the deck is shown
under the fields, in its words, as you type.
"""

from pathlib import Path

from PySide6.QtCore import QEvent, QKeyCombination, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from game.domain.content import DECK_KINDS, LANGS
from game.io.deckfile import CARD_TEXTS, DeckFile
from game.ui import theme
from game.ui.widgets import CardFace, deck_word, scroll_area, tr

SAVE_DELAY_MS = 300
_LINE_FIELDS = ("title", "source")


def field_word(field: str) -> str:
    return {
        "title": tr("Title"),
        "prompt": tr("Question"),
        "example": tr("Example story"),
        "source": tr("Source"),
        "twist": tr("Twist"),
    }[field]


def ask(parent: QWidget, title: str, text: str, yes: str = "") -> bool:
    """A yes/no question whose safe answer (No) is the default."""
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setText(text)
    box.setIcon(QMessageBox.Icon.NoIcon)
    go = box.addButton(yes or tr("Yes"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(box.addButton(tr("No"), QMessageBox.ButtonRole.RejectRole))
    box.exec()
    return box.clickedButton() is go


def name_fields(parent: QWidget, row: QHBoxLayout, file: DeckFile, word: str, typed) -> dict[str, QLineEdit]:
    """The name in Russian and English, side by side in `row`; `typed(lang, text)` on each edit."""
    fields = {}
    for code in LANGS:
        edit = QLineEdit(file.deck_text("name", code), parent)
        edit.setPlaceholderText(word.format(lang_word(code)))
        edit.setAccessibleName(word.format(lang_word(code)))
        edit.setMaxLength(80)
        edit.textEdited.connect(lambda text, c=code: typed(c, text))
        edit.setCursorPosition(0)  # a long name shows its start
        fields[code] = edit
        row.addWidget(edit, 1)
    return fields


def save_timer(parent: QWidget, save) -> QTimer:
    """A studio saves its file SAVE_DELAY_MS after the last change (each change restarts it)."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(SAVE_DELAY_MS)
    timer.timeout.connect(save)
    return timer


def tool_button(parent: QWidget, text: str, tip: str, slot) -> QPushButton:
    """A studio button: its tooltip is what a screen reader says too."""
    button = QPushButton(text, parent)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.clicked.connect(slot)
    return button


def list_buttons(add: QPushButton, out: QPushButton, up: QPushButton, down: QPushButton) -> QGridLayout:
    """Under a studio's list of cards or steps: add and take out on one row, move up and down on the next."""
    grid = QGridLayout()
    grid.addWidget(add, 0, 0, 1, 2)
    grid.addWidget(out, 0, 2)
    grid.addWidget(up, 1, 0)
    grid.addWidget(down, 1, 1)
    return grid


def lang_word(lang: str) -> str:
    return tr("Russian") if lang == "ru" else tr("English")


class _TextBox(QPlainTextEdit):
    """A card text box: four lines of the current font tall, whatever size the window gives the text."""

    def sizeHint(self) -> QSize:
        return QSize(160, self.fontMetrics().lineSpacing() * 4 + 18)

    def minimumSizeHint(self) -> QSize:
        return QSize(80, self.fontMetrics().lineSpacing() * 2 + 18)


class _TextEdit(QUndoCommand):
    """One card text in one language; typing in the same field merges into one step."""

    def __init__(self, studio: "DeckStudio", index: int, field: str, lang: str, old: str, new: str):
        super().__init__(tr("Edit {0}").format(field_word(field)))
        self.studio, self.index, self.field, self.lang, self.old, self.new = studio, index, field, lang, old, new

    def id(self) -> int:
        return 1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _TextEdit) or (other.index, other.field, other.lang) != (
            self.index,
            self.field,
            self.lang,
        ):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.studio.apply_text(self.index, self.field, self.lang, self.new)

    def undo(self) -> None:
        self.studio.apply_text(self.index, self.field, self.lang, self.old)


class _DeckName(QUndoCommand):
    def __init__(self, studio: "DeckStudio", lang: str, old: str, new: str):
        super().__init__(tr("Rename the deck"))
        self.studio, self.lang, self.old, self.new = studio, lang, old, new

    def id(self) -> int:
        return 2

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _DeckName) or other.lang != self.lang:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.studio.apply_deck_name(self.lang, self.new)

    def undo(self) -> None:
        self.studio.apply_deck_name(self.lang, self.old)


class _DeckColor(QUndoCommand):
    def __init__(self, studio: "DeckStudio", old: str | None, new: str | None):
        super().__init__(tr("Change the deck's colour"))
        self.studio, self.old, self.new = studio, old, new

    def redo(self) -> None:
        self.studio.apply_color(self.new)

    def undo(self) -> None:
        self.studio.apply_color(self.old)


class _DeckEmblem(QUndoCommand):
    def __init__(self, studio: "DeckStudio", old: str | None, new: str | None):
        super().__init__(tr("Change the deck's emblem"))
        self.studio, self.old, self.new = studio, old, new

    def redo(self) -> None:
        self.studio.apply_emblem(self.new)

    def undo(self) -> None:
        self.studio.apply_emblem(self.old)


def contrast_with_white(color: str) -> float:
    """WCAG contrast of white text on `color` ("#rrggbb"): the band's deck word must stay readable."""

    def channel(c: int) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    lum = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (lum + 0.05)


class _AddCard(QUndoCommand):
    def __init__(self, studio: "DeckStudio", index: int, card: dict):
        super().__init__(tr("Add a card"))
        self.studio, self.index, self.card = studio, index, card

    def redo(self) -> None:
        self.studio.file.insert_card(self.index, dict(self.card))
        self.studio.cards_changed(self.index)

    def undo(self) -> None:
        self.studio.file.remove_card(self.index)
        self.studio.cards_changed(max(0, self.index - 1))


class _RetireCard(QUndoCommand):
    def __init__(self, studio: "DeckStudio", index: int):
        super().__init__(tr("Retire a card"))
        self.studio, self.index, self.removed = studio, index, None

    def redo(self) -> None:
        self.removed = self.studio.file.remove_card(self.index)
        self.studio.cards_changed(min(self.index, len(self.studio.file.cards) - 1))

    def undo(self) -> None:
        card, block, tail = self.removed
        self.studio.file.insert_card(self.index, card, block, tail)
        self.studio.cards_changed(self.index)


class _MoveCard(QUndoCommand):
    def __init__(self, studio: "DeckStudio", index: int, to: int):
        super().__init__(tr("Move a card"))
        self.studio, self.index, self.to = studio, index, to

    def redo(self) -> None:
        self.studio.file.move_card(self.index, self.to)
        self.studio.cards_changed(self.to)

    def undo(self) -> None:
        self.studio.file.move_card(self.to, self.index)
        self.studio.cards_changed(self.index)


class DeckStudio(QWidget):
    """Edit one deck file; `done` when the trainer goes back (the game then reads the decks again)."""

    done = Signal()
    back_to_shipped = Signal(Path)

    def __init__(self, file: DeckFile, lang: str, shipped: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.file = file
        self.lang = lang
        self.preview_lang = lang
        self.index = 0
        self._loading = False
        self.undo_stack = QUndoStack(self)
        self._save = save_timer(self, self.save_now)  # saved as you go, once typing pauses

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.setSpacing(8)
        head = QHBoxLayout()
        title = QLabel(tr("Deck studio"), self)
        title.setObjectName("screenTitle")
        head.addWidget(title)
        kind = QLabel(tr("Deck kind: {0}").format(deck_word(file.kind)), self)
        kind.setObjectName("muted")
        head.addWidget(kind)
        head.addStretch(1)
        self.deck_names = name_fields(self, head, file, tr("Deck name ({0})"), self._deck_name_typed)
        self.color_button = QPushButton(tr("Colour…"), self)
        self.color_button.setToolTip(tr("The colour of the deck's band (the emblem and the deck's word stay on it)"))
        self.color_button.setAccessibleName(tr("The deck's colour"))
        self.color_button.clicked.connect(self.choose_color)
        self.emblem_button = QPushButton(tr("Emblem"), self)
        self.emblem_button.setToolTip(tr("The picture on the deck's band: one of the game's, or your own SVG"))
        self.emblem_button.setAccessibleName(tr("The deck's emblem"))
        emblems = QMenu(self.emblem_button)
        for kind in DECK_KINDS:
            action = emblems.addAction(theme.emblem(kind), deck_word(kind))
            action.triggered.connect(lambda _=False, k=kind: self.set_emblem(None if k == file.kind else k))
        emblems.addSeparator()
        emblems.addAction(tr("Your own picture (SVG)…"), self.own_emblem)
        self.emblem_button.setMenu(emblems)
        layout.addLayout(head)

        body = QHBoxLayout()
        left = QVBoxLayout()
        self.list = QListWidget(self)
        self.list.setObjectName("studioCards")
        self.list.setAccessibleName(tr("Cards of the deck"))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.currentRowChanged.connect(self._row_changed)
        left.addWidget(self.list, 1)
        self.add_button = self._button(tr("+ Card"), tr("Add a card after this one (Ctrl+N)"), self.add_card)
        self.up_button = self._button(tr("↑"), tr("Move the card up (Alt+↑)"), lambda: self.move_card(-1))
        self.down_button = self._button(tr("↓"), tr("Move the card down (Alt+↓)"), lambda: self.move_card(1))
        self.retire_button = self._button(tr("Retire"), tr("Take the card out of the deck (undo brings it back)"),
                                          self.retire_card)
        left.addLayout(list_buttons(self.add_button, self.retire_button, self.up_button, self.down_button))
        body.addLayout(left, 2)

        fields = QGridLayout()
        fields.setVerticalSpacing(6)
        for col, code in enumerate(LANGS, start=1):
            header = QLabel(lang_word(code), self)
            header.setObjectName("muted")
            fields.addWidget(header, 0, col)
        self.editors: dict[tuple[str, str], QLineEdit | QPlainTextEdit] = {}
        self.marks: dict[str, QLabel] = {}
        for row, field in enumerate(CARD_TEXTS, start=1):
            label = QLabel(field_word(field), self)
            fields.addWidget(label, row * 2 - 1, 0, Qt.AlignmentFlag.AlignTop)
            for col, code in enumerate(LANGS, start=1):
                editor = self._editor(field, code)
                fields.addWidget(editor, row * 2 - 1, col)
                self.editors[(field, code)] = editor
            mark = QLabel("", self)
            mark.setObjectName("problem")
            mark.hide()
            fields.addWidget(mark, row * 2, 1, 1, 2)
            self.marks[field] = mark
        fields.setColumnStretch(1, 1)
        fields.setColumnStretch(2, 1)
        fields.setRowStretch(len(CARD_TEXTS) * 2 + 1, 1)  # the fields sit at the top, the space below them
        holder = QWidget(self)
        holder.setLayout(fields)
        scroll = scroll_area(self)
        scroll.setWidget(holder)
        body.addWidget(scroll, 5)

        right = QVBoxLayout()
        langs = QHBoxLayout()
        self.preview_buttons: dict[str, QPushButton] = {}
        for code in LANGS:
            button = QPushButton(code.upper(), self)
            button.setObjectName("chip")
            button.setCheckable(True)
            button.setAccessibleName(tr("Preview in {0}").format(lang_word(code)))
            button.clicked.connect(lambda _=False, c=code: self.set_preview_lang(c))
            self.preview_buttons[code] = button
            langs.addWidget(button)
        self.print_size = QPushButton(tr("Print size"), self)
        self.print_size.setObjectName("chip")
        self.print_size.setCheckable(True)
        self.print_size.setToolTip(tr("The card as print-and-play cuts it: 63 × 88 mm"))
        self.print_size.setAccessibleName(tr("Show the card at print size"))
        self.print_size.toggled.connect(lambda _: self._rebuild_preview())
        langs.addWidget(self.print_size)
        langs.addStretch(1)
        right.addLayout(langs)
        self.printed: QLabel | None = None
        self._print_later = QTimer(self)  # the printed card is drawn anew when typing pauses, not on every key
        self._print_later.setSingleShot(True)
        self._print_later.setInterval(200)
        self._print_later.timeout.connect(self._rebuild_preview)
        self.preview_holder = QVBoxLayout()
        right.addLayout(self.preview_holder, 1)
        self.face: CardFace | None = None
        body.addLayout(right, 3)
        layout.addLayout(body, 1)

        self.problems = QLabel("", self)
        self.problems.setObjectName("problem")
        self.problems.setWordWrap(True)
        self.problems.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.problems)
        foot = QHBoxLayout()
        back = self._button(tr("← Decks"), tr("Back to every deck"), self.finish)
        foot.addWidget(back)
        self.undo_button = self._button(tr("Undo"), tr("Undo (Ctrl+Z)"), self.undo_stack.undo)
        self.redo_button = self._button(tr("Redo"), tr("Redo (Ctrl+Shift+Z)"), self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        foot.addWidget(self.undo_button)
        foot.addWidget(self.redo_button)
        foot.addWidget(self.color_button)  # the deck's look, beside the edits (the names need the top row)
        foot.addWidget(self.emblem_button)
        self.saved = QLabel("", self)
        self.saved.setObjectName("muted")
        self.saved.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # a long path never widens
        foot.addWidget(self.saved, 1)
        self.shipped_button = self._button(
            tr("Back to the shipped deck"), tr("Put your copy aside and play the deck as it ships"), self._unship
        )
        self.shipped_button.setVisible(shipped)
        foot.addWidget(self.shipped_button)
        layout.addLayout(foot)

        for keys, slot in (
            (QKeySequence.StandardKey.Undo, self.undo_stack.undo),
            (QKeySequence.StandardKey.Redo, self.undo_stack.redo),
            ("Ctrl+Shift+Z", self.undo_stack.redo),
            ("Ctrl+N", self.add_card),
            ("Alt+Up", lambda: self.move_card(-1)),
            ("Alt+Down", lambda: self.move_card(1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.cards_changed(0)
        self._save.stop()  # opening changes nothing
        self.set_preview_lang(lang)
        self._show_problems()

    # --- building -----------------------------------------------------------------------------------

    def _button(self, text: str, tip: str, slot) -> QPushButton:
        return tool_button(self, text, tip, slot)

    def _editor(self, field: str, code: str) -> QLineEdit | QPlainTextEdit:
        name = f"{field_word(field)} ({lang_word(code)})"
        if field in _LINE_FIELDS:
            editor = QLineEdit(self)
            editor.setMaxLength(300)
            editor.textChanged.connect(lambda text, f=field, c=code: self._typed(f, c, text))
        else:
            editor = _TextBox(self)
            editor.setTabChangesFocus(True)
            editor.setUndoRedoEnabled(False)
            editor.textChanged.connect(lambda f=field, c=code, e=editor: self._typed(f, c, e.toPlainText()))
        editor.installEventFilter(self)  # Ctrl+Z in a field undoes the studio's steps, not the field's own
        editor.setObjectName(f"{field}_{code}")
        editor.setAccessibleName(name)
        editor.setPlaceholderText(name)
        return editor

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            if event.matches(QKeySequence.StandardKey.Undo):
                self.undo_stack.undo()
                return True
            if event.matches(QKeySequence.StandardKey.Redo) or event.keyCombination() == QKeyCombination(
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_Z
            ):
                self.undo_stack.redo()
                return True
        return super().eventFilter(watched, event)

    # --- what the trainer does ----------------------------------------------------------------------

    def _typed(self, field: str, code: str, text: str) -> None:
        if self._loading or not self.file.cards:
            return
        old = self.file.text(self.index, field, code)
        if old != text:
            self.undo_stack.push(_TextEdit(self, self.index, field, code, old, text))

    def _deck_name_typed(self, code: str, text: str) -> None:
        old = self.file.deck_text("name", code)
        if old != text:
            self.undo_stack.push(_DeckName(self, code, old, text))

    def choose_color(self) -> None:
        from PySide6.QtGui import QColor
        from PySide6.QtWidgets import QColorDialog

        old = self.file.deck.get("color")
        chosen = QColorDialog.getColor(QColor(old or "#5B3FA0"), self, tr("The deck's colour"))
        if chosen.isValid() and chosen.name() != old:
            self.undo_stack.push(_DeckColor(self, old, chosen.name()))

    def set_emblem(self, emblem: str | None) -> None:
        old = self.file.deck.get("emblem")
        if emblem != old:
            self.undo_stack.push(_DeckEmblem(self, old, emblem))

    def own_emblem(self) -> None:
        """An SVG of the trainer's: checked like a pack's picture, copied beside the deck as art/ID-emblem.svg."""
        from PySide6.QtWidgets import QFileDialog

        from game.io import deckpack

        name, _ = QFileDialog.getOpenFileName(self, tr("Your own picture (SVG)…"), "", tr("SVG pictures (*.svg)"))
        if not name:
            return
        target = f"art/{self.file.deck_id}-emblem.svg"
        try:
            with open(name, "rb") as f:
                data = f.read(deckpack.MAX_IMAGE_BYTES + 1)
            if len(data) > deckpack.MAX_IMAGE_BYTES:
                limit = deckpack.MAX_IMAGE_BYTES // 1024
                raise deckpack.PackError(Path(name), f"the picture is larger than {limit} KB")
            deckpack.check_svg(Path(name), "", data)
            (self.file.path.parent / "art").mkdir(parents=True, exist_ok=True)
            (self.file.path.parent / target).write_bytes(data)
        except (OSError, deckpack.PackError) as e:
            self.problems.setText(tr("The picture cannot be used: {0}").format(e))
            return
        self.undo_stack.push(_DeckEmblem(self, self.file.deck.get("emblem"), target))

    def apply_emblem(self, emblem: str | None) -> None:
        self.file.set_emblem(emblem)
        self._rebuild_preview()
        self._changed()

    def apply_color(self, color: str | None) -> None:
        self.file.set_color(color)
        self._rebuild_preview()
        self._show_problems()
        self._changed()

    def add_card(self) -> None:
        at = self.index + 1 if self.file.cards else 0
        self.undo_stack.push(_AddCard(self, at, self.file.new_card()))
        self.editors[("title", self.lang)].setFocus()

    def retire_card(self) -> None:
        if len(self.file.cards) > 1:
            self.undo_stack.push(_RetireCard(self, self.index))
        else:
            self.problems.setText(tr("A deck needs at least one card: add another before you retire this one."))

    def move_card(self, step: int) -> None:
        to = self.index + step
        if 0 <= to < len(self.file.cards):
            self.undo_stack.push(_MoveCard(self, self.index, to))

    def set_preview_lang(self, code: str) -> None:
        self.preview_lang = code
        for c, button in self.preview_buttons.items():
            button.setChecked(c == code)
        self._rebuild_preview()

    def hideEvent(self, event) -> None:
        if self._save.isActive():  # leaving by the menu, a language switch or closing the window
            self.save_now()
        super().hideEvent(event)

    def finish(self) -> None:
        self.save_now()
        self.done.emit()

    def _unship(self) -> None:
        if ask(self, tr("Back to the shipped deck"),
               tr("Your copy of this deck is put aside (in cards/replaced/) and the game plays the deck as it "
                  "ships. Go back to the shipped deck?")):
            self._save.stop()
            self.back_to_shipped.emit(self.file.path)

    # --- applying changes (the undo commands call these) --------------------------------------------

    def apply_text(self, index: int, field: str, code: str, text: str) -> None:
        self.file.set_text(index, field, code, text)
        if index != self.index:
            self.list.setCurrentRow(index)
        editor = self.editors[(field, code)]
        current = editor.text() if isinstance(editor, QLineEdit) else editor.toPlainText()
        if current != text:
            self._loading = True
            editor.setText(text) if isinstance(editor, QLineEdit) else editor.setPlainText(text)
            self._loading = False
        self._refresh_row(index)
        self._update_preview(field)
        self._mark_missing()
        self._changed()

    def apply_deck_name(self, code: str, text: str) -> None:
        self.file.set_deck_text("name", code, text)
        if self.deck_names[code].text() != text:
            self.deck_names[code].setText(text)
        self._changed()

    def cards_changed(self, select: int) -> None:
        self._loading = True
        self.list.clear()
        for n in range(len(self.file.cards)):
            self.list.addItem(QListWidgetItem(self._row_text(n)))
        self._loading = False
        self.index = -1
        self.list.setCurrentRow(max(0, min(select, len(self.file.cards) - 1)))
        self._changed()

    def _row_changed(self, row: int) -> None:
        if self._loading or row < 0 or row == self.index:
            return
        self.index = row
        self._loading = True
        for (field, code), editor in self.editors.items():
            text = self.file.text(row, field, code)
            if isinstance(editor, QLineEdit):
                editor.setText(text)
                editor.setCursorPosition(0)  # a long title shows its start
            else:
                editor.setPlainText(text)
        self._loading = False
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(row < len(self.file.cards) - 1)
        self._mark_missing()
        self._rebuild_preview()

    def _row_text(self, n: int) -> str:
        title = self.file.text(n, "title", self.lang) or self.file.text(n, "title", "en" if self.lang == "ru" else "ru")
        mark = " ⚠" if self.file.missing_translation(n) else ""
        return f"{n + 1}. {title or tr('(no title yet)')}{mark}"

    def _refresh_row(self, n: int) -> None:
        item = self.list.item(n)
        if item is not None:
            item.setText(self._row_text(n))

    def _mark_missing(self) -> None:
        if not self.file.cards:
            return
        missing = self.file.missing_translation(self.index)
        for field, mark in self.marks.items():
            gaps = [m.split(".")[1] for m in missing if m.startswith(field + ".")]
            mark.setText(tr("Missing translation: {0}").format(", ".join(lang_word(g) for g in gaps)) if gaps else "")
            mark.setVisible(bool(gaps))
            for code in LANGS:
                editor = self.editors[(field, code)]
                if (editor.property("missing") == "true") != (code in gaps):  # re-polishing costs a frame
                    theme.flag_style(editor, "missing", code in gaps)

    # --- the live card ------------------------------------------------------------------------------

    def _rebuild_preview(self) -> None:
        if not self.file.cards or self.index < 0:
            return
        for old in (self.face, self.printed):
            if old is not None:  # hidden and taken out, never made a window of its own (that takes activation)
                old.hide()
                self.preview_holder.removeWidget(old)
                old.deleteLater()
        self.face = self.printed = None
        if self.print_size.isChecked():
            self._show_printed()
            return
        self.face = CardFace(
            self.file.card(self.index), self.preview_lang, deck=self.file.preview_deck(), redraw=False, parent=self
        )
        self.face.setAccessibleName(tr("The card as the room sees it"))
        self.face.story_button.setVisible(False)
        self.face.show_story(True)
        self.preview_holder.addWidget(self.face)

    def _show_printed(self) -> None:
        """The card drawn by print-and-play, at its size on paper (63 mm wide at the screen's own DPI)."""
        from PySide6.QtGui import QPixmap

        from game.io import pdf

        image = pdf.card_image(self.file.preview_deck(), self.file.card(self.index), self.preview_lang)
        width = round(pdf.CARD_W / 25.4 * self.logicalDpiX())
        self.printed = QLabel(self)
        self.printed.setAccessibleName(tr("The card as it prints"))
        smooth = Qt.TransformationMode.SmoothTransformation
        self.printed.setPixmap(QPixmap.fromImage(image).scaledToWidth(width, smooth))
        self.printed.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.preview_holder.addWidget(self.printed)

    def _update_preview(self, field: str) -> None:
        """Only the label that changed: typing stays well under a frame (bench/studio.py)."""
        if self.print_size.isChecked():
            self._print_later.start()
            return
        if self.face is None:
            self._rebuild_preview()
            return
        text = self.file.text(self.index, field, self.preview_lang)
        label = getattr(self.face, field)
        label.setText(tr("Twist: {0}").format(text) if field == "twist" and text else text)
        if field in ("example", "twist", "source"):
            label.setVisible(bool(text))

    def printed_image(self):
        return self.printed.pixmap().toImage() if self.printed is not None else None

    def preview_text(self, field: str) -> str:
        return getattr(self.face, field).text() if self.face is not None else ""

    # --- saving as you go ---------------------------------------------------------------------------

    def _changed(self) -> None:
        self._save.start()

    def save_now(self) -> None:
        self._save.stop()
        try:
            self.file.save()
        except OSError as e:
            self.saved.setText(tr("Not saved: {0}: {1}").format(self.file.path, e.strerror or e))
            return
        self.saved.setText(tr("Saved to {0}").format(self.file.path))
        self._show_problems()

    def _show_problems(self) -> None:
        color = self.file.deck.get("color")
        if isinstance(color, str) and len(color) == 7 and contrast_with_white(color) < 4.5:
            self.problems.setText(tr("White text is hard to read on this colour: choose a darker one."))
            return
        problems = self.file.problems()
        if problems:
            words = [
                tr("line {0}: {1}").format(p.line, p.message) if p.line else str(p).removeprefix(f"{p.path}: ")
                for p in problems[:3]
            ]
            more = len(problems) - 3
            text = tr("Until this is fixed the game skips the deck: {0}").format("; ".join(words))
            self.problems.setText(text + (tr(" (and {0} more)").format(more) if more > 0 else ""))
        else:
            self.problems.setText("")

