"""Defects a newcomer met on the screens, each driven the way a person meets it."""

from datetime import date
from itertools import pairwise

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QWheelEvent
from PySide6.QtWidgets import QApplication, QDateEdit, QLabel, QLineEdit, QMessageBox, QPushButton, QScrollArea, QWidget

from game.ui.round_screen import RoundScreen
from game.ui.step_panels import IDEA_STEPS
from tests.ui.conftest import when_modal


def solo_at(win, kind: str) -> RoundScreen:
    win.solo.start("solo-spark", seed=3)
    screen = win.current_screen()
    while screen.round.step.kind != kind:
        screen.round.next() if screen.round.step.kind != "choose" else None
        screen.show_step()
    return screen


def dark_pixels(image, rect) -> int:
    """How many pixels in `rect` are dark enough to be text in ink."""
    count = 0
    for x in range(rect.left(), rect.right(), 2):
        for y in range(rect.top(), rect.bottom(), 2):
            if QColor(image.pixel(x, y)).lightness() < 110:
                count += 1
    return count


def test_clicking_an_idea_keeps_its_text_readable(qtbot, open_window):
    win = open_window("en")
    screen = solo_at(win, "moment")
    for n in range(3):
        screen.round.add_idea(f"Idea number {n} with some words")
    screen.show_step()
    ideas = screen.panel.ideas.list
    rect = ideas.visualItemRect(ideas.item(1))
    before = dark_pixels(ideas.viewport().grab().toImage(), rect)
    qtbot.mouseClick(ideas.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert ideas.currentRow() == 1
    after = dark_pixels(ideas.viewport().grab().toImage(), rect)
    assert before > 20 and after >= before * 0.8, (before, after)


def wheel(widget, steps: int = -1) -> None:
    """Turn the mouse wheel over `widget` (negative: towards the user, as when scrolling down a list)."""
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QApplication

    pos = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(pos, QPointF(widget.mapToGlobal(pos.toPoint())), QPoint(0, 0), QPoint(0, 120 * steps),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)  # fmt: skip
    QApplication.sendEvent(widget, event)


def promise_screen(win, ideas: int = 4) -> RoundScreen:
    win.solo.start("solo-spark", seed=3)
    screen = win.current_screen()
    rnd = screen.round
    while rnd.step.kind != "choose":
        if rnd.step.kind in IDEA_STEPS and not rnd.ideas:
            for n in range(ideas):
                rnd.add_idea(f"Idea {n}")
        rnd.next()
    for n in range(1, min(ideas, 3) + 1):
        rnd.give_dot(n)
        rnd.set_focus(n, "wow")
    rnd.next()
    screen.show_step()
    return screen


def test_the_wheel_over_a_promise_date_scrolls_the_list_not_the_date(qtbot, open_window):
    win = open_window("en")
    win.resize(1024, 700)
    screen = promise_screen(win)
    due = screen.panel.findChild(QDateEdit, "promise-due-2")
    [week] = [b for b in screen.panel.findChildren(QPushButton) if b.property("key") == "due-7-2"]
    qtbot.mouseClick(week, Qt.MouseButton.LeftButton)
    screen.panel.findChild(QLineEdit, "promise-who-1").setFocus()
    before = due.date()
    wheel(due)
    assert due.date() == before
    win.activateWindow()
    due.setFocus()
    qtbot.waitUntil(due.hasFocus)
    wheel(due, +1)
    assert due.date() != before  # a focused date still takes the wheel


def test_the_projector_measures_the_wow_tag_whole():
    from PySide6.QtGui import QFont, QFontMetrics

    from game.ui.presenter import mark_width

    metrics = QFontMetrics(QFont("Open Sans", 30))
    marks = ["Fix", "WOW", "Fix"]
    assert mark_width(marks, metrics) >= metrics.horizontalAdvance("WOW") > metrics.horizontalAdvance("Fix")


def test_play_solo_asks_before_giving_up_the_round_in_play(qtbot, open_window):
    from game.ui.screens import HomeScreen, ScenarioPicker

    win = open_window("en")
    assert win.content.scenarios
    win.solo.start("solo-spark", seed=3)
    win.round.add_idea("an idea worth keeping")
    win.show_home()
    seen = {}

    def answer(box, choose_yes: bool) -> None:
        seen["default"] = box.defaultButton().text()
        seen["icon"] = box.icon()
        buttons = {b.text(): b for b in box.buttons()}
        qtbot.mouseClick(buttons["Give it up, start anew" if choose_yes else "No, keep it"], Qt.MouseButton.LeftButton)

    when_modal(lambda box: answer(box, False))
    qtbot.mouseClick(win.current_screen().solo_button, Qt.MouseButton.LeftButton)
    assert seen == {"default": "No, keep it", "icon": QMessageBox.Icon.NoIcon}
    assert isinstance(win.current_screen(), HomeScreen) and win.round.ideas[0].text == "an idea worth keeping"
    when_modal(lambda box: answer(box, True))
    qtbot.mouseClick(win.current_screen().solo_button, Qt.MouseButton.LeftButton)
    assert isinstance(win.current_screen(), ScenarioPicker)


def test_pasted_lines_become_separate_ideas_after_a_one_line_question(qtbot, open_window):
    win = open_window("en")
    screen = solo_at(win, "moment")
    ideas = screen.panel.ideas
    QGuiApplication.clipboard().setText("Tea while they wait\nA note for the next shift\n\nCall back next day\n")
    ideas.input.setFocus()
    qtbot.keyClick(ideas.input, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert ideas.input.text() == "" and ideas.paste_bar.isVisible()
    assert ideas.paste_question.text() == "Lines pasted: 3. Make each line an idea of its own?"
    qtbot.mouseClick(ideas.paste_apart, Qt.MouseButton.LeftButton)
    assert [i.text for i in screen.round.ideas] == ["Tea while they wait", "A note for the next shift",
                                                    "Call back next day"]  # fmt: skip
    assert ideas.list.count() == 3 and not ideas.paste_bar.isVisible()
    qtbot.keyClick(ideas.input, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(ideas.paste_together, Qt.MouseButton.LeftButton)
    assert ideas.input.text() == "Tea while they wait A note for the next shift Call back next day"


def test_an_idea_stops_at_its_limit_with_a_counter_near_it(qtbot, open_window):
    from game.domain.limits import IDEA_CHARS

    win = open_window("en")
    screen = solo_at(win, "moment")
    ideas = screen.panel.ideas
    assert ideas.input.maxLength() == IDEA_CHARS
    ideas.input.setText("a" * 300)
    assert not ideas.counter.isVisible()
    ideas.input.setText("a" * 420)
    qtbot.keyClicks(ideas.input, "b" * 100)
    assert len(ideas.input.text()) == IDEA_CHARS
    assert ideas.counter.isVisible() and ideas.counter.text() == f"{IDEA_CHARS} of {IDEA_CHARS} characters"


def test_a_long_idea_keeps_its_dot_buttons_in_sight_on_choose(qtbot, open_window):
    from game.domain.limits import IDEA_CHARS

    win = open_window("en")
    win.resize(1024, 700)
    win.solo.start("solo-spark", seed=3)
    screen = win.current_screen()
    rnd = screen.round
    while rnd.step.kind != "choose":
        if rnd.step.kind in IDEA_STEPS and not rnd.ideas:
            rnd.add_idea(("A long idea with many words " * 40)[:IDEA_CHARS])
            rnd.add_idea("A short one")
        rnd.next()
    screen.show_step()
    qtbot.waitUntil(lambda: screen.panel.isVisible())
    scroll = screen.panel.findChild(QScrollArea)
    for name in ("dot-plus-1", "dot-minus-1", "dot-plus-2"):
        button = screen.panel.findChild(QPushButton, name)
        top_left = button.mapTo(scroll.viewport(), QPoint(0, 0))
        assert scroll.viewport().rect().contains(QRect(top_left, button.size())), name


def test_the_library_detail_opens_long_fields_at_their_start(qtbot, open_window, library_home):
    from tests.library_data import add

    add(library_home, "An idea", promise_first_step="Call the supplier " * 10, promise_success_sign="They smile " * 10)
    win = open_window("en", ready=True)
    win.show_library()
    library = win.current_screen()
    library.table.selectRow(0)
    for name in ("promise_first_step", "promise_success_sign"):
        assert library.detail.widgets[name].cursorPosition() == 0


def test_the_library_fits_a_laptop_with_the_idea_column_widest_and_hints_whole(qtbot, open_window, library_home):
    from tests.library_data import add

    for n in range(5):
        add(library_home, f"Idea {n}: a title of some length", promise_who="Oleg", status="planned",
            promise_due=date(2030, 12, 31))  # fmt: skip
    for lang in ("en", "ru"):
        win = open_window(lang, ready=True)
        win.resize(1024, 700)
        win.show_library()
        library = win.current_screen()
        QApplication.processEvents()
        assert win.width() == 1024
        header = library.table.horizontalHeader()
        widths = [header.sectionSize(c) for c in range(header.count())]
        assert widths[0] == max(widths), widths
        for edit in (library.search, library.tag_filter, library.people_filter):
            needed = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
            assert edit.width() > needed, (edit.placeholderText(), edit.width(), needed)


def test_finish_refused_marks_the_empty_promise_fields_and_puts_the_cursor_in_the_first(qtbot, open_window):
    win = open_window("en")
    screen = promise_screen(win)
    with qtbot.waitActive(win):
        win.activateWindow()
    who = screen.panel.findChild(QLineEdit, "promise-who-1")
    qtbot.keyClicks(who, "Anna")
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    assert not screen.round.finished
    marked = {w.objectName() for w in screen.panel.findChildren(QWidget) if w.property("missing") == "true"}
    assert marked == {"promise-due-1", "promise-first_step-1", "promise-who-2", "promise-due-2",
                      "promise-first_step-2", "promise-who-3", "promise-due-3", "promise-first_step-3"}  # fmt: skip
    assert QApplication.focusWidget() is screen.panel.findChild(QDateEdit, "promise-due-1")
    first_step = screen.panel.findChild(QLineEdit, "promise-first_step-1")
    qtbot.keyClicks(first_step, "Call")
    assert first_step.property("missing") == "false"  # typing clears the mark


def test_tab_walks_a_promise_card_in_the_order_it_reads(qtbot, open_window):
    win = open_window("en")
    screen = promise_screen(win)
    with qtbot.waitActive(win):
        win.activateWindow()
    who = screen.panel.findChild(QLineEdit, "promise-who-1")
    who.setFocus()
    seen = []
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        name = widget.property("key") or widget.objectName()
        if name not in seen[-1:]:  # Tab walks a date's day, month and year first
            seen.append(name)
    assert seen[:5] == ["promise-due-1", "due-7-1", "due-30-1", "promise-first_step-1", "promise-success_sign-1"]


def test_a_paused_timer_says_it_is_paused(qtbot, open_window):
    win = open_window("en")
    screen = solo_at(win, "moment")
    timer = screen.timer
    assert not timer.paused_label.isVisible()
    with qtbot.waitActive(win):
        win.activateWindow()
    if timer.countdown.running:
        qtbot.keyClick(screen.panel.ideas.input, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert not timer.countdown.running
    assert timer.paused_label.isVisible() and timer.paused_label.text() == "Paused"
    assert timer.digits.property("paused") == "true"
    qtbot.keyClick(screen.panel.ideas.input, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert timer.countdown.running and not timer.paused_label.isVisible()


def test_russian_decks_are_listed_in_russian_order_and_twists_read_on(qtbot, open_window):
    from PySide6.QtCore import QCollator, QLocale

    from game.ui.widgets import CardFace

    win = open_window("ru")
    win.decks.show()
    decks = win.current_screen()
    items = [decks.list.item(i) for i in range(decks.list.count())]
    names = [item.text() for item in items if item.data(Qt.ItemDataRole.UserRole)]  # the decks (scenarios follow)
    collator = QCollator(QLocale(QLocale.Language.Russian))
    assert all(collator.compare(a, b) <= 0 for a, b in pairwise(names)), names
    card = next(c for d in win.content.decks.values() for c in d.cards if c.twist and c.twist.ru[:1].isupper())
    face = CardFace(card, "ru")
    assert face.twist.text().startswith("Вариант: " + card.twist.ru[0].lower())


def test_reworking_an_idea_shows_its_letters_whole(qtbot, open_window):
    win = open_window("ru")
    screen = solo_at(win, "moment")
    screen.round.add_idea("Идея — ёжик, Щука, Дуб (gjpqy)")
    screen.show_step()
    ideas = screen.panel.ideas.list
    ideas.editItem(ideas.item(0))
    editor = ideas.findChild(QLineEdit)
    qtbot.waitUntil(editor.isVisible)
    assert editor.height() >= editor.sizeHint().height(), (editor.height(), editor.sizeHint().height())


def test_after_the_example_story_typing_goes_on_in_the_idea_line(qtbot, open_window):
    win = open_window("en")
    screen = solo_at(win, "magic")
    with qtbot.waitActive(win):
        win.activateWindow()
    face = next(f for f in screen.panel.faces if f.story_button.isVisible())
    qtbot.mouseClick(face.story_button, Qt.MouseButton.LeftButton)
    assert face.example.isVisible()
    qtbot.keyClicks(QApplication.focusWidget(), "tea")
    assert screen.panel.ideas.input.text() == "tea"


def test_the_merge_dialog_offers_the_likeliest_twin_first(qtbot, open_window):
    from game.domain.workshop import Team
    from game.ui.team_panels import MergeDialog

    win = open_window("en")
    win.workshop.start("classic-workshop", [Team("Owls"), Team("Foxes"), Team("Bees")], {}, seed=5)
    ws = win.current_screen().ws
    ws.add_idea("Photos of the forgotten toy", team="Owls")
    ws.add_idea("Free tea while the client waits", team="Owls")
    ws.add_idea("Call back in ten minutes", team="Foxes")
    ws.add_idea("Tea for free while waiting", team="Bees")
    dialog = MergeDialog(ws, 2, win)
    qtbot.addWidget(dialog)
    assert dialog.target() == 4  # another team's idea with the same words, not the first in the list
    assert MergeDialog(ws, 3, win).target() is None  # nothing alike: the facilitator chooses


def test_a_dot_keeps_the_vote_tiles_where_they_were(qtbot, open_window):
    from game.domain.workshop import Team
    from game.ui.vote_panel import VotePanel

    win = open_window("en")
    win.resize(1024, 700)
    win.workshop.start("classic-workshop", [Team("Owls"), Team("Foxes")], {}, seed=5)
    console = win.current_screen()
    ws = console.ws
    for n in range(16):
        ws.add_idea(f"Idea number {n} with a few more words to wrap", team="Owls" if n % 2 else "Foxes")
    while ws.step.kind != "choose":
        ws.next()
    console.show_step()
    panel = console.panel
    assert isinstance(panel, VotePanel)
    QApplication.processEvents()
    bar = panel.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    before = bar.value()
    assert before > 0
    last = ws.ideas[-2]  # a Foxes idea: the Owls vote first
    plus = panel.tiles[last.id]["plus"]
    qtbot.mouseClick(plus, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert ws.dots_given() == 1
    assert panel.scroll.verticalScrollBar().value() == before


def test_choose_shows_each_ideas_check_score(qtbot, open_window):
    win = open_window("en")
    win.solo.start("solo-spark", seed=3)
    screen = win.current_screen()
    rnd = screen.round
    while rnd.step.kind != "choose":
        if rnd.step.kind in IDEA_STEPS and not rnd.ideas:
            rnd.add_idea("Free tea")
        if rnd.step.kind == "check":
            for card in rnd.check_cards()[:3]:
                rnd.set_check(1, card.id, True)
        rnd.next()
    screen.show_step()
    texts = [label.text() for label in screen.panel.findChildren(QLabel)]
    assert "Check score: 3" in texts


def test_the_workshop_step_bar_counts_a_repeated_step(qtbot, open_window):
    from game.domain.workshop import Team

    win = open_window("en")
    win.workshop.start("classic-workshop", [Team("Owls", ["Anna", "Boris"]), Team("Foxes")], {}, seed=5)
    console = win.current_screen()
    words = [label.text() for label in console.bar.items]
    assert "Magic ×2" in words and len(console.ws.steps) == 9
    ws = console.ws
    while ws.step.kind != "moment":
        ws.next()
    console.show_step()
    QApplication.processEvents()
    owls, foxes = console.panel.columns[0].input, console.panel.columns[1].input
    assert owls.mapTo(console, QPoint(0, 0)).y() == foxes.mapTo(console, QPoint(0, 0)).y()


def test_after_a_dialog_the_windows_keys_work_without_a_click(qtbot, open_window):
    from PySide6.QtGui import QKeySequence

    from game.domain.workshop import Team

    win = open_window("en")
    win.workshop.start("classic-workshop", [Team("Owls"), Team("Foxes")], {}, seed=5)
    console = win.current_screen()
    ws = console.ws
    while ws.step.kind != "moment":
        ws.next()
    ws.add_idea("Tea while you wait", team="Owls")
    ws.add_idea("Tea while waiting", team="Foxes")
    console.show_step()
    with qtbot.waitActive(win):
        win.activateWindow()
    owls = console.panel.columns[0].list
    owls.setCurrentRow(0)
    owls.setFocus()
    when_modal(lambda dialog: dialog.reject())
    qtbot.keyClick(owls, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    before = ws.step_index
    combo = QKeySequence("Ctrl+Return")[0]
    qtbot.keyClick(QApplication.focusWidget() or console, combo.key(), combo.keyboardModifiers())
    assert ws.step_index == before + 1


def test_settings_is_a_dialog_in_the_games_style_without_stock_icons(qtbot, open_window):
    from PySide6.QtWidgets import QDialogButtonBox

    from game.ui import theme
    from game.ui.settings_dialog import SettingsDialog

    win = open_window("en")
    dialog = SettingsDialog(win.settings, win)
    qtbot.addWidget(dialog)
    dialog.show()
    buttons = dialog.findChild(QDialogButtonBox).buttons()
    assert buttons and all(b.icon().isNull() for b in buttons)
    image = dialog.grab().toImage()
    assert QColor(image.pixel(3, image.height() - 3)).name().upper() == theme.PAPER
    assert dialog.room.currentData() == "M" and dialog.room.count() == 4  # the projector's text size


def test_an_open_story_on_a_laptop_is_read_whole_by_scrolling_not_squeezed(qtbot, open_window):
    """The Russian Magic card's story, why and twist at 1024×700: each line has its full height (the story
    scrolls inside the card) and the card's buttons stay in sight."""
    win = open_window("ru")
    win.resize(1024, 700)
    screen = solo_at(win, "magic")
    face = next(f for f in screen.panel.faces if f.card.example and f.card.why)
    qtbot.mouseClick(face.story_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(face.story.isVisible)
    told = [label for label in (face.example, face.why, face.twist, face.source) if label.isVisible()]
    assert len(told) >= 2
    for label in told:
        assert label.height() >= label.heightForWidth(label.width()), (label.objectName(), label.height())
    bar = face.story.verticalScrollBar()
    assert bar.maximum() > 0  # more than the card holds: it scrolls
    assert face.rect().contains(face.story_button.geometry())
    qtbot.mouseClick(face.story_button, Qt.MouseButton.LeftButton)
    assert not face.story.isVisible() and not face.example.isVisible()
