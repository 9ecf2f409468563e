"""Decks, cards and scenarios: TOML files validated into typed models.

Files are parsed with `tomllib` and checked field by field; nothing in them is ever executed. Every problem is
a `ContentError` that knows its file, and the line or the card id and field, so a person can fix it.
"""

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LANGS = ("ru", "en")
DECK_KINDS = (
    "business",
    "client",
    "touchpoint",
    "lens",
    "technomagic",
    "constraint",
    "check",
    "obstacle",
    "warmup",
)
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_TEXT_CHARS = 4000
#: a picture that travels with a user's deck: beside the deck file, in its `art/` folder
ART_FILE = re.compile(r"art/[A-Za-z0-9][A-Za-z0-9_.-]{0,79}\.svg")
_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,79}$")
#: How long a technique takes to put in place, and what it costs (shown as small marks on the card face).
EFFORTS = ("minutes", "hours", "days")
COSTS = ("free", "small", "budget")
_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")


@dataclass(frozen=True)
class ContentError(Exception):
    """A problem in a deck or scenario file, located as precisely as we know."""

    path: Path
    message: str
    line: int | None = None
    item_id: str | None = None
    field: str | None = None
    item_word: str = "card"

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.path}:{self.line}: {self.message}"
        parts = [str(self.path)]
        if self.item_id is not None:
            parts.append(f"{self.item_word} {self.item_id}")
        if self.field is not None:
            parts.append(self.field)
        parts.append(self.message)
        return ": ".join(parts)


class ContentErrors(Exception):
    """Every problem found in one file (a file is used only when it has none)."""

    def __init__(self, errors: list[ContentError]):
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


@dataclass(frozen=True)
class Text:
    """A text in both languages."""

    ru: str
    en: str

    def get(self, lang: str) -> str:
        return self.ru if lang == "ru" else self.en


@dataclass(frozen=True)
class Card:
    id: str
    deck_id: str
    kind: str
    title: Text
    prompt: Text
    example: Text | None = None
    source: Text | None = None
    twist: Text | None = None
    tags: tuple[str, ...] = ()
    art: str | None = None
    order: int | None = None
    why: Text | None = None  # one line: why the move works
    effort: str | None = None  # minutes / hours / days (technique cards)
    cost: str | None = None  # free / small / budget (technique cards)
    story: str | None = None  # the seed story this card retells: no table shows two cards with one story
    journey: str | None = None  # a touchpoint's own route ("b2b", "delivery"); None is the visit route


@dataclass(frozen=True)
class Deck:
    id: str
    kind: str
    name: Text
    cards: tuple[Card, ...]
    path: Path
    description: Text | None = None
    color: str | None = None
    #: a shipped emblem's name (a deck kind) or the deck's own picture, `art/NAME.svg` beside the deck file
    emblem: str | None = None


STEP_KINDS = ("warmup", "client", "moment", "obstacle", "lens", "magic", "check", "choose", "promise")
#: What a step draws when its scenario does not say.
DEFAULT_DRAWS: dict[str, tuple[str, ...]] = {
    "warmup": ("warmup",),
    "client": ("business", "client"),
    "moment": ("touchpoint",),
    "obstacle": ("obstacle",),
    "lens": ("lens",),
    "magic": ("technomagic",),
    "check": (),
    "choose": (),
    "promise": (),
}


