"""Screenshots of every screen, in both languages and at projector and laptop size.

    python tools/screenshots.py OUT_DIR [--sizes 1920x1080,1366x768] [--langs ru,en]

Plays a scripted solo round in a temporary data folder and grabs each screen with QWidget.grab().
Runs offscreen unless DISPLAY is set (then it uses the real screen, e.g. Xvfb).
"""

import argparse
import contextlib
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

IDEAS = {
    "en": [
        "Send the forgotten scarf back with photos of its day with us",
        "A note for the next shift about Mrs K.",
        "Text the client when the car is ready, with a photo",
        "Free tea while the tyres are changed",
    ],
    "ru": [
        "Вернуть забытый шарф с фотографиями «его дня у нас»",
        "Записка следующей смене про Анну Петровну",
        "Сообщение, когда машина готова, с фото",
        "Чай, пока меняют шины",
    ],
}


@contextlib.contextmanager
def game_window(out: Path, lang: str, size: tuple[int, int], saved: list[Path]):
    """The game's window on a temporary data folder, and `grab(name, widget=window)` that saves a PNG of it."""
    from PySide6.QtWidgets import QApplication

    from game.ui.app import build_window, make_application

    app = make_application()
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as data:
        window = build_window(Path(data), lang)
        window.settings.set("animations", False)  # the cards face up, not caught mid-flip
        window.resize(*size)
        window.show()

        def grab(name: str, widget=None) -> None:
            for _ in range(3):
                QApplication.processEvents()
            path = out / f"{lang}-{size[0]}x{size[1]}-{name}.png"
            (widget or window).grab().save(str(path))
            saved.append(path)

        yield window, grab
        window.round = None  # nothing left to autosave into the folder that goes away
        window.close()
        window.library.close()
    app.processEvents()


def shoot(out: Path, lang: str, size: tuple[int, int]) -> list[Path]:
    saved: list[Path] = []
    with game_window(out, lang, size, saved) as (window, grab):
        grab("01-home")
        window.solo.show_start()
        grab("02-scenarios")
        window.solo.start("solo-spark", seed=7)
        screen = window.current_screen()
        screen.panel.note.setPlainText(
            "Я жду, что меня не заставят ждать. Боюсь, что насчитают лишнего."
            if lang == "ru"
            else "I expect not to be kept waiting. I worry they'll charge me for extras."
        )
        grab("03-client")
        screen.go_next()
        grab("04-moment")
        screen.go_next()
        screen.go_next()
        for idea in IDEAS[lang]:
            screen.round.add_idea(idea)
        screen.panel.ideas.reload()
        screen.panel.faces[0].show_story(True)
        grab("05-magic")
        window.show_help()  # F1: the step's keys over it
        grab("12-help")
        window.show_help()
        screen.go_next()
        for idea in screen.round.ideas[:3]:
            for check in ("ck-simple", "ck-human", "ck-cheap"):
                screen.round.set_check(idea.id, check, True)
        screen.show_step()
        grab("06-check")
        screen.go_next()
        for idea_id, focus in ((1, "wow"), (3, "fix")):
            screen.panel.vote(idea_id, +1)
            screen.panel.set_focus(idea_id, focus)
        grab("07-choose")
        screen.go_next()
        for idea_id in (1, 3):
            screen.round.set_promise(
                idea_id,
                who="Anna" if lang == "en" else "Анна",
                due="2026-12-01",
                first_step="Buy a photo printer" if lang == "en" else "Купить фотопринтер",
            )
        screen.show_step()
        grab("08-promise")
        screen.go_next()
        grab("09-summary")
        window.show_library()
        window.current_screen().table.selectRow(0)  # the detail pane shows the idea's whole story
        grab("10-library")
        window.decks.show()
        grab("11-decks")
    return saved


TEAM_IDEAS = {
    "en": [
        ("Foxes", "Photos of the forgotten toy's holiday with us"),
        ("Owls", "Free replacement of a dropped tray, no questions"),
        ("Bears", "A handwritten note with the bill"),
        ("Foxes", "Call back in ten minutes, not “later”"),
        ("Owls", "Tea while the tyres are changed"),
        ("Bears", "Name the regulars' dog on the receipt"),
        ("Foxes", "Send the forgotten scarf home with a postcard"),
    ],
    "ru": [
        ("Лисы", "Фотографии «каникул» забытой игрушки"),
        ("Совы", "Бесплатно заменить уроненный поднос, без вопросов"),
        ("Медведи", "Записка от руки вместе со счётом"),
        ("Лисы", "Перезвонить через десять минут, а не «потом»"),
        ("Совы", "Чай, пока меняют шины"),
        ("Медведи", "Кличка собаки постоянного гостя в чеке"),
        ("Лисы", "Вернуть забытый шарф с открыткой"),
    ],
}


