"""How fast the candidate speaks, overall and window by window."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from rehearse.analysis.speech.lexicon import Marker
from rehearse.analysis.speech.spans import Span
from rehearse.analysis.speech.syllables import count_syllables
from rehearse.analysis.speech.voice import VoiceFrames
from rehearse.analysis.speech.words import Word, normalize

WINDOW_SECONDS = 5.0


@dataclass(frozen=True)
class PaceStats:
    words_per_minute: float
    articulation_rate_wpm: float
    syllables_per_second: float
    pace_variation: float | None
    speaking_seconds: float
    phonation_seconds: float


@dataclass(frozen=True)
class Window:
    """A few seconds of the answer, so the interface can point at moments."""

    start: float
    end: float
    words_per_minute: float | None
    fillers: int
    pause_seconds: float
    long_pause: bool
    pitch_median_hz: float | None
    loudness_median_dbfs: float | None


def measure_pace(
    words: Sequence[Word], pauses: Sequence[Span], timeline: Sequence[Window]
) -> PaceStats:
    """Speaking rate counts pauses in; articulation rate leaves pauses of 250 ms+ out."""
    if not words:
        return PaceStats(0.0, 0.0, 0.0, None, 0.0, 0.0)
    span = Span(words[0].start, words[-1].end)
    inside = sum(pause.overlap(span) for pause in pauses)
    phonation = max(span.duration - inside, 1e-6)
    syllables = sum(count_syllables(normalize(word.text)) for word in words)
    rates = [w.words_per_minute for w in timeline if w.words_per_minute is not None]
    variation = (
        float(np.std(rates) / np.mean(rates)) if len(rates) >= 2 and np.mean(rates) > 0 else None
    )
    return PaceStats(
        words_per_minute=len(words) / span.duration * 60 if span.duration > 0 else 0.0,
        articulation_rate_wpm=len(words) / phonation * 60,
        syllables_per_second=syllables / phonation,
        pace_variation=variation,
        speaking_seconds=span.duration,
        phonation_seconds=phonation,
    )


def build_timeline(
    words: Sequence[Word],
    *,
    fillers: Sequence[Marker],
    pauses: Sequence[Span],
    long_pauses: Sequence[Span],
    frames: VoiceFrames,
    duration: float,
) -> list[Window]:
    """Windows of WINDOW_SECONDS over the recording; the rate only where words were spoken."""
    windows: list[Window] = []
    speaking = Span(words[0].start, words[-1].end) if words else Span(0.0, 0.0)
    start = 0.0
    while start < duration:
        window = Span(start, min(start + WINDOW_SECONDS, duration))
        said = [w for w in words if window.start <= (w.start + w.end) / 2 < window.end]
        talking = window.overlap(speaking)
        part = frames.window(window)
        voiced = frames.voiced[part]
        pitch = frames.pitch_hz[part][voiced]
        loud = frames.loudness_db[part][frames.in_speech[part]]
        windows.append(
            Window(
                start=window.start,
                end=window.end,
                words_per_minute=len(said) / talking * 60 if talking >= 2.0 else None,
                fillers=sum(1 for f in fillers if window.start <= f.start < window.end),
                pause_seconds=round(sum(p.overlap(window) for p in pauses), 3),
                long_pause=any(p.overlap(window) > 0 for p in long_pauses),
                pitch_median_hz=float(np.median(pitch)) if pitch.size >= 10 else None,
                loudness_median_dbfs=float(np.median(loud)) if loud.size >= 10 else None,
            )
        )
        start += WINDOW_SECONDS
    return windows
