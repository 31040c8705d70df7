"""Eye contact with the camera: where the eyes point, from the head pose and the irises.

The gaze direction is the head's yaw and pitch plus the eyes' rotation in the head. The
eyes' rotation comes from where each iris centre sits between its eye corners (face-mesh
iris landmarks), as a fraction of the eye's width, turned into an angle with a typical
eyeball (radius 12 mm, eye opening 30 mm wide): asin(offset x 30 / 12). Both eyes are
averaged. The result is measured from the direction of the camera as seen from the face
(a face at the edge of the picture looks at the lens with its head turned).

Without calibration this is an estimate: faces differ from the generic model and the iris
rests differently between the corners from person to person (a few degrees). A calibration
from about 3 s of looking at the camera removes the person's own offsets (median of each
angle). "Looking at the camera" is an ellipse of ``yaw_tolerance`` x ``pitch_tolerance``
degrees around that direction: webcam gaze estimates carry errors of about 5 degrees, so
looking at the screen just below the camera may still count.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from rehearse.analysis.video.head_pose import HeadPose

# Face-mesh indices: the eye on the image's left (the person's right) and the other one,
# each as (corner on the image's left, corner on the image's right, iris centre).
RIGHT_EYE = (33, 133, 468)
LEFT_EYE = (362, 263, 473)
EYE_WIDTH_MM = 30.0
EYEBALL_RADIUS_MM = 12.0
# The iris centre sits a little below the line through the eye corners (in fractions of
# the eye's width) when looking straight ahead; used until the person calibrates.
DEFAULT_VERTICAL_REST = 0.0
YAW_TOLERANCE = 12.0
PITCH_TOLERANCE = 15.0
MIN_CALIBRATION_READINGS = 5

Landmarks = npt.NDArray[np.float32]


@dataclass(frozen=True)
class IrisOffsets:
    """Iris centres within the eyes, in fractions of the eye's width; 0 is centred.

    ``horizontal`` > 0 toward the image's right, ``vertical`` > 0 downward.
    """

    horizontal: float
    vertical: float


@dataclass(frozen=True)
class GazeCalibration:
    """The person's own gaze angles when looking at the lens (degrees), and the tolerance."""

    yaw: float = 0.0
    pitch: float = 0.0
    yaw_tolerance: float = YAW_TOLERANCE
    pitch_tolerance: float = PITCH_TOLERANCE
    calibrated: bool = False


DEFAULT_CALIBRATION = GazeCalibration()


@dataclass(frozen=True)
class GazeReading:
    """Gaze angles from the direction of the camera (degrees, calibrated), and a verdict.

    ``offset`` is the distance from the camera direction in tolerances: up to 1 is eye
    contact. ``raw_yaw``/``raw_pitch`` are before calibration (what calibration averages).
    """

    yaw: float
    pitch: float
    raw_yaw: float
    raw_pitch: float
    offset: float
    looking: bool


def _eye(points: Landmarks, eye: tuple[int, int, int]) -> tuple[float, float]:
    left, right, iris = (points[i, :2].astype(np.float64) for i in eye)
    axis = right - left
    length2 = float(axis @ axis)
    if length2 <= 0:
        return 0.0, 0.0
    rel = iris - left
    along = float(rel @ axis) / length2 - 0.5
    across = float(axis[0] * rel[1] - axis[1] * rel[0]) / length2
    return along, across


def iris_offsets(points: Landmarks) -> IrisOffsets:
    """Mean iris position of both eyes; needs the 478 refined landmarks."""
    right = _eye(points, RIGHT_EYE)
    left = _eye(points, LEFT_EYE)
    return IrisOffsets((right[0] + left[0]) / 2, (right[1] + left[1]) / 2)


def _eye_angle(offset: float) -> float:
    ratio = max(-1.0, min(1.0, offset * EYE_WIDTH_MM / EYEBALL_RADIUS_MM))
    return math.degrees(math.asin(ratio))


def raw_gaze(points: Landmarks, pose: HeadPose) -> tuple[float, float]:
    """Uncalibrated gaze (yaw, pitch) in degrees from the camera direction."""
    iris = iris_offsets(points)
    camera_yaw, camera_pitch = pose.toward_camera
    yaw = pose.yaw + _eye_angle(iris.horizontal) - camera_yaw
    pitch = pose.pitch + _eye_angle(iris.vertical - DEFAULT_VERTICAL_REST) - camera_pitch
    return yaw, pitch


def read_gaze(
    points: Landmarks, pose: HeadPose, calibration: GazeCalibration = DEFAULT_CALIBRATION
) -> GazeReading:
    raw_yaw, raw_pitch = raw_gaze(points, pose)
    return judge_gaze(raw_yaw, raw_pitch, calibration)


def judge_gaze(raw_yaw: float, raw_pitch: float, calibration: GazeCalibration) -> GazeReading:
    """Apply ``calibration`` to uncalibrated angles and decide whether that is eye contact."""
    yaw = raw_yaw - calibration.yaw
    pitch = raw_pitch - calibration.pitch
    offset = math.hypot(yaw / calibration.yaw_tolerance, pitch / calibration.pitch_tolerance)
    return GazeReading(
        yaw=round(yaw, 2),
        pitch=round(pitch, 2),
        raw_yaw=round(raw_yaw, 2),
        raw_pitch=round(raw_pitch, 2),
        offset=round(offset, 3),
        looking=offset <= 1.0,
    )


def calibrate_gaze(
    readings: Sequence[GazeReading],
    *,
    yaw_tolerance: float = YAW_TOLERANCE,
    pitch_tolerance: float = PITCH_TOLERANCE,
) -> GazeCalibration | None:
    """A calibration from readings taken while the person looked at the camera; None from
    fewer than ``MIN_CALIBRATION_READINGS`` readings."""
    if len(readings) < MIN_CALIBRATION_READINGS:
        return None
    return GazeCalibration(
        yaw=round(statistics.median(r.raw_yaw for r in readings), 2),
        pitch=round(statistics.median(r.raw_pitch for r in readings), 2),
        yaw_tolerance=yaw_tolerance,
        pitch_tolerance=pitch_tolerance,
        calibrated=True,
    )
