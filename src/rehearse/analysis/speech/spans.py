"""Time spans in seconds, the unit every speech metric is built from."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    start: float
    end: float

    @property
    def duration(self) -> float:
        return self.end - self.start

    def overlap(self, other: Span) -> float:
        return max(0.0, min(self.end, other.end) - max(self.start, other.start))


def gaps(spans: Sequence[Span], *, start: float, end: float) -> list[Span]:
    """The stretches between ``start`` and ``end`` that no span covers (spans sorted)."""
    result: list[Span] = []
    cursor = start
    for span in spans:
        if span.start > cursor:
            result.append(Span(cursor, min(span.start, end)))
        cursor = max(cursor, span.end)
        if cursor >= end:
            break
    if cursor < end:
        result.append(Span(cursor, end))
    return [gap for gap in result if gap.duration > 0]


def total(spans: Iterable[Span]) -> float:
    return sum(span.duration for span in spans)
