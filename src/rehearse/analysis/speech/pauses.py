"""Silent pauses: the silences of 250 ms and more between the first and the last speech."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rehearse.analysis.speech.spans import Span, gaps, total

MIN_PAUSE_SECONDS = 0.25  # the usual threshold in fluency research (De Jong & Bosker 2013)
LONG_PAUSE_SECONDS = 2.0


@dataclass(frozen=True)
class PauseStats:
    count: int
    mean_seconds: float
    longest_seconds: float
    long_count: int
    silence_ratio: float
    time_to_first_word_seconds: float | None
    per_minute: float


def find_pauses(speech: Sequence[Span]) -> list[Span]:
    if not speech:
        return []
    silences = gaps(speech, start=speech[0].start, end=speech[-1].end)
    return [silence for silence in silences if silence.duration >= MIN_PAUSE_SECONDS]


def measure_pauses(
    speech: Sequence[Span], pauses: Sequence[Span], first_word_start: float | None
) -> PauseStats:
    if not speech:
        return PauseStats(0, 0.0, 0.0, 0, 1.0, first_word_start, 0.0)
    span = speech[-1].end - speech[0].start
    durations = [pause.duration for pause in pauses]
    return PauseStats(
        count=len(pauses),
        mean_seconds=sum(durations) / len(durations) if durations else 0.0,
        longest_seconds=max(durations, default=0.0),
        long_count=sum(1 for duration in durations if duration > LONG_PAUSE_SECONDS),
        silence_ratio=(span - total(speech)) / span if span > 0 else 0.0,
        time_to_first_word_seconds=first_word_start,
        per_minute=len(pauses) / span * 60 if span > 0 else 0.0,
    )
