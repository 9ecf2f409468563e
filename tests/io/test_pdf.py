"""The handout, print-and-play cards and the session report, opened the way a person would open them: PDFs are
counted, read and rendered with poppler, the HTML is read as text."""

import base64
import html
import logging
import math
import re
import shutil
import subprocess
import time
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

from game.domain.content import Text
from game.io import pdf, report

POPPLER = ("pdfinfo", "pdftotext", "pdftoppm")


@pytest.fixture
def poppler() -> None:
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"poppler-utils is not installed ({', '.join(missing)} not found); apt-get install poppler-utils")


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))


def page_size(path: Path) -> str:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return re.search(r"^Page size:\s+(.+)$", info, re.MULTILINE).group(1)


def words_in(path: Path, first: int | None = None, last: int | None = None) -> str:
    """The PDF's text with every run of white space made one space (titles wrap over lines)."""
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"], check=True, capture_output=True)
    return " ".join(out.stdout.decode("utf-8").split())


def rendered(path: Path, page: int, tmp_path: Path, dpi: int = 40) -> QImage:
    prefix = tmp_path / f"{path.stem}-{page}"
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(path),
                    str(prefix)], check=True)  # fmt: skip
    image = QImage(str(prefix) + ".png")
    assert not image.isNull()
    return image


def dark_share(image: QImage, x0: int = 0, y0: int = 0, width: int | None = None, height: int | None = None) -> float:
    """The share of pixels in a region that are darker than light grey."""
    width, height = width or image.width() - x0, height or image.height() - y0
    dark = sum(image.pixelColor(x, y).lightness() < 160 for x in range(x0, x0 + width) for y in range(y0, y0 + height))
    return dark / (width * height)


def make_ideas(n: int) -> list[dict]:
    """Ideas with long texts, Cyrillic, emoji and every part of a promise. Emoji stay out of the titles: their
    glyphs come from whatever emoji font the system has (none on a bare CI), so pdftotext may not read them."""
    ideas = []
    for i in range(n):
        ideas.append(
            {
                "title": f"Идея №{i:02d}: жираф в отпуске" if i % 2 else f"Idea #{i:02d}: a giraffe's holiday",
                "text": "Гость забыл игрушку 🦒 — мы шлём фото её отпуска 🎉📸.\nВторая строка, чтобы было длинно. "
                * (1 + i % 6),
                "focus": ("", "fix", "wow", "planb")[i % 4],
                "dots": i % 4,
                "team": ("Команда «Рассвет»", "Team <B> & Co", "")[i % 3],
                "player": "",
                "status": "new",
                "promise_who": "Маша" if i % 4 else "",
                "promise_due": "2026-12-01" if i % 4 else None,
                "promise_first_step": "Купить рамки для фото" if i % 4 else "",
                "promise_success_sign": f"Клиент прислал фото №{i:02d} в ответ 😊" if i % 4 else "",
                "tags": ["kids", "photo"],
                "touchpoint_card": ("tp-first-contact", "tp-getting-here", "made-up-touchpoint", None)[i % 4],
                "technique_card": ("tm-joshi-giraffe", "tm-dropped-tray", None)[i % 3],
                "notes": [{"on": "2026-12-05", "text": "Сработало: клиентка расплакалась от радости"}]
                if i % 5 == 0
                else [],
            }
        )
    if n > 7:  # taller than a page: it has to be cut between lines, and its last words must survive the cut
        ideas[7]["text"] = "Очень длинная история о маленьком чуде. " * 500 + "КОНЕЦ-ИСТОРИИ-СЕМЬ"
    return ideas


# --- the handout ---------------------------------------------------------------------------------------


def test_handout_of_forty_ideas_paginates_every_card_once(qapp, poppler, tmp_path: Path):
    ideas = make_ideas(40)
    target = tmp_path / "handout.pdf"
    pages = report.write_handout(ideas, target, "ru", "Памятка: утро <понедельника>")

    assert pages > 1
    assert page_count(target) == pages
    text = words_in(target)
    for idea in ideas:
        assert text.count(idea["title"]) == 1, idea["title"]
    assert text.count("маленьком") == 500 and "КОНЕЦ-ИСТОРИИ-СЕМЬ" in text  # the tall card: no line lost or doubled
    assert f"страница {pages} из {pages}" in text
    assert "1 декабря 2026" in text  # a promise's date, written out
    assert dark_share(rendered(target, 1, tmp_path)) > 0.005


def test_handout_cards_are_not_cut_between_pages(qapp, poppler, tmp_path: Path):
    """Each short card is on one page: its title and its promise's last line are read from the same page."""
    ideas = make_ideas(12)
    target = tmp_path / "handout.pdf"
    pages = report.write_handout(ideas, target, "en", "Handout")
    page_texts = [words_in(target, n, n) for n in range(1, pages + 1)]
    promised = [idea for idea in ideas if idea["promise_success_sign"] and idea is not ideas[7]]  # 7 is too tall
    assert len(promised) == 8
    for idea in promised:
        page = next(t for t in page_texts if idea["title"] in t)
        assert page.index(idea["title"]) < page.index(f"Success sign: {idea['promise_success_sign'][:-2]}")


