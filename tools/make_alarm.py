"""Make the chime that sounds when a workshop timer runs out: assets/sounds/alarm.wav.

    python tools/make_alarm.py    regenerate it (the output is byte-for-byte the same on every run)

Three rising notes (E5, G#5, B5: an E major arpeggio) of sine tones with a little second and third harmonic,
each with a 6 ms attack and an exponential decay. 22050 Hz mono 16-bit, 1.1 s, peak at -3 dBFS, about 48 KB.
Written with the standard library only, so the sound is reproducible and needs no audio tool or sample licence.
"""

import math
import sys
import wave
from array import array
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "sounds" / "alarm.wav"
RATE = 22050
DURATION = 1.1  # seconds
PEAK_DBFS = -3.0
NOTES = ((0.00, 659.26), (0.16, 830.61), (0.32, 987.77))  # (start in seconds, frequency in Hz)
HARMONICS = ((1, 1.0), (2, 0.25), (3, 0.08))  # (multiple of the note's frequency, relative amplitude)
ATTACK = 0.006  # seconds: fast enough to ring like a bell, slow enough not to click
DECAY = 0.22  # seconds for a note to fall to 1/e
FADE_OUT = 0.04  # seconds: the tail reaches exact silence


def samples() -> list[float]:
    count = round(DURATION * RATE)
    out = [0.0] * count
    for start, freq in NOTES:
        first = round(start * RATE)
        for i in range(first, count):
            t = (i - first) / RATE
            envelope = min(1.0, t / ATTACK) * math.exp(-t / DECAY)
            out[i] += envelope * sum(a * math.sin(2 * math.pi * freq * k * t) for k, a in HARMONICS)
    fade = round(FADE_OUT * RATE)
    for j in range(fade):
        out[count - fade + j] *= 1 - (j + 1) / fade
    return out


def pcm16(values: list[float]) -> bytes:
    """Scale to the target peak and pack as little-endian signed 16-bit."""
    scale = 10 ** (PEAK_DBFS / 20) * 32767 / max(abs(v) for v in values)
    data = array("h", (round(v * scale) for v in values))
    if sys.byteorder == "big":
        data.byteswap()
    return data.tobytes()


def main(path: Path = OUT) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(pcm16(samples()))
    return path


if __name__ == "__main__":
    written = main()
    print(f"{written.relative_to(ROOT)}: {written.stat().st_size} bytes")
