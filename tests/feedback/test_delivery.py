"""Delivery is monotonic in the obvious directions and says what moved it."""

from __future__ import annotations

from typing import Any

from rehearse.feedback.delivery import confidence_score, delivery_score
from tests.feedback.stored_speech import stored_speech


def _value(speech: dict[str, Any]) -> float:
    value = delivery_score(speech).value
    assert value is not None
    return value


def test_more_fillers_never_raise_delivery() -> None:
    values = [_value(stored_speech(fillers=rate)) for rate in (0, 2, 4, 6, 8, 12)]
    assert values == sorted(values, reverse=True)
    assert values[0] > values[-1]


def test_more_long_pauses_never_raise_delivery() -> None:
    values = [_value(stored_speech(long_pauses=count)) for count in (0, 1, 2, 4, 6)]
    assert values == sorted(values, reverse=True)
    assert values[0] > values[-1]


def test_pace_is_best_inside_its_band() -> None:
    assert (
        _value(stored_speech(wpm=140))
        > _value(stored_speech(wpm=200))
        > _value(stored_speech(wpm=230))
    )
    assert _value(stored_speech(wpm=140)) > _value(stored_speech(wpm=90))


def test_the_filler_measurement_says_how_many_points_it_cost() -> None:
    score = delivery_score(stored_speech(fillers=6.5))
    [fillers] = [m for m in score.measurements if m.name == "fillers"]
    assert fillers.value == 6.5
    assert fillers.lost > 0
    assert fillers.target == "at most 3"
    assert fillers.source


def test_without_speech_delivery_is_not_measured() -> None:
    assert delivery_score({"status": "no_speech", "words": []}).value is None
    assert confidence_score({}).value is None


def test_delivery_says_when_a_noisy_recording_makes_it_less_certain() -> None:
    noisy = stored_speech() | {"conditions": ["noisy"]}
    assert "loud background noise" in delivery_score(noisy).rests_on
    assert "Less certain" not in delivery_score(stored_speech()).rests_on