@dataclass(frozen=True)
class StepSpec:
    kind: str
    seconds: int
    draw: tuple[str, ...]
    instruction: Text
    cards: tuple[str, ...] = ()  # fixed card ids shown instead of drawing (e.g. the three morning questions)
    route: bool | str = False  # draw the next stop along a route (touchpoint `order`): true is the visit route,
    # a name ("b2b", "delivery") the touchpoints whose `journey` says so
    per_team: tuple[str, ...] = ()  # deck kinds of `draw` that each team of a workshop draws for itself
    efforts: tuple[str, ...] = ()  # draw only cards marked with one of these efforts ("only quick ideas")
    costs: tuple[str, ...] = ()  # draw only cards marked with one of these costs ("only free ideas")
    shortlist: int = 0  # a check step in a workshop: each team checks only its N strongest ideas (0: every idea)
    teams_check: bool = True  # a check step with the room on phones: each team ticks its own ideas' checks there

    def admits(self, card: "Card") -> bool:
        """Whether the step's filters let this card be drawn (cards without marks pass no filter)."""
        return (not self.efforts or card.effort in self.efforts) and (not self.costs or card.cost in self.costs)


@dataclass(frozen=True)
class Scenario:
    id: str
    name: Text
    description: Text
    mode: str
    minutes: int
    steps: tuple[StepSpec, ...]
    path: Path
    dots: int = 3
    dot_cap: int = 3
    self_votes: bool = True
    hints: bool = True
    per_team: tuple[str, ...] = ()  # deck kinds each team draws for itself wherever a step draws them
    opening_minutes: int = 0  # the facilitator's opening, before the first step
    break_minutes: int = 0  # the break the timing allows for (Break on the console starts one this long)
    wrap_up_minutes: int = 0  # the closing round after the promises

    def planned_seconds(self) -> int:
        """Every step's timer, the opening, the break and the wrap-up: what the stated length must cover."""
        extra = self.opening_minutes + self.break_minutes + self.wrap_up_minutes
        return sum(s.seconds for s in self.steps) + 60 * extra


