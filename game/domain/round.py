"""One round of the algorithm as a state machine: steps, seeded draws, ideas, checks, dots and promises.

The UI only shows a `Round` and calls its methods; everything a round knows serialises to JSON
(`to_json` / `from_json`) for autosave, resume and multi-seat play. A round notes which of its ideas changed
(`take_changes`), so that the autosave writes those alone (game/domain/journal.py) and not thousands of ideas
twice a second.
"""

import json
import random
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Self

from game.domain.content import Card, Content, Scenario, StepSpec
from game.domain.ideas import FOCUSES, Ballot, Idea, clean_text
from game.domain.timer import Clock, Countdown

STATE_VERSION = 1
#: Where an idea came from, as the library stores it: the deck kind of each card → the idea's field.
PROVENANCE_FIELDS = {
    "business": "business_card",
    "client": "client_card",
    "touchpoint": "touchpoint_card",
    "obstacle": "obstacle_card",
    "lens": "lens_card",
    "technomagic": "technique_card",
    "constraint": "constraint_card",
}
SOLO_VOTER = "me"
IDEA_PART = "i"  # `Round.changed(IDEA_PART, idea_id)`: the autosave writes this idea again


class StepBlocked(Exception):
    """The round cannot go on yet; `reason` says why (need_idea, need_choice, need_focus, need_promise)."""

    def __init__(self, reason: str, idea_ids: tuple[int, ...] = ()):
        super().__init__(reason)
        self.reason = reason
        self.idea_ids = idea_ids


