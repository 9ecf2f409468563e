"""A workshop: one round of the algorithm played by 2–8 teams in a room, run by a facilitator.

It is a `Round` (steps, draws, timers, the human check, promises) plus what a room needs: teams and their
players, whose idea is whose, merging the same idea called out by two teams, a break with its own timer,
skipping and repeating steps, dot voting per team or per player with the votes hidden until revealed, and
the facilitator's word on ties. Everything serialises to JSON with the round, so a killed app resumes the
room exactly where it was.
"""

import json
import random
import time
from dataclasses import dataclass, field
from typing import Any, Self

from game.domain.content import Card, Content, Scenario
from game.domain.ideas import Ballot, Idea, VoteRefused
from game.domain.limits import NAME_CHARS, TITLE_CHARS
from game.domain.room import OWNER_PART, ROOM_PARTS, SENT_IN_PART, RoomState
from game.domain.round import IDEA_PART, PROVENANCE_FIELDS, Round, StepBlocked
from game.domain.timer import Clock, Countdown


class ShortlistFull(Exception):
    """A team's shortlist for the check already holds as many ideas as the step allows."""

    def __init__(self, team: str, size: int):
        super().__init__(f"{team}: shortlist full ({size})")
        self.team, self.size = team, size


MIN_TEAMS, MAX_TEAMS = 2, 8
MAX_NAME = NAME_CHARS
BREAK_SECONDS = 10 * 60
#: Steps that a workshop cannot skip: without them nothing is chosen or promised (End early is for that).
WRAP_UP = ("choose", "promise")


@dataclass
class Team:
    name: str
    players: list[str] = field(default_factory=list)


def clean_teams(teams: list[Team]) -> list[Team]:
    """Trimmed names; raises ValueError("teams_count" | "team_name" | "team_twice" | "player_twice")."""
    cleaned = [Team(t.name.strip()[:MAX_NAME], [p.strip()[:MAX_NAME] for p in t.players if p.strip()]) for t in teams]
    if not MIN_TEAMS <= len(cleaned) <= MAX_TEAMS:
        raise ValueError("teams_count")
    if any(not t.name for t in cleaned):
        raise ValueError("team_name")
    if len({t.name.casefold() for t in cleaned}) != len(cleaned):
        raise ValueError("team_twice")
    if any(len({p.casefold() for p in t.players}) != len(t.players) for t in cleaned):
        raise ValueError("player_twice")
    return cleaned


