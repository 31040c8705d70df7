"""Per-frame flags merged into episodes with a start and an end, for the report to point at.

A flagged frame stands for the time until the next sampled frame. Flagged stretches closer
than ``max_gap`` seconds are bridged (a glance back at the camera of 200 ms does not end an
aversion), then stretches shorter than ``min_seconds`` are dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

EpisodeKind = Literal["gaze_aversion", "face_not_visible", "multiple_faces"]


@dataclass(frozen=True)
class Episode:
    kind: EpisodeKind
    start: float
    end: float

    @property
    def duration(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class EpisodeRule:
    kind: EpisodeKind
    min_seconds: float
    max_gap: float


GAZE_AVERSION = EpisodeRule("gaze_aversion", min_seconds=1.5, max_gap=0.4)
FACE_NOT_VISIBLE = EpisodeRule("face_not_visible", min_seconds=1.0, max_gap=0.4)
MULTIPLE_FACES = EpisodeRule("multiple_faces", min_seconds=0.5, max_gap=0.4)


def find_episodes(
    times: Sequence[float], flags: Sequence[bool], rule: EpisodeRule, *, end: float
) -> list[Episode]:
    """Episodes of ``rule.kind`` where ``flags`` hold; ``end`` closes the last frame."""
    if len(times) != len(flags):
        raise ValueError("times and flags differ in length")
    spans: list[list[float]] = []
    for index, flagged in enumerate(flags):
        if not flagged:
            continue
        start = times[index]
        stop = times[index + 1] if index + 1 < len(times) else max(end, start)
        if spans and start - spans[-1][1] <= rule.max_gap + 1e-9:
            spans[-1][1] = stop
        else:
            spans.append([start, stop])
    return [
        Episode(rule.kind, round(start, 3), round(stop, 3))
        for start, stop in spans
        if stop - start >= rule.min_seconds - 1e-9
    ]