@dataclass
class Round:
    scenario: Scenario
    content: Content
    seed: int
    clock: Clock = field(default=time.monotonic, repr=False)
    step_index: int = 0
    finished: bool = False
    draws: dict[int, list[str]] = field(default_factory=dict)
    redraws: dict[str, int] = field(default_factory=dict)
    notes: dict[int, str] = field(default_factory=dict)
    drafts: dict[int, str] = field(default_factory=dict)  # typed into an idea line, not yet added
    ideas: list[Idea] = field(default_factory=list)
    timers: dict[int, Countdown] = field(default_factory=dict)
    ballot: Ballot = field(default_factory=lambda: Ballot(0, 0))  # no dots: the scenario's rules, below
    spent: list[str] = field(default_factory=list)  # cards shown and put back (redrawn): not drawn again soon
    uid: str = field(default_factory=lambda: uuid.uuid4().hex)  # the library stores a round once (round_uid)

    def __post_init__(self) -> None:
        self._index = {c.id: c for d in self.content.decks.values() for c in d.cards}
        self._by_id: dict[int, Idea] = {}  # the ideas by id, and the highest id: a phone's idea costs O(1)
        self._last_id = 0
        self._index_ideas()
        self._changes: dict[tuple[Any, ...], bool] = {}  # the parts changed since `take_changes`: added or not
        if not self.ballot.dots:
            s = self.scenario
            self.ballot = Ballot(s.dots, s.dot_cap, s.self_votes)
        if not self.draws and not self.finished:
            self._enter()

    # --- where we are ---------------------------------------------------------------------------

    @property
    def in_teams(self) -> bool:
        """A workshop of teams run from the facilitator's console (a `Workshop`), not a round played alone."""
        return False

    @property
    def steps(self) -> tuple[StepSpec, ...]:
        return self.scenario.steps

    @property
    def step(self) -> StepSpec:
        return self.steps[self.step_index]

    @property
    def timer(self) -> Countdown | None:
        return self.timers.get(self.step_index)

    def cards(self, index: int | None = None) -> list[Card]:
        index = self.step_index if index is None else index
        found = (self.content.card(cid) for cid in self.draws.get(index, []))
        return [c for c in found if c is not None]

    def check_cards(self) -> list[Card]:
        return self.content.cards_of("check")

    def drawn_of_kind(self, kind: str) -> Card | None:
        """The first card of this kind on the table in this round (an idea's provenance)."""
        for index in sorted(self.draws):
            for card in self.cards(index):
                if card.kind == kind:
                    return card
        return None

    def provenance(self, team: str = "") -> dict[str, str]:
        """The cards the round's ideas came from, by library field (`business_card`: "biz-cafe", …); in a
        workshop, `team`'s own cards where it drew its own."""
        return {
            field: card.id
            for kind, field in PROVENANCE_FIELDS.items()
            if (card := self.drawn_of_kind(kind)) is not None
        }

    # --- moving ---------------------------------------------------------------------------------

    def blocked(self) -> StepBlocked | None:
        """Why the round cannot leave the current step, or None."""
        kind = self.step.kind
        if not self.ideas and kind in ("magic", "check"):
            return StepBlocked("need_idea")
        if kind == "choose" and not self.chosen():
            return StepBlocked("need_choice")
        if kind == "choose":
            unfocused = tuple(i.id for i in self.chosen() if not i.focus)
            if unfocused:
                return StepBlocked("need_focus", unfocused)
        if kind == "promise":
            open_ = tuple(i.id for i in self.chosen() if i.promise.missing())
            if open_:
                return StepBlocked("need_promise", open_)
        return None

    def next(self) -> None:
        problem = self.blocked()
        if problem:
            raise problem
        if self.timer:
            self.timer.pause()
        if self.step_index + 1 >= len(self.steps):
            self.finished = True
            return
        self.step_index += 1
        self._enter()

    def back(self) -> None:
        if self.finished:
            self.finished = False
            return
        if self.step_index > 0:
            if self.timer:
                self.timer.pause()
            self.step_index -= 1
            self._enter()

    def _enter(self) -> None:
        index = self.step_index
        if index not in self.draws:
            self.draws[index] = list(self.step.cards)
            for slot, kind in enumerate(self.shared_draw(), len(self.step.cards)):
                self.draws[index].append(self._draw(kind, index, slot, exclude=set()))
        self._enter_teams(index)
        if self.step.seconds and index not in self.timers:
            self.timers[index] = Countdown(self.step.seconds, self.clock)
        if self.timer and not self.timer.finished:
            self.timer.start()

    def _enter_teams(self, index: int) -> None:
        """A workshop draws each team's own cards here."""

    # --- cards ----------------------------------------------------------------------------------

    def shared_draw(self, index: int | None = None) -> tuple[str, ...]:
        """The deck kinds a step draws once for the whole table (alone: every kind it draws)."""
        return self.steps[self.step_index if index is None else index].draw

    def _story(self, card_id: str) -> str | None:
        card = self._index.get(card_id)
        return card.story if card else None

    def _tables(self, team: str | None) -> tuple[set[str], set[str]]:
        """(the cards already on the table that a new card joins, every card drawn this session). `team` None
        is the shared table, which every team sees."""
        on_table = {cid for ids in self.draws.values() for cid in ids}
        return on_table, on_table | set(self.spent)

    def _draw(self, kind: str, index: int, slot: int, exclude: set[str], team: str | None = None) -> str:
        """A card of `kind` for a slot, reproducible from the seed. It is, if the deck allows: not drawn before
        in this session, and not retelling a story already on the table it joins (a story repeated would
        hand the players the answer); failing that a card not on that table; the deck's order on a route."""
        step = self.steps[index]
        cards = self.content.cards_of(kind)
        pool = [c.id for c in cards if step.admits(c)] or [c.id for c in cards]  # a filter nothing passes: all
        table, session = self._tables(team)
        stories = {st for cid in table if (st := self._story(cid))}
        fresh = [cid for cid in pool if cid not in session and cid not in exclude]
        route = self.steps[index].route
        if route and kind == "touchpoint":
            journey = route if isinstance(route, str) else None
            stops = [cid for cid in fresh if self._index[cid].journey == journey] if fresh else []
            if stops:
                return stops[0]  # the next stop on this route (cards_of sorts by `order`)
        new_story = [cid for cid in fresh if self._story(cid) not in stories or self._story(cid) is None]
        off_table = [cid for cid in pool if cid not in table and cid not in exclude]
        other_story = [cid for cid in off_table if self._story(cid) not in stories or self._story(cid) is None]
        n = self.redraws.get(self._redraw_key(index, slot, team), 0)
        rng = random.Random(self._seed_text(index, slot, n, team))
        for choice in (new_story, other_story, fresh, off_table, [c for c in pool if c not in exclude], pool):
            if choice:
                return rng.choice(choice)
        raise LookupError(f"no {kind} cards to draw")

    def _redraw_key(self, index: int, slot: int, team: str | None) -> str:
        return f"{index}:{slot}"

    def _seed_text(self, index: int, slot: int, n: int, team: str | None) -> str:
        return f"{self.seed}/{index}/{slot}/{n}"

    def redraw(self, slot: int) -> Card:
        """Replace the card in `slot` of the current step with another card of the same kind."""
        index = self.step_index
        ids = self.draws[index]
        fixed = len(self.step.cards)
        if not fixed <= slot < len(ids):
            raise IndexError(f"no card to redraw in slot {slot}")
        key = self._redraw_key(index, slot, None)
        self.redraws[key] = self.redraws.get(key, 0) + 1
        old = ids[slot]
        ids[slot] = self._draw(self.shared_draw()[slot - fixed], index, slot, exclude={old})
        self._spend(old)
        card = self.content.card(ids[slot])
        assert card is not None
        return card

    def _spend(self, card_id: str) -> None:
        if card_id not in self.spent:
            self.spent.append(card_id)

    # --- notes and ideas ------------------------------------------------------------------------

    def set_note(self, text: str) -> None:
        self.notes[self.step_index] = text[:100_000]

    def note(self, index: int | None = None) -> str:
        return self.notes.get(self.step_index if index is None else index, "")

    def add_idea(self, text: str) -> Idea | None:
        """A new idea, numbered one past the highest id in the round (so the newest idea's id, removed, comes
        back; any other is never given again)."""
        text = clean_text(text)
        if not text:
            return None
        self._index_ideas()
        idea = Idea(id=self._last_id + 1, text=text)
        self.ideas.append(idea)
        self._by_id[idea.id] = idea
        self._last_id = idea.id
        self.changed(IDEA_PART, idea.id, added=True)
        return idea

    def idea(self, idea_id: int) -> Idea:
        self._index_ideas()
        return self._by_id[idea_id]

    def _index_ideas(self) -> None:
        """(Re)build the index when `ideas` was given or replaced as a whole (a resumed round, a test)."""
        if len(self._by_id) != len(self.ideas):
            self._by_id = {i.id: i for i in self.ideas}
            self._last_id = max(self._by_id, default=0)

    def _drop_idea(self, idea_id: int) -> None:
        self.ideas = [i for i in self.ideas if i.id != idea_id]
        self._by_id.pop(idea_id, None)
        if idea_id == self._last_id:
            self._last_id = max(self._by_id, default=0)
        self.changed(IDEA_PART, idea_id)

    def remove_idea(self, idea_id: int) -> None:
        self.ballot.forget(idea_id)
        self._drop_idea(idea_id)

    def rework(self, idea_id: int, text: str) -> None:
        """Change an idea's text, keeping what it was (`Idea.rework`)."""
        self.idea(idea_id).rework(text)
        self.changed(IDEA_PART, idea_id)

    def set_check(self, idea_id: int, check_id: str, passed: bool) -> None:
        self.idea(idea_id).checks[check_id] = passed
        self.changed(IDEA_PART, idea_id)

    # --- choosing and promising -----------------------------------------------------------------

    def give_dot(self, idea_id: int) -> None:
        self.ballot.give(SOLO_VOTER, self.idea(idea_id))
        self.changed(IDEA_PART, idea_id)

    def take_dot(self, idea_id: int) -> None:
        idea = self.idea(idea_id)
        self.ballot.take(SOLO_VOTER, idea)
        if not idea.chosen:
            idea.focus = ""
        self.changed(IDEA_PART, idea_id)

    def dots_left(self) -> int:
        return self.ballot.left(SOLO_VOTER)

    def chosen(self) -> list[Idea]:
        return sorted((i for i in self.ideas if i.chosen), key=lambda i: (-i.dots, i.id))

    def kept(self) -> list[Idea]:
        """The ideas the library keeps from this round: every one (an idea not chosen today may be the right
        one next month); the chosen ones carry their focus and promise."""
        return list(self.ideas)

    def set_focus(self, idea_id: int, focus: str) -> None:
        if focus not in FOCUSES:
            raise ValueError(f"focus must be one of {FOCUSES}")
        self.idea(idea_id).focus = focus
        self.changed(IDEA_PART, idea_id)

    def set_promise(self, idea_id: int, **fields: str) -> None:
        promise = self.idea(idea_id).promise
        for name, value in fields.items():
            if not hasattr(promise, name):
                raise AttributeError(name)
            setattr(promise, name, value.strip()[:2000])
        self.changed(IDEA_PART, idea_id)

    # --- what changed (the autosave's journal) --------------------------------------------------

    def changed(self, kind: str, *key: Any, added: bool = False) -> None:
        """Note that a part kept apart from the round's head changed (an idea: `IDEA_PART`, its id); `added`: it
        was made anew, at the end of its list or map (a new idea, or the room's note of who sent it). Every method
        that changes an idea calls this; the rest of the round is small and compared as a whole."""
        part = (kind, *key)
        if added:  # where it now stands: after every part changed before it
            self._changes.pop(part, None)
            self._changes[part] = True
        elif part not in self._changes:
            self._changes[part] = False

    def take_changes(self) -> list[tuple[tuple[Any, ...], bool]]:
        """The parts changed since the last call, each with whether it was added (in the order added, and the
        others as they first changed); the list starts afresh."""
        changes, self._changes = list(self._changes.items()), {}
        return changes

    def part(self, kind: str, *key: Any) -> Any:
        """A part's state as `to_dict` writes it (None: it is gone)."""
        if kind != IDEA_PART:
            raise KeyError(kind)
        self._index_ideas()
        idea = self._by_id.get(key[0])
        return idea.to_dict() if idea is not None else None

    def head(self) -> dict[str, Any]:
        """`to_dict` without its parts (the ideas): what stays small however many ideas the round holds."""
        state = self.to_dict(parts=False)
        del state["ideas"]
        return state

    # --- JSON -----------------------------------------------------------------------------------

    def to_dict(self, parts: bool = True) -> dict[str, Any]:
        """The round's state; `parts=False` leaves the ideas out (an empty list) for `head`."""
        return {
            "version": STATE_VERSION,
            "scenario": self.scenario.id,
            "seed": self.seed,
            "step_index": self.step_index,
            "finished": self.finished,
            "draws": {str(k): v for k, v in self.draws.items()},
            "redraws": self.redraws,
            "notes": {str(k): v for k, v in self.notes.items()},
            "drafts": {str(k): v for k, v in self.drafts.items()},
            "ideas": [i.to_dict() for i in self.ideas] if parts else [],
            "timers": {str(k): t.to_dict() for k, t in self.timers.items()},
            "ballot": self.ballot.to_dict(),
            "spent": self.spent,
            "uid": self.uid,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str, content: Content, clock: Clock = time.monotonic) -> "Round":
        return cls.from_dict(json.loads(text), content, clock)

    @classmethod
    def from_dict(cls, data: dict[str, Any], content: Content, clock: Clock = time.monotonic, **more: Any) -> Self:
        if data.get("version") != STATE_VERSION:
            raise ValueError(f"unsupported round state version {data.get('version')!r}")
        scenario = content.scenarios.get(data["scenario"])
        if scenario is None:
            raise KeyError(f"scenario {data['scenario']!r} is not available")
        return cls(
            scenario,
            content,
            data["seed"],
            clock,
            step_index=data["step_index"],
            finished=data["finished"],
            draws={int(k): v for k, v in data["draws"].items()},
            redraws=dict(data["redraws"]),
            notes={int(k): v for k, v in data["notes"].items()},
            drafts={int(k): v for k, v in data.get("drafts", {}).items()},
            ideas=[Idea.from_dict(i) for i in data["ideas"]],
            timers={int(k): Countdown.from_dict(t, clock) for k, t in data["timers"].items()},
            ballot=Ballot.from_dict(data["ballot"]),
            spent=[str(c) for c in data.get("spent", [])],
            **({"uid": str(data["uid"])} if isinstance(data.get("uid"), str) and data["uid"] else {}),
            **more,
        )


def new_round(scenario: Scenario, content: Content, seed: int | None = None, clock: Clock = time.monotonic) -> Round:
    return Round(scenario, content, random.randrange(2**31) if seed is None else seed, clock)
