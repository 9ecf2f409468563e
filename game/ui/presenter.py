"""The presenter view: what the room sees on the projector. No controls at all.

The step, its cards large, the instruction, a giant timer, the teams' ideas (anonymous if the facilitator
chose so), the votes once revealed, the break as a full-screen card, and a flash when time is up. Text is
sized to fill the room's screen: at 1920×1080 in a medium room the cards and the check questions are 40 px
(never below 28 px when the wall fills up), titles 60 px and the timer digits 136 px; S, M, L or XL scales it.
"""

from collections import Counter
from operator import attrgetter

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeySequence,
    QPainter,
    QShortcut,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QStackedLayout, QVBoxLayout, QWidget

from game.domain.timer import shown_seconds
from game.domain.workshop import Workshop
from game.ui import theme
from game.ui.step_panels import IDEA_STEPS, asked
from game.ui.widgets import CardFace, focus_word, format_date, on_the_second, second_shot, step_word, tr, trn

WALL_STEPS = (*IDEA_STEPS, "check", "choose", "promise")
SMALLEST_PX = 14  # a card's text on a small projector gives way down to this, no further
ALARM = "#B03A2E"


def clock_text(seconds: float) -> str:
    left = shown_seconds(seconds)
    return f"{left // 60:02d}:{left % 60:02d}"


#: the room-size setting: how much larger than the default the text is (the back row of a large hall)
ROOM_SIZES = {"S": 0.85, "M": 1.0, "L": 1.2, "XL": 1.4}
BODY_PX = 40  # cards and questions at 1920×1080 in a medium room, while there are up to 12 ideas
FLOOR_PX = 28  # nothing smaller at 1920×1080, however many ideas share the screen
ROOMY_IDEAS = 12


def text_sizes(height: int, room: str = "M", ideas: int = 0) -> tuple[int, int]:
    """(body, floor) in px for a presenter `height` px high: the cards and questions fill the room's screen
    while the wall is short, and give way to the wall (never below the floor) when it grows."""
    scale = height / 1080
    floor = max(12, round(FLOOR_PX * scale))
    body = BODY_PX * scale * ROOM_SIZES.get(room, 1.0)
    if ideas > ROOMY_IDEAS:
        body *= 0.8
    return max(floor, round(body)), floor


_MARK_WIDTHS: dict[tuple[int, int, int, str], int] = {}
_WIDEST: dict[tuple[object, ...], int] = {}


def mark_width(marks: list[str], metrics: QFontMetrics) -> int:
    """The column the marks need: "WOW" is wider than "Fix" though no longer, so every one is measured — once per
    font, and a column's widest is remembered while its marks stay the same (a wall of thousands of phones' ideas
    would otherwise measure every number on every paint)."""
    font = (metrics.height(), metrics.averageCharWidth(), metrics.maxWidth())
    if not marks:
        return 0
    column = (*font, len(marks), marks[0], marks[-1], sum(map(len, marks)))
    if (known := _WIDEST.get(column)) is not None:
        return known
    if len(_MARK_WIDTHS) > 50_000:
        _MARK_WIDTHS.clear()
    if len(_WIDEST) > 1_000:
        _WIDEST.clear()
    widest = 0
    for mark in marks:
        width = _MARK_WIDTHS.get((*font, mark))
        if width is None:
            width = _MARK_WIDTHS[(*font, mark)] = metrics.horizontalAdvance(mark)
        widest = max(widest, width)
    _WIDEST[column] = widest
    return widest


