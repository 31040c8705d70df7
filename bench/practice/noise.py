"""``python -m bench.practice.noise``: how far a delivery measure moves when nothing about the
speaking changed, so that a practice attempt is called better or worse only beyond it.

A minute of real speech (the fixtures' clips, joined twice: with half-second gaps, and with
every other gap 2.5 s long so that long pauses have something to count) is analysed twice as
it is, then as a browser would record it again with the microphone different
(``bench.speech.conditions``): Opus at 32 kb/s in WebM, and its speech set to -20 dBFS. Each
measure's largest change from the first analysis over these copies is its noise; the
product's margins (``feedback.practice.delivery.NOISE``) must be at least these. A copy under
other talkers and pink noise at 10 dB SNR is printed too but not counted: the analysis calls
it noisy, and the product compares no measure of a noisy recording. The same words read twice
by one voice would also vary in pace and pauses; with no such pair of real recordings here,
that is not measured.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from bench.fixtures import AUDIO, reference_transcripts
from bench.speech.conditions import make
from bench.speech.corpus import DEFAULT_CACHE, SAMPLE_RATE, Samples, write_wav
from rehearse.analysis.audio import load_audio
from rehearse.analysis.speech.analyzer import SpeechAnalyzer
from rehearse.feedback.practice.delivery import NOISE, measures_of

COPIES = ("clean", "opus", "level-20", "noise")
COUNTED = ("clean", "opus", "level-20")
GAPS = {"short gaps": (0.5, 0.5), "long pauses": (0.5, 2.5)}  # seconds, alternating
MINUTE = 60 * SAMPLE_RATE


def joined(clips: Sequence[Samples], gaps: tuple[float, float], path: Path) -> Path:
    """The clips, in turn, with the gaps between them in turn, to about a minute."""
    pieces: list[Samples] = []
    while sum(len(p) for p in pieces) < MINUTE:
        gap = gaps[len(pieces) // 2 % 2]
        pieces += [
            clips[len(pieces) // 2 % len(clips)],
            np.zeros(int(gap * SAMPLE_RATE), np.float32),
        ]
    write_wav(path, np.concatenate(pieces))
    return path


def main(argv: Sequence[str] | None = None) -> int:
    del argv
    if not reference_transcripts():
        print("no real recordings beside the repository (../shared/fixtures)", file=sys.stderr)
        return 2
    cache = DEFAULT_CACHE / "practice-noise"
    cache.mkdir(parents=True, exist_ok=True)
    talkers = {name: load_audio(AUDIO / name).samples for name in reference_transcripts()}
    analyzer = SpeechAnalyzer()
    largest: dict[str, float] = {}
    for label, gaps in GAPS.items():
        original = joined(list(talkers.values()), gaps, cache / f"{label.replace(' ', '-')}.wav")
        first = measures_of(analyzer.apply(original).to_dict())
        print(f"\n{label:<12}" + "".join(f"{name:>16}" for name in first))
        print(f"{'first':<12}" + "".join(f"{value:>16.2f}" for value in first.values()))
        for copy in COPIES:
            again = measures_of(analyzer.apply(make(copy, original, cache, talkers)[0]).to_dict())
            for name, value in again.items() if copy in COUNTED else ():
                largest[name] = max(largest.get(name, 0.0), abs(value - first[name]))
            print(f"{copy:<12}" + "".join(f"{again[name]:>16.2f}" for name in first))
    print(f"\n{'noise':<12}" + "".join(f"{largest[name]:>16.2f}" for name in largest))
    print(f"{'product':<12}" + "".join(f"{NOISE[name]:>16.2f}" for name in largest))
    below = [name for name in largest if NOISE[name] < largest[name]]
    if below:
        print(f"margins below the measured noise: {', '.join(below)}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
