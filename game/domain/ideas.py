"""Ideas, their human-check marks, dot votes with limits, and promises."""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from game.domain.limits import IDEA_CHARS

FOCUSES = ("fix", "wow", "planb")
#: An idea's life after the round: new → planned → tried → keeps working / dropped.
STATUSES = ("new", "planned", "tried", "working", "dropped")


@dataclass
class Promise:
    who: str = ""
    due: str = ""  # ISO date, "" when not set
    first_step: str = ""
    success_sign: str = ""

    def missing(self) -> list[str]:
        """The fields a promise needs before the round can end (who, by when, first step)."""
        return [name for name in ("who", "due", "first_step") if not getattr(self, name).strip()]

    def due_date(self) -> date | None:
        return date.fromisoformat(self.due) if self.due else None


@dataclass
class Idea:
    id: int
    text: str
    checks: dict[str, bool] = field(default_factory=dict)
    dots: int = 0
    focus: str = ""
    promise: Promise = field(default_factory=Promise)
    history: list[str] = field(default_factory=list)
    team: str = ""  # who called it out in a workshop ("" when played alone)
    player: str = ""
    merged: list[dict[str, str]] = field(default_factory=list)  # the same idea from other teams: text, team, player

    def authors(self) -> list[str]:
        """The teams that came up with this idea, its own first (merging keeps every team's credit)."""
        return list(dict.fromkeys(t for t in [self.team, *(m.get("team", "") for m in self.merged)] if t))

    @property
    def score(self) -> int:
        return sum(1 for passed in self.checks.values() if passed)

    @property
    def chosen(self) -> bool:
        return self.dots > 0

    @property
    def title(self) -> str:
        first = self.text.strip().splitlines()[0] if self.text.strip() else ""
        return first if len(first) <= 80 else first[:79].rstrip() + "…"

    def rework(self, new_text: str) -> None:
        """Change the text, keeping what it was (weak ideas are reworked, not only dropped)."""
        new_text = clean_text(new_text)
        if new_text and new_text != self.text:
            self.history.append(self.text)
            self.text = new_text

    def to_dict(self) -> dict[str, Any]:
        """What `asdict` gives, built by hand: a workshop of thousands of phone ideas is saved twice a second, and
        `asdict`'s deep copy made that half a second at 9000 ideas."""
        p = self.promise
        return {
            "id": self.id,
            "text": self.text,
            "checks": dict(self.checks),
            "dots": self.dots,
            "focus": self.focus,
            "promise": {"who": p.who, "due": p.due, "first_step": p.first_step, "success_sign": p.success_sign},
            "history": list(self.history),
            "team": self.team,
            "player": self.player,
            "merged": [dict(m) for m in self.merged],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Idea":
        data = dict(data)
        data["promise"] = Promise(**data.get("promise", {}))
        return cls(**data)


class VoteRefused(Exception):
    """A dot that the voting rules do not allow; `reason` is one of the REASONS keys."""

    REASONS = ("no_dots_left", "idea_cap", "own_idea", "no_dot_to_take")

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def clean_text(text: str) -> str:
    """Trim, and keep at most IDEA_CHARS (the screens and the phone page stop the typing there first)."""
    return text.strip()[:IDEA_CHARS]


@dataclass
class Ballot:
    """Dot voting: each voter has `dots`, an idea takes at most `cap` dots from one voter."""

    dots: int
    cap: int
    self_votes: bool = True
    given: dict[str, dict[int, int]] = field(default_factory=dict)  # voter -> idea id -> dots

    def left(self, voter: str) -> int:
        return self.dots - sum(self.given.get(voter, {}).values())

    def give(self, voter: str, idea: Idea, author: str | None = None) -> None:
        if not self.self_votes and author == voter:
            raise VoteRefused("own_idea")
        if self.left(voter) <= 0:
            raise VoteRefused("no_dots_left")
        mine = self.given.setdefault(voter, {})
        if mine.get(idea.id, 0) >= self.cap:
            raise VoteRefused("idea_cap")
        mine[idea.id] = mine.get(idea.id, 0) + 1
        idea.dots += 1

    def take(self, voter: str, idea: Idea) -> None:
        mine = self.given.get(voter, {})
        if mine.get(idea.id, 0) <= 0:
            raise VoteRefused("no_dot_to_take")
        mine[idea.id] -= 1
        if not mine[idea.id]:
            del mine[idea.id]
        idea.dots -= 1

    def forget(self, idea_id: int) -> None:
        for mine in self.given.values():
            mine.pop(idea_id, None)

    def to_dict(self) -> dict[str, Any]:
        given = {voter: {str(k): v for k, v in ideas.items()} for voter, ideas in self.given.items()}
        return {"dots": self.dots, "cap": self.cap, "self_votes": self.self_votes, "given": given}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Ballot":
        given = {voter: {int(k): v for k, v in ideas.items()} for voter, ideas in data["given"].items()}
        return cls(data["dots"], data["cap"], data["self_votes"], given)


def fingerprint(title: str, text: str) -> str:
    """What makes two ideas the same: their title and text, case-folded, all spacing as one space (the two kept
    apart by a character no text of an idea may hold)."""
    return " ".join(f"{title} \x00 {text}".casefold().split())


#: Every white space character but the space (what str.isspace and a regular expression's \s know), which
#: `fingerprint` turns into spaces: tests/domain/test_fingerprints.py holds the list to Python's own
ODD_SPACE = re.compile("[\t\n\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


def fingerprints(titles: Sequence[str], texts: Sequence[str]) -> list[str]:
    """`fingerprint` of many ideas, the very same texts, in bulk (an import takes those of the 100 000 ideas a
    library may hold): folded in one go, and spaced again only where the spacing is not one space between
    words already (most texts)."""
    pairs = "\x01".join(map(" \x00 ".join, zip(titles, texts, strict=True)))
    keys = pairs.casefold().split("\x01")
    if len(keys) != len(titles):  # a text holding \x01 of its own
        return list(map(fingerprint, titles, texts))
    odd = ODD_SPACE.search
    return [" ".join(key.split()) if "  " in key or key[:1] == " " or key[-1:] == " " or odd(key) else key
            for key in keys]  # fmt: skip
