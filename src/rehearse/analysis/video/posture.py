"""Posture from the body landmarks: shoulders, slouching and leaning, fidgeting, distance.

Everything is measured in shoulder widths, so it does not depend on the distance to the
camera, and slouching and leaning are compared with the recording's own start (the first
``BASELINE_SECONDS`` with shoulders in view), not with an ideal body:
- shoulder tilt: the angle of the shoulder line, > 0 when the shoulder on the image's right
  is lower;
- head height: how far the nose is above the shoulder line; slouching (the head sinking
  toward the shoulders) lowers it, a slouch is a drop of ``SLOUCH_DROP`` from the start;
- leaning: the shoulders look wider when leaning toward the camera and narrower leaning back;
- head offset: the nose's sideways distance from the middle of the shoulders;
- fidgeting: the mean speed of the visible shoulders, arms and hands between sampled frames,
  in shoulder widths a second (motion energy); restless above ``FIDGET_THRESHOLD``;
- distance from the camera: the face's size over the frame's shorter side.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from rehearse.analysis.video.body import BodyLandmarks

NOSE, LEFT_SHOULDER, RIGHT_SHOULDER = 0, 11, 12
MOVING_PARTS = tuple(range(11, 23))  # shoulders, elbows, wrists, hands
VISIBLE = 0.5
BASELINE_SECONDS = 5.0
SLOUCH_DROP = 0.15  # of the starting head height
LEAN_CHANGE = 0.12  # of the starting shoulder width
TILT_DEGREES = 8.0
FIDGET_THRESHOLD = 0.25  # shoulder widths a second
TOO_CLOSE, TOO_FAR = 0.70, 0.18  # face size over the frame's shorter side
_MIN_BASELINE = 5

Distance = Literal["too_close", "fine", "too_far"]


@dataclass(frozen=True)
class PostureFrame:
    time: float
    shoulder_tilt: float
    shoulder_width: float  # pixels
    head_height: float  # shoulder widths
    head_offset: float  # shoulder widths, > 0 toward the image's right


@dataclass(frozen=True)
class PostureStats:
    frames: int
    shoulder_tilt_mean: float
    tilted_ratio: float
    head_offset_mean: float
    slouch_ratio: float
    lean_in_ratio: float
    lean_back_ratio: float
    fidget_mean: float | None
    fidget_ratio: float | None


def measure_posture(time: float, body: BodyLandmarks) -> PostureFrame | None:
    """One frame's posture; None when either shoulder or the nose is out of view."""
    if min(body.visibility[[NOSE, LEFT_SHOULDER, RIGHT_SHOULDER]]) < VISIBLE:
        return None
    nose = body.points[NOSE].astype(np.float64)
    # The person's right shoulder appears on the image's left.
    left, right = (body.points[i].astype(np.float64) for i in (RIGHT_SHOULDER, LEFT_SHOULDER))
    span = right - left
    width = float(np.hypot(*span))
    if width < 1.0:
        return None
    middle = (left + right) / 2
    # Signed distances from the shoulder line: up is above it, across is along it.
    unit = span / width
    rel = nose - middle
    above = float(unit[1] * rel[0] - unit[0] * rel[1]) / width
    across = float(unit @ rel) / width
    tilt = float(np.degrees(np.arctan2(span[1], span[0])))
    return PostureFrame(
        round(time, 4), round(tilt, 2), round(width, 1), round(above, 4), round(across, 4)
    )


def motion_energy(
    before: BodyLandmarks, after: BodyLandmarks, seconds: float, width: float
) -> float | None:
    """Mean speed of the visible moving parts, in shoulder widths a second."""
    if seconds <= 0 or width <= 0:
        return None
    parts = list(MOVING_PARTS)
    seen = (before.visibility[parts] >= VISIBLE) & (after.visibility[parts] >= VISIBLE)
    if not seen.any():
        return None
    moved = np.linalg.norm(after.points[parts] - before.points[parts], axis=1)[seen]
    return float(moved.mean()) / width / seconds


def camera_distance(face_size: float) -> Distance:
    if face_size > TOO_CLOSE:
        return "too_close"
    if face_size < TOO_FAR:
        return "too_far"
    return "fine"


def _baseline(frames: Sequence[PostureFrame], value: str) -> float:
    start = frames[0].time
    early = [getattr(f, value) for f in frames if f.time - start <= BASELINE_SECONDS]
    if len(early) < _MIN_BASELINE:
        early = [getattr(f, value) for f in frames]
    return float(statistics.median(early))


def summarize_posture(
    frames: Sequence[PostureFrame], energies: Sequence[float]
) -> PostureStats | None:
    if not frames:
        return None
    height = _baseline(frames, "head_height")
    width = _baseline(frames, "shoulder_width")
    count = len(frames)

    def share(flags: Sequence[bool]) -> float:
        return round(sum(flags) / count, 3)

    return PostureStats(
        frames=count,
        shoulder_tilt_mean=round(statistics.fmean(f.shoulder_tilt for f in frames), 2),
        tilted_ratio=share([abs(f.shoulder_tilt) > TILT_DEGREES for f in frames]),
        head_offset_mean=round(statistics.fmean(f.head_offset for f in frames), 3),
        slouch_ratio=share([f.head_height < height * (1 - SLOUCH_DROP) for f in frames]),
        lean_in_ratio=share([f.shoulder_width > width * (1 + LEAN_CHANGE) for f in frames]),
        lean_back_ratio=share([f.shoulder_width < width * (1 - LEAN_CHANGE) for f in frames]),
        fidget_mean=round(statistics.fmean(energies), 3) if energies else None,
        fidget_ratio=(
            round(sum(e > FIDGET_THRESHOLD for e in energies) / len(energies), 3)
            if energies
            else None
        ),
    )
