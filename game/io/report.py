"""The trainer's session report, as a PDF or as one self-contained HTML file: the scenario, the teams and their
ideas, the votes, the chosen ideas with their promises, and charts of the ideas by touchpoint, technique and
focus. The charts are drawn with QPainter: straight onto the PDF page, and into SVG for the HTML.
"""

import base64
import html
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPaintDevice, QPainter, QPen
from PySide6.QtSvg import QSvgGenerator

from game import look, paths
from game.domain.content import Content, load_content
from game.domain.round import Round
from game.domain.workshop import Workshop
from game.io.atomic import write_atomically
from game.io.pdf import (
    LINE,
    PAPERS,
    RES,
    Block,
    Style,
    Text,
    content_area,
    count,
    ensure_gui,
    font,
    format_date,
    mm,
    paginate,
    pdf_canvas,
    render,
    text_block,
    words,
)

WORDS = {  # key: (English, Russian)
    "handout_empty": (
        "No ideas here yet. Play a round, and the ideas worth keeping will land in this handout.",
        "Идей пока нет. Сыграйте раунд — идеи, которые стоит сохранить, попадут в эту памятку.",
    ),
    "fix": ("Fix", "Починка"),
    "wow": ("WOW", "WOW"),
    "planb": ("Plan B", "План Б"),
    "promise": ("Promise", "Обещание"),
    "who": ("Who", "Кто"),
    "due": ("By when", "К какому сроку"),
    "first_step": ("First step", "Первый шаг"),
    "success_sign": ("Success sign", "Признак успеха"),
    "notes": ("Notes", "Заметки"),
    "report": ("Session report", "Отчёт о сессии"),
    "teams": ("Teams and their ideas", "Команды и их идеи"),
    "solo": ("Solo", "Соло"),
    "votes": ("Votes", "Голосование"),
    "no_votes": ("No dots were given.", "Точек никто не ставил."),
    "chosen": ("Chosen ideas and their promises", "Выбранные идеи и обещания"),
    "none_chosen": ("No idea was chosen.", "Ни одна идея не выбрана."),
    "charts": ("The ideas at a glance", "Идеи в цифрах"),
    "touchpoint": ("Ideas by touchpoint", "Идеи по точкам контакта"),
    "technique": ("Ideas by technique", "Идеи по приёмам техномагии"),
    "focus": ("Ideas by focus", "Идеи по фокусу"),
    "not_set": ("not set", "не указано"),
    "other": ("others", "остальные"),
    "no_ideas": ("No ideas were written in this session.", "В этой сессии идей не записали."),
    "idea": ("Idea", "Идея"),
    "team": ("Team", "Команда"),
    "dots": ("Dots", "Точки"),
    "team_cards": ("Their cards: {0}", "Их карты: {0}"),
}
FOCUS_COLORS = {"fix": "#1F7A6D", "wow": look.ACCENT, "planb": "#4F5D6B"}
MAX_BARS = 12  # a chart shows the biggest groups; the rest are summed up as "others"
CHART_COLORS = {"touchpoint": look.DECK_COLORS["touchpoint"], "technique": look.DECK_COLORS["technomagic"]}


@dataclass
class Report:
    title: str
    when: str
    summary: str
    teams: list[tuple[str, list[dict[str, Any]]]]
    votes: list[dict[str, Any]]
    chosen: list[dict[str, Any]]
    charts: list[tuple[str, list[tuple[str, int, str]]]]  # (title, [(label, ideas, colour)])
    team_cards: dict[str, str] = field(default_factory=dict)  # team → "Their cards: Café · The regular"


