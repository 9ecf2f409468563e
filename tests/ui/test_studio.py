"""The deck studio, driven as a trainer would: a three-card deck written in both languages with clicks and keys,
played in a round, printed, exported, and installed into a fresh data folder where it plays the same."""

import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QFrame, QPushButton

from game.domain.round import new_round
from game.ui.screens import DecksScreen, SummaryScreen
from game.ui.studio import DeckStudio
from tests.play import play_to_end
from tests.ui.conftest import click, type_text, when_modal

CARDS = [
    ("Звонок в клинику", "Calling the clinic", "Как вас встречают по телефону?", "How are you greeted on the phone?"),
    ("В кресле 🦷", "In the chair 🦷", "О чём думает пациент?", "What is the patient thinking?"),
    ("Счёт", "The bill", "Понятен ли счёт?", "Is the bill clear?"),
]


def answer(monkeypatch, kind: str, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, kind, staticmethod(lambda *a, **k: (str(path), "")))


def press(modal, text: str) -> None:
    next(b for b in modal.findChildren(QPushButton) if b.text() == text).click()


def pick(decks: DecksScreen, name: str) -> None:
    decks.list.setCurrentRow(next(i for i in range(decks.list.count()) if decks.list.item(i).text().startswith(name)))


def fill_new_deck(dialog) -> None:
    dialog.kind.setCurrentIndex(dialog.kind.findData("lens"))
    dialog.name_ru.setText("Стоматология")
    dialog.name_en.setText("Dental clinic")
    dialog.ok.click()


def write_card(qtbot, studio: DeckStudio, card) -> None:
    title_ru, title_en, prompt_ru, prompt_en = card
    for (field, lang), text in {
        ("title", "ru"): title_ru, ("title", "en"): title_en, ("prompt", "ru"): prompt_ru, ("prompt", "en"): prompt_en
    }.items():
        editor = studio.editors[(field, lang)]
        editor.setFocus()
        type_text(qtbot, editor, text)


@pytest.fixture
def studio(qtbot, open_window):
    window = open_window()
    window.actions_["decks"].trigger()
    decks = window.current_screen()
    assert isinstance(decks, DecksScreen)
    when_modal(fill_new_deck)
    click(qtbot, decks.new_button)
    screen = window.current_screen()
    assert isinstance(screen, DeckStudio)
    with qtbot.waitActive(window):  # the dialog gave the window back (a window manager does this itself)
        window.activateWindow()
    return window, screen