def test_empty_handout_is_one_page_that_says_so(qapp, poppler, tmp_path: Path):
    target = tmp_path / "empty.pdf"
    assert report.write_handout([], target, "en", "Nothing yet") == 1
    assert page_count(target) == 1
    assert "No ideas here yet" in words_in(target)


def test_handout_replaces_an_existing_file(qapp, poppler, tmp_path: Path):
    target = tmp_path / "handout.pdf"
    target.write_bytes(b"an older handout")
    report.write_handout(make_ideas(2), target, "en", "Handout")
    assert target.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["handout.pdf"]


# --- print-and-play ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("paper", "size"), [("a4", "(A4)"), ("letter", "(letter)")])
def test_print_and_play_has_a_back_page_for_every_front(qapp, poppler, content, tmp_path: Path, paper, size):
    deck = content.decks["technomagic"]
    target = tmp_path / f"technomagic-{paper}.pdf"
    pages = pdf.write_print_and_play(deck, target, "en", paper)

    assert pages == page_count(target) == 2 * math.ceil(len(deck.cards) / 9)  # 3 × 3 cards fit both papers
    assert size in page_size(target)
    text = words_in(target)
    for card in deck.cards:
        assert " ".join(card.title.en.split()) in text, card.id
    assert words_in(target, 2, 2).count("TECHNOMAGIC TECHNIQUES") == 9  # the backs name their deck
    assert dark_share(rendered(target, 1, tmp_path)) > 0.01


def test_print_and_play_backs_mirror_the_columns(qapp, poppler, content, tmp_path: Path):
    """The 'check' deck has 8 cards: the last row holds two, left and middle on the front; on the back (flipped
    on its long edge) they are middle and right."""
    deck = content.decks["check"]
    assert len(deck.cards) == 8
    target = tmp_path / "check.pdf"
    assert pdf.write_print_and_play(deck, target, "ru", "a4") == 2
    dpi = 30
    x0, y0 = (210 - 3 * 63 - 2 * 2) / 2, (297 - 3 * 88 - 2 * 2) / 2  # mm: the grid is centred on the page

    def filled(image: QImage, col: int) -> bool:
        left, top = (x0 + col * 65 + 15) * dpi / 25.4, (y0 + 2 * 90 + 1) * dpi / 25.4
        return dark_share(image, int(left), int(top), int(33 * dpi / 25.4), int(9 * dpi / 25.4)) > 0.03

    front, back = rendered(target, 1, tmp_path, dpi), rendered(target, 2, tmp_path, dpi)
    assert [filled(front, col) for col in range(3)] == [True, True, False]
    assert [filled(back, col) for col in range(3)] == [False, True, True]


def test_a_card_too_long_for_its_face_is_shortened_visibly(qapp, poppler, content, tmp_path: Path, caplog):
    deck = content.decks["check"]
    long_card = replace(deck.cards[0], example=Text("Очень " * 600, "Very " * 600))
    target = tmp_path / "long.pdf"
    with caplog.at_level(logging.WARNING, logger="game.io.pdf"):
        pdf.write_print_and_play(replace(deck, cards=(long_card,)), target, "en")
    assert long_card.id in caplog.text
    text = words_in(target, 1, 1)
    assert long_card.title.en in text
    assert "Very …" in text


def test_an_invalid_paper_leaves_the_old_file_alone(qapp, content, tmp_path: Path):
    target = tmp_path / "cards.pdf"
    target.write_bytes(b"the cards printed last week")
    with pytest.raises(ValueError, match="unknown paper 'legal'"):
        pdf.write_print_and_play(content.decks["check"], target, "en", "legal")
    assert target.read_bytes() == b"the cards printed last week"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cards.pdf"]


def test_a_failure_half_way_leaves_the_old_file_alone(qapp, content, tmp_path: Path, monkeypatch):
    def broken_back(*args) -> None:
        raise RuntimeError("the printer caught fire")

    monkeypatch.setattr(pdf, "_back", broken_back)  # fails after the fronts are drawn into the temporary file
    target = tmp_path / "cards.pdf"
    target.write_bytes(b"the cards printed last week")
    with pytest.raises(RuntimeError, match="caught fire"):
        pdf.write_print_and_play(content.decks["check"], target, "en")
    assert target.read_bytes() == b"the cards printed last week"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cards.pdf"]


# --- the session report ------------------------------------------------------------------------------------

SESSION = {"scenario_id": "classic-workshop", "finished_at": "2026-12-01"}


def report_ideas() -> list[dict]:
    ideas = make_ideas(9)
    ideas[3]["title"] = "<script>alert(1)</script>"
    ideas[4]["title"] = 'Кофе "с собой" & печенье'
    ideas[1]["chosen"] = False  # the round's word wins over its dots
    return ideas


