"""Accuracy measures for transcripts: word error rate on normalised words."""

from __future__ import annotations

from collections.abc import Sequence

from rehearse.analysis.speech.words import normalize


def words_of(text: str) -> list[str]:
    return [word for word in (normalize(token) for token in text.split()) if word]


def edit_distance(reference: Sequence[str], hypothesis: Sequence[str]) -> int:
    """Substitutions + deletions + insertions turning ``reference`` into ``hypothesis``."""
    previous = list(range(len(hypothesis) + 1))
    for row, expected in enumerate(reference, start=1):
        current = [row]
        for column, heard in enumerate(hypothesis, start=1):
            current.append(
                min(
                    previous[column] + 1,
                    current[column - 1] + 1,
                    previous[column - 1] + (expected != heard),
                )
            )
        previous = current
    return previous[-1]


def word_error_rate(reference: str, hypothesis: str) -> float:
    expected = words_of(reference)
    return edit_distance(expected, words_of(hypothesis)) / max(len(expected), 1)