class IdeaWall(QWidget):
    """The teams' ideas, painted (not 200 labels): a column per team, or one anonymous wall, newest kept
    when they do not all fit. Each idea: its mark (the number teams call out when they vote, or its dots once
    revealed) in a column of its own, then its text on up to two lines.

    The text fills the wall: the largest size from `floor` to `cap` at which every idea fits (a few ideas read
    large from the back row, a full wall gives way down to the floor, and what still does not fit is counted, not
    shrunk). The size is found once per change of the ideas or of the wall's size, not on every repaint."""

    MIN_PX = 28  # readable from the back of the room at 1920×1080
    LINES = 2

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.groups: list[tuple[str, list[tuple[str, str]]]] = []  # (heading, [(mark, text)])
        self.subheads: list[str] = []  # under each heading: the team's own cards, where it drew its own
        self.earlier: list[int] = []  # per column: older ideas not handed over (more than a wall can ever show)
        self.floor = self.MIN_PX
        self.cap = self.MIN_PX
        self.px = self.MIN_PX  # the size the ideas are painted at, fitted to the wall
        self.scale = 1.0
        self._fitted: tuple = ()  # what `px` was fitted for
        self._layout: list[tuple] = []  # where everything goes at `px`
        self.painted = 0  # how many ideas the last paint showed
        self._laid: dict[tuple, QStaticText] = {}  # an idea laid out once, drawn on every repaint
        self._font_sizes: dict[int, tuple[QFont, QFont, QFontMetrics]] = {}
        self._bold_metrics: dict[int, QFontMetrics] = {}
        self.setMinimumHeight(120)

    def set_sizes(self, floor: int, cap: int) -> None:
        """The range the text may take: never below `floor`, never above `cap` (the room's body size)."""
        if (floor, cap) != (self.floor, self.cap):
            self.floor, self.cap = floor, max(floor, cap)
            self._fitted = ()
            self.update()

    def show_groups(
        self,
        groups: list[tuple[str, list[tuple[str, str]]]],
        scale: float = 1.0,
        subheads: list[str] | None = None,
        earlier: list[int] | None = None,
    ) -> None:
        """`groups`: per column its heading and its newest ideas (mark, text); `earlier`: per column how many older
        ones were left out (they are counted on the wall, never laid out)."""
        self.groups = groups
        self.earlier = earlier or [0] * len(groups)
        self.scale = scale
        self.subheads = subheads or []
        self._fitted = ()
        self.update()

    def fit(self) -> int:
        """The largest size at which every idea fits (the floor when none does), found by halving the range: a
        few layouts of the visible ideas, each kept for the repaints that follow, and the plan at the size found
        kept until the ideas or the wall's size change."""
        key = (self.width(), self.height(), self.floor, self.cap, self.scale)
        if self._fitted == key:
            return self.px
        low, high = self.floor, max(self.floor, round(self.cap * self.scale))
        fits, plan = (False, None) if self._crowded(low) else self._plan(low)
        if fits:
            top_fits, top_plan = self._plan(high)
            if top_fits:
                low, plan = high, top_plan
            while high - low > 1:  # low fits, high does not
                middle = (low + high) // 2
                middle_fits, middle_plan = self._plan(middle)
                if middle_fits:
                    low, plan = middle, middle_plan
                else:
                    high = middle
        self.px = low
        self._layout = plan if plan is not None else self._plan(low)[1]
        self._fitted = key
        return low

    def starved(self) -> bool:
        """A team with ideas of which the wall, at the size it fits, shows none (only "+3 earlier")."""
        if not self.isVisibleTo(self.parentWidget()) or not self.groups:
            return False
        self.fit()
        return any(items and not entry[5] for (_heading, items), entry in zip(self.groups, self._layout, strict=False))

    def _crowded(self, px: int) -> bool:
        """A column with more ideas than lines on the wall cannot fit at `px`: no need to lay them out to know."""
        lines = self.height() // (self._fonts(px)[2].height() + px // 4)
        columns = zip(self.groups, self.earlier, strict=False)
        return any(len(items) + older > lines for (_heading, items), older in columns)

    def _text(self, text: str, width: int, font: QFont, metrics: QFontMetrics) -> QStaticText:
        """`text` wrapped to `width` on at most two lines (elided after that), laid out once and kept."""
        key = (text, width, font.pixelSize(), font.bold())
        laid = self._laid.get(key)
        if laid is None:
            shown, fraction = text, 1.9
            while True:
                laid = QStaticText(shown)
                laid.setTextFormat(Qt.TextFormat.PlainText)
                laid.setTextWidth(width)
                laid.prepare(QTransform(), font)
                if laid.size().height() <= metrics.lineSpacing() * self.LINES + 2 or fraction < 1:
                    break
                shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width * fraction))
                fraction -= 0.3
            if len(self._laid) > 4000:  # a long workshop's worth of ideas at a few sizes
                self._laid.clear()
            self._laid[key] = laid
        return laid

    def _mark(self, mark: str, font: QFont) -> QStaticText:
        """An idea's number or dots on one line at its natural width, laid out once."""
        key = ("mark", mark, font.pixelSize())
        laid = self._laid.get(key)
        if laid is None:
            laid = QStaticText(mark)
            laid.setTextFormat(Qt.TextFormat.PlainText)
            laid.prepare(QTransform(), font)
            self._laid[key] = laid
        return laid

    def _fonts(self, px: int) -> tuple[QFont, QFont, QFontMetrics]:
        """The wall's font at `px`, its bold and its metrics, made once per size."""
        made = self._font_sizes.get(px)
        if made is None:
            font = QFont(theme.FONT_FAMILY)
            font.setPixelSize(px)
            bold = QFont(font)
            bold.setBold(True)
            made = self._font_sizes[px] = (font, bold, QFontMetrics(font))
        return made

    def _sub_px(self, px: int) -> int:
        """The size of a team's own cards under its name: a little smaller than its ideas, never below the floor."""
        return max(self.floor, round(px * 0.8))

    def _plan(self, px: int) -> tuple[bool, list[tuple]]:
        """Where everything goes at `px`: per column its heading, its team's cards and the newest ideas that fit
        (leaving a line to count the rest); True when every idea fits."""
        font, bold, metrics = self._fonts(px)
        line = metrics.height()
        gap = px // 4
        columns = max(1, len(self.groups))
        between = px * 2 // 3  # the gutter between columns
        width = (self.width() - between * (columns - 1)) // columns
        space = px // 3  # between an idea's mark and its text
        plan = []
        fits = True
        for n, (heading, items) in enumerate(self.groups):
            older = self.earlier[n] if n < len(self.earlier) else 0
            y = 0
            head = sub = None
            if heading:
                bold_metrics = self._bold_metrics.get(px) or self._bold_metrics.setdefault(px, QFontMetrics(bold))
                short = bold_metrics.elidedText(heading, Qt.TextElideMode.ElideRight, width)  # drawn bold: measured so
                head = self._text(short, width, bold, bold_metrics)
                y += line + gap
            if n < len(self.subheads) and self.subheads[n]:
                small, _bold, small_metrics = self._fonts(self._sub_px(px))  # a caption: the ideas come first
                sub = self._text(self.subheads[n], width, small, small_metrics)  # up to two lines
                y += int(sub.size().height()) + gap
            mark_w = mark_width([m for m, _ in items], metrics) + space  # the widest mark, not the longest
            text_w = max(1, width - mark_w)
            room = self.height() - y
            laid: list[tuple[str, QStaticText]] = []
            used = 0
            for mark, text in reversed(items):  # the newest first, as many as fit
                block = self._text(text, text_w, font, metrics)
                height = int(block.size().height()) + gap
                if used + height > room - (line + gap if len(laid) < len(items) + older - 1 else 0):
                    break
                laid.append((mark, block))
                used += height
            fits = fits and len(laid) == len(items) and not older
            plan.append((n * (width + between), width, head, sub, mark_w, laid, len(items) + older - len(laid)))
        return fits, plan

    def paintEvent(self, event) -> None:
        px = self.fit()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        font, bold, metrics = self._fonts(px)
        line = metrics.height()
        gap = px // 4
        space = px // 3
        self.painted = 0
        for x, width, head, sub, mark_w, laid, hidden in self._layout:
            self.painted += len(laid)
            y = 0
            if head is not None:
                painter.setFont(bold)
                painter.setPen(QColor(theme.ACCENT))
                painter.drawStaticText(x, y, head)
                y += line + gap
            if sub is not None:
                painter.setFont(self._fonts(self._sub_px(px))[0])
                painter.setPen(QColor(theme.MUTED))
                painter.drawStaticText(x, y, sub)
                y += int(sub.size().height()) + gap
            painter.setFont(font)
            if hidden:
                painter.setPen(QColor(theme.MUTED))
                more = tr("+{0} earlier").format(hidden)
                painter.drawText(
                    QRect(x, y, width, line), 0, metrics.elidedText(more, Qt.TextElideMode.ElideRight, width)
                )
                y += line + gap
            painter.setPen(QColor(theme.INK))
            for mark, block in reversed(laid):
                number = self._mark(mark, font)  # right-aligned against the text
                painter.drawStaticText(int(x + mark_w - space - number.size().width()), y, number)
                painter.drawStaticText(x + mark_w, y, block)
                y += int(block.size().height()) + gap
        painter.end()