def test_a_trainer_writes_a_deck_plays_prints_exports_and_a_colleague_installs_it(
    qtbot, studio, monkeypatch, tmp_path, data_home
):
    window, screen = studio
    write_card(qtbot, screen, CARDS[0])
    assert screen.preview_text("title") == "Calling the clinic"  # the live card follows the typing
    qtbot.keyClick(screen.editors[("title", "en")], Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert screen.list.count() == 2 and screen.list.currentRow() == 1
    write_card(qtbot, screen, CARDS[1])
    click(qtbot, screen.add_button)
    # only the Russian first: the studio marks the missing English and the game would skip the deck
    type_text(qtbot, screen.editors[("title", "ru")], CARDS[2][0])
    assert screen.marks["title"].isVisible() and "English" in screen.marks["title"].text()
    assert screen.list.item(2).text().endswith("⚠")
    screen.save_now()
    assert "title.en: is empty" in screen.problems.text()
    write_card(qtbot, screen, ("", *CARDS[2][1:]))
    screen.save_now()
    assert screen.problems.text() == "" and not screen.marks["title"].isVisible()

    # undo takes back the last typing, redo brings it again
    qtbot.keyClick(screen.editors[("prompt", "en")], Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert screen.editors[("prompt", "en")].toPlainText() == ""
    qtbot.keyClick(screen.editors[("prompt", "en")], Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert screen.editors[("prompt", "en")].toPlainText() == "Is the bill clear?"
    # the card at print size: print-and-play's own drawing, 63 mm wide on this screen, redrawn when typing pauses
    click(qtbot, screen.print_size)
    first = screen.printed_image()
    assert screen.face is None and first is not None
    assert abs(first.width() - 63 / 25.4 * screen.logicalDpiX()) <= 1
    type_text(qtbot, screen.editors[("title", "en")], "!")
    qtbot.waitUntil(lambda: screen.printed_image() is not None and screen.printed_image() != first, timeout=3000)
    qtbot.keyClick(screen.editors[("title", "en")], Qt.Key.Key_Backspace)
    click(qtbot, screen.print_size)
    assert screen.face is not None and screen.printed is None
    # the deck's own colour: too light for white text is said; undo brings the old one back
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog

    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a, **k: QColor("#f0e060")))
    click(qtbot, screen.color_button)
    screen.save_now()
    assert screen.file.deck["color"] == "#f0e060" and "hard to read" in screen.problems.text()
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a, **k: QColor("#1f5c4a")))
    click(qtbot, screen.color_button)
    assert screen.file.deck["color"] == "#1f5c4a" and "#1f5c4a" in screen.face.findChild(QFrame, "band").styleSheet()
    assert "hard to read" not in screen.problems.text()
    # the emblem: a hostile SVG is refused; the trainer's own picture travels with the deck
    bad = tmp_path / "bad.svg"
    bad.write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>', encoding="utf-8")
    answer(monkeypatch, "getOpenFileName", bad)
    screen.own_emblem()
    assert "an SVG with <script> is refused" in screen.problems.text() and "emblem" not in screen.file.deck
    tooth = tmp_path / "tooth.svg"
    tooth.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="3" '
                     'fill="#fff"/></svg>', encoding="utf-8")
    answer(monkeypatch, "getOpenFileName", tooth)
    next(a for a in screen.emblem_button.menu().actions() if a.text() == "Your own picture (SVG)…").trigger()
    assert screen.file.deck["emblem"] == "art/dental-clinic-emblem.svg"
    assert (data_home / "cards" / "art" / "dental-clinic-emblem.svg").read_bytes() == tooth.read_bytes()
    # move the bill up, then back down
    assert QApplication.activeWindow() is window  # swapping the card's preview keeps the window active (shortcuts)
    screen.list.setCurrentRow(2)
    qtbot.keyClick(screen.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert screen.file.text(1, "title", "en") == "The bill"
    qtbot.keyClick(screen.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)

    path = screen.file.path
    click(qtbot, next(b for b in screen.findChildren(QPushButton) if b.text() == "← Decks"))
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert [c["title"]["ru"] for c in data["cards"]] == [c[0] for c in CARDS]
    assert path.parent == data_home / "cards" and data["deck"]["kind"] == "lens" and data["deck"]["color"] == "#1f5c4a"

    decks = window.current_screen()
    assert isinstance(decks, DecksScreen)
    deck = window.content.decks["dental-clinic"]
    assert [c.title.en for c in deck.cards] == [c[1] for c in CARDS] and not window.content.problems
    pick(decks, "Dental clinic")

    answer(monkeypatch, "getSaveFileName", tmp_path / "dental.pdf")
    click(qtbot, decks.print_button)
    assert (tmp_path / "dental.pdf").read_bytes().startswith(b"%PDF")
    answer(monkeypatch, "getSaveFileName", tmp_path / "dental")
    click(qtbot, decks.export_button)
    assert (tmp_path / "dental.tmdeck").is_file() and "dental.tmdeck" in decks.said.text()

    # a round draws the new lens cards and plays to its end
    seed = next(s for s in range(200) if _lens_of(window.content, s) == deck.cards[0].id)
    window.solo.start("solo-spark", seed=seed)
    rnd = window.current_screen().round
    play_to_end(rnd, lambda: click(qtbot, window.current_screen().next_button))
    assert isinstance(window.current_screen(), SummaryScreen)
    assert rnd.drawn_of_kind("lens").title.ru == "Звонок в клинику"

    # a colleague's fresh data folder installs the file and plays the same deck
    from game.ui.app import build_window

    other = build_window(tmp_path / "colleague", "en")
    qtbot.addWidget(other)
    other.show()
    other.actions_["decks"].trigger()
    theirs = other.current_screen()
    answer(monkeypatch, "getOpenFileName", tmp_path / "dental.tmdeck")
    when_modal(lambda box: press(box, "Install"))
    click(qtbot, theirs.install_button)
    installed = other.content.decks["dental-clinic"]
    assert installed.cards == deck.cards and installed.emblem == "art/dental-clinic-emblem.svg"
    assert (tmp_path / "colleague" / "cards" / "art" / "dental-clinic-emblem.svg").is_file()
    assert "Installed Dental clinic" in other.current_screen().said.text()
    assert _lens_of(other.content, seed) == deck.cards[0].id
    # installing it again asks: keep both (a new id) — never a silent overwrite
    when_modal(lambda box: press(box, "Keep both"))
    click(qtbot, other.current_screen().install_button)
    assert "dental-clinic-2" in other.content.decks
    other.library.close()


def _lens_of(content, seed: int) -> str:
    rnd = new_round(content.scenarios["solo-spark"], content, seed=seed)
    while rnd.step.kind != "lens":
        rnd.next()
    return rnd.drawn_of_kind("lens").id


def test_a_shipped_deck_is_edited_as_your_copy_and_can_go_back(qtbot, open_window, data_home):
    from game import paths

    window = open_window()
    window.actions_["decks"].trigger()
    decks = window.current_screen()
    pick(decks, "Lenses")
    assert decks.edit_button.text() == "Edit a copy…"
    shipped = (paths.shipped("cards") / "lens.toml").read_bytes()
    when_modal(lambda box: press(box, "Make my copy"))
    click(qtbot, decks.edit_button)
    studio = window.current_screen()
    assert isinstance(studio, DeckStudio) and studio.shipped_button.isVisible()
    editor = studio.editors[("title", "en")]
    editor.selectAll()
    type_text(qtbot, editor, "Through a child's eyes")
    click(qtbot, next(b for b in studio.findChildren(QPushButton) if b.text() == "← Decks"))
    assert window.content.decks["lens"].cards[0].title.en == "Through a child's eyes"
    assert (paths.shipped("cards") / "lens.toml").read_bytes() == shipped  # never changed
    decks = window.current_screen()
    pick(decks, "Lenses")
    assert decks.edit_button.text() == "Edit…"
    click(qtbot, decks.edit_button)
    studio = window.current_screen()
    when_modal(lambda box: press(box, "Yes"))
    click(qtbot, studio.shipped_button)
    assert window.content.decks["lens"].path.parent == paths.shipped("cards")
    assert len(list((data_home / "cards" / "replaced").glob("lens-*.toml"))) == 1
    assert QApplication.activeModalWidget() is None


def test_a_scenario_made_in_the_studio_adds_up_and_plays_to_its_end(qtbot, open_window, data_home):
    from game.ui.scenario_studio import ScenarioStudio

    window = open_window()
    window.actions_["decks"].trigger()
    decks = window.current_screen()

    def fill(dialog) -> None:
        dialog.start.setCurrentIndex(dialog.start.findData("solo-spark"))
        dialog.name_ru.setText("Утро в салоне")
        dialog.name_en.setText("Salon morning")
        dialog.ok.click()

    when_modal(fill)
    click(qtbot, decks.new_scenario_button)
    studio = window.current_screen()
    assert isinstance(studio, ScenarioStudio)
    assert studio.total.text() == "Steps, opening, break and wrap-up add up to 15 min; the scenario says 15 min."
    # a lens step after the moment, three minutes; the total follows and says it no longer agrees
    studio.list.setCurrentRow(1)
    next(a for a in studio.add_button.menu().actions() if a.text() == "Lens").trigger()
    assert studio.list.currentRow() == 2 and studio.file.step_kind(2) == "lens"
    studio.minutes.setFocus()
    studio.minutes.selectAll()
    type_text(qtbot, studio.minutes, "3")
    assert studio.file.seconds(2) == 180 and studio.list.item(2).text().startswith("3. Lens · 3:00")
    assert "add up to 18 min; the scenario says 15 min. Change a timer" in studio.total.text()
    studio.length.setValue(20)
    studio.extras["wrap_up_minutes"].setValue(2)
    assert studio.total.text() == "Steps, opening, break and wrap-up add up to 20 min; the scenario says 20 min."
    # draw a constraint too at the new step, and the instruction in both languages
    box = studio.draw_boxes["constraint"]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))  # on its tick box
    assert box.isChecked()
    studio.instructions["en"].selectAll()
    type_text(qtbot, studio.instructions["en"], "Look again, with a limit.")
    studio.save_now()
    assert studio.problems.text() == "" and studio.rehearse_button.isEnabled()
    saved = tomllib.loads((data_home / "scenarios" / "salon-morning.toml").read_text(encoding="utf-8"))
    assert saved["scenario"]["minutes"] == 20 and saved["scenario"]["wrap_up_minutes"] == 2
    assert saved["steps"][2]["draw"] == ["lens", "constraint"]
    # an empty instruction is named, and Rehearse waits for it
    studio.instructions["ru"].clear()
    studio.save_now()
    assert "step 3: instruction.ru" in studio.problems.text() and not studio.rehearse_button.isEnabled()
    type_text(qtbot, studio.instructions["ru"], "Посмотрите ещё раз, с ограничением.")
    studio.save_now()
    click(qtbot, studio.rehearse_button)
    rnd = window.current_screen().round
    assert rnd.scenario.id == "salon-morning"
    assert [s.kind for s in rnd.scenario.steps][:3] == ["client", "moment", "lens"]
    play_to_end(rnd, lambda: click(qtbot, window.current_screen().next_button))
    assert isinstance(window.current_screen(), SummaryScreen)


