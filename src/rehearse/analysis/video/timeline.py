"""Window-by-window visual presence, on the same 5 s grid as the speech timeline."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from rehearse.analysis.video.blinks import Blink
from rehearse.analysis.video.measures import FrameMeasures

WINDOW_SECONDS = 5.0  # rehearse.analysis.speech.pace.WINDOW_SECONDS, so the two line up
_MIN_FRAMES = 3


@dataclass(frozen=True)
class VideoWindow:
    start: float
    end: float
    face_visible_ratio: float
    eye_contact_ratio: float | None
    head_movement_degrees: float | None  # spread (std) of yaw and pitch, combined
    blinks: int
    smile_ratio: float | None
    fidget: float | None  # mean motion energy, shoulder widths a second


def _ratio(flags: Sequence[bool]) -> float | None:
    return round(sum(flags) / len(flags), 3) if flags else None


def _movement(frames: Sequence[FrameMeasures]) -> float | None:
    poses = [f.head for f in frames if f.head is not None]
    if len(poses) < _MIN_FRAMES:
        return None
    yaw = statistics.pstdev(p.yaw for p in poses)
    pitch = statistics.pstdev(p.pitch for p in poses)
    return round(math.hypot(yaw, pitch), 2)


def build_timeline(
    frames: Sequence[FrameMeasures], blinks: Sequence[Blink], duration: float
) -> list[VideoWindow]:
    windows: list[VideoWindow] = []
    start = 0.0
    while start < duration:
        end = min(start + WINDOW_SECONDS, duration)
        inside = [f for f in frames if start <= f.time < end]
        faces = [f for f in inside if f.faces > 0]
        energies = [f.fidget for f in inside if f.fidget is not None]
        windows.append(
            VideoWindow(
                start=round(start, 3),
                end=round(end, 3),
                face_visible_ratio=_ratio([f.faces > 0 for f in inside]) or 0.0,
                eye_contact_ratio=_ratio([f.looking for f in faces if f.looking is not None]),
                head_movement_degrees=_movement(faces),
                blinks=sum(1 for b in blinks if start <= b.start < end),
                smile_ratio=_ratio([f.smile >= 0.5 for f in faces if f.smile is not None]),
                fidget=round(statistics.fmean(energies), 3) if energies else None,
            )
        )
        start += WINDOW_SECONDS
    return windows
