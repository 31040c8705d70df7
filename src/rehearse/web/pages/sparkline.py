"""Small inline SVG line charts of a 0-100 score over sessions, for the progress page."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH, HEIGHT = 220.0, 56.0
PAD_X, PAD_Y = 6.0, 6.0
GUIDES = (50.0, 65.0, 80.0)  # where "fair", "good" and "strong" begin
FLOOR = 40.0  # the scale starts here unless a score is lower, so the line has room to move


@dataclass(frozen=True)
class Sparkline:
    width: float
    height: float
    points: str  # polyline points, "x,y x,y ..."
    dots: tuple[tuple[float, float], ...]
    guides: tuple[float, ...]  # y of each label's threshold inside the scale
    low: float  # the score at the bottom of the scale (the top is 100)
    description: str


def sparkline(name: str, values: Sequence[float]) -> Sparkline:
    """``values`` (oldest first) spread evenly across the width, on a scale from ``low`` (40,
    or lower when a score is) to 100."""
    low = min(FLOOR, math.floor((min(values, default=FLOOR) - 5) / 10) * 10)
    low = max(low, 0.0)

    def y_of(value: float) -> float:
        share = (min(max(value, low), 100.0) - low) / (100.0 - low)
        return round(HEIGHT - PAD_Y - share * (HEIGHT - 2 * PAD_Y), 1)

    step = (WIDTH - 2 * PAD_X) / (len(values) - 1) if len(values) > 1 else 0.0
    xs = [PAD_X + i * step if len(values) > 1 else WIDTH / 2 for i in range(len(values))]
    dots = tuple((round(x, 1), y_of(v)) for x, v in zip(xs, values, strict=True))
    scores = ", ".join(f"{v:.0f}" for v in values)
    return Sparkline(
        width=WIDTH,
        height=HEIGHT,
        points=" ".join(f"{x},{y}" for x, y in dots),
        dots=dots,
        guides=tuple(y_of(g) for g in GUIDES if g > low),
        low=low,
        description=f"{name} over {len(values)} sessions, oldest first: {scores}.",
    )
