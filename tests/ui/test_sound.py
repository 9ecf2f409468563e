"""The timer's alarm: the shipped WAV, and the player that starts it without blocking or piling up."""

import runpy
import shutil
import sys
import wave
from pathlib import Path

import pytest

from game import paths
from game.ui.sound import Alarm, default_alarm

ROOT = Path(__file__).resolve().parents[2]
# Fake players: each start appends one 'x' to "<wav>.played", so the test can count the starts.
MARK = "import sys; open(sys.argv[-1] + '.played', 'a').write('x')"
QUICK = [sys.executable, "-c", MARK]
SLOW = [sys.executable, "-c", MARK + ";import time;time.sleep(2)"]


@pytest.fixture
def wav(tmp_path: Path) -> Path:
    return Path(shutil.copy(paths.asset("sounds", "alarm.wav"), tmp_path / "alarm.wav"))


@pytest.fixture
def make_alarm(qtbot):
    """Alarms built here are muted at the end of the test, which kills a player still running."""
    made: list[Alarm] = []

    def make(path: Path, player) -> Alarm:
        made.append(Alarm(path, player=player))
        return made[-1]

    yield make
    for alarm in made:
        alarm.muted = True
        assert alarm._process.state() == alarm._process.ProcessState.NotRunning


def played(wav: Path) -> int:
    marker = wav.with_name(wav.name + ".played")
    return marker.read_text().count("x") if marker.exists() else 0


def test_shipped_alarm_is_a_short_mono_16_bit_wav():
    path = paths.asset("sounds", "alarm.wav")
    with wave.open(str(path), "rb") as w:
        assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (22050, 1, 2)
        assert 0.3 < w.getnframes() / w.getframerate() <= 1.2
    assert path.stat().st_size < 60_000


def test_shipped_alarm_is_what_the_generator_makes(tmp_path: Path):
    make = runpy.run_path(str(ROOT / "tools" / "make_alarm.py"))["main"]
    assert make(tmp_path / "alarm.wav").read_bytes() == paths.asset("sounds", "alarm.wav").read_bytes()


def test_play_starts_the_player_with_the_wav_as_last_argument(qtbot, make_alarm, wav: Path):
    alarm = make_alarm(wav, QUICK)
    assert alarm.available()
    assert alarm.play() is True
    qtbot.waitUntil(lambda: played(wav) == 1, timeout=10_000)


def test_muted_alarm_does_not_play(qtbot, make_alarm, wav: Path):
    alarm = make_alarm(wav, QUICK)
    alarm.muted = True
    assert alarm.muted
    assert alarm.play() is False
    qtbot.wait(300)
    assert played(wav) == 0


def test_muting_stops_a_sound_in_progress(qtbot, make_alarm, wav: Path):
    alarm = make_alarm(wav, SLOW)
    assert alarm.play()
    qtbot.waitUntil(lambda: played(wav) == 1, timeout=10_000)
    alarm.muted = True
    assert alarm._process.state() == alarm._process.ProcessState.NotRunning


def test_no_player_means_no_sound(make_alarm, wav: Path):
    alarm = make_alarm(wav, None)
    assert not alarm.available()
    assert alarm.play() is False


@pytest.mark.parametrize("command", [["no-such-player-for-technomagic"], ["/nonexistent/dir/player", "-q"]])
def test_missing_player_returns_false(make_alarm, wav: Path, command: list[str]):
    alarm = make_alarm(wav, command)
    assert not alarm.available()
    assert alarm.play() is False


def test_missing_wav_returns_false(make_alarm, tmp_path: Path):
    assert make_alarm(tmp_path / "gone.wav", QUICK).play() is False


def test_second_play_while_playing_starts_nothing(qtbot, make_alarm, wav: Path):
    alarm = make_alarm(wav, SLOW)
    assert alarm.play() is True
    qtbot.waitUntil(lambda: played(wav) == 1, timeout=10_000)
    assert alarm.play() is False
    qtbot.wait(300)
    assert played(wav) == 1


def test_default_alarm_uses_the_shipped_chime(qtbot):
    alarm = default_alarm()
    assert alarm.path == paths.asset("sounds", "alarm.wav")
    alarm.muted = True  # never make a noise on the machine that runs the tests
    assert alarm.play() is False
