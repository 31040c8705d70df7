"""Eye contact from head pose and irises; calibration."""

from __future__ import annotations

import numpy as np
import pytest

from rehearse.analysis.video.face import FaceObservation, Landmarks
from rehearse.analysis.video.gaze import (
    LEFT_EYE,
    RIGHT_EYE,
    GazeCalibration,
    calibrate_gaze,
    iris_offsets,
    judge_gaze,
    read_gaze,
)
from rehearse.analysis.video.head_pose import HeadPose, estimate_head_pose
from tests.analysis.video.clips import Image

IRIS = (468, 469, 470, 471, 472, 473, 474, 475, 476, 477)


@pytest.fixture(scope="module")
def landmarks(still_face: FaceObservation) -> Landmarks:
    assert still_face.landmarks is not None
    return still_face.landmarks


@pytest.fixture(scope="module")
def pose(landmarks: Landmarks, still: Image) -> HeadPose:
    found = estimate_head_pose(landmarks, still.shape[1], still.shape[0])
    assert found is not None
    return found


def _irises_moved(landmarks: Landmarks, fraction: float, axis: int = 0) -> Landmarks:
    """The same face with both irises moved by ``fraction`` of the eye's width."""
    moved = landmarks.copy()
    width = float(np.linalg.norm(landmarks[RIGHT_EYE[1], :2] - landmarks[RIGHT_EYE[0], :2]))
    moved[list(IRIS), axis] += fraction * width
    return moved


def test_the_still_looks_at_the_camera(landmarks: Landmarks, pose: HeadPose) -> None:
    reading = read_gaze(landmarks, pose)
    assert reading.looking
    assert reading.offset < 1.0


def test_the_irises_sit_near_the_middle_of_the_eyes(landmarks: Landmarks) -> None:
    offsets = iris_offsets(landmarks)
    assert abs(offsets.horizontal) < 0.1
    assert abs(offsets.vertical) < 0.15
    assert LEFT_EYE[2] == 473


def test_eyes_turned_to_the_side_are_not_eye_contact(landmarks: Landmarks, pose: HeadPose) -> None:
    straight = read_gaze(landmarks, pose)
    right = read_gaze(_irises_moved(landmarks, 0.15), pose)
    left = read_gaze(_irises_moved(landmarks, -0.15), pose)
    assert right.yaw > straight.yaw + 15
    assert left.yaw < straight.yaw - 15
    assert not right.looking
    assert not left.looking


def test_eyes_turned_down_lower_the_gaze(landmarks: Landmarks, pose: HeadPose) -> None:
    straight = read_gaze(landmarks, pose)
    down = read_gaze(_irises_moved(landmarks, 0.15, axis=1), pose)
    assert down.pitch > straight.pitch + 15


def test_the_tolerance_is_an_ellipse() -> None:
    calibration = GazeCalibration(yaw_tolerance=10, pitch_tolerance=20)
    assert judge_gaze(9, 0, calibration).looking
    assert not judge_gaze(11, 0, calibration).looking
    assert judge_gaze(0, 19, calibration).looking
    assert not judge_gaze(8, 15, calibration).looking
    assert judge_gaze(6, 8, calibration).offset == pytest.approx(0.721, abs=0.001)


def test_calibration_takes_the_median_and_removes_it() -> None:
    readings = [
        judge_gaze(y, p, GazeCalibration())
        for y, p in [(14, -9), (15, -8), (40, 0), (16, -10), (15, -9)]
    ]
    calibration = calibrate_gaze(readings)
    assert calibration is not None
    assert calibration.calibrated
    assert (calibration.yaw, calibration.pitch) == (15, -9)
    after = judge_gaze(15, -9, calibration)
    assert (after.yaw, after.pitch, after.looking) == (0, 0, True)
    assert not judge_gaze(15, -9, GazeCalibration()).looking


def test_calibration_needs_five_readings() -> None:
    readings = [judge_gaze(0, 0, GazeCalibration())] * 4
    assert calibrate_gaze(readings) is None
