"""A recognised word with its timing, the unit every transcript measure is built from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start: float
    end: float
    probability: float

    @property
    def duration(self) -> float:
        return self.end - self.start


def normalize(text: str) -> str:
    """A word as compared and counted: lower case, no surrounding punctuation."""
    return text.strip().lower().strip(".,!?;:\"'()[]-")
