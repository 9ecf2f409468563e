"""A countdown driven by a monotonic clock (never by counting ticks), with pause and +1 minute."""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Clock = Callable[[], float]
#: The digits show the time left rounded up, and change this much before the true second (see `shown_seconds`).
SHOWN_EARLY = 0.001


def shown_seconds(seconds: float) -> int:
    """The whole seconds a clock face shows for `seconds` left: rounded up, so 00:00 means time is up."""
    return int(seconds + 1 - SHOWN_EARLY)


@dataclass
class Countdown:
    seconds: float
    clock: Clock = field(default=time.monotonic, repr=False)
    _spent: float = 0.0  # seconds run before the current start
    _started: float | None = None

    @property
    def running(self) -> bool:
        return self._started is not None

    def elapsed(self) -> float:
        running = self.clock() - self._started if self._started is not None else 0.0
        return self._spent + running

    def remaining(self) -> float:
        return max(0.0, self.seconds - self.elapsed())

    def to_next_second(self) -> float:
        """Seconds until the whole seconds shown (rounded up, as the digits read) change: a display that waits
        this long changes its digits on the second instead of up to one tick late."""
        return (self.remaining() - SHOWN_EARLY) % 1.0

    @property
    def finished(self) -> bool:
        return self.seconds > 0 and self.remaining() <= 0

    def start(self) -> None:
        if self._started is None and not self.finished:
            self._started = self.clock()

    def pause(self) -> None:
        if self._started is not None:
            self._spent += self.clock() - self._started
            self._started = None

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def add(self, seconds: float) -> None:
        self.seconds += seconds

    def to_dict(self) -> dict[str, Any]:
        return {"seconds": self.seconds, "elapsed": self.elapsed(), "running": self.running}

    @classmethod
    def from_dict(cls, data: dict[str, Any], clock: Clock = time.monotonic) -> "Countdown":
        timer = cls(data["seconds"], clock, _spent=data["elapsed"])
        if data["running"]:
            timer.start()
        return timer
