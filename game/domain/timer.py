"""A countdown driven by a monotonic clock (never by counting ticks), with pause and +1 minute."""

import time
from collections.abc import Callable
from dataclasses import dataclass, field

Clock = Callable[[], float]


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

    def to_dict(self) -> dict:
        return {"seconds": self.seconds, "elapsed": self.elapsed(), "running": self.running}

    @classmethod
    def from_dict(cls, data: dict, clock: Clock = time.monotonic) -> "Countdown":
        timer = cls(data["seconds"], clock, _spent=data["elapsed"])
        if data["running"]:
            timer.start()
        return timer