def test_a_workshop_scenarios_check_step_sets_its_shortlist(qtbot, open_window, data_home):
    from game.io.scenariofile import ScenarioFile
    from game.ui.scenario_studio import ScenarioStudio

    window = open_window()
    source = window.content.scenarios["classic-workshop"].path
    copy = ScenarioFile.copy_of(source, data_home / "scenarios" / "my-workshop.toml", "my-workshop",
                                {"ru": "Мой воркшоп", "en": "My workshop"})
    copy.save()
    window.decks.show_scenario_studio(copy.path)
    studio = window.current_screen()
    assert isinstance(studio, ScenarioStudio)
    check = next(n for n in range(studio.list.count()) if studio.file.step_kind(n) == "check")
    studio.list.setCurrentRow(0)
    assert not studio.shortlist.isVisible()
    studio.list.setCurrentRow(check)
    assert studio.shortlist.isVisible() and studio.shortlist.value() == 3
    studio.shortlist.setFocus()
    qtbot.keyClick(studio.shortlist, Qt.Key.Key_Down)
    studio.save_now()
    saved = tomllib.loads(copy.path.read_text(encoding="utf-8"))
    assert saved["steps"][check]["shortlist"] == 2 and studio.problems.text() == ""
    assert "teams_check" not in saved["steps"][check]  # teams tick on their phones unless the scenario says not
    assert studio.teams_check.isVisible() and studio.teams_check.isChecked()
    qtbot.mouseClick(studio.teams_check, Qt.MouseButton.LeftButton)
    studio.save_now()
    saved = tomllib.loads(copy.path.read_text(encoding="utf-8"))
    assert saved["steps"][check]["teams_check"] is False and studio.problems.text() == ""
    from game.domain.content import load_scenario

    assert [s.teams_check for s in load_scenario(copy.path).steps if s.kind == "check"] == [False]
    studio.mode.setCurrentIndex(studio.mode.findData("solo"))
    assert not studio.shortlist.isVisible() and not studio.teams_check.isVisible()
