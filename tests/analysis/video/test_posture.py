"""Posture measures from body landmarks."""

from __future__ import annotations

import numpy as np
import pytest

from rehearse.analysis.video.analyzer import VideoAnalysis
from rehearse.analysis.video.body import BodyLandmarks
from rehearse.analysis.video.posture import (
    PostureFrame,
    camera_distance,
    measure_posture,
    motion_energy,
    summarize_posture,
)


def _body(
    nose: tuple[float, float] = (320, 200),
    left: tuple[float, float] = (220, 330),
    right: tuple[float, float] = (420, 330),
    hands: float = 0.0,
    visible: float = 1.0,
) -> BodyLandmarks:
    """A body facing the camera; ``left``/``right`` are the shoulders on the image's sides."""
    points = np.zeros((33, 2), np.float32)
    points[0] = nose
    points[12], points[11] = left, right  # the person's right shoulder is on the image's left
    points[13:23] = (320 + hands, 450)
    return BodyLandmarks(points, np.full(33, visible, np.float32))


def test_level_shoulders_and_a_centred_head() -> None:
    frame = measure_posture(0.0, _body())
    assert frame is not None
    assert frame.shoulder_tilt == pytest.approx(0.0)
    assert frame.shoulder_width == pytest.approx(200.0)
    assert frame.head_height == pytest.approx(0.65)
    assert frame.head_offset == pytest.approx(0.0)


def test_a_lower_right_hand_shoulder_tilts_positive() -> None:
    frame = measure_posture(0.0, _body(right=(420, 365)))
    assert frame is not None
    assert frame.shoulder_tilt == pytest.approx(9.9, abs=0.1)


def test_hidden_shoulders_give_no_posture() -> None:
    assert measure_posture(0.0, _body(visible=0.2)) is None


def test_a_sinking_head_after_the_start_is_a_slouch() -> None:
    upright = [PostureFrame(t / 15, 0.0, 200.0, 0.65, 0.0) for t in range(90)]
    sunk = [PostureFrame(6 + t / 15, 0.0, 200.0, 0.45, 0.0) for t in range(30)]
    stats = summarize_posture(upright + sunk, [])
    assert stats is not None
    assert stats.slouch_ratio == pytest.approx(30 / 120, abs=0.01)
    assert stats.lean_in_ratio == 0.0
    assert stats.fidget_mean is None


def test_leaning_in_widens_the_shoulders() -> None:
    frames = [PostureFrame(t / 15, 0.0, 200.0, 0.65, 0.0) for t in range(90)]
    frames += [PostureFrame(6 + t / 15, 0.0, 250.0, 0.65, 0.0) for t in range(10)]
    stats = summarize_posture(frames, [])
    assert stats is not None
    assert stats.lean_in_ratio == pytest.approx(0.1)


def test_motion_energy_is_in_shoulder_widths_a_second() -> None:
    still = motion_energy(_body(), _body(), 1 / 15, 200.0)
    moving = motion_energy(_body(), _body(hands=20.0), 1 / 15, 200.0)
    assert still == pytest.approx(0.0)
    # 10 of 12 moving parts moved 20 px (0.1 shoulder widths) in 1/15 s.
    assert moving == pytest.approx(20 * 10 / 12 / 200 * 15)


def test_distance_from_the_face_size() -> None:
    assert camera_distance(0.9) == "too_close"
    assert camera_distance(0.4) == "fine"
    assert camera_distance(0.1) == "too_far"


def test_the_clip_sits_still_and_upright(single_face_result: VideoAnalysis) -> None:
    posture = single_face_result.posture
    assert posture is not None
    assert posture.frames >= 30
    assert abs(posture.shoulder_tilt_mean) < 8
    assert posture.slouch_ratio < 0.1
    assert posture.fidget_mean is not None
    assert posture.fidget_mean < 0.25
    assert single_face_result.presence.distance == "fine"
