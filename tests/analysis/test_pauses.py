"""Pauses of 250 ms and more between speech, long ones over 2 s."""

from __future__ import annotations

import pytest

from rehearse.analysis.speech.pauses import find_pauses, measure_pauses
from rehearse.analysis.speech.spans import Span


def test_gaps_shorter_than_a_quarter_second_are_not_pauses() -> None:
    speech = [Span(0, 1), Span(1.2, 2), Span(2.5, 3)]
    assert find_pauses(speech) == [Span(2, 2.5)]


def test_silence_before_the_first_and_after_the_last_word_is_not_a_pause() -> None:
    assert find_pauses([Span(3, 4), Span(5, 6)]) == [Span(4, 5)]


def test_statistics_of_known_pauses() -> None:
    speech = [Span(1, 3), Span(3.5, 5), Span(7.5, 9), Span(10, 11)]
    pauses = find_pauses(speech)
    stats = measure_pauses(speech, pauses, first_word_start=1.1)
    assert stats.count == 3
    assert stats.long_count == 1
    assert stats.longest_seconds == pytest.approx(2.5)
    assert stats.mean_seconds == pytest.approx((0.5 + 2.5 + 1.0) / 3)
    assert stats.silence_ratio == pytest.approx(4.0 / 10.0)
    assert stats.time_to_first_word_seconds == 1.1


def test_no_speech_means_no_pauses() -> None:
    assert measure_pauses([], [], None).count == 0
