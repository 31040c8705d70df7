"""Moving-average type-token ratio and most-used words."""

from __future__ import annotations

import pytest

from rehearse.analysis.speech.vocabulary import measure_vocabulary, moving_average_ttr


def test_all_different_words_have_a_ratio_of_one() -> None:
    assert moving_average_ttr([f"w{i}" for i in range(120)]) == 1.0


def test_one_word_repeated_has_the_lowest_ratio() -> None:
    assert moving_average_ttr(["same"] * 120) == pytest.approx(1 / 50)


def test_short_answers_use_the_plain_ratio() -> None:
    assert moving_average_ttr(["a", "b", "a", "b"]) == 0.5


def test_the_most_used_content_words_leave_out_stopwords() -> None:
    stats = measure_vocabulary(
        ["the", "cache", "the", "cache", "the", "queue", "was", "the", "cache"]
    )
    assert stats.top_words == [("cache", 3)]
