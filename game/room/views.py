"""What a phone is sent: the full `state` of the room for one device, and the lists to take home.

Plain dicts made into JSON by the engine (PROTOCOL.md says what each field means). User text only ever travels
inside JSON here; the Markdown and CSV exports escape it.
"""

import csv
import io
import re

from game.domain.room import Device, RoomRules
from game.room import texts
from game.ui.theme import DECK_COLORS


def timer_view(timer) -> dict | None:
    if timer is None:
        return None
    return {"remaining": round(timer.remaining(), 1), "running": timer.running, "total": timer.seconds}


def step_id(ws) -> str:
    return f"{ws.step_index}.{ws.repeats.get(ws.step_index, 0)}" + (".end" if ws.finished else "")


def state(rules: RoomRules, device: Device, version: int, ideas_json=None) -> dict:
    """The room as this device sees it now (`ideas_json`: the ideas already made views, shared by a team)."""
    ws = rules.ws
    lang = device.lang
    step = ws.step
    finished = ws.finished
    cards = [] if finished else [
        {
            "deck": texts.word(texts.DECKS, card.kind, lang),
            "kind": card.kind,
            "emblem": f"emblems/{card.kind}.svg",
            "colour": DECK_COLORS.get(card.kind, "#5B3FA8"),
            "title": card.title.get(lang),
            "text": card.prompt.get(lang),
            "story": card.example.get(lang) if card.example else None,
        }
        for card in _table(ws, device)
    ]  # fmt: skip
    visible = rules.visible(device)
    mine, editable = rules.mine(device, visible)
    checks = []
    if not finished and step.kind == "check" and step.teams_check and device.joined:
        checks = [{"id": c.id, "title": c.title.get(lang), "text": c.prompt.get(lang)} for c in ws.check_cards()]
    return {
        "type": "state",
        "version": version,
        "joined": device.joined,
        "team": device.team or None,
        "name": device.name,
        "anonymous": ws.anonymous,
        "step": {
            "id": step_id(ws),
            "index": ws.step_index,
            "count": len(ws.steps),
            "kind": step.kind,
            "title": texts.word(texts.STEPS, step.kind, lang),
            "instruction": step.instruction.get(lang),
        },
        "cards": cards,
        "timer": None if finished else timer_view(ws.timer),
        "break": timer_view(ws.pause) if ws.on_break and not finished else None,
        "accepts": rules.accepts(device),
        "ideas": ideas_json if ideas_json is not None else [rules.idea_view(i) for i in visible],
        "mine": mine,
        "editable": editable,
        "checks": checks,
        "voting": rules.voting(device),
        "end": end_view(rules, lang) if finished else None,
    }


def end_view(rules: RoomRules, lang: str) -> dict:
    """The links to take home, in the phone's language; the report only while the trainer allows it."""
    return {
        "markdown_url": f"export/ideas.md?lang={lang}",
        "csv_url": f"export/ideas.csv?lang={lang}",
        "report_url": f"export/report.html?lang={lang}" if rules.room.report_home else None,
    }


def _table(ws, device: Device) -> list:
    """The cards on this phone's table: the room's, and its team's own where each team draws for itself."""
    try:
        return ws.cards_for(device.team) if device.team else ws.cards()
    except KeyError:  # a team the workshop no longer has
        return ws.cards()


def welcome(rules: RoomRules, device: Device) -> dict:
    ws = rules.ws
    return {
        "type": "welcome",
        "device": device.token,
        "name": device.name,
        "team": device.team or None,
        "team_fixed": device.team_fixed,
        "teams": [t.name for t in ws.teams],
        "anonymous": ws.anonymous,
        "needs_name": not ws.anonymous and not device.name,
        "lang": device.lang,
        "title": ws.scenario.name.get(device.lang),
    }


# --- take the list home --------------------------------------------------------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def md_line(text: str) -> str:
    """User text on one Markdown line, shown as typed: every markup character escaped, line breaks as spaces."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def markdown(ws, lang: str) -> str:
    ru = lang == "ru"
    title = ws.scenario.name.get(lang)
    lines = [f"# {md_line(title)}", ""]
    chosen = {i.id for i in ws.chosen()} if ws.revealed else set()
    for team in ws.teams:
        ideas = ws.ideas_of(team.name)
        lines += [f"## {md_line(team.name)}", ""]
        if not ideas:
            lines += ["—" if ru else "(no ideas)", ""]
            continue
        for idea in ideas:
            mark = " ✓" if idea.id in chosen else ""
            dots = f" {'●' * idea.dots}" if ws.revealed and idea.dots else ""
            lines.append(f"- {md_line(idea.text)}{dots}{mark}")
            p = idea.promise
            if idea.id in chosen and (p.who or p.first_step):
                said = " · ".join(md_line(x) for x in (p.who, p.due, p.first_step) if x)
                lines.append(f"  - {'Обещание' if ru else 'Promise'}: {said}")
        lines.append("")
    return "\n".join(lines)


def csv_text(ws, lang: str) -> str:
    ru = lang == "ru"
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["№", "Команда", "Идея", "Точки", "Кто", "Срок", "Первый шаг"]
        if ru
        else ["#", "Team", "Idea", "Dots", "Who", "Due", "First step"]
    )

    def cell(text: str) -> str:
        return "'" + text if text.startswith(FORMULA_START) else text

    for idea in ws.ideas:
        p = idea.promise
        writer.writerow(
            [idea.id, cell(idea.team), cell(idea.text), idea.dots if ws.revealed else "", cell(p.who), p.due,
             cell(p.first_step)]
        )  # fmt: skip
    return out.getvalue()


def report_html(ws, lang: str) -> str:
    """The session report the laptop exports (game/io/report.py), made from the workshop itself: the library is
    never asked. Every piece of user text in it is escaped there."""
    from datetime import UTC, datetime

    from game.io.report import round_idea_dicts, round_session, session_report_html

    session = round_session(ws, lang, datetime.now(UTC).isoformat())
    return session_report_html(session, round_idea_dicts(ws), lang, ws.content)