def write_session_report(
    session: dict[str, Any],
    ideas: list[dict[str, Any]],
    path: Path,
    lang: str,
    fmt: str,
    *,
    content: Content | None = None,
) -> int:
    """Write the report as "pdf" (returns its page count) or "html" (returns 1).

    `content` gives card titles (the shipped decks are read when it is not passed); unknown card ids are
    shown as they are.
    """
    if fmt not in ("pdf", "html"):
        raise ValueError(f"unknown report format {fmt!r}: use pdf or html")
    ensure_gui()
    content = content or load_content([paths.shipped("cards")], [paths.shipped("scenarios")])
    report = gather(session, ideas, lang, content)
    if fmt == "html":
        page = to_html(report, lang)
        write_atomically(path, lambda f: f.write(page), encoding="utf-8", newline="\n")
        return 1
    return _write_pdf(report, path, lang)


def session_report_html(session: dict[str, Any], ideas: list[dict[str, Any]], lang: str, content: Content) -> str:
    """The same report as `write_session_report(..., "html")`, as text (the room serves it to phones)."""
    ensure_gui()
    return to_html(gather(session, ideas, lang, content), lang)


def round_idea_dicts(rnd: Round) -> list[dict[str, Any]]:
    """Every idea of a round (chosen or not) in the shape the report expects, with the round's cards."""
    chosen = {idea.id for idea in rnd.chosen()}
    return [
        {
            "title": idea.title,
            "text": idea.text,
            "focus": idea.focus,
            "dots": idea.dots,
            "score": idea.score,
            "chosen": idea.id in chosen,
            "promise_who": idea.promise.who,
            "promise_due": idea.promise.due or None,
            "promise_first_step": idea.promise.first_step,
            "promise_success_sign": idea.promise.success_sign,
            "team": " + ".join(idea.authors()),
            "player": idea.player,
            "tags": [],
            "notes": [],
            **rnd.provenance(idea.team),  # a team's own business and client, where it drew its own
        }
        for idea in rnd.ideas
    ]


def round_session(rnd: Round, lang: str, finished_at: str) -> dict[str, Any]:
    """The round as the session report's `session` (the report of the laptop and of the room's phones)."""
    session: dict[str, Any] = {
        "scenario_id": rnd.scenario.id,
        "scenario_name": rnd.scenario.name.get(lang),
        "finished_at": finished_at,
    }
    if isinstance(rnd, Workshop):  # a workshop of teams (`in_teams`)
        session["team_cards"] = {  # a wild card is named as the team typed it; the report shows unknown ids as is
            t.name: [rnd.title_for(t.name, c, lang) if c.id in rnd.wild.get(t.name, {}) else c.id
                     for c in rnd.all_own_cards(t.name)]
            for t in rnd.teams
        }  # fmt: skip
    return session


def gather(session: dict[str, Any], ideas: list[dict[str, Any]], lang: str, content: Content) -> Report:
    """Everything the report says, in the report's language, whatever it is written as."""
    w = words(lang, WORDS)
    scenario = content.scenarios.get(session.get("scenario_id") or "")
    name = session.get("scenario_name") or (scenario.name.get(lang) if scenario else session.get("scenario_id"))
    teams: dict[str, list[dict[str, Any]]] = {}
    for idea in ideas:
        teams.setdefault(str(idea.get("team") or "").strip() or w["solo"], []).append(idea)
    dots = sum(int(idea.get("dots") or 0) for idea in ideas)
    summary = " · ".join([count(len(ideas), "idea", lang), count(len(teams), "team", lang), count(dots, "dot", lang)])
    by_dots = sorted(ideas, key=lambda idea: -int(idea.get("dots") or 0))
    cards = {card.id: card.title.get(lang) for deck in content.decks.values() for card in deck.cards}
    own = session.get("team_cards") or {}  # each team's own cards, where the scenario had teams draw their own
    team_cards = {
        str(team): w["team_cards"].format(" · ".join(cards.get(str(c), str(c)) for c in ids))
        for team, ids in own.items()
        if isinstance(ids, list) and ids
    }

    def chart(
        key: str, field: str, name_of: Callable[[str], str], color_of: Callable[[str], str]
    ) -> tuple[str, list[tuple[str, int, str]]]:
        counted = Counter(str(idea.get(field) or "") for idea in ideas)
        bars = sorted(((name_of(k), n, color_of(k)) for k, n in counted.items() if k), key=lambda b: (-b[1], b[0]))
        if len(bars) > MAX_BARS:
            bars[MAX_BARS - 1 :] = [(w["other"], sum(b[1] for b in bars[MAX_BARS - 1 :]), look.MUTED)]
        if counted[""]:
            bars.append((w["not_set"], counted[""], "#B8B0A2"))
        return w[key], bars

    return Report(
        title=str(name or "—"),
        when=format_date(session.get("finished_at") or session.get("started_at"), lang),
        summary=summary,
        teams=list(teams.items()),
        votes=[idea for idea in by_dots if int(idea.get("dots") or 0) > 0],
        chosen=[idea for idea in by_dots if _chosen(idea)],
        charts=[
            chart("touchpoint", "touchpoint_card", lambda k: cards.get(k, k), lambda k: CHART_COLORS["touchpoint"]),
            chart("technique", "technique_card", lambda k: cards.get(k, k), lambda k: CHART_COLORS["technique"]),
            chart("focus", "focus", lambda k: w.get(k, k), lambda k: FOCUS_COLORS.get(k, look.MUTED)),
        ],
        team_cards=team_cards,
    )