WALL_TAIL = 150  # a column's newest ideas handed to the wall: more than fit at the floor size on any screen


def card_widths(cards: list, lang: str, prompts: bool = True) -> list[int]:
    """Each card's share of the row, in proportion to its text (the title counts double: it is larger), within
    1 to 3 of the others: a long constraint beside a short technique gets the width, so both are as short as
    they can be and the wall below keeps its room."""
    weights = [
        2 * len(card.title.get(lang)) + (len(card.prompt.get(lang)) if prompts else 0) for card in cards
    ]
    least = max(1, min(weights, default=1), max(weights, default=1) // 3)
    return [max(10, round(10 * max(weight, least) / least)) for weight in weights]


class PresenterView(QWidget):
    """A top-level window for the projector; `show_state` follows the workshop."""

    FLASHES = 6

    def __init__(self, ws: Workshop, lang: str, room_size: str = "M"):
        super().__init__(None, Qt.WindowType.Window)
        self.ws = ws
        self.lang = lang
        self.room_size = room_size if room_size in ROOM_SIZES else "M"
        self._sizes: tuple = ()
        self._styled = 0  # the body size the style sheet has now (smaller than the room's while cards need it)
        self.setObjectName("presenter")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)  # shown, it leaves the keys to the console
        self.setWindowTitle(tr("Technomagic of Impressions — presenter view"))
        self.setWindowIcon(theme.app_icon())
        self._cards_key: tuple = ()
        self.room = None  # the room's engine when phones join (game/ui/room_card.py draws its card and strip)
        self.join_card = None
        self.strip = None
        self.join_shown = False
        self._join_step = -1
        self._flashes = 0
        self.pages = QStackedLayout(self)
        self.pages.addWidget(self._step_page())
        self.pages.addWidget(self._break_page())
        self._tick = QTimer(self)
        self._tick.setInterval(200)  # the digits are read from a monotonic clock, the tick only repaints
        self._tick.timeout.connect(self.show_time)
        self._tick.start()
        # the digits change on the second, not up to a tick late
        self._second = second_shot(self, self.show_time, self.timer, self.break_timer)
        self._flash = QTimer(self)
        self._flash.setInterval(250)
        self._flash.timeout.connect(self._flash_step)
        QShortcut(QKeySequence("F11"), self, self.toggle_full_screen)
        QShortcut(QKeySequence("Esc"), self, self.showNormal)
        free = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        self.resize(min(1280, free.width()), min(720, free.height()))  # a window never larger than the screen
        self.show_state()

    def _label(self, name: str, parent: QWidget, wrap: bool = True) -> QLabel:
        label = QLabel(parent)
        label.setObjectName(name)
        label.setWordWrap(wrap)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _step_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(40, 16, 40, 16)
        top = QHBoxLayout()
        words = QVBoxLayout()
        self.title = self._label("screenTitle", page)
        self.instruction = self._label("instruction", page)
        words.addWidget(self.title)
        words.addWidget(self.instruction)
        top.addLayout(words, 1)
        self.timer = self._label("bigTimer", page, wrap=False)
        self.timer.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.timer)
        layout.addLayout(top)
        self.cards_row = QHBoxLayout()
        layout.addLayout(self.cards_row, 3)
        self.page_layout = layout
        self.status = self._label("instruction", page)
        layout.addWidget(self.status)
        self.wall = IdeaWall(page)
        layout.addWidget(self.wall, 4)
        return page

    def _break_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        self.break_title = self._label("gameTitle", page)
        self.break_line = self._label("screenTitle", page)
        self.break_timer = self._label("bigTimer", page, wrap=False)
        for label in (self.break_title, self.break_line, self.break_timer):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(label)
        layout.addStretch(1)
        return page

    # --- what the room sees -------------------------------------------------------------------

    def show_state(self) -> None:
        """Follow the workshop after a change (a typed idea repaints the wall only)."""
        ws = self.ws
        if self.room is not None and self._show_room():
            return
        if ws.on_break:
            self.pages.setCurrentIndex(1)
            self.break_title.setText(tr("Break"))
            self.break_line.setText(tr("Want to listen to the radio?"))
            self.show_time()
            return
        self.pages.setCurrentIndex(0)
        self._fit_text()
        step = ws.step
        if ws.finished:  # the closing view: what the room takes home
            self.title.setText(tr("Thank you! Our promises"))
            self.instruction.setText(tr("The ideas we chose, who keeps each promise and by when."))
        else:
            self.title.setText(
                tr("Step {0} of {1} · {2}").format(ws.step_index + 1, len(ws.steps), step_word(step.kind))
            )
            self.instruction.setText(step.instruction.get(self.lang))
        key = (ws.step_index, tuple(ws.draws.get(ws.step_index, ())), step.kind in WALL_STEPS, ws.finished)
        if key != self._cards_key:
            self._cards_key = key
            self._show_cards(step.kind in WALL_STEPS)
            QTimer.singleShot(0, self._fit_cards)  # once the cards are laid out
        shows_wall = step.kind in WALL_STEPS and (step.kind != "check" or ws.finished)  # see _show_cards
        self.wall.setVisible(shows_wall or bool(ws.team_draw()))  # each team's own cards head its column
        # the cards and questions take what they need, the wall the rest (its text fits itself to it)
        self.page_layout.setStretch(1, 0 if self.wall.isVisibleTo(self) else 3)
        self.page_layout.setStretch(3, 1)
        self.status.setText(self._status())
        self.status.setVisible(bool(self.status.text()))
        scale = 1.25 if step.kind in ("choose", "promise") and ws.revealed else 1.0
        columns, earlier = self.wall_columns(WALL_TAIL)
        self.wall.show_groups(columns, scale, self.team_cards(), earlier)
        self.show_time()

    # --- the room's join card -------------------------------------------------------------------

    def set_room(self, room) -> None:
        """Phones join this workshop: the join card comes up now (until the step changes or it is toggled
        away), the corner strip stays during the steps."""
        from game.ui.room_card import CornerStrip, JoinCard

        self.room = room
        self.join_card = JoinCard(self)
        self.pages.addWidget(self.join_card)
        self.strip = CornerStrip(self)
        self.join_shown = True
        self._join_step = self.ws.step_index
        self.show_state()

    def toggle_join(self) -> None:
        if self.room is not None:
            self.join_shown = not self.join_shown
            self._join_step = self.ws.step_index
            self.show_state()

    def _show_room(self) -> bool:
        """The join card when it is up (True), else the corner strip over the step."""
        if self.join_shown and self.ws.step_index != self._join_step:
            self.join_shown = False  # the workshop moved on: the card shrinks to the strip
        if self.join_shown:
            self.join_card.show_room(self.room)
            self.pages.setCurrentWidget(self.join_card)
            self.strip.hide()
            return True
        self.strip.show_room(self.room)
        self.strip.setVisible(not self.ws.finished)
        return False

    def _show_cards(self, small: bool) -> None:
        while self.cards_row.count():
            item = self.cards_row.takeAt(0)
            if item.widget():
                item.widget().hide()
                item.widget().deleteLater()
        kind = self.ws.step.kind
        cards = self.ws.cards() if kind not in ("check", "choose", "promise") else []  # ideas take the screen
        checking = kind == "check" and not self.ws.finished
        if self.ws.finished:
            cards = []
        elif checking:  # the questions the room answers while the facilitator reads the ideas one by one
            self.cards_row.addWidget(self._questions(), 1)
        prompts = not small or len(cards) < 3
        for card, width in zip(cards, card_widths(cards, self.lang, prompts), strict=True):
            face = CardFace(card, self.lang, redraw=False, parent=self)
            face.story_button.hide()
            face.prompt.setVisible(prompts)
            self.cards_row.addWidget(face, width)

    def _questions(self) -> QWidget:
        box = CheckQuestions(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        checks = self.ws.check_cards()
        half = (len(checks) + 1) // 2
        for n, card in enumerate(checks):
            label = self._label("checkQuestion", box)
            label.setText(f"{n + 1}. {asked(card, self.lang)}")
            label.setAlignment(Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, n % half, n // half)
            box.columns[n // half].append(label)
        grid.setRowStretch(half, 1)
        return box

    def set_room_size(self, size: str) -> None:
        """S, M, L or XL: how large the text is for the room (the Settings dialog says it)."""
        self.room_size = size if size in ROOM_SIZES else "M"
        self._sizes = ()
        self.show_state()

    def _fit_text(self) -> None:
        """Size the text for the window, the room and how many ideas share the screen (a change of style only
        when a size changes: a typed idea repaints the wall, nothing more)."""
        body, floor = text_sizes(self.height(), self.room_size, len(self.ws.ideas))
        if (body, floor) != self._sizes:
            self._sizes = (body, floor)
            self._base = round(body * 0.75)  # the style sheet's base size (the benchmark's bare repaint uses it)
            self.wall.set_sizes(floor, round(body * 1.25))  # the ideas fill what the cards leave, up to this
            self._restyle(body)
            self.timer.ensurePolished()  # the digits' widest time, so the words beside them never re-wrap as it runs
            digits = QFontMetrics(self.timer.font())
            self.timer.setMinimumWidth(max(digits.horizontalAdvance(f"{d}{d}:{d}{d}") for d in "0123456789"))

    def _status(self) -> str:
        ws = self.ws
        kind = ws.step.kind
        if kind == "choose" and not ws.revealed:
            total = ws.ballot.dots * len(ws.voters())
            return tr("Voting: {0} of {1} dots given. The results show when the facilitator reveals them.").format(
                ws.dots_given(), total
            )
        if kind == "choose":
            return tr("The votes")
        if kind == "promise":
            return tr("Our promises")
        if kind not in WALL_STEPS:
            return ""  # a warm-up or the client: the cards and the instruction say it all
        if not ws.anonymous and not ws.team_draw() and kind not in ("check", "choose"):
            return ""  # a column per team, each headed with its count: the wall says it all
        return trn("%n ideas", len(ws.ideas))

    def groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """The wall's columns for this step, every idea in them."""
        return self.wall_columns(None)[0]

    def wall_columns(self, tail: int | None) -> tuple[list[tuple[str, list[tuple[str, str]]]], list[int]]:
        """The wall's columns for this step, each with at most its newest `tail` ideas (all when None), and per
        column how many older ones were left out: a room of phones sends thousands, the wall shows a few dozen."""
        ws = self.ws
        kind = ws.step.kind
        if kind == "choose" and ws.revealed:
            tied = {i.id for i in ws.tie()[0]} if ws.tie_open() else set()
            chosen = {i.id for i in ws.chosen()} - tied  # a tie on the line is the facilitator's to break
            tie = " · " + tr("a tie")
            lines = [
                (
                    f"{'✓ ' if i.id in chosen else ''}{'●' * i.dots}",
                    self._with_team(i) + (tie if i.id in tied else ""),
                )
                for i in ws.ranking()
            ]
            return [("", lines)], [0]
        if kind == "promise":
            lines = []
            for i in ws.chosen():
                p = i.promise
                who = " — ".join(x for x in (p.who, format_date(p.due)) if x)
                lines.append((focus_word(i.focus), i.text + (f" ({who})" if who else "")))
            return [("", lines)], [0]
        if ws.team_draw() and ws.anonymous:  # every team has drawn its own cards: a column each shows them
            return [(t.name, []) for t in ws.teams], [0] * len(ws.teams)
        if not ws.team_draw() and (ws.anonymous or kind in ("check", "choose")):
            count = len(ws.ideas)
            halves = [(0, (count + 1) // 2), ((count + 1) // 2, count)] if count > 8 else [(0, count)]
            starts = [end - min(end - start, tail if tail is not None else count) for start, end in halves]
            columns = [("", [(f"{i.id}.", i.text) for i in ws.ideas[first:end]]) for first, (_, end) in
                       zip(starts, halves, strict=True)]  # fmt: skip
            return columns, [first - start for first, (start, _) in zip(starts, halves, strict=True)]
        # one pass over the room's ideas, newest first, not one a team (a room of phones sends thousands)
        names = [t.name for t in ws.teams]
        counts = Counter(map(attrgetter("team"), ws.ideas))
        newest: dict[str, list[tuple[str, str]]] = {name: [] for name in names}
        wanted = len(names)  # columns still taking ideas
        for i in reversed(ws.ideas):
            column = newest.get(i.team)
            if column is not None and (tail is None or len(column) < tail):
                column.append((f"{i.id}.", i.text))
                if tail is not None and len(column) == tail:
                    wanted -= 1
                    if not wanted:
                        break
        columns = [(f"{name} · {counts[name]}", newest[name][::-1]) for name in names]
        if ws.team_draw():  # a column each, headed by the team's name alone (its own cards say the rest)
            columns = [(name, items) for name, (_, items) in zip(names, columns, strict=True)]
        return columns, [counts[name] - len(newest[name]) for name in names]

    def team_cards(self) -> list[str]:
        """Under each team's column: the cards it drew for itself ("Café · The regular"), when the wall has a
        column per team."""
        ws = self.ws
        if ws.step.kind in ("check", "choose", "promise") or (ws.anonymous and not ws.team_draw()):
            return []
        return [" · ".join(ws.title_for(t.name, c, self.lang) for c in ws.all_own_cards(t.name)) for t in ws.teams]

    def _with_team(self, idea) -> str:
        return idea.text if self.ws.anonymous else f"{idea.text} — {' + '.join(idea.authors())}"

    def show_time(self) -> None:
        ws = self.ws
        if ws.on_break:
            self.break_timer.setText(clock_text(ws.pause.remaining()))
            theme.flag_style(self.break_timer, "alarm", ws.pause.finished)
            on_the_second(self._second, ws.pause)
            return
        timer = None if ws.finished else ws.timer  # after Finish no frozen clock
        self.timer.setText(clock_text(timer.remaining()) if timer else "")
        on_the_second(self._second, timer)
        theme.flag_style(self.timer, "alarm", bool(timer and timer.finished))

    # --- alarm and screens ------------------------------------------------------------------------

    def flash(self) -> None:
        """Time is up: the page blinks a few times (the alarm is never colour alone: the digits read 00:00)."""
        self._flashes = self.FLASHES
        self._flash.start()

    def _flash_step(self) -> None:
        self._flashes -= 1
        theme.flag_style(self, "flash", self._flashes > 0 and self._flashes % 2 == 1)
        if self._flashes <= 0:
            self._flash.stop()

    def place(self, console: QWidget | None) -> None:
        """Full screen on a screen the console is not on, when there is one; a window otherwise."""
        screens = QGuiApplication.screens()
        here = console.screen() if console is not None else None
        others = [s for s in screens if s is not here]
        if len(screens) > 1 and others:
            self.setGeometry(others[0].geometry())
            self.showFullScreen()
        else:
            self.show()
        if console is not None:  # the room's view has no controls: the keys stay with the facilitator
            console.activateWindow()
            self.raise_()  # and the room's view stays in sight on a single screen

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def resizeEvent(self, event) -> None:
        self._fit_text()
        super().resizeEvent(event)
        self._fit_cards()

    def _fit_cards(self) -> None:
        """Each card whole on a small projector: the text gives way two pixels at a time while a card's title
        or question is taller than the room the card leaves it (a 1024×768 projector), or the wall has no room
        for a team's newest idea, never below SMALLEST_PX; a larger window starts again from the room's size."""
        faces = [face for face in self.findChildren(CardFace) if face.isVisibleTo(self)]
        if not self._sizes or self.pages.currentIndex() != 0:
            return
        body = self._sizes[0]
        self._restyle(body)
        while faces and body > SMALLEST_PX and (self._cut(faces) or self.wall.starved()):
            body -= 2  # the cards' words whole, and room left on the wall for each team's newest idea
            self._restyle(body)

    def _cut(self, faces: list[CardFace]) -> bool:
        self.page_layout.invalidate()
        self.page_layout.activate()  # the geometry of the moment, not of the next pass
        for face in faces:
            face.layout().activate()
        return any(
            label.isVisibleTo(face) and label.heightForWidth(label.width()) > label.height()
            for face in faces
            for label in (face.title, face.prompt)
        )

    def _restyle(self, body: int) -> None:
        if body != self._styled:
            self._styled = body
            self.setStyleSheet(presenter_stylesheet(body))


class CheckQuestions(QWidget):
    """The check questions in two columns, as large as the room's text and no larger than lets every question
    show whole: a 1024×768 projector gets smaller letters, never a question cut mid-line."""

    SMALLEST = 14

    def __init__(self, presenter: "PresenterView"):
        super().__init__(presenter)
        self.setObjectName("checkQuestions")
        self.presenter = presenter
        self.columns: tuple[list[QLabel], list[QLabel]] = ([], [])
        self.px = 0

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        labels = self.columns[0] + self.columns[1]
        if not labels or not self.presenter._sizes:
            return
        grid = self.layout()
        width = (self.width() - max(0, grid.horizontalSpacing())) // 2
        font = QFont(labels[0].font())
        px = self.presenter._sizes[0]
        while px > self.SMALLEST:
            font.setPixelSize(px)
            metrics = QFontMetrics(font)
            area = QRect(0, 0, max(1, width - 2), 100_000)  # a pixel or two of a label's own margin spare
            flags = int(Qt.TextFlag.TextWordWrap)
            left, right = self.columns
            rows = zip(left, right + [None] * (len(left) - len(right)), strict=True)
            need = sum(  # a row as tall as the longer of its two questions
                max(metrics.boundingRect(area, flags, label.text()).height() for label in row if label is not None)
                for row in rows
            ) + max(0, grid.verticalSpacing()) * (len(left) - 1)
            if need <= self.height():
                break
            px -= 1
        if px != self.px:
            self.px = px
            self.setStyleSheet(f"QLabel#checkQuestion {{ font-size: {px}px; }}")


def presenter_stylesheet(body: int) -> str:
    """The room's text: `body` px for cards and questions (40 at 1920×1080), the rest in proportion."""
    base = round(body * 0.75)  # buttons, the step bar: what the room does not read
    return (
        theme.stylesheet(base)
        + f"""
    QWidget#presenter {{ background: {theme.PAPER}; }}
    QWidget#presenter[flash="true"] {{ background: #F6D5CF; }}
    QLabel#bigTimer {{ font-size: {round(body * 3.4)}px; font-weight: 700; color: {theme.ACCENT}; }}
    QLabel#bigTimer[alarm="true"] {{ color: {ALARM}; }}
    QLabel#screenTitle {{ font-size: {round(body * 1.5)}px; font-weight: 700; }}
    QLabel#gameTitle {{ font-size: {round(body * 2.2)}px; font-weight: 700; color: {theme.ACCENT}; }}
    QLabel#instruction {{ font-size: {round(body * 0.8)}px; }}
    QLabel#cardTitle {{ font-size: {round(body * 1.4)}px; font-weight: 700; }}
    QLabel#cardPrompt, QLabel#checkQuestion {{ font-size: {body}px; }}
    QFrame#band QLabel {{ font-size: {round(body * 0.7)}px; }}
    """
    )
