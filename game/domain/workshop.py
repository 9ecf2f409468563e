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

from game.domain.content import Content, Scenario
from game.domain.ideas import Ballot, Idea, VoteRefused
from game.domain.limits import NAME_CHARS
from game.domain.round import Round, StepBlocked
from game.domain.timer import Clock, Countdown

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

    def __post_init__(self) -> None:
        if not MIN_TEAMS <= len(self.teams) <= MAX_TEAMS:
            raise ValueError("teams_count")
        super().__post_init__()

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
        return idea

    def ideas_of(self, team: str) -> list[Idea]:
        return [i for i in self.ideas if i.team == team]

    def merge(self, idea_id: int, into_id: int) -> Idea:
        """Two teams said the same thing: `idea_id` joins `into_id` with its text, team, checks and dots."""
        if idea_id == into_id:
            raise ValueError("merge_self")
        gone, kept = self.idea(idea_id), self.idea(into_id)
        kept.merged.append({"text": gone.text, "team": gone.team, "player": gone.player})
        kept.merged.extend(gone.merged)
        for check, passed in gone.checks.items():
            kept.checks[check] = kept.checks.get(check, False) or passed
        for mine in self.ballot.given.values():
            if idea_id in mine:
                mine[into_id] = mine.get(into_id, 0) + mine.pop(idea_id)
        kept.dots += gone.dots
        kept.focus = kept.focus or gone.focus
        self.ideas = [i for i in self.ideas if i.id != idea_id]
        self.preferred = [i for i in self.preferred if i != idea_id]
        return kept

    def remove_idea(self, idea_id: int) -> None:
        super().remove_idea(idea_id)
        self.preferred = [i for i in self.preferred if i != idea_id]

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

    def take_dot(self, idea_id: int, voter: str = "") -> None:
        self.ballot.take(voter, self.idea(idea_id))

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

    def start_break(self, seconds: float = BREAK_SECONDS) -> None:
        if self.pause is not None:
            return
        self.resume_after_break = bool(self.timer and self.timer.running)
        if self.timer:
            self.timer.pause()
        self.pause = Countdown(seconds, self.clock)
        self.pause.start()

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
        """Seconds the session still runs: this step's timer and every step after it."""
        later = sum(s.seconds for s in self.steps[self.step_index + 1 :])
        return later + (self.timer.remaining() if self.timer else self.step.seconds)

    # --- JSON -----------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            **super().to_dict(),
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


def load_state(text: str, content: Content, clock: Clock = time.monotonic) -> Round:
    """A saved round or workshop, whichever the JSON holds."""
    data = json.loads(text)
    kind = Workshop if data.get("kind") == "workshop" else Round
    return kind.from_dict(data, content, clock)