@dataclass
class Workshop(Round):
    teams: list[Team] = field(default_factory=list)
    anonymous: bool = False  # the projector shows ideas without their teams
    by_player: bool = False  # every named player votes with their own dots (else each team does)
    keep: int = 0  # how many ideas go on to promises; 0 = every idea that got a dot
    revealed: bool = False
    preferred: list[int] = field(default_factory=list)  # ties broken by the facilitator, first = ahead
    skipped: list[int] = field(default_factory=list)
    repeats: dict[int, int] = field(default_factory=dict)
    pause: Countdown | None = None  # the break ("want to listen to the radio?")
    resume_after_break: bool = False
    ended_early: bool = False
    team_drafts: dict[str, str] = field(default_factory=dict)  # typed in a team's line, not yet added
    team_draws: dict[str, dict[int, list[str]]] = field(default_factory=dict)  # each team's own cards by step
    room: RoomState | None = None  # the phones, when the room joins from them (game/domain/room.py)
    wild: dict[str, dict[str, str]] = field(default_factory=dict)  # what a team typed on its wild card, by card id
    break_taken: bool = False  # the room has had a break (the planned one no longer lies ahead)
    shortlists: dict[str, list[int]] = field(default_factory=dict)  # each team's strongest ideas, checked first

    def __post_init__(self) -> None:
        if not MIN_TEAMS <= len(self.teams) <= MAX_TEAMS:
            raise ValueError("teams_count")
        super().__post_init__()

    # --- each team's own cards -----------------------------------------------------------------

    def shared_draw(self, index: int | None = None) -> tuple[str, ...]:
        step = self.steps[self.step_index if index is None else index]
        return tuple(k for k in step.draw if k not in step.per_team)

    def team_draw(self, index: int | None = None) -> tuple[str, ...]:
        """The deck kinds every team draws for itself at this step (the scenario's `per_team`)."""
        step = self.steps[self.step_index if index is None else index]
        return tuple(k for k in step.draw if k in step.per_team)

    def _enter_teams(self, index: int) -> None:
        kinds = self.team_draw(index)
        for team in self.teams:
            mine = self.team_draws.setdefault(team.name, {})
            if index not in mine:
                mine[index] = []
                for slot, kind in enumerate(kinds):
                    mine[index].append(self._draw(kind, index, slot, exclude=set(), team=team.name))

    def _tables(self, team: str | None) -> tuple[set[str], set[str]]:
        shared = {cid for ids in self.draws.values() for cid in ids}
        theirs = {name: {cid for ids in by_step.values() for cid in ids} for name, by_step in self.team_draws.items()}
        session = shared | set(self.spent) | {cid for ids in theirs.values() for cid in ids}
        if team is None:  # a card for the whole room joins every team's table
            return shared | {cid for ids in theirs.values() for cid in ids}, session
        return shared | theirs.get(team, set()), session

    def _team_number(self, team: str | None) -> int:
        return next(n for n, t in enumerate(self.teams) if t.name == team)

    def _redraw_key(self, index: int, slot: int, team: str | None) -> str:
        base = super()._redraw_key(index, slot, team)
        return base if team is None else f"team{self._team_number(team)}:{base}"

    def _seed_text(self, index: int, slot: int, n: int, team: str | None) -> str:
        base = super()._seed_text(index, slot, n, team)
        return base if team is None else f"{base}/team{self._team_number(team)}"

    def own_cards(self, team: str, index: int | None = None) -> list[Card]:
        """The cards `team` drew for itself at a step (the current one by default)."""
        self.team(team)
        ids = self.team_draws.get(team, {}).get(self.step_index if index is None else index, [])
        return [c for cid in ids if (c := self.content.card(cid)) is not None]

    def set_wild(self, team: str, card_id: str, text: str) -> None:
        """A team names its own business (or client) on a wild card it drew: typed at the table, kept with it."""
        if card_id not in {c.id for c in self.all_own_cards(team)}:
            raise KeyError(card_id)
        text = " ".join(text.split())[:TITLE_CHARS]
        mine = self.wild.setdefault(team, {})
        if text:
            mine[card_id] = text
        else:
            mine.pop(card_id, None)

    def title_for(self, team: str, card: Card, lang: str) -> str:
        """The card's title as this team sees it: a wild card shows what the team typed on it."""
        typed = self.wild.get(team, {}).get(card.id, "")
        return f"{card.title.get(lang)}: {typed}" if typed else card.title.get(lang)

    def all_own_cards(self, team: str) -> list[Card]:
        """Every card `team` drew for itself in this session, step by step (for the report)."""
        return [c for index in sorted(self.team_draws.get(team, {})) for c in self.own_cards(team, index)]

    def cards_for(self, team: str, index: int | None = None) -> list[Card]:
        """What `team` has on its table at a step: the room's cards, then its own."""
        return self.cards(index) + self.own_cards(team, index)

    def redraw_team(self, team: str, slot: int) -> Card:
        """Replace `team`'s own card in `slot` of the current step with another of the same kind."""
        index = self.step_index
        ids = self.team_draws.get(team, {}).get(index, [])
        if not 0 <= slot < len(ids):
            raise IndexError(f"team {team!r} has no card to redraw in slot {slot}")
        key = self._redraw_key(index, slot, team)
        self.redraws[key] = self.redraws.get(key, 0) + 1
        old = ids[slot]
        ids[slot] = self._draw(self.team_draw()[slot], index, slot, exclude={old}, team=team)
        self._spend(old)
        card = self.content.card(ids[slot])
        assert card is not None
        return card

    def drawn_of_kind(self, kind: str, team: str = "") -> Card | None:
        """The first card of this kind on `team`'s table (the room's table when no team is named)."""
        for index in sorted(self.draws):
            cards = self.cards_for(team, index) if team in self.team_draws else self.cards(index)
            for card in cards:
                if card.kind == kind:
                    return card
        return None

    def provenance(self, team: str = "") -> dict[str, str]:
        return {
            field: card.id
            for kind, field in PROVENANCE_FIELDS.items()
            if (card := self.drawn_of_kind(kind, team)) is not None
        }

    @property
    def in_teams(self) -> bool:
        return True

    # --- teams and their ideas -----------------------------------------------------------------

    def team(self, name: str) -> Team:
        for team in self.teams:
            if team.name == name:
                return team
        raise KeyError(name)

    def add_idea(self, text: str, team: str = "", player: str = "") -> Idea | None:
        if team:
            self.team(team)  # an unknown team is a bug in the caller, not an idea to keep
        idea = super().add_idea(text)
        if idea is not None:
            idea.team, idea.player = team, player
            if self.room is not None and self.room.forget_sender(idea.id):  # the newest id, removed, given again
                self.changed(OWNER_PART, idea.id)
                self.changed(SENT_IN_PART, idea.id)
        return idea

    def ideas_of(self, team: str) -> list[Idea]:
        return [i for i in self.ideas if i.team == team]

    def merge(self, idea_id: int, into_id: int) -> Idea:
        """Two teams said the same thing: `idea_id` joins `into_id` with its text, team, checks and dots."""
        if idea_id == into_id:
            raise ValueError("merge_self")
        gone, kept = self.idea(idea_id), self.idea(into_id)
        if self.shortlisted(idea_id) and not self.shortlisted(into_id):  # the kept idea takes its place
            for ids in self.shortlists.values():
                ids[:] = [into_id if i == idea_id else i for i in ids]
        kept.merged.append({"text": gone.text, "team": gone.team, "player": gone.player})
        kept.merged.extend(gone.merged)
        for check, passed in gone.checks.items():
            kept.checks[check] = kept.checks.get(check, False) or passed
        for mine in self.ballot.given.values():
            if idea_id in mine:
                mine[into_id] = mine.get(into_id, 0) + mine.pop(idea_id)
        kept.dots += gone.dots
        kept.focus = kept.focus or gone.focus
        self._drop_idea(idea_id)
        self.changed(IDEA_PART, into_id)
        self._drop_from_shortlists(idea_id)
        self.preferred = [i for i in self.preferred if i != idea_id]
        return kept

    def remove_idea(self, idea_id: int) -> None:
        super().remove_idea(idea_id)
        self.preferred = [i for i in self.preferred if i != idea_id]
        self._drop_from_shortlists(idea_id)

    # --- the check's shortlists ---------------------------------------------------------------

    def shortlist_size(self) -> int:
        """How many ideas each team puts forward for the human check (0: the room checks every idea)."""
        return self.step.shortlist if self.step.kind == "check" else 0

    def idea_team(self, idea: Idea) -> str:
        return idea.team or (idea.authors() or [""])[0]

    def team_index(self, idea: Idea) -> int:
        """Where the idea's team stands in the room (its column), for lists grouped by team."""
        names = [t.name for t in self.teams]
        team = self.idea_team(idea)
        return names.index(team) if team in names else len(names)

    def shortlisted(self, idea_id: int) -> bool:
        return any(idea_id in ids for ids in self.shortlists.values())

    def toggle_shortlist(self, idea_id: int) -> bool:
        """Put an idea on its team's shortlist, or take it off; returns whether it is on. A full shortlist refuses
        (`ShortlistFull`): the team takes one off first."""
        idea = self.idea(idea_id)
        team = self.idea_team(idea)
        chosen = self.shortlists.setdefault(team, [])
        if idea_id in chosen:
            chosen.remove(idea_id)
            return False
        if len(chosen) >= max(1, self.shortlist_size()):
            raise ShortlistFull(team, len(chosen))
        chosen.append(idea_id)
        return True

    def to_check(self) -> list[Idea]:
        """The ideas the human check is about: every team's shortlist where the step has one, else every idea."""
        if not self.shortlist_size():
            return list(self.ideas)
        return [i for i in self.ideas if self.shortlisted(i.id)]

    def _drop_from_shortlists(self, idea_id: int) -> None:
        for ids in self.shortlists.values():
            if idea_id in ids:
                ids.remove(idea_id)

    # --- voting ---------------------------------------------------------------------------------

    def _voting(self) -> dict[str, str]:
        """Who holds dots, each with their team: teams, or "Team · Player" for every named player when players
        vote (a team without named players votes as a team)."""
        if not self.by_player:
            return {t.name: t.name for t in self.teams}
        players = {f"{t.name} · {p}": t.name for t in self.teams for p in t.players}
        return players | {t.name: t.name for t in self.teams if not t.players}

    def voters(self) -> list[str]:
        return list(self._voting())

    def voter_team(self, voter: str) -> str:
        return self._voting()[voter]

    def give_dot(self, idea_id: int, voter: str = "") -> None:
        team = self.voter_team(voter)  # KeyError for someone who holds no dots here
        idea = self.idea(idea_id)
        if not self.ballot.self_votes and team in idea.authors():
            raise VoteRefused("own_idea")
        self.ballot.give(voter, idea)
        self.changed(IDEA_PART, idea_id)

    def take_dot(self, idea_id: int, voter: str = "") -> None:
        self.ballot.take(voter, self.idea(idea_id))
        self.changed(IDEA_PART, idea_id)

    def dots_left(self, voter: str = "") -> int:
        return self.ballot.left(voter or self.voters()[0])

    def dots_given(self) -> int:
        return sum(i.dots for i in self.ideas)

    def reveal(self, shown: bool = True) -> None:
        self.revealed = shown

    def ranking(self) -> list[Idea]:
        """Ideas with dots, most first; among equals the facilitator's preference, then the order typed."""
        order = {idea_id: n for n, idea_id in enumerate(self.preferred)}
        voted = (i for i in self.ideas if i.dots > 0)
        return sorted(voted, key=lambda i: (-i.dots, order.get(i.id, len(order)), i.id))

    def tie(self) -> tuple[list[Idea], int]:
        """The ideas tied across the `keep` line and how many of them can go on (([], 0) when there is none)."""
        ranked = self.ranking()
        if not self.keep or len(ranked) <= self.keep or ranked[self.keep - 1].dots != ranked[self.keep].dots:
            return [], 0
        level = ranked[self.keep - 1].dots
        tied = [i for i in ranked if i.dots == level]
        return tied, self.keep - sum(1 for i in ranked if i.dots > level)

    def tie_open(self) -> bool:
        tied, places = self.tie()
        return bool(tied) and sum(1 for i in tied if i.id in self.preferred) < places

    def prefer(self, idea_id: int) -> None:
        """The facilitator puts this idea ahead of the others with as many dots (pressing again takes it back)."""
        self.idea(idea_id)
        if idea_id in self.preferred:
            self.preferred.remove(idea_id)
        else:
            self.preferred.append(idea_id)

    def chosen(self) -> list[Idea]:
        ranked = self.ranking()
        return ranked[: self.keep] if self.keep else ranked

    def kept(self) -> list[Idea]:
        """A workshop keeps every idea the room came up with: the chosen ones carry focus and promise."""
        return list(self.ideas)

    def blocked(self) -> StepBlocked | None:
        if self.step.kind == "choose" and self.chosen():
            if not self.revealed:
                return StepBlocked("need_reveal")
            if self.tie_open():
                return StepBlocked("need_tiebreak", tuple(i.id for i in self.tie()[0]))
        return super().blocked()

    # --- pace -----------------------------------------------------------------------------------

    @property
    def on_break(self) -> bool:
        return self.pause is not None

    def start_break(self, seconds: float | None = None) -> None:
        """A break as long as the scenario plans one (ten minutes when it does not say)."""
        if self.pause is not None:
            return
        seconds = seconds if seconds is not None else (self.scenario.break_minutes * 60 or BREAK_SECONDS)
        self.resume_after_break = bool(self.timer and self.timer.running)
        if self.timer:
            self.timer.pause()
        self.pause = Countdown(seconds, self.clock)
        self.pause.start()
        self.break_taken = True

    def end_break(self) -> None:
        if self.pause is None:
            return
        self.pause = None
        if self.resume_after_break and self.timer:
            self.timer.start()
        self.resume_after_break = False

    def next(self) -> None:
        problem = self.blocked()
        if problem:
            raise problem  # before the break ends: a refused Next leaves the room on its break
        self.end_break()
        super().next()

    def back(self) -> None:
        self.end_break()
        super().back()

    def skip(self) -> None:
        """Leave this step without doing it (a warm-up the room does not need); wrap-up steps are not skipped."""
        if self.step.kind in WRAP_UP:
            raise StepBlocked("cannot_skip")
        self.end_break()
        if self.timer:
            self.timer.pause()
        if self.step_index not in self.skipped:
            self.skipped.append(self.step_index)
        if self.step_index + 1 >= len(self.steps):
            self.finished = True  # a scenario of the trainer's own may end on a skippable step
            return
        self.step_index += 1
        self._enter()

    def repeat(self) -> None:
        """Run this step again from a full timer (the cards stay; Redraw changes them)."""
        self.end_break()
        self.repeats[self.step_index] = self.repeats.get(self.step_index, 0) + 1
        if self.step.seconds:
            self.timers[self.step_index] = Countdown(self.step.seconds, self.clock)
            self.timers[self.step_index].start()

    def end_early(self) -> None:
        """Stop the session now; what the teams have is kept, chosen or not."""
        self.end_break()
        if self.timer:
            self.timer.pause()
        self.ended_early = True
        self.finished = True

    def remaining(self) -> float:
        """Seconds the session still runs: this step's timer, every step after it, the break the scenario plans
        (until the room has had one; a break in progress counts what is left of it) and the wrap-up."""
        later = sum(s.seconds for s in self.steps[self.step_index + 1 :])
        now = self.timer.remaining() if self.timer else self.step.seconds
        pause = self.pause.remaining() if self.pause else (0 if self.break_taken else self.scenario.break_minutes * 60)
        return later + now + pause + self.scenario.wrap_up_minutes * 60

    # --- JSON -----------------------------------------------------------------------------------

    def part(self, kind: str, *key: Any) -> Any:
        if kind in ROOM_PARTS:
            return self.room.part(kind, *key) if self.room else None
        return super().part(kind, *key)

    def to_dict(self, parts: bool = True) -> dict[str, Any]:
        return {
            **super().to_dict(parts),
            "kind": "workshop",
            "teams": [{"name": t.name, "players": t.players} for t in self.teams],
            "anonymous": self.anonymous,
            "by_player": self.by_player,
            "keep": self.keep,
            "revealed": self.revealed,
            "preferred": self.preferred,
            "skipped": self.skipped,
            "repeats": {str(k): v for k, v in self.repeats.items()},
            "pause": self.pause.to_dict() if self.pause else None,
            "resume_after_break": self.resume_after_break,
            "ended_early": self.ended_early,
            "team_drafts": self.team_drafts,
            "team_draws": {name: {str(k): v for k, v in by_step.items()} for name, by_step in self.team_draws.items()},
            "room": self.room.to_dict(parts) if self.room else None,
            "wild": self.wild,
            "break_taken": self.break_taken,
            "shortlists": self.shortlists,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], content: Content, clock: Clock = time.monotonic, **more: Any) -> Self:
        return super().from_dict(
            data,
            content,
            clock,
            teams=[Team(str(t["name"]), [str(p) for p in t.get("players", [])]) for t in data["teams"]],
            anonymous=bool(data.get("anonymous")),
            by_player=bool(data.get("by_player")),
            keep=int(data.get("keep", 0)),
            revealed=bool(data.get("revealed")),
            preferred=[int(i) for i in data.get("preferred", [])],
            skipped=[int(i) for i in data.get("skipped", [])],
            repeats={int(k): int(v) for k, v in data.get("repeats", {}).items()},
            pause=Countdown.from_dict(data["pause"], clock) if data.get("pause") else None,
            resume_after_break=bool(data.get("resume_after_break")),
            ended_early=bool(data.get("ended_early")),
            team_drafts={str(k): str(v) for k, v in data.get("team_drafts", {}).items()},
            team_draws={
                str(name): {int(k): [str(c) for c in v] for k, v in by_step.items()}
                for name, by_step in data.get("team_draws", {}).items()
            },
            room=RoomState.from_dict(data["room"]) if data.get("room") else None,
            wild={str(t): {str(c): str(v) for c, v in cards.items()} for t, cards in data.get("wild", {}).items()},
            break_taken=bool(data.get("break_taken")),
            shortlists={str(t): [int(i) for i in ids] for t, ids in data.get("shortlists", {}).items()},
            **more,
        )


