"""A scenario file as the scenario studio edits it: `[scenario]` and `[[steps]]`, read and written like a deck file
(only the edited steps are written anew), checked with the game's own `load_scenario`."""

from pathlib import Path
from typing import Any

from game.domain.content import DEFAULT_DRAWS, ContentError, ContentErrors, load_scenario
from game.io.deckfile import DeckFile


class ScenarioFile(DeckFile):
    HEAD, ITEMS = "scenario", "steps"

    @property
    def head(self) -> dict[str, Any]:
        return self.deck

    @property
    def steps(self) -> list[dict[str, Any]]:
        return self.cards

    def step_kind(self, index: int) -> str:
        return str(self.steps[index].get("step", ""))

    def seconds(self, index: int) -> int:
        value = self.steps[index].get("seconds", 0)
        return value if isinstance(value, int) and not isinstance(value, bool) else 0

    def draws(self, index: int) -> list[str]:
        step = self.steps[index]
        draw = step.get("draw", list(DEFAULT_DRAWS.get(self.step_kind(index), ())))
        return [str(d) for d in draw] if isinstance(draw, list) else []

    def per_team(self, index: int) -> list[str]:
        own = self.steps[index].get("per_team")
        if isinstance(own, list):
            return [str(k) for k in own]
        every = self.head.get("per_team", [])
        return [k for k in every if k in self.draws(index)] if isinstance(every, list) else []

    def planned_seconds(self) -> int:
        """Every step's timer, the opening, the break and the wrap-up (what the stated length must cover)."""
        extra = 0
        for key in ("opening_minutes", "break_minutes", "wrap_up_minutes"):
            value = self.head.get(key, 0)
            extra += value if isinstance(value, int) and not isinstance(value, bool) else 0
        return sum(self.seconds(n) for n in range(len(self.steps))) + 60 * extra

    def set_step(self, index: int, key: str, value: Any) -> Any:
        """Set (or, with None, remove) one key of a step; returns the old value."""
        step = self.steps[index]
        old = step.get(key)
        if value is None:
            step.pop(key, None)
        else:
            step[key] = value
        self._blocks[index] = None
        return old

    def set_head(self, key: str, value: Any) -> Any:
        old = self.head.get(key)
        if value is None:
            self.head.pop(key, None)
        else:
            self.head[key] = value
        self._head_dirty = True
        return old

    def new_step(self, kind: str, instruction: dict[str, str], seconds: int = 300) -> dict[str, Any]:
        step: dict[str, Any] = {"step": kind, "seconds": seconds, "instruction": dict(instruction)}
        return step

    def problems(self) -> list[ContentError]:
        try:
            load_scenario(self.path, {"scenario": self.head, "steps": self.steps})
        except ContentErrors as e:
            return e.errors
        return []

    @classmethod
    def copy_of(cls, source: Path, target: Path, scenario_id: str, name: dict[str, str]) -> "ScenarioFile":
        """A new scenario that starts as a copy of `source` (its steps, timers and rules), under a new id."""
        copy = cls.open(source)
        copy.path = target
        copy.set_head("id", scenario_id)
        copy.set_head("name", dict(name))
        return copy