def _chosen(idea: dict[str, Any]) -> bool:
    """As the round says, else given a dot, a focus or a promise: the ideas a team decided to take home."""
    if "chosen" in idea:
        return bool(idea["chosen"])
    promised = any(idea.get(f"promise_{key}") for key in ("who", "due", "first_step", "success_sign"))
    return int(idea.get("dots") or 0) > 0 or bool(idea.get("focus")) or promised


def _meta(idea: dict[str, Any], lang: str) -> str:
    dots = int(idea.get("dots") or 0)
    focus = words(lang, WORDS).get(str(idea.get("focus") or ""), "")
    return " · ".join(x for x in (focus, "●" * min(dots, 12) if dots else "", idea.get("player")) if x)


# --- an idea as a card -----------------------------------------------------------------------------------


def _tags(idea: dict[str, Any]) -> list[str]:
    tags = idea.get("tags") or []
    return [t for t in tags.split(",") if t] if isinstance(tags, str) else [str(t) for t in tags]


def idea_body(idea: dict[str, Any]) -> str:
    """The idea's text, unless it only repeats the title (a one-line idea)."""
    body = str(idea.get("text") or "")
    return body if body.strip() and body.strip() != str(idea.get("title") or "").strip() else ""


def idea_details(idea: dict[str, Any], lang: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The promise and the notes as (label, text) lines, dates written out."""
    w = words(lang, WORDS)
    promise = [
        (w[key], format_date(value, lang) if key == "due" else str(value))
        for key in ("who", "due", "first_step", "success_sign")
        if (value := idea.get(f"promise_{key}"))
    ]
    notes = [(format_date(n.get("on"), lang), str(n["text"])) for n in idea.get("notes") or () if n.get("text")]
    return promise, notes


def idea_card(idea: dict[str, Any], lang: str, device: QPaintDevice, width: float) -> Block:
    """Focus chip, votes and team; title, text, the promise and the notes, in a rounded frame."""
    w = words(lang, WORDS)
    pad = mm(4)
    inner = width - 2 * pad
    focus = idea.get("focus") or ""
    dots = int(idea.get("dots") or 0)
    meta = " · ".join(x for x in ("●" * min(dots, 12) if dots else "", idea.get("team"), idea.get("player")) if x)
    header = mm(7.5) if focus in FOCUS_COLORS or meta else 0.0

    def layout() -> Text:
        text = Text(device, inner)
        text.para(str(idea.get("title") or ""), Style(13, bold=True), keep=True)
        if body := idea_body(idea):
            text.para(body, Style(10), space=4)
        promise, notes = idea_details(idea, lang)
        for heading, lines in ((w["promise"], promise), (w["notes"], notes)):
            if lines:
                text.para(heading.upper(), Style(8, bold=True, color=look.ACCENT), space=8, keep=True)
            for label, line in lines:
                text.para(line, Style(9.5), space=2, label=label)
        if _tags(idea):
            text.para("  ".join("#" + t for t in _tags(idea)), Style(8.5, color=look.MUTED), space=6)
        return text

    def paint(painter: QPainter, rect: QRectF, top: float, bottom: float) -> None:
        painter.setPen(QPen(QColor(LINE), mm(0.3)))
        painter.setBrush(QColor("#FFFFFF"))
        painter.drawRoundedRect(rect, mm(3), mm(3))
        painter.translate(rect.left() + pad, rect.top() + pad - top)
        if top < header:
            _card_header(painter, QRectF(0, 0, inner, mm(5.5)), w.get(focus, ""), FOCUS_COLORS.get(focus), meta)
        painter.translate(0, header)
        layout().draw(painter, top - header, bottom - header)

    # Laid out once to measure and again to draw, so that a handout of thousands of ideas never holds
    # thousands of documents at once.
    measured = layout()
    breaks = tuple(header + b for b in measured.breaks())
    return Block(header + measured.height, paint, breaks, pad=pad, gap=mm(4))


def _card_header(painter: QPainter, row: QRectF, chip: str, color: str | None, meta: str) -> None:
    x = row.left()
    if chip and color:
        chip_font = font(Style(8, bold=True))
        painter.setFont(chip_font)
        chip_rect = QRectF(
            x, row.top(), QFontMetricsF(chip_font, painter.device()).horizontalAdvance(chip) + mm(5), row.height()
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        painter.drawRoundedRect(chip_rect, row.height() / 2, row.height() / 2)
        painter.setPen(QColor("#FFFFFF"))
        painter.drawText(chip_rect, Qt.AlignmentFlag.AlignCenter, chip)
        x = chip_rect.right() + mm(3)
    if meta:
        painter.setFont(font(Style(9)))
        painter.setPen(QColor(look.ACCENT))
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRectF(x, row.top(), row.right() - x, row.height()), flags, meta)


# --- the handout -------------------------------------------------------------------------------------------


def write_handout(ideas: list[dict[str, Any]], path: Path, lang: str, title: str) -> int:
    """The ideas as cards with their promises, over as many A4 pages as they need; returns the page count."""
    w = words(lang, WORDS)
    with pdf_canvas(path, PAPERS["a4"], title) as (writer, painter):
        area = content_area(writer)
        head = Text(writer, area.width())
        head.para(words(lang)["app"].upper(), Style(8.5, bold=True, color=look.ACCENT))
        head.para(title, Style(22, bold=True), space=2)
        head.para(
            f"{count(len(ideas), 'idea', lang)} · {format_date(date.today(), lang)}",
            Style(10, color=look.MUTED),
            space=2,
        )
        if not ideas:
            head.para(w["handout_empty"], Style(11), space=24)
        blocks = [text_block(head, gap=mm(7))] + [idea_card(idea, lang, writer, area.width()) for idea in ideas]
        return render(writer, painter, paginate(blocks, area), title, lang)


# --- charts ---------------------------------------------------------------------------------------------

ROW, TITLE = 17.0, 24.0  # points


def chart_height(bars: list[tuple[str, int, str]]) -> float:
    """In points."""
    return TITLE + ROW * max(1, len(bars)) + 4


def paint_chart(painter: QPainter, rect: QRectF, title: str, bars: list[tuple[str, int, str]], lang: str) -> None:
    """Horizontal bars with their counts; `rect` is in the painter's device units, sizes are in points."""
    unit = painter.device().logicalDpiY() / 72
    device = painter.device()
    title_font, label_font = font(Style(11, bold=True)), font(Style(8.5))
    painter.setFont(title_font)
    painter.setPen(QColor(look.INK))
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), TITLE * unit), Qt.AlignmentFlag.AlignLeft, title)
    painter.setFont(label_font)
    metrics = QFontMetricsF(label_font, device)
    label_w, count_w = rect.width() * 0.38, metrics.horizontalAdvance("0000") + 6 * unit
    top = rect.top() + TITLE * unit
    middle = Qt.AlignmentFlag.AlignVCenter
    if not bars:
        painter.setPen(QColor(look.MUTED))
        painter.drawText(QRectF(rect.left(), top, rect.width(), ROW * unit), middle, words(lang, WORDS)["no_ideas"])
        return
    most = max(n for _, n, _ in bars)
    track = rect.width() - label_w - count_w
    for i, (label, n, color) in enumerate(bars):
        row = QRectF(rect.left(), top + i * ROW * unit, rect.width(), ROW * unit)
        painter.setPen(QColor(look.INK))
        shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 8 * unit)
        painter.drawText(QRectF(row.left(), row.top(), label_w - 8 * unit, row.height()), middle, shown)
        bar = QRectF(
            row.left() + label_w, row.top() + 3 * unit, max(track * n / most, 2 * unit), row.height() - 6 * unit
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        painter.drawRoundedRect(bar, 2 * unit, 2 * unit)
        painter.setPen(QColor(look.INK))
        painter.drawText(QRectF(bar.right() + 4 * unit, row.top(), count_w, row.height()), middle, str(n))
    painter.setPen(QPen(QColor(LINE), unit))
    x = rect.left() + label_w
    painter.drawLine(QPointF(x, top), QPointF(x, top + len(bars) * ROW * unit))


def chart_svg(title: str, bars: list[tuple[str, int, str]], lang: str, width: int = 720) -> bytes:
    """The same chart as an SVG drawing (96 dpi), for the HTML report."""
    height = round(chart_height(bars) * 96 / 72)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setResolution(96)
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setTitle(title)
    painter = QPainter(generator)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_chart(painter, QRectF(0, 0, width, height), title, bars, lang)
    painter.end()
    return bytes(buffer.data().data())


# --- PDF ------------------------------------------------------------------------------------------------


def _write_pdf(report: Report, path: Path, lang: str) -> int:
    w = words(lang, WORDS)
    with pdf_canvas(path, PAPERS["a4"], f"{report.title} — {w['report']}") as (writer, painter):
        area = content_area(writer)

        def text(*paras: tuple[str, Style, float], gap: float = mm(5), keep: bool = False) -> Block:
            doc = Text(writer, area.width())
            for line, style, space in paras:
                doc.para(line, style, space)
            return text_block(doc, gap=gap, keep_with_next=keep)

        def heading(line: str) -> Block:
            return text((line, Style(15, bold=True, color=look.ACCENT), 0), gap=mm(3), keep=True)

        when = " · ".join(x for x in (report.when, report.summary) if x)
        blocks = [
            text(
                (f"{words(lang)['app']} · {w['report']}".upper(), Style(8.5, bold=True, color=look.ACCENT), 0),
                (report.title, Style(22, bold=True), 2),
                (when, Style(10, color=look.MUTED), 2),
                gap=mm(8),
            ),
            heading(w["teams"]),
        ]
        if not report.teams:
            blocks.append(text((w["no_ideas"], Style(10), 0)))
        for team, ideas in report.teams:
            head = [(f"{team} · {count(len(ideas), 'idea', lang)}", Style(12, bold=True), 0)]
            head += [(line, Style(9, color=look.MUTED), 1) for line in [report.team_cards.get(team)] if line]
            blocks.append(text(*head, keep=True))
            for idea in ideas:
                lines = [(str(idea.get("title") or ""), Style(10.5, bold=True), 0)]
                lines += [(line, Style(8.5, color=look.ACCENT), 1) for line in [_meta(idea, lang)] if line]
                lines += [(body, Style(9.5, color=look.MUTED), 1) for body in [idea_body(idea)] if body]
                blocks.append(text(*lines, gap=mm(3)))
            blocks[-1].gap = mm(6)
        blocks.append(heading(w["votes"]))
        votes = Text(writer, area.width())
        for idea in report.votes:
            team = str(idea.get("team") or "").strip()
            line = str(idea.get("title") or "") + (f" — {team}" if team else "")
            votes.para(line, Style(10), 3, label=f"{'●' * min(int(idea['dots']), 12)} {idea['dots']}")
        if not report.votes:
            votes.para(w["no_votes"], Style(10))
        blocks.append(text_block(votes, gap=mm(8)))
        blocks.append(heading(w["chosen"]))
        blocks += [idea_card(idea, lang, writer, area.width()) for idea in report.chosen]
        if not report.chosen:
            blocks.append(text((w["none_chosen"], Style(10), 0)))
        blocks[-1].gap = mm(8)
        blocks.append(heading(w["charts"]))
        for title, bars in report.charts:

            def paint(
                painter: QPainter,
                rect: QRectF,
                top: float,
                bottom: float,
                title: str = title,
                bars: list[tuple[str, int, str]] = bars,
            ) -> None:
                paint_chart(painter, rect, title, bars, lang)

            blocks.append(Block(chart_height(bars) * RES / 72, paint, gap=mm(6)))
        return render(writer, painter, paginate(blocks, area), f"{report.title} — {w['report']}", lang)


# --- HTML -----------------------------------------------------------------------------------------------

CHIP_CSS = "\n".join(f".chip.{k} {{ background: {c}; }}" for k, c in FOCUS_COLORS.items())
CSS = f"""
body {{ margin: 0; background: {look.PAPER}; color: {look.INK};
       font: 16px/1.5 "{look.FONT_FAMILY}", "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }}
main {{ max-width: 860px; margin: 0 auto; padding: 32px 20px 48px; }}
.kicker {{ color: {look.ACCENT}; font-weight: 700; font-size: 13px; letter-spacing: .06em; text-transform: uppercase;
          margin: 0; }}
h1 {{ font-size: 34px; line-height: 1.2; margin: 4px 0; }}
h2 {{ color: {look.ACCENT}; font-size: 24px; margin: 40px 0 12px; }}
h3 {{ font-size: 19px; margin: 20px 0 8px; }}
h3 small, .meta {{ color: {look.MUTED}; font-weight: 400; }}
ol.ideas {{ padding-left: 24px; }}
ol.ideas li {{ margin: 0 0 10px; break-inside: avoid; }}
.text {{ white-space: pre-wrap; color: {look.MUTED}; margin: 2px 0 0; }}
.tag {{ color: {look.ACCENT}; font-size: 14px; margin-left: 8px; }}
.chip {{ display: inline-block; color: #fff; border-radius: 12px; padding: 0 10px; font-size: 13px;
        font-weight: 700; margin-right: 8px; }}
{CHIP_CSS}
table {{ border-collapse: collapse; width: 100%; background: #fff; }}
th, td {{ text-align: left; padding: 6px 10px; border-bottom: 1px solid {LINE}; vertical-align: top; }}
td.dots {{ color: {look.ACCENT}; white-space: nowrap; }}
.card {{ background: #fff; border: 1px solid {LINE}; border-radius: 16px; padding: 16px 20px; margin: 0 0 14px;
        break-inside: avoid; }}
.card h3 {{ margin: 6px 0; }}
.card h4 {{ color: {look.ACCENT}; font-size: 12px; letter-spacing: .06em; text-transform: uppercase;
           margin: 12px 0 2px; }}
dl {{ display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }}
dt {{ font-weight: 700; }}
dd {{ margin: 0; white-space: pre-wrap; }}
figure.chart {{ margin: 0 0 20px; background: #fff; border: 1px solid {LINE}; border-radius: 12px; padding: 12px; }}
figure.chart img {{ width: 100%; height: auto; display: block; }}
"""


def to_html(report: Report, lang: str) -> str:
    """One self-contained page; every piece of text in it is escaped."""
    w = words(lang, WORDS)
    e = html.escape
    out = [
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(report.title)} — {e(w['report'])}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>",
        f'<p class="kicker">{e(words(lang)["app"])} · {e(w["report"])}</p>\n<h1>{e(report.title)}</h1>',
        f'<p class="meta">{e(" · ".join(x for x in (report.when, report.summary) if x))}</p>',
        f"<h2>{e(w['teams'])}</h2>",
    ]
    if not report.teams:
        out.append(f"<p>{e(w['no_ideas'])}</p>")
    for team, ideas in report.teams:
        out.append(f'<h3>{e(team)} <small>{e(count(len(ideas), "idea", lang))}</small></h3>')
        if report.team_cards.get(team):
            out.append(f'<p class="meta">{e(report.team_cards[team])}</p>')
        out.append('<ol class="ideas">')
        for idea in ideas:
            meta = f'<span class="tag">{e(_meta(idea, lang))}</span>' if _meta(idea, lang) else ""
            body = f'<p class="text">{e(idea_body(idea))}</p>' if idea_body(idea) else ""
            out.append(f"<li><strong>{e(str(idea.get('title') or ''))}</strong>{meta}{body}</li>")
        out.append("</ol>")
    out.append(f"<h2>{e(w['votes'])}</h2>")
    if report.votes:
        out.append(f"<table>\n<tr><th>{e(w['idea'])}</th><th>{e(w['team'])}</th><th>{e(w['dots'])}</th></tr>")
        for idea in report.votes:
            dots = int(idea["dots"])
            out.append(
                f"<tr><td>{e(str(idea.get('title') or ''))}</td><td>{e(str(idea.get('team') or ''))}</td>"
                f'<td class="dots">{"●" * min(dots, 12)} {dots}</td></tr>'
            )
        out.append("</table>")
    else:
        out.append(f"<p>{e(w['no_votes'])}</p>")
    out.append(f"<h2>{e(w['chosen'])}</h2>")
    out += [_html_card(idea, lang) for idea in report.chosen] or [f"<p>{e(w['none_chosen'])}</p>"]
    out.append(f"<h2>{e(w['charts'])}</h2>")
    for title, bars in report.charts:
        svg = base64.b64encode(chart_svg(title, bars, lang)).decode("ascii")
        alt = f"{title}: " + "; ".join(f"{label} — {n}" for label, n, _ in bars)
        out.append(f'<figure class="chart"><img src="data:image/svg+xml;base64,{svg}" alt="{e(alt)}"></figure>')
    out.append("</main>\n</body>\n</html>\n")
    return "\n".join(out)


def _html_card(idea: dict[str, Any], lang: str) -> str:
    e = html.escape
    w = words(lang, WORDS)
    focus = str(idea.get("focus") or "")
    chip = f'<span class="chip {e(focus)}">{e(w[focus])}</span>' if focus in FOCUS_COLORS else ""
    meta = " · ".join(x for x in (str(idea.get("team") or ""), str(idea.get("player") or "")) if x)
    parts = [f'<article class="card">{chip}<span class="meta">{e(meta)}</span>']
    parts.append(f"<h3>{e(str(idea.get('title') or ''))}</h3>")
    if body := idea_body(idea):
        parts.append(f'<p class="text">{e(body)}</p>')
    promise, notes = idea_details(idea, lang)
    for heading, lines in ((w["promise"], promise), (w["notes"], notes)):
        if lines:
            items = "".join(f"<dt>{e(label)}</dt><dd>{e(line)}</dd>" for label, line in lines)
            parts.append(f"<h4>{e(heading)}</h4><dl>{items}</dl>")
    parts.append("</article>")
    return "\n".join(parts)