def new_workshop(
    scenario: Scenario,
    content: Content,
    teams: list[Team],
    *,
    dots: int | None = None,
    cap: int | None = None,
    self_votes: bool | None = None,
    by_player: bool = False,
    anonymous: bool = False,
    keep: int = 0,
    seed: int | None = None,
    clock: Clock = time.monotonic,
) -> Workshop:
    """A workshop on `scenario` for `teams` (validated); voting rules default to the scenario's."""
    dots = scenario.dots if dots is None else dots
    cap = scenario.dot_cap if cap is None else cap
    if dots < 1 or cap < 1:
        raise ValueError("dots")
    ballot = Ballot(dots, min(cap, dots), scenario.self_votes if self_votes is None else self_votes)
    return Workshop(
        scenario,
        content,
        random.randrange(2**31) if seed is None else seed,
        clock,
        ballot=ballot,
        teams=clean_teams(teams),
        anonymous=anonymous,
        by_player=by_player,
        keep=max(0, keep),
    )


def _cut_names(data: dict[str, Any]) -> dict[str, Any]:
    """Team and player names longer than NAME_CHARS (a file written by hand or by another program) are cut, the
    same everywhere they appear (ideas, votes, drafts), so that they fit the presenter's columns."""
    long: dict[str, str] = {}
    for team in data.get("teams", []) if isinstance(data.get("teams"), list) else []:
        if isinstance(team, dict):
            for name in [team.get("name"), *(team.get("players") or [])]:
                if isinstance(name, str) and len(name) > NAME_CHARS:
                    long[name] = name[:NAME_CHARS].strip()
    if not long:
        return data

    def cut(value: Any) -> Any:
        if isinstance(value, str):
            return long.get(value, value)
        if isinstance(value, list):
            return [cut(v) for v in value]
        if isinstance(value, dict):
            return {long.get(k, k): cut(v) for k, v in value.items()}
        return value

    cut_data: dict[str, Any] = cut(data)
    return cut_data


def load_state(text: str, content: Content, clock: Clock = time.monotonic) -> Round:
    """A saved round or workshop, whichever the JSON holds."""
    return load_data(json.loads(text), content, clock)


def load_data(data: Any, content: Content, clock: Clock = time.monotonic) -> Round:
    """A saved round or workshop from its JSON, already parsed (the autosave's snapshot with its journal)."""
    if not isinstance(data, dict):
        raise ValueError(f"a round is a JSON object, not {type(data).__name__}")
    if data.get("kind") == "workshop":
        data = _cut_names(data)
    kind = Workshop if data.get("kind") == "workshop" else Round
    return kind.from_dict(data, content, clock)
