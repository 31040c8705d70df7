"""The coach answers the candidate's notes with what the recording measured."""

from __future__ import annotations

from rehearse.feedback.answer_scores import STAR_PARTS
from rehearse.feedback.coaching import coach_reflection
from rehearse.feedback.delivery import delivery_score
from rehearse.feedback.measures import Score, weighted_score
from tests.feedback.stored_speech import stored_speech


def _session(wpm: float, fillers: float = 1.0) -> list[Score]:
    return [delivery_score(stored_speech(wpm=wpm, fillers=fillers))]


def test_a_feeling_the_recording_bears_out_is_confirmed() -> None:
    response = coach_reflection("I rushed through everything.", _session(wpm=195))
    assert "you spoke too fast, and the recording agrees: your pace was 195" in response


def test_a_feeling_the_recording_contradicts_is_said_so() -> None:
    response = coach_reflection("I felt so rushed.", _session(wpm=140))
    assert "but the recording disagrees: your pace was 140" in response


def test_feeling_fast_when_the_pace_was_slow_is_the_opposite() -> None:
    response = coach_reflection("I was rushing.", _session(wpm=95))
    assert "shows the opposite" in response


def test_fillers_are_checked_against_their_count() -> None:
    response = coach_reflection("Too many umms.", _session(wpm=140, fillers=8))
    assert "used a lot of fillers, and the recording agrees" in response


def test_a_theme_without_its_own_measurement_uses_the_competency_score() -> None:
    structure = weighted_score("structure", [(STAR_PARTS, 1.0)], "STAR parts")
    response = coach_reflection("My story had no structure.", [structure])
    assert "your structure score agrees" in response


def test_a_note_with_no_known_theme_gets_the_strongest_area() -> None:
    response = coach_reflection("It was fine, I think.", _session(wpm=140))
    assert "Your strongest area this session was delivery" in response


def test_the_response_ends_with_the_change_that_helps_most() -> None:
    response = coach_reflection("Nothing to add.", _session(wpm=200))
    assert response.endswith("instead of rushing on.")


def test_before_any_analysis_the_note_is_acknowledged() -> None:
    assert "Once your answers are analysed" in coach_reflection("I rushed.", [])
