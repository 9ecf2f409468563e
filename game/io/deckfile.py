"""A deck file as the studio edits it: read with `tomllib`, written back in the shipped format.

The file stays a person's file: each card's text block is kept as it was (comments, spacing, key order) until that
card is edited, and only the edited card's block is written anew; comment lines between cards stay where they
were. Reading 200 cards takes milliseconds (a style-preserving TOML parser took most of a second), and every
save is one atomic replace. Validation is the game's own (`load_deck`), so the studio says what `check-deck`
would say, in the same words.
"""

import re
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Self

from game.domain.content import LANGS, Card, ContentError, ContentErrors, Deck, Text, load_deck
from game.io.atomic import write_atomically

#: The card texts the studio edits, in the order a card shows them; the first two are required.
CARD_TEXTS = ("title", "prompt", "example", "source", "twist")
REQUIRED = ("title", "prompt")
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def toml_string(text: str) -> str:
    """A TOML basic string holding `text` exactly."""
    out = ['"']
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {toml_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to a deck file")


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else toml_string(key)


def table_lines(table: dict[str, Any]) -> str:
    return "".join(f"{_key(k)} = {toml_value(v)}\n" for k, v in table.items())


def _split_tail(lines: list[str]) -> tuple[list[str], list[str]]:
    """A block's own lines, and the comment and blank lines after them (they belong to what follows)."""
    end = len(lines)
    while end > 0 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    return lines[:end], lines[end:]


class DeckFile:
    """One deck file open for editing; `cards` are plain dicts in file order. (A scenario file has the same shape:
    `ScenarioFile` below reads `[scenario]` and `[[steps]]` the same way.)"""

    HEAD, ITEMS = "deck", "cards"

    def __init__(self, path: Path, text: str):
        self.path = path
        data = tomllib.loads(text)
        deck = data.get(self.HEAD)
        if not isinstance(deck, dict) or not isinstance(data.get(self.ITEMS, []), list):
            raise ValueError(f"{path}: not a {self.HEAD} file (it needs a [{self.HEAD}] table and [[{self.ITEMS}]])")
        self.deck: dict[str, Any] = deck
        self.cards: list[dict[str, Any]] = list(data.get(self.ITEMS, []))
        lines = text.splitlines(keepends=True)
        items_line = re.compile(r"^\s*\[\[\s*" + self.ITEMS + r"\s*\]\]\s*(#.*)?$")
        starts = [n for n, line in enumerate(lines) if items_line.match(line)]
        head = lines[: starts[0]] if starts else lines
        self._head, self._head_tail = _split_tail(head)
        self._blocks: list[str | None] = []
        self._tails: list[str] = []
        for i, start in enumerate(starts):
            body, tail = _split_tail(lines[start : starts[i + 1] if i + 1 < len(starts) else len(lines)])
            self._blocks.append("".join(body))
            self._tails.append("".join(tail))
        if len(self._blocks) != len(self.cards):  # `[[cards]]` written some other way: write every card anew
            self._blocks = [None] * len(self.cards)
            self._tails = ["\n"] * len(self.cards)
        self._head_dirty = False

    @classmethod
    def open(cls, path: Path) -> Self:
        return cls(path, path.read_text(encoding="utf-8"))

    @classmethod
    def new(cls, path: Path, deck_id: str, kind: str, name: dict[str, str], first_card: dict[str, Any]) -> "DeckFile":
        text = f"[deck]\n{table_lines({'id': deck_id, 'kind': kind, 'name': name})}\n"
        text += f"[[cards]]\n{table_lines(first_card)}"
        return cls(path, text)

    # --- reading ------------------------------------------------------------------------------------

    @property
    def deck_id(self) -> str:
        return str(self.deck.get("id", ""))

    @property
    def kind(self) -> str:
        return str(self.deck.get("kind", ""))

    def text(self, index: int, field: str, lang: str) -> str:
        value = self.cards[index].get(field)
        return str(value.get(lang, "")) if isinstance(value, dict) else ""

    def deck_text(self, field: str, lang: str) -> str:
        value = self.deck.get(field)
        return str(value.get(lang, "")) if isinstance(value, dict) else ""

    def missing_translation(self, index: int) -> list[str]:
        """The card's texts written in one language only, as `field.lang` (the language still to write)."""
        out = []
        for field in CARD_TEXTS:
            have = {lang: bool(self.text(index, field, lang).strip()) for lang in LANGS}
            out += [f"{field}.{lang}" for lang in LANGS if any(have.values()) and not have[lang]]
        return out

    def card(self, index: int) -> Card:
        """The card as the game shows it (for the live preview; texts may still be half-written)."""
        raw = self.cards[index]

        def text(field: str) -> Text | None:
            value = raw.get(field)
            if not isinstance(value, dict) or not any(str(value.get(lang, "")).strip() for lang in LANGS):
                return None
            return Text(str(value.get("ru", "")), str(value.get("en", "")))

        return Card(
            id=str(raw.get("id", "")),
            deck_id=self.deck_id,
            kind=self.kind,
            title=text("title") or Text("", ""),
            prompt=text("prompt") or Text("", ""),
            example=text("example"),
            source=text("source"),
            twist=text("twist"),
        )

    def preview_deck(self) -> Deck:
        """The deck's look for a live card (its colour); no cards, nothing checked."""
        color = self.deck.get("color")
        name = Text(self.deck_text("name", "ru"), self.deck_text("name", "en"))
        emblem = self.deck.get("emblem")
        return Deck(
            self.deck_id, self.kind, name, (), self.path, None,
            color if isinstance(color, str) else None, emblem if isinstance(emblem, str) else None,
        )  # fmt: skip

    def dumps(self) -> str:
        if self._head_dirty:
            self._head = self._regenerate_head()
            self._head_dirty = False
        parts = ["".join(self._head), "".join(self._head_tail)]
        for n, card in enumerate(self.cards):
            block = self._blocks[n]
            if block is None:
                block = self._blocks[n] = f"[[{self.ITEMS}]]\n" + table_lines(card)
            parts += [block, self._tails[n] or ("\n" if n + 1 < len(self.cards) else "")]
        text = "".join(parts)
        return text if text.endswith("\n") else text + "\n"

    def _regenerate_head(self) -> list[str]:
        """The [deck] table written anew; comments above it kept."""
        lead = []
        for line in self._head:
            if line.strip().startswith(f"[{self.HEAD}]"):
                break
            lead.append(line)
        return [*lead, f"[{self.HEAD}]\n", table_lines(self.deck)]

    def problems(self) -> list[ContentError]:
        """What `check-deck` would say about the file as it now stands (it must have been saved first, for the
        line numbers). The dicts are checked as they are: they are exactly what the written TOML reads back as
        (a property test holds `toml_string` to that), and a 200-card deck is not parsed again on each save."""
        try:
            load_deck(self.path, {"deck": self.deck, "cards": self.cards})
        except ContentErrors as e:
            return e.errors
        return []

    def as_deck(self) -> Deck:
        """The deck as the game loads it; raises `ContentErrors` while it has problems."""
        return load_deck(self.path, {"deck": self.deck, "cards": self.cards})

    # --- editing (each returns what undo needs) -----------------------------------------------------

    def set_text(self, index: int, field: str, lang: str, value: str) -> str:
        card = self.cards[index]
        old = self.text(index, field, lang)
        current = card.get(field)
        texts = dict(current) if isinstance(current, dict) else {"ru": "", "en": ""}
        texts[lang] = value
        if field not in REQUIRED and not any(str(v).strip() for v in texts.values()):
            card.pop(field, None)
        else:
            card[field] = {"ru": texts.get("ru", ""), "en": texts.get("en", "")}
            self._keep_order(card)
        self._blocks[index] = None
        return old

    def set_deck_text(self, field: str, lang: str, value: str) -> str:
        old = self.deck_text(field, lang)
        current = self.deck.get(field)
        texts = dict(current) if isinstance(current, dict) else {"ru": "", "en": ""}
        texts[lang] = value
        if field != "name" and not any(str(v).strip() for v in texts.values()):
            self.deck.pop(field, None)
        else:
            self.deck[field] = texts
        self._head_dirty = True
        return old

    def set_emblem(self, emblem: str | None) -> str | None:
        old = self.deck.get("emblem")
        if emblem:
            self.deck["emblem"] = emblem
        else:
            self.deck.pop("emblem", None)
        self._head_dirty = True
        return old

    def set_color(self, color: str | None) -> str | None:
        old = self.deck.get("color")
        if color:
            self.deck["color"] = color
        else:
            self.deck.pop("color", None)
        self._head_dirty = True
        return old

    def new_card(self) -> dict[str, Any]:
        prefix = self.deck_id[:12] or "card"
        taken = {str(c.get("id")) for c in self.cards}
        n = len(self.cards) + 1
        while f"{prefix}-{n}" in taken:
            n += 1
        return {"id": f"{prefix}-{n}", "title": {"ru": "", "en": ""}, "prompt": {"ru": "", "en": ""}}

    def insert_card(self, index: int, card: dict[str, Any], block: str | None = None, tail: str = "\n") -> None:
        self.cards.insert(index, card)
        self._blocks.insert(index, block)
        self._tails.insert(index, tail)

    def remove_card(self, index: int) -> tuple[dict[str, Any], str | None, str]:
        return self.cards.pop(index), self._blocks.pop(index), self._tails.pop(index)

    def move_card(self, index: int, to: int) -> None:
        card, block, tail = self.remove_card(index)
        self.insert_card(to, card, block, tail)

    def rename(self, deck_id: str, card_suffix: str) -> None:
        """A new deck id, and `card_suffix` after every card id (a copy that lives beside the original)."""
        self.deck["id"] = deck_id
        self._head_dirty = True
        for n, card in enumerate(self.cards):
            card["id"] = f"{card.get('id', '')}{card_suffix}"
            self._blocks[n] = None

    def save(self) -> None:
        text = self.dumps()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(self.path, lambda f: f.write(text), encoding="utf-8", newline="\n")

    @staticmethod
    def _keep_order(card: dict[str, Any]) -> None:
        """Texts in the order a card shows them, after the id; anything else after them."""
        order = ["id", *CARD_TEXTS]
        items = sorted(card.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))
        card.clear()
        card.update(items)


def rename_ids(text: str, old_deck: str, new_deck: str, card_ids: Iterable[str], suffix: str) -> str:
    """The deck file's text with a new deck id and `suffix` added to each card id; all else as it was."""
    wanted = set(card_ids)
    deck_seen = False

    def swap(match: re.Match[str]) -> str:
        nonlocal deck_seen
        value = match.group(2)
        if value == old_deck and not deck_seen:  # the first id line is the deck's ([deck] comes first)
            deck_seen = True
            return f"{match.group(1)}{toml_string(new_deck)}"
        if value in wanted:
            return f"{match.group(1)}{toml_string(value + suffix)}"
        return match.group(0)

    return re.sub(r'(?m)^(\s*id\s*=\s*)"([^"\\\n]*)"', swap, text)
