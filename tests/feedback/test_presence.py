"""Presence moves the right way with what the camera saw, and explains itself."""

from __future__ import annotations

import pytest

from rehearse.feedback.presence import presence_score
from rehearse.feedback.segments import video_moments
from tests.feedback.stored_video import stored_video


def _value(**readings: float) -> float:
    value = presence_score(stored_video(**readings)).value  # type: ignore[arg-type]
    assert value is not None
    return value


@pytest.mark.parametrize("low", [0.1, 0.3, 0.5])
def test_more_eye_contact_never_lowers_presence(low: float) -> None:
    assert _value(eye_contact=low) < _value(eye_contact=low + 0.3)


def test_looking_away_more_often_never_raises_presence() -> None:
    assert _value(aversions=12) < _value(aversions=4) < _value(aversions=1)


def test_slouching_and_fidgeting_lower_presence() -> None:
    assert _value(slouch=0.6) < _value()
    assert _value(fidget=0.6) < _value()


def test_a_composed_recording_scores_strong() -> None:
    assert _value() >= 95


def test_points_add_up_to_the_score() -> None:
    score = presence_score(stored_video(eye_contact=0.4, slouch=0.5))
    assert score.value == pytest.approx(sum(m.points for m in score.measurements), abs=0.2)


def test_without_a_face_only_the_frame_is_judged() -> None:
    score = presence_score(stored_video(status="no_face", face_visible=0.0))
    measured = {m.name for m in score.measurements if m.value is not None}
    assert "face in frame" in measured
    assert "eye contact" not in measured
    assert score.value == 0


def test_nothing_recorded_is_not_measured() -> None:
    assert presence_score({}).value is None


def test_a_look_away_becomes_a_moment_with_its_time() -> None:
    [moment] = video_moments(stored_video())
    assert (moment.when, moment.kind) == ("0:32-0:41", "gaze_aversion")
    assert moment.what == "looking away from the camera (9.0 s)"
