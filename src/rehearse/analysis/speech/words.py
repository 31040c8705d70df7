"""A recognised word with its timing, the unit every transcript measure is built from, and a
decoded segment of them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rehearse.analysis.speech.spans import Span


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start: float
    end: float
    probability: float

    @property
    def duration(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class Segment:
    """One decoded segment: its words (times in the recording) and Whisper's own score."""

    words: list[Word]
    avg_logprob: float

    @property
    def text(self) -> str:
        return "".join(word.text for word in self.words).strip()


def normalize(text: str) -> str:
    """A word as compared and counted: lower case, no surrounding punctuation (an ellipsis
    written as one character, "um…", included)."""
    return text.strip().lower().strip(".,!?;:\"'()[]-\u2026")


def word_spans(words: Iterable[Word]) -> list[Span]:
    """Where ``words`` were spoken, in order of their start."""
    return sorted((Span(word.start, word.end) for word in words), key=lambda span: span.start)
