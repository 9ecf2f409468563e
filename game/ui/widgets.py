"""Small pieces the screens share: a card face, the countdown, the step bar."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEasingCurve,
    QEvent,
    QLocale,
    QObject,
    QRectF,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # the first window draws no card: the decks' module is read after it
    from game.domain.content import Card, Deck
    from game.domain.timer import Countdown
from game.domain.timer import shown_seconds
from game.ui import theme


def tr(text: str) -> str:
    return QCoreApplication.translate("Game", text)


def trn(text: str, n: int) -> str:
    """A count in words with Qt's plural forms: trn("%n ideas", 1) is "1 idea", in Russian «1 идея»."""
    return QCoreApplication.translate("Game", text, None, n)


def scroll_area(parent: QWidget) -> QScrollArea:
    """A borderless scroll area whose content follows its width (tiles, cards, columns of ideas)."""
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    return scroll


class TileColumns(QObject):
    """Lays `tiles` (cards, vote tiles) in `grid` row by row, as many side by side as fit the scroll area's width
    (at most `most`): a projector shows them side by side, a 1024-pixel laptop stacks them, and no tile hides
    behind a sideways scroll bar or is cut at the edge. Owned by the grid's widget, so it goes with it."""

    def __init__(self, scroll: QScrollArea, grid: QGridLayout, tiles: list[QWidget], most: int = 2):
        super().__init__(grid.parentWidget())
        self.scroll, self.grid, self.tiles, self.most = scroll, grid, tiles, most
        self.columns = 0
        scroll.installEventFilter(self)
        self.arrange()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.arrange()
        return False

    def fitting(self) -> int:
        """How many tiles fit side by side, the vertical scroll bar's room kept (so its coming and going never
        flips the layout back and forth)."""
        margins = self.grid.contentsMargins()
        room = self.scroll.width() - 2 * self.scroll.frameWidth() - self.scroll.verticalScrollBar().sizeHint().width()
        room -= margins.left() + margins.right()
        need = max((tile.minimumSizeHint().width() for tile in self.tiles), default=1)
        spacing = max(0, self.grid.horizontalSpacing())
        fit = max(1, min(self.most, len(self.tiles), (room + spacing) // (need + spacing)))
        rows = -(-len(self.tiles) // fit)
        return -(-len(self.tiles) // rows) if self.tiles else 1  # balanced: four in two rows of two, not 3 + 1

    def arrange(self) -> None:
        columns = self.fitting()
        if columns == self.columns:
            return
        self.columns = columns
        for tile in self.tiles:
            self.grid.removeWidget(tile)
        for row in range(self.grid.rowCount()):
            self.grid.setRowStretch(row, 0)
        for n, tile in enumerate(self.tiles):
            self.grid.addWidget(tile, n // columns, n % columns)
        self.grid.setRowStretch((len(self.tiles) + columns - 1) // columns, 1)
        self.grid.activate()  # the tiles in their new places now, not on the next pass: a click finds them there


class _WheelOnlyWhenFocused(QObject):
    """Lets a date or a number change under the wheel only once it has focus: scrolling a list past it
    scrolls the list; and Tab leaves a date that shows "not set" (Qt would keep the cursor in it)."""

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Wheel and not watched.hasFocus():
            event.ignore()  # the scroll area around it takes the wheel
            return True
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and hasattr(watched, "specialValueText")
            and watched.specialValueText()
            and watched.date() == watched.minimumDate()
        ):  # Qt keeps Tab inside a date that shows "not set": move on as everywhere else
            forward = event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            step = watched.nextInFocusChain if forward else watched.previousInFocusChain
            target = step()
            while target is not watched and not (
                target.isVisible() and target.isEnabled() and target.focusPolicy() & Qt.FocusPolicy.TabFocus
                and target.focusProxy() is None and not watched.isAncestorOf(target)
            ):
                target = target.nextInFocusChain() if forward else target.previousInFocusChain()
            target.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
            return True
        return False


_WHEEL_GUARD: list[_WheelOnlyWhenFocused] = []


def wheel_only_when_focused(widget: QWidget) -> QWidget:
    if not _WHEEL_GUARD:
        _WHEEL_GUARD.append(_WheelOnlyWhenFocused())
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(_WHEEL_GUARD[0])
    return widget


def ask(parent: QWidget, title: str, text: str, yes: str, no: str) -> bool:
    """A question in the game's own style (no stock icon) whose safe answer, `no`, is the default and Esc."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setObjectName("question")
    box.setIcon(QMessageBox.Icon.NoIcon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    no_button.setObjectName("primary")
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    give_back_keys(parent)
    return box.clickedButton() is yes_button


def give_back_keys(widget: QWidget) -> None:
    """After a dialog: the window is active again, so its shortcuts work without a click."""
    window = widget.window()
    window.activateWindow()
    window.raise_()


def format_date(iso: str) -> str:
    """A date as people of the UI language write it ("1 December 2026", «1 декабря 2026»)."""
    if not iso:
        return ""
    return QLocale().toString(QDate.fromString(iso, "yyyy-MM-dd"), "d MMMM yyyy")


def deck_word(kind: str) -> str:
    """The deck kind's name in the UI language (the band of a card says it, not only its colour)."""
    names = {
        "business": tr("Business"),
        "client": tr("Client"),
        "touchpoint": tr("Touchpoint"),
        "lens": tr("Lens"),
        "technomagic": tr("Technomagic"),
        "constraint": tr("Constraint"),
        "check": tr("Human check"),
        "obstacle": tr("Obstacle"),
        "warmup": tr("Warm-up"),
    }
    return names.get(kind, kind)


def card_marks(card: Card) -> str:
    """A technique's small marks: how long it takes to put in place and what it costs ("minutes · free")."""
    efforts = {"minutes": tr("minutes"), "hours": tr("hours"), "days": tr("days")}
    costs = {"free": tr("free"), "small": tr("small cost"), "budget": tr("needs a budget")}
    parts = [efforts.get(card.effort or "", ""), costs.get(card.cost or "", "")]
    return " · ".join(p for p in parts if p)


class CardFace(QFrame):
    """A card on the table: the deck's colour band and emblem, the title, the prompt, the story on demand."""

    redraw_requested = Signal(int)

    def __init__(
        self,
        card: Card,
        lang: str,
        slot: int = 0,
        deck: Deck | None = None,
        redraw: bool = True,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.card = card
        self.slot = slot
        self.setObjectName("card")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        band = QFrame(self)
        band.setObjectName("band")
        band.setProperty("kind", card.kind)
        if deck is not None and deck.color:  # a user's deck with its own colour; ours are in the style sheet
            band.setStyleSheet(f"QFrame#band {{ background: {deck.color}; }}")
        row = QHBoxLayout(band)
        row.setContentsMargins(14, 8, 14, 8)
        icon = QLabel(band)
        icon.setPixmap(theme.emblem(card.kind, deck=deck))
        row.addWidget(icon)
        self.deck_label = QLabel(deck_word(card.kind).upper(), band)
        row.addWidget(self.deck_label, 1)
        self.marks = QLabel(card_marks(card), band)
        self.marks.setObjectName("cardMarks")
        self.marks.setToolTip(tr("How long it takes to put in place, and what it costs"))
        self.marks.setVisible(bool(self.marks.text()))
        row.addWidget(self.marks)
        outer.addWidget(band)

        body = QVBoxLayout()
        body.setContentsMargins(18, 12, 18, 14)
        body.setSpacing(8)
        self.title = self._label(card.title.get(lang), "cardTitle")
        self.prompt = self._label(card.prompt.get(lang), "cardPrompt")
        body.addWidget(self.title)
        body.addWidget(self.prompt)
        self.example = self._label(card.example.get(lang) if card.example else "", "cardExample")
        self.source = self._label(card.source.get(lang) if card.source else "", "cardSource")
        twist = card.twist.get(lang) if card.twist else ""
        if lang == "ru" and twist[1:2].islower():  # «Вариант: для …»: lower case after the colon
            twist = twist[0].lower() + twist[1:]
        self.twist = self._label(tr("Twist: {0}").format(twist) if twist else "", "cardExample")
        why = card.why.get(lang) if card.why else ""
        self.why = self._label(tr("Why it works: {0}").format(why) if why else "", "cardWhy")
        # the story scrolls inside the card when the table is short (a laptop), instead of being squeezed
        self.story = scroll_area(self)
        self.story.setObjectName("cardStory")
        self.story.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        told = QWidget(self.story)
        lines = QVBoxLayout(told)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(8)
        for extra in (self.example, self.why, self.twist, self.source):
            extra.hide()
            lines.addWidget(extra)
        lines.addStretch(1)
        self.story.setWidget(told)
        self.story.hide()  # until the story is asked for (never on the projector, which keeps the space)
        body.addWidget(self.story, 1)
        body.addStretch(1)  # the buttons stay at the card's foot; the story takes this space when shown
        self._body = body
        buttons = QHBoxLayout()
        self.story_button = QPushButton(tr("Example story") if card.example else tr("Why it works"), self)
        self.story_button.setObjectName("chip")
        self.story_button.setCheckable(True)
        self.story_button.setVisible(bool(card.example or card.why))
        self.story_button.toggled.connect(self.show_story)
        buttons.addWidget(self.story_button)
        buttons.addStretch(1)
        self.redraw_button = QPushButton(tr("Redraw"), self)
        self.redraw_button.setObjectName("chip")
        self.redraw_button.setToolTip(tr("Put this card back and draw another (Ctrl+R redraws the first card)"))
        self.can_redraw = redraw
        self.redraw_button.setVisible(redraw)
        self.redraw_button.clicked.connect(lambda: self.redraw_requested.emit(self.slot))
        buttons.addWidget(self.redraw_button)
        body.addLayout(buttons)
        outer.addLayout(body, 1)

    def _label(self, text: str, name: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def show_story(self, shown: bool) -> None:
        self.example.setVisible(shown and bool(self.example.text()))
        self.why.setVisible(shown and bool(self.why.text()))
        self.twist.setVisible(shown and bool(self.twist.text()))
        self.source.setVisible(shown and bool(self.source.text()))
        self.story.setVisible(shown)
        self._body.setStretch(self._body.indexOf(self.story) + 1, 0 if shown else 1)
        self.story.verticalScrollBar().setValue(0)
        self.story_button.setChecked(shown)


def second_shot(parent: QObject, show: Callable[[], None], *digits: QWidget) -> QTimer:
    """A precise one-shot timer for `on_the_second` that shows the time and paints `digits` at once (not on the
    event loop's next round): a fixed tick alone shows a new second up to one tick late."""
    shot = QTimer(parent)
    shot.setSingleShot(True)
    shot.setTimerType(Qt.TimerType.PreciseTimer)
    shot.timeout.connect(show)
    for widget in digits:
        shot.timeout.connect(lambda w=widget: w.repaint() if w.isVisible() else None)
    return shot


def on_the_second(shot: QTimer, countdown: Countdown | None) -> None:
    """Aim `shot` just past the moment the digits of a running `countdown` change (called after each showing)."""
    if countdown is not None and countdown.running:
        shot.start(int(countdown.to_next_second() * 1000) + 2)
    else:
        shot.stop()


class TimerView(QFrame):
    """The step's countdown: big digits, start/pause and +1 minute; turns red when time is up."""

    finished = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("panel")
        self.countdown: Countdown | None = None
        self._alarmed = False
        layout = QVBoxLayout(self)
        self.digits = QLabel("--:--", self)
        self.digits.setObjectName("timer")
        layout.addWidget(self.digits)
        self.paused_label = QLabel(tr("Paused"), self)  # a paused clock says so, not only by its colour
        self.paused_label.setObjectName("muted")
        self.paused_label.hide()
        self._paused = False
        layout.addWidget(self.paused_label)
        row = QHBoxLayout()
        self.pause_button = QPushButton(tr("Pause"), self)
        self.pause_button.setToolTip(tr("Pause or resume the timer (Ctrl+Space)"))
        self.pause_button.clicked.connect(self.toggle)
        self.more_button = QPushButton(tr("+1 min"), self)
        self.more_button.clicked.connect(self.add_minute)
        row.addWidget(self.pause_button)
        row.addWidget(self.more_button)
        layout.addLayout(row)
        self._tick = QTimer(self)
        self._tick.setInterval(250)
        self._tick.timeout.connect(self.refresh)
        # the digits change on the second, not up to a tick late
        self._second = second_shot(self, self.refresh, self.digits)

    def attach(self, countdown: Countdown | None) -> None:
        self.countdown = countdown
        self._alarmed = bool(countdown and countdown.finished)
        self.setVisible(countdown is not None)
        if countdown is None:
            self._tick.stop()
            self._second.stop()
            return
        self._tick.start()
        self.refresh()

    def toggle(self) -> None:
        if self.countdown:
            self.countdown.toggle()
            self.refresh()

    def add_minute(self) -> None:
        if self.countdown:
            self.countdown.add(60)
            self._alarmed = False
            if not self.countdown.running:
                self.countdown.start()
            self.refresh()

    def refresh(self) -> None:
        timer = self.countdown
        if timer is None:
            return
        left = shown_seconds(timer.remaining())
        self.digits.setText(f"{left // 60:02d}:{left % 60:02d}")
        on_the_second(self._second, timer)
        theme.flag_style(self.digits, "alarm", timer.finished)
        paused = not timer.running and not timer.finished
        if paused != self._paused:
            self._paused = paused
            theme.flag_style(self.digits, "paused", paused)
            self.paused_label.setVisible(paused)
        self.pause_button.setText(tr("Pause") if timer.running else tr("Resume"))
        self.pause_button.setEnabled(not timer.finished)
        if timer.finished and not self._alarmed:
            self._alarmed = True
            timer.pause()
            self.finished.emit()


def focus_word(focus: str) -> str:
    return {"fix": tr("Fix"), "wow": tr("WOW"), "planb": tr("Plan B")}.get(focus, focus)


def step_word(kind: str) -> str:
    names = {
        "warmup": tr("Warm-up"),
        "client": tr("Client"),
        "moment": tr("Moment"),
        "obstacle": tr("Obstacle"),
        "lens": tr("Lens"),
        "magic": tr("Magic"),
        "check": tr("Check"),
        "choose": tr("Choose"),
        "promise": tr("Promise"),
    }
    return names.get(kind, kind)


class StepBar(QWidget):
    """Where we are: Client · Moment · Lens · Magic · Check · Choose · Promise (each kind once, even when a
    scenario walks Moment · Magic twelve times)."""

    def __init__(self, kinds: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        times = {kind: kinds.count(kind) for kind in kinds}
        kinds = list(dict.fromkeys(kinds))
        self.kinds = kinds
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.items: list[QLabel] = []
        for n, kind in enumerate(kinds):
            if n:
                dot = QLabel("·", self)
                dot.setObjectName("muted")
                row.addWidget(dot)
            word = step_word(kind)
            label = QLabel(f"{word} ×{times[kind]}" if times[kind] > 1 else word, self)  # 9 steps, 8 kinds: say so
            label.setObjectName("stepBarItem")
            self.items.append(label)
            row.addWidget(label)
        row.addStretch(1)

    def set_current(self, kind: str) -> None:
        for label_kind, label in zip(self.kinds, self.items, strict=True):
            theme.flag_style(label, "current", label_kind == kind)


class DrawOverlay(QWidget):
    """The deck's back over a freshly drawn card, turning away to show the face (a short flip)."""

    DURATION_MS = 380

    def __init__(self, face: QWidget):
        super().__init__(face)
        self.setObjectName("drawOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._progress = 0.0
        self.setGeometry(face.rect())
        face.installEventFilter(self)  # follow the card while the layout settles
        self.animation = QVariantAnimation(self)
        self.animation.setStartValue(0.0)
        self.animation.setEndValue(1.0)
        self.animation.setDuration(self.DURATION_MS)
        self.animation.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self.animation.valueChanged.connect(self._step)
        self.animation.finished.connect(self.deleteLater)
        self.show()
        self.raise_()
        self.animation.start()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(watched.rect())
        return False

    def _step(self, value: float) -> None:
        self._progress = value
        self.update()

    def paintEvent(self, event) -> None:
        # The back narrows to nothing, like a card turned on its long edge; the face is already beneath.
        width = self.width() * max(0.0, 1.0 - self._progress * 1.6)
        if width < 1:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        target = QRectF((self.width() - width) / 2, 0, width, self.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.PAPER))
        painter.drawRoundedRect(target, 16, 16)
        theme.deck_back().render(painter, target)
        painter.end()


class HelpOverlay(QFrame):
    """A screen's keys over the screen itself, in two columns of key and what it does (F1 on every screen:
    the window's keys, then the screen's own); Esc, F1 or a click closes it."""

    def __init__(self, parent: QWidget, rows: list[tuple[str, str]]):
        super().__init__(parent)
        self.setObjectName("helpOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setAccessibleName(tr("Keyboard shortcuts"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(
            "QFrame#helpOverlay { background: rgba(43, 42, 51, 244); }"
            "QFrame#helpOverlay QLabel { color: #FFFFFF; background: transparent; }"
        )
        grid = QGridLayout(self)
        grid.setContentsMargins(64, 40, 64, 40)
        grid.setHorizontalSpacing(24)
        title = QLabel(tr("Keyboard shortcuts"), self)
        title.setObjectName("screenTitle")
        grid.addWidget(title, 0, 0, 1, 4)
        half = (len(rows) + 1) // 2
        for n, (what, keys) in enumerate(rows):
            col = 0 if n < half else 2
            key = QLabel(keys, self)
            key.setStyleSheet("font-weight: 700;")
            key.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            text = QLabel(what, self)
            text.setWordWrap(True)  # a long description wraps under itself, never into the key column
            text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(key, 1 + n % half, col)
            grid.addWidget(text, 1 + n % half, col + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        closing = QLabel(tr("Esc or F1 closes this"), self)
        grid.addWidget(closing, half + 2, 0, 1, 4)
        grid.setRowStretch(half + 3, 1)
        self.rows = rows
        parent.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(watched.rect())
        return False

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
            return
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self.setFocus()

    def hideEvent(self, event) -> None:
        if self.parentWidget() is not None and self.hasFocus():
            self.parentWidget().setFocus()  # the keys work again at once
        super().hideEvent(event)

    def mousePressEvent(self, event) -> None:
        self.hide()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F1):
            self.hide()
        else:
            super().keyPressEvent(event)


def window_keys() -> list[tuple[str, str]]:
    """The keys every screen has (the window's menu)."""
    return [
        (tr("Home"), "Ctrl+H"),
        (tr("Idea library"), "Ctrl+L"),
        (tr("Decks"), "Ctrl+D"),
        (tr("Settings"), "Ctrl+,"),
        (tr("Quit (a round in play is kept)"), "Ctrl+Q"),
        (tr("This help"), "F1"),
    ]
