"""Two attempts' delivery: a measure is better when it moves toward its band beyond its noise."""

from __future__ import annotations

from typing import Any

from rehearse.feedback.practice.delivery import (
    EYE_CONTACT_NOISE,
    NOISE,
    delivery_changes,
    eye_contact_change,
    measures_of,
)


def _spoken(
    pace: float, fillers: float, long_pauses: int = 0, *, conditions: tuple[str, ...] = ()
) -> dict[str, Any]:
    """A stored speech analysis of a minute with these measures (the fields they are read from)."""
    return {
        "status": "ok",
        "words": [{"text": "word"}] * int(pace),
        "duration_seconds": 60.0,
        "pace": {"words_per_minute": pace},
        "fillers": {"per_100_words": fillers},
        "pauses": {"long_count": long_pauses},
        "conditions": list(conditions),
    }


def _change(first: dict[str, Any], second: dict[str, Any], name: str) -> str | None:
    return next(c.change for c in delivery_changes(first, second) if c.name == name)


def test_fewer_fillers_beyond_the_noise_are_better() -> None:
    assert _change(_spoken(140, 6), _spoken(140, 6 - NOISE["fillers"] - 1), "fillers") == "better"


def test_a_change_within_the_noise_is_the_same() -> None:
    assert _change(_spoken(140, 6), _spoken(140, 6 - NOISE["fillers"] / 2), "fillers") == "same"


def test_a_pace_moving_away_from_its_band_is_worse() -> None:
    assert _change(_spoken(150, 1), _spoken(190, 1), "pace") == "worse"


def test_a_pace_moving_inside_its_band_is_the_same() -> None:
    assert _change(_spoken(125, 1), _spoken(155, 1), "pace") == "same"


def test_long_pauses_are_counted_per_minute() -> None:
    assert _change(_spoken(140, 1, 3), _spoken(140, 1, 0), "long pauses") == "better"


def test_nothing_is_called_when_a_recording_was_noisy() -> None:
    noisy = _spoken(140, 1, conditions=("noisy",))
    assert {c.change for c in delivery_changes(_spoken(140, 8), noisy)} == {None}


def test_an_attempt_without_speech_has_no_measures() -> None:
    silent = {"status": "no_speech", "words": []}
    assert measures_of(silent) == {}
    assert delivery_changes(silent, _spoken(140, 1)) == ()


def _filmed(eye_contact: float | None) -> dict[str, Any]:
    """A stored video analysis with this share of eye contact (None: no face was seen)."""
    return {"status": "ok", "gaze": {"eye_contact_ratio": eye_contact}}


def test_more_eye_contact_beyond_its_noise_is_better() -> None:
    change = eye_contact_change(_filmed(0.3), _filmed(0.3 + EYE_CONTACT_NOISE + 0.1))
    assert change is not None
    assert (change.name, change.change) == ("eye contact", "better")


def test_eye_contact_within_its_noise_is_the_same() -> None:
    change = eye_contact_change(_filmed(0.3), _filmed(0.3 + EYE_CONTACT_NOISE / 2))
    assert change is not None
    assert change.change == "same"


def test_eye_contact_is_not_compared_unless_both_attempts_showed_a_face() -> None:
    assert eye_contact_change(None, _filmed(0.8)) is None
    assert eye_contact_change(_filmed(None), _filmed(0.8)) is None
    assert eye_contact_change({"status": "pending"}, _filmed(0.8)) is None
