"""Speaking rate counts pauses in, articulation rate leaves them out."""

from __future__ import annotations

import pytest

from rehearse.analysis.speech.pace import measure_pace
from rehearse.analysis.speech.spans import Span
from rehearse.analysis.speech.words import Word


def _evenly(count: int, seconds: float) -> list[Word]:
    step = seconds / count
    return [Word(" word", i * step, (i + 1) * step, 0.9) for i in range(count)]


def test_thirty_words_in_fifteen_seconds_is_120_wpm() -> None:
    pace = measure_pace(_evenly(30, 15.0), [], [])
    assert pace.words_per_minute == pytest.approx(120.0)
    assert pace.articulation_rate_wpm == pytest.approx(120.0)


def test_pauses_lower_the_speaking_rate_but_not_the_articulation_rate() -> None:
    words = _evenly(30, 15.0)
    pace = measure_pace(words, [Span(5.0, 8.0)], [])
    assert pace.words_per_minute == pytest.approx(120.0)
    assert pace.articulation_rate_wpm == pytest.approx(30 / 12 * 60)
    assert pace.phonation_seconds == pytest.approx(12.0)


def test_no_words_is_no_pace() -> None:
    assert measure_pace([], [], []).words_per_minute == 0.0


def test_a_steady_pace_has_no_variation_and_a_changing_one_does() -> None:
    from rehearse.analysis.speech.pace import Window  # noqa: PLC0415

    def window(rate: float) -> Window:
        return Window(0, 5, rate, 0, 0.0, False, None, None)

    steady = measure_pace(_evenly(30, 15.0), [], [window(120), window(120), window(120)])
    changing = measure_pace(_evenly(30, 15.0), [], [window(80), window(120), window(160)])
    assert steady.pace_variation == 0
    assert changing.pace_variation == pytest.approx(32.66 / 120, rel=0.01)
