"""Around the round: broken decks and libraries, settings, help, decks browser — as a user meets them."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFrame, QLabel

from game.store.db import DB_NAME
from game.ui.library_screen import LibraryScreen
from game.ui.round_screen import RoundScreen
from game.ui.screens import DecksScreen, HomeScreen, SummaryScreen
from game.ui.settings_dialog import SettingsDialog
from tests.play import play_to_end
from tests.ui.conftest import click, when_modal


def finish_quickly(qtbot, win) -> None:
    """Play solo spark to its end: the steps' own widgets are tested in test_solo_round."""
    win.solo.start("solo-spark", seed=2)
    screen = win.current_screen()
    assert isinstance(screen, RoundScreen)
    play_to_end(screen.round, lambda: click(qtbot, screen.next_button), focus="fix")


def test_a_corrupt_library_is_named_left_alone_and_the_round_kept(qtbot, open_window, data_home):
    data_home.mkdir(parents=True)
    junk = b"not a database " * 50
    (data_home / DB_NAME).write_bytes(junk)
    win = open_window()
    finish_quickly(qtbot, win)
    summary = win.current_screen()
    assert isinstance(summary, SummaryScreen)
    assert "Could not save to the library" in summary.saved.text()
    [kept] = (data_home / "unsaved").glob("round-*.json")
    assert "idea at step 3" in kept.read_text(encoding="utf-8")
    assert str(kept) in summary.saved.text()
    assert (data_home / DB_NAME).read_bytes() == junk
    win.show_library()
    library = win.current_screen()
    assert isinstance(library, LibraryScreen)
    assert library.status.text().startswith(f"The library could not be opened: {data_home / DB_NAME}")


def test_a_broken_user_deck_is_skipped_and_shown(qtbot, open_window, data_home):
    decks = data_home / "cards"
    decks.mkdir(parents=True)
    (decks / "mine.toml").write_text('[deck]\nid = "mine"\nkind = "lens"\nname = { ru = "Моя" }\n', encoding="utf-8")
    win = open_window()
    home = win.current_screen()
    assert isinstance(home, HomeScreen)
    qtbot.waitUntil(home.warning.isVisible)  # the decks are read just after the window shows
    assert home.warning.text() == "1 deck or scenario file(s) could not be read and were skipped: see Decks."
    click(qtbot, home.decks_button)
    decks_screen = win.current_screen()
    assert isinstance(decks_screen, DecksScreen)
    texts = [label.text() for label in decks_screen.findChildren(QLabel)]
    assert any(f"{decks / 'mine.toml'}: deck.name: missing `en`" in text for text in texts)
    assert "solo-spark" in win.content.scenarios  # the game still plays


def test_settings_dialog_switches_the_language_and_remembers_it(qtbot, open_window):
    win = open_window("en")

    def answer(dialog) -> None:
        assert isinstance(dialog, SettingsDialog)
        dialog.language.setFocus()
        dialog.language.setCurrentIndex(dialog.language.findData("ru"))
        click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))

    waiter = when_modal(answer)
    win.actions_["settings"].trigger()
    assert not waiter.isActive()
    home = win.current_screen()
    assert home.solo_button.text() == "Играть в одиночку"
    assert win.settings.get("language") == "ru"
    win.close()
    again = open_window(None)
    assert again.lang == "ru"
    assert again.current_screen().solo_button.text() == "Играть в одиночку"
    from game.ui import i18n

    i18n.install("en")


def overlay_texts(screen) -> set[str]:
    from game.ui.widgets import HelpOverlay

    [overlay] = [o for o in screen.findChildren(HelpOverlay) if o.isVisible()]
    return {label.text() for label in overlay.findChildren(QLabel)}


def press_f1(qtbot, win) -> None:
    with qtbot.waitActive(win):  # shortcuts go to the active window, as on a desktop
        win.activateWindow()
    qtbot.keyClick(win.current_screen().focusWidget() or win.current_screen(), Qt.Key.Key_F1)


def test_f1_shows_the_screens_own_keys_over_it(qtbot, open_window):
    """One overlay on every screen (the console's): the screen's keys and the window's, no grey message box."""
    win = open_window()
    win.solo.start("solo-spark", seed=2)
    round_screen = win.current_screen()
    press_f1(qtbot, win)
    shown = overlay_texts(round_screen)
    for keys in ("Ctrl+Return / Ctrl+Enter / Alt+Right", "Alt+Left", "Ctrl+Space", "Ctrl+R", "F1", "Ctrl+L",
                 "Ctrl+D", "Ctrl+Q", "Ctrl+H"):  # fmt: skip
        assert keys in shown, keys
    assert QApplication.activeModalWidget() is None
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not any(o.isVisible() for o in round_screen.findChildren(QFrame, "helpOverlay"))
    win.show_library()
    press_f1(qtbot, win)
    shown = overlay_texts(win.current_screen())
    assert {"Ctrl+Z", "Ctrl+Shift+Z", "Delete", "Ctrl+L", "Ctrl+D", "Ctrl+Q"} <= shown
    assert not {"Ctrl+Space", "Ctrl+R", "1 … 8"} & shown  # no round keys in the library
    win.set_language("ru")  # the menus are retranslated, not rebuilt: F1 is still one shortcut
    assert win.actions_["help"].text() == "Горячие клавиши"
    press_f1(qtbot, win)
    assert "Отменить последнее изменение" in overlay_texts(win.current_screen())


def test_decks_screen_shows_every_card_of_the_chosen_deck(qtbot, open_window):
    win = open_window("ru")
    click(qtbot, win.current_screen().decks_button)
    screen = win.current_screen()
    assert isinstance(screen, DecksScreen)
    row = next(i for i in range(screen.list.count()) if "Приёмы техномагии" in screen.list.item(i).text())
    screen.list.setCurrentRow(row)
    from game.ui.widgets import CardFace

    faces = screen.scroll.widget().findChildren(CardFace)
    assert len(faces) == len(win.content.decks["technomagic"].cards)
    assert faces[0].title.text() == win.content.decks["technomagic"].cards[0].title.ru


def test_asking_for_the_keys_again_closes_them_and_never_stacks_a_second_overlay(qtbot, open_window):
    """F1 (or Help → keys) while the keys show closes them, wherever the focus is (on a real display the
    overlay does not always take it, and the window's own F1 then opened a second overlay over the first)."""
    from game.ui.widgets import HelpOverlay

    win = open_window()
    win.solo.start("solo-spark", seed=2)
    screen = win.current_screen()
    win.show_help()
    assert [o.isVisible() for o in screen.findChildren(HelpOverlay)] == [True]
    win.show_help()
    assert [o.isVisible() for o in screen.findChildren(HelpOverlay)] == [False]
