"""Blinks from the eye aspect ratio (EAR), with thresholds relative to the person's own eyes.

EAR (Soukupová & Čech 2016) is the eyelid opening over the eye width, averaged over both eyes:
about 0.25-0.35 open, under 0.15 closed, but the open value differs from face to face and
with the head's pitch. So the threshold follows a running median of the recording's own EAR
(blinks are brief, the median is the open eye): a blink starts when EAR falls below 70 % of
that baseline and ends when it climbs back above 80 % (hysteresis, so noise around one
threshold does not split a blink in two). A closure longer than 0.6 s is not a blink (eyes
closed, or looking down). At 15 frames a second a blink of 100-400 ms spans 2-6 frames.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

# MediaPipe face-mesh indices, each eye as (corner, upper, upper, corner, lower, lower).
RIGHT_EYE = (33, 160, 158, 133, 153, 144)
LEFT_EYE = (362, 385, 387, 263, 373, 380)
CLOSE_RATIO = 0.70
OPEN_RATIO = 0.80
MAX_BLINK_SECONDS = 0.6
BASELINE_SECONDS = 5.0
_MIN_BASELINE_SAMPLES = 5

Landmarks = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Blink:
    start: float
    end: float
    min_ear: float

    @property
    def duration(self) -> float:
        return self.end - self.start


def _eye_ratio(points: Landmarks, eye: tuple[int, ...]) -> float:
    p = points[list(eye), :2].astype(np.float64)
    width = float(np.linalg.norm(p[0] - p[3]))
    if width <= 0:
        return 0.0
    opening = float(np.linalg.norm(p[1] - p[5]) + np.linalg.norm(p[2] - p[4]))
    return opening / (2.0 * width)


def eye_aspect_ratio(points: Landmarks) -> float:
    """Mean EAR of both eyes from 468+ face-mesh landmarks (pixels)."""
    return (_eye_ratio(points, RIGHT_EYE) + _eye_ratio(points, LEFT_EYE)) / 2.0


def ear_baseline(times: Sequence[float], ear: Sequence[float | None]) -> npt.NDArray[np.float64]:
    """The open-eye EAR around each frame: the median over ``BASELINE_SECONDS`` either side."""
    t = np.asarray(times, dtype=np.float64)
    values = np.array([np.nan if e is None else e for e in ear], dtype=np.float64)
    valid = ~np.isnan(values)
    overall = float(np.median(values[valid])) if valid.any() else np.nan
    baseline = np.full(len(values), overall)
    lo = hi = 0
    for index, now in enumerate(t):
        while t[lo] < now - BASELINE_SECONDS:
            lo += 1
        while hi < len(t) and t[hi] <= now + BASELINE_SECONDS:
            hi += 1
        around = values[lo:hi][valid[lo:hi]]
        if around.size >= _MIN_BASELINE_SAMPLES:
            baseline[index] = float(np.median(around))
    return baseline


def detect_blinks(times: Sequence[float], ear: Sequence[float | None]) -> list[Blink]:
    """Blinks in an EAR series sampled at ``times``; None where no face was seen."""
    baseline = ear_baseline(times, ear)
    blinks: list[Blink] = []
    start: int | None = None
    lowest = np.inf
    for index, value in enumerate(ear):
        if value is None or np.isnan(baseline[index]):
            start, lowest = None, np.inf  # the face was lost: no verdict on a half-seen blink
            continue
        if start is None:
            if value < CLOSE_RATIO * baseline[index]:
                start, lowest = index, value
            continue
        lowest = min(lowest, value)
        if value > OPEN_RATIO * baseline[index]:
            began, ended = times[start], times[index]
            if ended - began <= MAX_BLINK_SECONDS:
                blinks.append(Blink(round(began, 3), round(ended, 3), round(float(lowest), 4)))
            start, lowest = None, np.inf
    return blinks


def blinks_per_minute(blinks: int, face_seconds: float) -> float | None:
    """Blink rate over the time the face was seen; None under 10 s (too little to judge)."""
    return blinks / face_seconds * 60.0 if face_seconds >= 10.0 else None
