"""Head pose from the face mesh: near frontal for a frontal face, and the right signs."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from rehearse.analysis.video.analyzer import VideoAnalysis
from rehearse.analysis.video.face import FaceMesh, FaceObservation
from rehearse.analysis.video.head_pose import HeadPose, estimate_head_pose
from tests.analysis.video.clips import Image
from tests.analysis.video.conftest import detect


def _pose(mesh: FaceMesh, image: Image) -> HeadPose:
    face = detect(mesh, image)
    assert face.landmarks is not None
    pose = estimate_head_pose(face.landmarks, image.shape[1], image.shape[0])
    assert pose is not None
    return pose


def _rotated(image: Image, degrees: float) -> Image:
    height, width = image.shape[:2]
    turn = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
    return np.asarray(
        cv2.warpAffine(image, turn, (width, height), borderMode=cv2.BORDER_REPLICATE), np.uint8
    )


def test_the_still_is_near_frontal(still: Image, still_face: FaceObservation) -> None:
    assert still_face.landmarks is not None
    pose = estimate_head_pose(still_face.landmarks, still.shape[1], still.shape[0])
    assert pose is not None
    assert abs(pose.yaw) < 12
    assert abs(pose.pitch) < 12
    assert abs(pose.roll) < 5


def test_a_mirrored_face_turns_the_other_way(mesh: FaceMesh, still: Image) -> None:
    pose = _pose(mesh, still)
    mirrored = _pose(mesh, np.ascontiguousarray(still[:, ::-1]))
    assert np.sign(mirrored.yaw) == -np.sign(pose.yaw)
    assert abs(mirrored.yaw + pose.yaw) < 4
    assert np.sign(mirrored.roll) == -np.sign(pose.roll)


@pytest.mark.parametrize("degrees", [-20, 20])
def test_tilting_the_picture_changes_the_roll_by_as_much(
    mesh: FaceMesh, still: Image, degrees: float
) -> None:
    pose = _pose(mesh, still)
    # OpenCV turns counter-clockwise for positive angles; roll is clockwise-positive.
    tilted = _pose(mesh, _rotated(still, degrees))
    assert tilted.roll - pose.roll == pytest.approx(-degrees, abs=4)
    assert abs(tilted.yaw - pose.yaw) < 6


def test_the_camera_direction_accounts_for_where_the_face_is() -> None:
    left_of_centre = HeadPose(0.0, 0.0, 0.0, (-20.0, 0.0, 60.0))
    yaw, pitch = left_of_centre.toward_camera
    assert yaw == pytest.approx(18.4, abs=0.1)  # turn right (image) to face the lens
    assert pitch == pytest.approx(0.0)


def test_the_clip_holds_a_steady_frontal_head(single_face_result: VideoAnalysis) -> None:
    head = single_face_result.head
    assert head is not None
    assert abs(head.yaw_mean) < 10
    assert head.yaw_std < 3
    assert head.pitch_std < 4
