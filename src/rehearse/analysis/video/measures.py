"""Everything measured on one sampled frame, before it is summarised."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from rehearse.analysis.video.blinks import eye_aspect_ratio
from rehearse.analysis.video.expression import mouth_shape, smile_score
from rehearse.analysis.video.face import FaceObservation
from rehearse.analysis.video.gaze import GazeCalibration, GazeReading, read_gaze
from rehearse.analysis.video.head_pose import HeadPose, estimate_head_pose
from rehearse.analysis.video.posture import PostureFrame

THUMBNAIL = (64, 48)

Image = npt.NDArray[np.uint8]
Thumbnail = npt.NDArray[np.float32]


@dataclass(frozen=True)
class FrameMeasures:
    time: float
    brightness: float  # mean grey level, 0-255
    change: float | None  # mean grey-level change from the previous sampled frame
    faces: int
    face_size: float | None  # the main face's larger side over the frame's shorter side
    head: HeadPose | None
    gaze: GazeReading | None
    looking: bool | None  # the gaze verdict, held through blinks
    ear: float | None
    smile: float | None
    mood: tuple[float, ...] | None = None
    posture: PostureFrame | None = None
    fidget: float | None = None


def thumbnail(rgb: Image) -> Thumbnail:
    """A small grey copy for brightness and frozen-picture checks."""
    grey = cv2.cvtColor(
        cv2.resize(rgb, THUMBNAIL, interpolation=cv2.INTER_AREA), cv2.COLOR_RGB2GRAY
    )
    small: Thumbnail = grey.astype(np.float32)
    return small


def measure_frame(
    time: float,
    rgb: Image,
    *,
    face: FaceObservation,
    calibration: GazeCalibration,
    small: Thumbnail,
    previous: Thumbnail | None,
) -> FrameMeasures:
    height, width = rgb.shape[:2]
    change = float(np.abs(small - previous).mean()) if previous is not None else None
    head = gaze = ear = smile = size = None
    if face.box is not None:
        size = round(max(face.box.width, face.box.height) / min(width, height), 3)
    if face.landmarks is not None:
        head = estimate_head_pose(face.landmarks, width, height)
        ear = round(eye_aspect_ratio(face.landmarks), 4)
        smile = smile_score(mouth_shape(face.landmarks))
        if head is not None:
            gaze = read_gaze(face.landmarks, head, calibration)
    return FrameMeasures(
        time=time,
        brightness=round(float(small.mean()), 1),
        change=None if change is None else round(change, 3),
        faces=face.faces,
        face_size=size,
        head=head,
        gaze=gaze,
        looking=gaze.looking if gaze is not None else None,
        ear=ear,
        smile=smile,
    )