def shoot_workshop(out: Path, lang: str, size: tuple[int, int]) -> list[Path]:
    """A classic workshop for three teams: the setup, the console and the presenter view at each stage."""
    from PySide6.QtWidgets import QApplication

    from game.domain.workshop import Team

    saved: list[Path] = []
    with game_window(out, lang, size, saved) as (window, grab):

        def room(name: str) -> None:
            console = window.current_screen()
            for _ in range(3):  # the projector laid out, as it is by the preview's next tick in the game
                QApplication.processEvents()
            console.refresh_preview()
            grab(f"{name}-console")
            grab(f"{name}-presenter", window.workshop.presenter)

        window.workshop.show_start()
        grab("20-workshop-setup")
        teams = list(dict.fromkeys(team for team, _ in TEAM_IDEAS[lang]))
        window.workshop.start("classic-workshop", [Team(t, ["Anna", "Boris"] if n == 0 else []) for n, t in
                                                   enumerate(teams)], {"keep": 3}, seed=7)  # fmt: skip
        window.workshop.presenter.resize(*size)
        console = window.current_screen()
        while console.ws.step.kind != "magic":
            console.skip()
        for team, idea in TEAM_IDEAS[lang]:
            console.ws.add_idea(idea, team)
        console.panel.reload()
        console.changed()
        room("21-magic")
        console.toggle_break()
        room("22-break")
        console.toggle_break()
        console.toggle_help()
        grab("23-help")
        console.toggle_help()
        while console.ws.step.kind != "check":
            console.skip()
        for idea in console.ws.ideas[:4]:  # on the teams' shortlists, a check ticked
            console.ws.toggle_shortlist(idea.id)
            console.ws.set_check(idea.id, "ck-simple", True)
        console.show_step()
        room("23b-check")
        while console.ws.step.kind != "choose":
            console.skip()
        ws = console.ws
        for voter, ideas in ((teams[0], (2, 3)), (teams[1], (1, 3)), (teams[2], (1, 4))):
            for idea_id in ideas:
                ws.give_dot(idea_id, voter)
        console.show_step()
        room("24-vote-hidden")
        console.toggle_reveal()
        ws.prefer(ws.tie()[0][0].id)  # the facilitator breaks the tie on the line
        for idea, focus in zip(ws.chosen(), ("wow", "fix", "planb"), strict=False):
            ws.set_focus(idea.id, focus)
        console.panel.refresh()
        console.changed()
        room("25-vote-revealed")
        console.go_next()
        for idea in ws.chosen():
            ws.set_promise(idea.id, who="Anna" if lang == "en" else "Анна", due="2026-12-01", first_step="—")
        console.show_step()
        room("26-promise")
        console.go_next()
        grab("27-workshop-summary")
        grab("27-workshop-summary-presenter", window.workshop.presenter)
    return saved


def card_sheet(out: Path, lang: str) -> Path:
    """One card of every deck (its story open) and the deck back, on one sheet."""
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication, QGridLayout, QWidget

    from game.ui import i18n, theme
    from game.ui.app import load_game_content, make_application
    from game.ui.widgets import CardFace

    app = make_application()
    i18n.install(lang)
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as data:
        content = load_game_content(Path(data))
    sheet = QWidget()
    sheet.setStyleSheet(theme.stylesheet(15))
    grid = QGridLayout(sheet)
    grid.setSpacing(18)
    for n, kind in enumerate(k for k in theme.DECK_COLORS):
        card = content.cards_of(kind)[0]
        face = CardFace(card, lang, redraw=False, parent=sheet)
        face.show_story(True)
        face.setFixedSize(370, 560)
        grid.addWidget(face, n // 5, n % 5)
    back = QWidget(sheet)
    back.setFixedSize(370, 560)
    back.paintEvent = lambda _e: (p := QPainter(back), theme.deck_back().render(p), p.end())
    grid.addWidget(back, 1, 4)
    sheet.show()
    for _ in range(3):
        QApplication.processEvents()
    path = out / f"cards-{lang}.png"
    sheet.grab().save(str(path))
    sheet.close()
    app.processEvents()
    return path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--sizes", default="1920x1080,1366x768")
    parser.add_argument("--langs", default="ru,en")
    parser.add_argument("--cards", action="store_true", help="only the sheet of every deck's card")
    parser.add_argument("--workshop", action="store_true", help="only the workshop: setup, console, presenter")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in args.langs.split(","):
        if args.cards:
            print(card_sheet(args.out, lang))
            continue
        for size in args.sizes.split(","):
            w, h = map(int, size.split("x"))
            for path in (shoot_workshop if args.workshop else shoot)(args.out, lang, (w, h)):
                print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
