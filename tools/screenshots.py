"""Screenshots of every screen, in both languages and at projector and laptop size.

    python tools/screenshots.py OUT_DIR [--sizes 1920x1080,1366x768] [--langs ru,en]

Plays a scripted solo round in a temporary data folder and grabs each screen with QWidget.grab().
Runs offscreen unless DISPLAY is set (then it uses the real screen, e.g. Xvfb).
"""

import argparse
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


def shoot(out: Path, lang: str, size: tuple[int, int]) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from game.ui.app import build_window, make_application

    app = make_application()
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as data:
        window = build_window(Path(data), lang)
        window.resize(*size)
        window.show()

        def grab(name: str) -> None:
            for _ in range(3):
                QApplication.processEvents()
            path = out / f"{lang}-{size[0]}x{size[1]}-{name}.png"
            window.grab().save(str(path))
            saved.append(path)

        grab("01-home")
        window.show_picker()
        grab("02-scenarios")
        window.start_round("solo-spark", seed=7)
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
        window.show_decks()
        grab("11-decks")
        window.close()
        window.library.close()
    app.processEvents()
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
    with tempfile.TemporaryDirectory() as data:
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
            for path in shoot(args.out, lang, (w, h)):
                print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
