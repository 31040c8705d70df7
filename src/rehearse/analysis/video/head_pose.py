"""Head orientation (yaw, pitch, roll in degrees) from rigid face landmarks and cv2.solvePnP.

Eighteen landmarks that expressions barely move (eye corners, the nose from its bridge to
its tip and wings, the middle of the forehead) are matched to the same points of MediaPipe's
canonical face model (``canonical_face_model.obj``, Apache-2.0; centimetres, here turned to
camera axes: x to the image's right, y down, z away from the camera). Mouth corners and
chin are left out on purpose: a smile or speech moves them and would read as a head turn.
The camera is approximated as a pinhole with a focal length of the image width and the
principal point at the centre, close enough for webcams (60-70 degree field of view). The
solver starts from a frontal face at the distance the eye corners suggest, which keeps it
off the mirrored solution that a nearly flat set of points allows.

Signs, as seen in the picture: yaw > 0 when the nose points to the image's right, pitch > 0
when it points down, roll > 0 when the head tilts clockwise. A frontal face is near (0, 0, 0).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

# Face-mesh index: canonical face model vertex (x right, y up, z toward the viewer, cm).
_CANONICAL = {
    1: (0.0, -1.126865, 7.475604),  # nose tip
    4: (0.0, -0.463170, 7.586580),
    5: (0.0, 0.365669, 7.242870),
    195: (0.0, 1.059413, 6.774605),
    197: (0.0, 1.728369, 6.316750),
    6: (0.0, 2.473255, 5.788627),
    168: (0.0, 3.271027, 5.236015),  # between the eyes
    8: (0.0, 4.019042, 5.284764),
    9: (0.0, 4.885979, 5.385258),
    151: (0.0, 6.545390, 5.027311),
    10: (0.0, 8.261778, 4.481535),  # top of the forehead
    2: (0.0, -2.089024, 6.058267),  # below the nose
    98: (-1.405627, -1.714196, 5.241087),  # nose wings
    327: (1.405627, -1.714196, 5.241087),
    33: (-4.445859, 2.663991, 3.173422),  # eye corners, outer and inner
    133: (-1.856432, 2.585245, 3.757904),
    362: (1.856432, 2.585245, 3.757904),
    263: (4.445859, 2.663991, 3.173422),
}
POINTS = tuple(_CANONICAL)
MODEL = np.array([(x, -y, -z) for x, y, z in _CANONICAL.values()], dtype=np.float64)
MODEL -= MODEL[0]  # origin at the nose tip
_OUTER_EYE_SPAN_CM = 2 * 4.445859

Landmarks = npt.NDArray[np.float32]


@dataclass(frozen=True)
class HeadPose:
    yaw: float
    pitch: float
    roll: float
    # Where the nose tip is relative to the camera, in centimetres (the model's unit).
    position: tuple[float, float, float]

    @property
    def toward_camera(self) -> tuple[float, float]:
        """The (yaw, pitch) a head at ``position`` would have if it faced the lens."""
        x, y, z = self.position
        return (-math.degrees(math.atan2(x, z)), -math.degrees(math.atan2(y, z)))


def camera_matrix(width: int, height: int) -> npt.NDArray[np.float64]:
    focal = float(width)
    return np.array(
        [[focal, 0.0, width / 2.0], [0.0, focal, height / 2.0], [0.0, 0.0, 1.0]],
        dtype=np.float64,
    )


def _euler(rotation: npt.NDArray[np.float64]) -> tuple[float, float, float]:
    """Yaw, pitch, roll (degrees) of a rotation applied to the face model's axes."""
    forward = rotation @ np.array([0.0, 0.0, -1.0])  # the direction the face looks
    yaw = math.degrees(math.atan2(forward[0], -forward[2]))
    pitch = math.degrees(math.atan2(forward[1], math.hypot(forward[0], forward[2])))
    across = rotation @ np.array([1.0, 0.0, 0.0])  # from the image-left to the image-right eye
    roll = math.degrees(math.atan2(across[1], math.hypot(across[0], across[2])))
    return yaw, pitch, roll


def estimate_head_pose(points: Landmarks, width: int, height: int) -> HeadPose | None:
    """The head pose of one face's landmarks (pixels) in a ``width`` x ``height`` frame."""
    image = points[list(POINTS), :2].astype(np.float64)
    camera = camera_matrix(width, height)
    eyes = float(np.linalg.norm(points[263, :2] - points[33, :2]))
    if eyes < 1.0:
        return None
    depth = camera[0, 0] * _OUTER_EYE_SPAN_CM / eyes
    nose = image[0]
    guess_r = np.zeros((3, 1))
    guess_t = np.array(
        [
            [(nose[0] - camera[0, 2]) * depth / camera[0, 0]],
            [(nose[1] - camera[1, 2]) * depth / camera[1, 1]],
            [depth],
        ]
    )
    ok, rvec, tvec = cv2.solvePnP(
        MODEL,
        image,
        camera,
        np.zeros(4),
        guess_r,
        guess_t,
        useExtrinsicGuess=True,
        flags=cv2.SOLVEPNP_ITERATIVE,
    )
    position = np.asarray(tvec, dtype=np.float64).reshape(3)
    if not ok or position[2] <= 0:
        return None
    rotation, _ = cv2.Rodrigues(np.asarray(rvec, dtype=np.float64))
    yaw, pitch, roll = _euler(np.asarray(rotation, dtype=np.float64))
    x, y, z = (float(v) for v in position)
    return HeadPose(round(yaw, 2), round(pitch, 2), round(roll, 2), (x, y, z))
