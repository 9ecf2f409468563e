"""A round played by a script: one idea per magic step, the first idea chosen and promised."""

from collections.abc import Callable

from game.domain.round import Round


def fill_step(rnd: Round, focus: str = "wow") -> None:
    """Do the least each step needs before Next."""
    kind = rnd.step.kind
    if kind == "magic":
        rnd.add_idea(f"idea at step {rnd.step_index}")
    elif kind == "choose" and not rnd.chosen():
        rnd.give_dot(1)
        rnd.set_focus(1, focus)
    elif kind == "promise":
        rnd.set_promise(1, who="Anna", due="2030-01-31", first_step="Tell the team")


def play_to_end(rnd: Round, advance: Callable[[], None] | None = None, focus: str = "wow") -> list[str]:
    """Play every step; `advance` is how Next is pressed (a click in UI tests). Returns the step kinds seen."""
    seen = []
    while not rnd.finished:
        seen.append(rnd.step.kind)
        fill_step(rnd, focus)
        (advance or rnd.next)()
    return seen