def test_html_report_escapes_everything_and_has_three_charts(qapp, content, tmp_path: Path):
    target = tmp_path / "report.html"
    assert report.write_session_report(SESSION, report_ideas(), target, "en", "html", content=content) == 1
    page = target.read_text(encoding="utf-8")

    assert '<meta charset="utf-8">' in page
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    for idea in report_ideas():
        assert html.escape(idea["title"]) in page
    assert content.scenarios["classic-workshop"].name.en in page
    assert "1 December 2026" in page
    assert html.escape("Team <B> & Co") in page and ">Solo <small>" in page
    assert not re.findall(r'(?:src|href)="(?!data:)', page)  # one file: nothing is fetched from elsewhere
    # ideas 0, 4 and 8 have no dot, focus or promise; idea 1 has, but the round says it was not chosen
    assert page.count('<article class="card">') == 5

    charts = re.findall(r'<figure class="chart"><img src="data:image/svg\+xml;base64,([^"]+)"', page)
    assert len(charts) == 3
    svgs = [base64.b64decode(chart) for chart in charts]
    assert all(QSvgRenderer(QByteArray(svg)).isValid() for svg in svgs)
    technique = svgs[1].decode("utf-8")
    assert content.card("tm-dropped-tray").title.en in technique  # card ids become titles
    assert "made-up-touchpoint" in svgs[0].decode("utf-8")  # an unknown id is shown as it is


def test_pdf_report_has_every_part(qapp, poppler, content, tmp_path: Path):
    target = tmp_path / "report.pdf"
    pages = report.write_session_report(SESSION, report_ideas(), target, "ru", "pdf", content=content)

    assert pages >= 1
    assert page_count(target) == pages
    text = words_in(target)
    for heading in ("Команды и их идеи", "Голосование", "Выбранные идеи и обещания", "Идеи по точкам контакта",
                    "Идеи по приёмам техномагии", "Идеи по фокусу"):  # fmt: skip
        assert heading in text
    for idea in report_ideas():
        assert idea["title"] in text
    assert "Соло · 3 идеи" in text and "Команда «Рассвет» · 3 идеи" in text
    assert content.card("tm-joshi-giraffe").title.ru in text
    assert content.card("tp-first-contact").title.ru in text
    assert "1 декабря 2026" in text


def test_reports_of_a_session_without_ideas(qapp, poppler, content, tmp_path: Path):
    session = {"scenario_id": "no-such-scenario"}
    assert report.write_session_report(session, [], tmp_path / "r.pdf", "en", "pdf", content=content) == 1
    assert "No ideas were written in this session" in words_in(tmp_path / "r.pdf")
    assert report.write_session_report(session, [], tmp_path / "r.html", "en", "html", content=content) == 1
    assert "no-such-scenario" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_an_unknown_report_format_writes_nothing(qapp, tmp_path: Path):
    with pytest.raises(ValueError, match="unknown report format 'docx'"):
        report.write_session_report(SESSION, [], tmp_path / "r.docx", "en", "docx")
    assert not list(tmp_path.iterdir())


def test_dates_and_counts_read_naturally_in_both_languages(qapp):
    assert pdf.format_date("2026-12-01", "ru") == "1 декабря 2026"
    assert pdf.format_date("2026-12-01", "en") == "1 December 2026"
    assert pdf.format_date("someday", "en") == "someday"
    assert [pdf.count(n, "idea", "ru") for n in (1, 3, 5, 11, 21, 22)] == [
        "1 идея", "3 идеи", "5 идей", "11 идей", "21 идея", "22 идеи"]  # fmt: skip
    assert pdf.count(1, "dot", "en") == "1 dot" and pdf.count(2, "dot", "en") == "2 dots"
    with pytest.raises(ValueError, match="unknown language 'de'"):
        pdf.words("de")


@pytest.fixture
def far_east(monkeypatch):
    """A person in UTC+14, where noon in London is already tomorrow."""
    if not hasattr(time, "tzset"):
        pytest.skip("time zones are switched with time.tzset, which this platform lacks")
    monkeypatch.setenv("TZ", "KIR-14")  # POSIX form: needs no time zone database
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_moments_are_shown_on_the_persons_calendar(far_east):
    assert pdf.format_date("2026-12-01T12:00:00+00:00", "en") == "2 December 2026"
    assert pdf.format_date("2026-12-01T12:00:00", "en") == "2 December 2026"  # stored without a zone: UTC
    assert pdf.format_date("2026-12-01", "en") == "1 December 2026"  # a day is a day everywhere


def test_the_report_names_each_teams_own_cards(qapp, poppler, content, tmp_path: Path):
    session = SESSION | {
        "team_cards": {
            "Team <B> & Co": ["Your own business: Water <delivery>", "cl-regular"],  # a wild card, as typed
            "Команда «Рассвет»": ["biz-taxi", "cl-elderly"],
        }
    }
    assert report.write_session_report(session, report_ideas(), tmp_path / "r.html", "en", "html", content=content)
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Their cards: Taxi · The elderly client" in page
    assert "Their cards: Your own business: Water &lt;delivery&gt; · The regular" in page
    assert report.write_session_report(session, report_ideas(), tmp_path / "r.pdf", "ru", "pdf", content=content)
    text = words_in(tmp_path / "r.pdf")
    assert "Их карты: Такси · Пожилой клиент" in text
