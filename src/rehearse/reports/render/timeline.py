"""An answer's timeline as chart geometry, independent of what draws it.

A ``Chart`` holds its axes (with tick values), the measured series as runs of
(seconds, value) split where nothing was measured, the target band and the time-axis markers
(fillers, long pauses). ``Axis.at`` maps a value to 0..1 along its axis; the PDF (``charts``)
and the HTML page (``svg``) map that onto their own boxes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from rehearse.feedback.report import TimedWord, TimelinePoint
from rehearse.feedback.segments import clock

PACE_BAND = (120.0, 160.0)  # the delivery score's target band, words per minute
EYE_CONTACT_BAND = (60.0, 100.0)  # the presence score's target, percent of the time
PACE_CEILING = 200.0  # the pace axis reaches at least this far, so the band sits mid-chart
TIME_STEPS = (5, 10, 15, 20, 30, 60, 90, 120, 180, 300, 600, 900, 1800)
MAX_TIME_TICKS = 8

Run = tuple[tuple[float, float], ...]


class Timed(Protocol):
    """A recording's measurements over time: a whole answer's, or one reply's."""

    @property
    def timeline(self) -> Sequence[TimelinePoint]: ...

    @property
    def words(self) -> Sequence[TimedWord]: ...

    @property
    def duration_seconds(self) -> float | None: ...


@dataclass(frozen=True)
class Axis:
    low: float
    high: float
    ticks: tuple[float, ...]

    def at(self, value: float) -> float:
        """Where ``value`` lies between low (0) and high (1), clamped to the axis."""
        if self.high <= self.low:
            return 0.0
        return min(1.0, max(0.0, (value - self.low) / (self.high - self.low)))


@dataclass(frozen=True)
class Chart:
    title: str
    unit: str
    time: Axis
    values: Axis
    runs: tuple[Run, ...]
    band: tuple[float, float] | None = None
    fillers: tuple[float, ...] = ()  # seconds
    pauses: tuple[tuple[float, float], ...] = ()  # (start, end) seconds

    @property
    def band_label(self) -> str:
        """The band in words for a legend, e.g. "target 120-160"; "" without a band."""
        return f"target {self.band[0]:.0f}-{self.band[1]:.0f}" if self.band else ""

    def time_label(self, seconds: float) -> str:
        return clock(seconds)

    def value_label(self, value: float) -> str:
        return f"{value:.0f}"


def pace_chart(answer: Timed) -> Chart | None:
    """Words per minute over time with the 120-160 band, fillers and long pauses; or None."""
    runs = _runs(answer.timeline, lambda p: p.words_per_minute)
    if not runs:
        return None
    top = max(value for run in runs for _, value in run)
    return Chart(
        "Pace",
        "words/min",
        _time_axis(answer),
        _value_axis(0.0, max(top, PACE_CEILING)),
        runs,
        PACE_BAND,
        _fillers(answer),
        _pauses(answer),
    )


def pitch_chart(answer: Timed) -> Chart | None:
    """Pitch over time, or None when no window has a pitch."""
    runs = _runs(answer.timeline, lambda p: p.pitch_hz)
    if not runs:
        return None
    values = [value for run in runs for _, value in run]
    return Chart(
        "Pitch",
        "Hz",
        _time_axis(answer),
        _value_axis(min(values), max(values), padding=10.0),
        runs,
    )


def eye_contact_chart(answer: Timed) -> Chart | None:
    """Eye contact (percent of each window's face frames) over time, when video exists."""
    runs = _runs(answer.timeline, lambda p: None if p.eye_contact is None else 100 * p.eye_contact)
    if not runs:
        return None
    return Chart(
        "Eye contact",
        "%",
        _time_axis(answer),
        Axis(0.0, 100.0, (0.0, 50.0, 100.0)),
        runs,
        EYE_CONTACT_BAND,
    )


def _runs(
    timeline: Sequence[TimelinePoint], read: Callable[[TimelinePoint], float | None]
) -> tuple[Run, ...]:
    runs: list[Run] = []
    current: list[tuple[float, float]] = []
    for point in timeline:
        value = read(point)
        if value is None:
            if current:
                runs.append(tuple(current))
            current = []
            continue
        current.append(((point.start + point.end) / 2, value))
    if current:
        runs.append(tuple(current))
    return tuple(runs)


def _time_axis(answer: Timed) -> Axis:
    end = max(
        [answer.duration_seconds or 0.0]
        + [point.end for point in answer.timeline]
        + [word.end for word in answer.words]
    )
    end = max(end, 1.0)
    step = next((s for s in TIME_STEPS if end / s <= MAX_TIME_TICKS), TIME_STEPS[-1])
    ticks = tuple(float(t) for t in range(0, int(end) + 1, step))
    return Axis(0.0, end, ticks)


def _value_axis(low: float, high: float, padding: float = 0.0) -> Axis:
    """An axis over [low, high] widened to round ticks (about five of them)."""
    low, high = low - padding, high + padding
    step = _nice_step((high - low) / 4 or 1.0)
    first = math.floor(low / step) * step
    last = math.ceil(high / step) * step
    count = round((last - first) / step)
    return Axis(first, last, tuple(first + i * step for i in range(count + 1)))


def _nice_step(rough: float) -> float:
    magnitude = 10.0 ** math.floor(math.log10(rough))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * magnitude >= rough:
            return factor * magnitude
    return 10 * magnitude


def _fillers(answer: Timed) -> tuple[float, ...]:
    if answer.words:
        return tuple(word.start for word in answer.words if word.filler)
    return tuple((p.start + p.end) / 2 for p in answer.timeline for _ in range(p.fillers))


def _pauses(answer: Timed) -> tuple[tuple[float, float], ...]:
    if answer.words:
        return tuple(
            (word.start - word.pause_before, word.start)
            for word in answer.words
            if word.pause_before > 0
        )
    return tuple((p.start, p.end) for p in answer.timeline if p.long_pause)
