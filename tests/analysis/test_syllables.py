"""Syllables counted from vowel groups, for the articulation rate."""

from __future__ import annotations

import pytest

from rehearse.analysis.speech.syllables import count_syllables


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("cat", 1),
        ("make", 1),
        ("walked", 1),
        ("table", 2),
        ("people", 2),
        ("wanted", 2),
        ("beautiful", 3),
        ("migration", 3),
        ("latency", 3),
        ("I", 1),
    ],
)
def test_common_words(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


def test_punctuation_is_ignored() -> None:
    assert count_syllables("table,") == 2


def test_a_number_counts_as_spoken() -> None:
    assert count_syllables("2024") >= 1
