"""The digits of every clock face change on the second: each showing aims a precise one-shot timer just past the
next change of the whole seconds (a fixed 200-250 ms tick alone shows them up to a tick late). Driven by a fake
clock: the shot's aim is read, and its firing is what the event loop would do at that time."""

import pytest

from game.domain.timer import Countdown
from game.domain.workshop import Team, new_workshop


class FakeClock:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


def aimed_ms(shot) -> int:
    assert shot.isActive() and shot.isSingleShot()
    return shot.interval()  # the aim (remainingTime would also count the real time this test takes)


def test_the_solo_timer_shows_each_second_on_time(qtbot):
    from game.ui.widgets import TimerView

    clock = FakeClock()
    view = TimerView()
    qtbot.addWidget(view)
    countdown = Countdown(300, clock)
    countdown.start()
    clock.now += 10.3  # 289.7 s left: 04:50 shown, 04:49 in 0.699 s
    view.attach(countdown)
    assert view.digits.text() == "04:50"
    assert aimed_ms(view._second) in range(695, 703)
    clock.now += 0.701  # the shot fires 2 ms past the change
    view._second.timeout.emit()
    assert view.digits.text() == "04:49"
    assert aimed_ms(view._second) in range(995, 1003)
    view.toggle()  # paused: nothing to aim at
    assert not view._second.isActive()


@pytest.mark.parametrize("on_break", [False, True])
def test_the_projector_and_the_console_show_each_second_on_time(qtbot, content, on_break):
    from game.ui.console import WorkshopConsole
    from game.ui.presenter import PresenterView
    from game.ui.sound import default_alarm

    clock = FakeClock()
    ws = new_workshop(content.scenarios["classic-workshop"], content, [Team("A"), Team("B")], seed=1, clock=clock)
    presenter = PresenterView(ws, "en")
    qtbot.addWidget(presenter)
    console = WorkshopConsole(ws, "en", presenter, default_alarm(presenter))
    qtbot.addWidget(console)
    if on_break:
        console.toggle_break()
    timer = ws.pause if on_break else ws.timer
    timer.start()
    clock.now += 0.25  # 0.25 s into the step (or the break): the next second shows in 0.749 s
    console.changed()
    digits = presenter.break_timer if on_break else presenter.timer
    before = digits.text()
    for shot in (presenter._second, console._second):
        assert aimed_ms(shot) in range(748, 754)
    clock.now += 0.751
    presenter._second.timeout.emit()
    console._second.timeout.emit()
    assert digits.text() != before and console.digits.text() == digits.text()
    assert aimed_ms(presenter._second) in range(995, 1003)