# --- reading files -----------------------------------------------------------------------------------


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise IsADirectoryError(21, "not a file (name deck or scenario .toml files)")
    except OSError as e:
        raise ContentErrors([ContentError(path, f"cannot read the file: {e.strerror}")]) from None
    if size > MAX_FILE_BYTES:
        raise ContentErrors([ContentError(path, f"file is too large ({size / 1048576:.1f} MB; the limit is 2 MB)")])
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ContentErrors([ContentError(path, f"cannot read the file: {e.strerror}")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        bad = raw[e.start]
        raise ContentErrors(
            [ContentError(path, f"not UTF-8 text (byte 0x{bad:02X}); save the file as UTF-8", line=line)]
        ) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        msg = str(e)
        m = _TOML_LINE.search(msg)
        at: int | None = getattr(e, "lineno", None) or (int(m.group(1)) if m else None)
        detail = getattr(e, "msg", None) or _TOML_LINE.sub("", msg).strip()
        raise ContentErrors([ContentError(path, f"invalid TOML: {detail}", line=at)]) from None


class _Checker:
    """Collects every problem of one file, each located by item id and field."""

    def __init__(self, path: Path, item_word: str):
        self.path = path
        self.item_word = item_word
        self.errors: list[ContentError] = []

    def fail(self, item_id: str | None, fld: str | None, message: str) -> None:
        self.errors.append(ContentError(self.path, message, None, item_id, fld, self.item_word))

    def text(self, table: dict[str, Any], key: str, item_id: str | None, where: str, required: bool) -> Text | None:
        value = table.get(key)
        fld = f"{where}.{key}" if where else key
        if value is None:
            if required:
                self.fail(item_id, fld, "missing (needs ru and en)")
            return None
        if isinstance(value, str):
            self.fail(item_id, fld, 'must be a table { ru = "…", en = "…" }, not a plain string')
            return None
        if not isinstance(value, dict):
            self.fail(item_id, fld, 'must be a table { ru = "…", en = "…" }')
            return None
        ok = True
        for lang in LANGS:
            s = value.get(lang)
            if s is None:
                self.fail(item_id, fld, f"missing `{lang}`")
                ok = False
            elif not isinstance(s, str):
                self.fail(item_id, f"{fld}.{lang}", "must be text")
                ok = False
            elif not s.strip():
                self.fail(item_id, f"{fld}.{lang}", "is empty")
                ok = False
            elif len(s) > MAX_TEXT_CHARS:
                self.fail(item_id, f"{fld}.{lang}", f"is too long ({len(s)} characters; at most {MAX_TEXT_CHARS})")
                ok = False
        return Text(value["ru"].strip(), value["en"].strip()) if ok else None

    def ident(self, table: dict[str, Any], key: str, item_id: str | None, where: str) -> str | None:
        value = table.get(key)
        fld = f"{where}.{key}" if where else key
        if value is None:
            self.fail(item_id, fld, "missing")
            return None
        if not isinstance(value, str) or not _ID.match(value):
            self.fail(item_id, fld, f"{value!r} is not a valid id (lowercase letters, digits, - _ .)")
            return None
        return value

    def table(self, data: dict[str, Any], key: str) -> dict[str, Any] | None:
        value = data.get(key)
        if not isinstance(value, dict):
            self.fail(None, None, f"missing the [{key}] table")
            return None
        return value

    def raise_if_any(self) -> None:
        if self.errors:
            raise ContentErrors(self.errors)


def _card_line(path: Path, card_id: str, fld: str | None = None) -> int | None:
    """The line of `id = "card_id"`, or of the card's own `fld = …` line when it has one, so an editor can jump
    to it (best effort)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    pattern = re.compile(r'^\s*id\s*=\s*["\']' + re.escape(card_id) + r'["\']')
    start = next((n for n, line in enumerate(lines, 1) if pattern.match(line)), None)
    if start is None or not fld:
        return start
    key = re.compile(r"^\s*" + re.escape(fld.split(".")[0]) + r"\s*=")
    for n in range(start - 1, 0, -1):  # the field may sit above the id within the same [[cards]] table
        if lines[n - 1].strip().startswith("[["):
            break
        if key.match(lines[n - 1]):
            return n
    for n in range(start, len(lines) + 1):
        if n > start and lines[n - 1].strip().startswith("["):
            break
        if key.match(lines[n - 1]):
            return n
    return start


def load_deck(path: Path, data: dict[str, Any] | None = None) -> Deck:
    """Read and validate one deck file; raises `ContentErrors` listing every problem."""
    data = _read_toml(path) if data is None else data
    check = _Checker(path, "card")
    head = check.table(data, "deck")
    check.raise_if_any()
    assert head is not None
    deck_id = check.ident(head, "id", None, "deck")
    kind = head.get("kind")
    if kind not in DECK_KINDS:
        check.fail(None, "deck.kind", f"unknown deck kind {kind!r}; expected one of: {', '.join(DECK_KINDS)}")
    name = check.text(head, "name", None, "deck", required=True)
    description = check.text(head, "description", None, "deck", required=False)
    color = head.get("color")
    if color is not None and not (isinstance(color, str) and re.fullmatch(r"#[0-9a-fA-F]{6}", color)):
        check.fail(None, "deck.color", f'{color!r} is not a colour like "#3a7d44"')
        color = None
    emblem = head.get("emblem")
    if emblem is not None and not (isinstance(emblem, str) and (emblem in DECK_KINDS or ART_FILE.fullmatch(emblem))):
        kinds = ", ".join(DECK_KINDS)
        check.fail(None, "deck.emblem", f"{emblem!r} is neither a shipped emblem ({kinds}) nor art/NAME.svg")
        emblem = None
    raw_cards = data.get("cards")
    if raw_cards is None or raw_cards == []:
        check.fail(None, None, "the deck has no cards (add [[cards]] tables)")
        raw_cards = []
    elif not isinstance(raw_cards, list) or not all(isinstance(c, dict) for c in raw_cards):
        check.fail(None, "cards", "must be [[cards]] tables")
        raw_cards = []
    cards: list[Card] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(raw_cards, 1):
        label = raw.get("id") if isinstance(raw.get("id"), str) else f"#{number}"
        card_id = check.ident(raw, "id", label, "")
        if card_id is not None:
            if card_id in seen:
                check.fail(card_id, "id", f"duplicate card id (card #{seen[card_id]} has it too)")
                card_id = None
            else:
                seen[card_id] = number
        title = check.text(raw, "title", label, "", required=True)
        prompt = check.text(raw, "prompt", label, "", required=True)
        example = check.text(raw, "example", label, "", required=False)
        source = check.text(raw, "source", label, "", required=False)
        twist = check.text(raw, "twist", label, "", required=False)
        tags = raw.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            check.fail(label, "tags", "must be a list of words")
            tags = []
        art = raw.get("art")
        if art is not None and not isinstance(art, str):
            check.fail(label, "art", "must be a file name")
            art = None
        order = raw.get("order")
        if order is not None and (not isinstance(order, int) or isinstance(order, bool)):
            check.fail(label, "order", "must be a whole number")
            order = None
        why = check.text(raw, "why", label, "", required=False)
        marks: dict[str, str | None] = {}
        for key, allowed in (("effort", EFFORTS), ("cost", COSTS)):
            value = raw.get(key)
            if value is not None and value not in allowed:
                check.fail(label, key, f"{value!r} must be one of: {', '.join(allowed)}")
                value = None
            marks[key] = value
        story = raw.get("story")
        if story is not None and (not isinstance(story, str) or not _ID.match(story)):
            check.fail(label, "story", f"{story!r} is not a valid story id (lowercase letters, digits, - _ .)")
            story = None
        journey = raw.get("journey")
        if journey is not None and (not isinstance(journey, str) or not _ID.match(journey)):
            check.fail(label, "journey", f"{journey!r} is not a valid route name (lowercase letters, digits, - _ .)")
            journey = None
        if card_id and title and prompt and deck_id and kind in DECK_KINDS:
            cards.append(
                Card(
                    card_id,
                    deck_id,
                    kind,
                    title,
                    prompt,
                    example,
                    source,
                    twist,
                    tuple(tags),
                    art,
                    order,
                    why,
                    marks["effort"],
                    marks["cost"],
                    story,
                    journey,
                )
            )
    _locate(check.errors)
    check.raise_if_any()
    assert deck_id and name and kind
    return Deck(deck_id, kind, name, tuple(cards), path, description, color, emblem)


def _locate(errors: list[ContentError]) -> None:
    """Adds nothing to the message, but gives card errors the line of their card when it can be found."""
    for i, err in enumerate(errors):
        if err.item_id and not err.item_id.startswith("#") and err.line is None:
            line = _card_line(err.path, err.item_id, err.field)
            if line is not None:
                errors[i] = ContentError(err.path, f"card {err.item_id}: {err.field}: {err.message}", line=line)


def load_scenario(path: Path, data: dict[str, Any] | None = None) -> Scenario:
    """Read and validate one scenario file; raises `ContentErrors` listing every problem."""
    data = _read_toml(path) if data is None else data
    check = _Checker(path, "step")
    head = check.table(data, "scenario")
    check.raise_if_any()
    assert head is not None
    sid = check.ident(head, "id", None, "scenario")
    name = check.text(head, "name", None, "scenario", required=True)
    description = check.text(head, "description", None, "scenario", required=True)
    mode = head.get("mode", "solo")
    if mode not in ("solo", "teams"):
        check.fail(None, "scenario.mode", f'{mode!r} must be "solo" or "teams"')
    numbers: dict[str, int | None] = {}
    for key, default, low, high in (
        ("minutes", 15, 1, 600),
        ("dots", 3, 1, 20),
        ("dot_cap", None, 1, 20),
        ("opening_minutes", 0, 0, 120),
        ("break_minutes", 0, 0, 120),
        ("wrap_up_minutes", 0, 0, 120),
    ):
        value = head.get(key, default)
        if value is None:
            numbers[key] = None
            continue
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            check.fail(None, f"scenario.{key}", f"must be a whole number from {low} to {high}")
            value = default if default is not None else low
        numbers[key] = value
    flags = {}
    for key in ("self_votes", "hints"):
        value = head.get(key, True)
        if not isinstance(value, bool):
            check.fail(None, f"scenario.{key}", "must be true or false")
            value = True
        flags[key] = value
    per_team_all = head.get("per_team", [])
    if not isinstance(per_team_all, list) or any(k not in DECK_KINDS for k in per_team_all):
        check.fail(None, "scenario.per_team", f"must list deck kinds from: {', '.join(DECK_KINDS)}")
        per_team_all = []
    raw_steps = data.get("steps")
    if not raw_steps or not isinstance(raw_steps, list) or not all(isinstance(s, dict) for s in raw_steps):
        check.fail(None, None, "the scenario has no steps (add [[steps]] tables)")
        raw_steps = []
    steps: list[StepSpec] = []
    for number, raw in enumerate(raw_steps, 1):
        label = str(number)
        kind = raw.get("step")
        if kind not in STEP_KINDS:
            check.fail(label, "step", f"unknown step {kind!r}; expected one of: {', '.join(STEP_KINDS)}")
            continue
        seconds = raw.get("seconds", 0)
        if not isinstance(seconds, int) or isinstance(seconds, bool) or not 0 <= seconds <= 7200:
            check.fail(label, "seconds", "must be a whole number of seconds from 0 (no timer) to 7200")
            seconds = 0
        draw = raw.get("draw", list(DEFAULT_DRAWS[kind]))
        if not isinstance(draw, list) or any(d not in DECK_KINDS for d in draw):
            check.fail(label, "draw", f"must list deck kinds from: {', '.join(DECK_KINDS)}")
            draw = list(DEFAULT_DRAWS[kind])
        fixed = raw.get("cards", [])
        if not isinstance(fixed, list) or not all(isinstance(c, str) for c in fixed):
            check.fail(label, "cards", "must list card ids")
            fixed = []
        route = raw.get("route", False)
        if not isinstance(route, bool) and not (isinstance(route, str) and _ID.match(route)):
            check.fail(label, "route", 'must be true, false or the name of a route ("b2b", "delivery")')
            route = False
        instruction = check.text(raw, "instruction", label, "", required=True)
        draw = [] if fixed and "draw" not in raw else draw
        filters: dict[str, tuple[str, ...]] = {}
        for key, allowed in (("effort", EFFORTS), ("cost", COSTS)):
            value = raw.get(key, [])
            if not isinstance(value, list) or any(v not in allowed for v in value):
                check.fail(label, key, f"must list values from: {', '.join(allowed)}")
                value = []
            filters[key] = tuple(value)
        per_team = raw.get("per_team")
        if per_team is None:
            per_team = [k for k in per_team_all if k in draw]
        elif not isinstance(per_team, list) or any(k not in draw for k in per_team):
            check.fail(label, "per_team", "must list deck kinds that this step draws")
            per_team = []
        shortlist = raw.get("shortlist", 0)
        if not isinstance(shortlist, int) or isinstance(shortlist, bool) or not 0 <= shortlist <= 10:
            check.fail(label, "shortlist", "must be a whole number from 0 (every idea) to 10")
            shortlist = 0
        elif shortlist and kind != "check":
            check.fail(label, "shortlist", "only a check step has a shortlist")
            shortlist = 0
        teams_check = raw.get("teams_check", True)
        if not isinstance(teams_check, bool):
            check.fail(label, "teams_check", "must be true (teams tick the checks on their phones) or false")
            teams_check = True
        elif "teams_check" in raw and kind != "check":
            check.fail(label, "teams_check", "only a check step says whether teams check")
            teams_check = True
        if instruction:
            own = tuple(dict.fromkeys(per_team))
            spec = StepSpec(
                kind, seconds, tuple(draw), instruction, tuple(fixed), route, own, **_plural(filters),
                shortlist=shortlist, teams_check=teams_check,
            )  # fmt: skip
            steps.append(spec)
    kinds = [s.kind for s in steps]
    for needed in ("magic", "choose", "promise"):
        if steps and needed not in kinds:
            check.fail(None, "steps", f"a scenario needs a {needed!r} step")
    if kinds[-2:] != ["choose", "promise"] and {"choose", "promise"} <= set(kinds):
        check.fail(None, "steps", "the last two steps must be 'choose' and then 'promise'")
    check.raise_if_any()
    assert sid and name and description
    dots = numbers["dots"] or 3  # only dot_cap may be missing (None): the others have defaults above
    return Scenario(
        sid,
        name,
        description,
        mode,
        numbers["minutes"] or 15,
        tuple(steps),
        path,
        dots=dots,
        dot_cap=numbers["dot_cap"] or dots,
        per_team=tuple(per_team_all),
        opening_minutes=numbers["opening_minutes"] or 0,
        break_minutes=numbers["break_minutes"] or 0,
        wrap_up_minutes=numbers["wrap_up_minutes"] or 0,
        **flags,
    )


def _plural(filters: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    return {"efforts": filters["effort"], "costs": filters["cost"]}


# --- the content set ---------------------------------------------------------------------------------


@dataclass
class Content:
    """All decks and scenarios the game can use, and the files it had to skip (with why)."""

    decks: dict[str, Deck] = field(default_factory=dict)
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    problems: list[ContentError] = field(default_factory=list)

    def cards_of(self, kind: str) -> list[Card]:
        """Every card of a kind, in route order where cards have one, else in deck file order."""
        cards = [c for d in self.decks.values() if d.kind == kind for c in d.cards]
        return sorted(cards, key=lambda c: c.order if c.order is not None else 10**6)

    def card(self, card_id: str) -> Card | None:
        for deck in self.decks.values():
            for card in deck.cards:
                if card.id == card_id:
                    return card
        return None

    def skipped_files(self) -> list[Path]:
        return sorted({p.path for p in self.problems})


def _toml_files(folders: Iterable[Path]) -> Iterator[Path]:
    for folder in folders:
        if folder.is_dir():
            yield from sorted(folder.glob("*.toml"))


def load_content(deck_dirs: Iterable[Path], scenario_dirs: Iterable[Path]) -> Content:
    """Load every valid file; later folders replace decks/scenarios with the same id (users' own files)."""
    content = Content()
    for path in _toml_files(deck_dirs):
        try:
            deck = load_deck(path)
        except ContentErrors as e:
            content.problems.extend(e.errors)
        else:
            content.decks[deck.id] = deck
    for path in _toml_files(scenario_dirs):
        try:
            scenario = load_scenario(path)
        except ContentErrors as e:
            content.problems.extend(e.errors)
            continue
        missing = sorted(
            {k for s in scenario.steps for k in s.draw if not content.cards_of(k)}
            | ({"check"} if any(s.kind == "check" for s in scenario.steps) and not content.cards_of("check") else set())
        )
        unknown = sorted({c for s in scenario.steps for c in s.cards if content.card(c) is None})
        if missing:
            content.problems.append(ContentError(path, f"needs decks that are missing or broken: {', '.join(missing)}"))
        elif unknown:
            content.problems.append(ContentError(path, f"names cards that no deck has: {', '.join(unknown)}"))
        else:
            content.scenarios[scenario.id] = scenario
    return content


def check_files(paths: Iterable[Path]) -> list[ContentError]:
    """Validate deck or scenario files (told apart by their [deck] / [scenario] table)."""
    problems: list[ContentError] = []
    for path in paths:
        try:
            data = _read_toml(path)
            if "scenario" in data and "deck" not in data:
                load_scenario(path, data)
            else:
                load_deck(path, data)
        except ContentErrors as e:
            problems.extend(e.errors)
    return problems
