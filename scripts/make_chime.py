"""Generate the display board's call chime, ``desk_app/resources/sounds/chime.wav``, with the standard library only.

A two-note "ding-dong" (E5 then C5, like a public-address gong): each note is a
sine with two soft overtones and an exponential decay, 16-bit mono at 22,050 Hz,
about 1.4 s. The output is deterministic, so running this again gives the same
file; the WAV is committed so builds need no audio tools.

    python scripts/make_chime.py
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "desk_app" / "resources" / "sounds" / "chime.wav"
RATE = 22_050
#: (start s, frequency Hz, length s): E5 then C5.
NOTES = ((0.0, 659.25, 0.9), (0.45, 523.25, 0.95))
#: Overtones (multiple of the base, relative amplitude): a bell-like, not harsh, timbre.
PARTIALS = ((1.0, 1.0), (2.0, 0.25), (3.0, 0.08))
PEAK = 0.6  # of full scale: loud enough for a waiting room, with headroom against clipping


def render() -> list[float]:
    total = max(start + length for start, _, length in NOTES)
    samples = [0.0] * int(total * RATE)
    for start, freq, length in NOTES:
        first = int(start * RATE)
        for i in range(int(length * RATE)):
            t = i / RATE
            attack = min(1.0, t / 0.005)  # 5 ms attack avoids a click
            envelope = attack * math.exp(-4.0 * t)
            value = sum(amp * math.sin(2 * math.pi * freq * mult * t) for mult, amp in PARTIALS)
            samples[first + i] += envelope * value
    peak = max(abs(s) for s in samples)
    return [s / peak * PEAK for s in samples]


def main() -> None:
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    frames = b"".join(struct.pack("<h", round(s * 32767)) for s in render())
    with wave.open(str(TARGET), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)
    print(f"wrote {TARGET.relative_to(ROOT)} ({TARGET.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
