"""A live eye-contact indicator: ``LiveGazeMeter().feed(rgb_frame)`` while the camera runs.

Face mesh only (one face, tracked from frame to frame), head pose and iris position: a few
milliseconds a frame at 640x480, so a browser can send a handful of frames a second and
show the answer at once. Frames larger than 640x480 are scaled down first. The offline
analysis of the recording replaces this estimate afterwards.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from rehearse.analysis.video.face import FaceMesh
from rehearse.analysis.video.frames import fit
from rehearse.analysis.video.gaze import DEFAULT_CALIBRATION, GazeCalibration, read_gaze
from rehearse.analysis.video.head_pose import estimate_head_pose

Image = npt.NDArray[np.uint8]


@dataclass(frozen=True)
class LiveGaze:
    face_found: bool
    looking_at_camera: bool | None
    offset: float | None  # in tolerances; up to 1 is eye contact
    yaw: float | None  # gaze degrees from the camera direction, calibrated
    pitch: float | None
    raw_yaw: float | None  # before calibration: collect these to calibrate
    raw_pitch: float | None
    processing_ms: float


class LiveGazeMeter:
    """Holds one face-mesh graph; feed it the frames of one camera, in order."""

    def __init__(self, calibration: GazeCalibration | None = None) -> None:
        self.calibration = calibration or DEFAULT_CALIBRATION
        self._mesh = FaceMesh(max_faces=1)

    def feed(self, rgb: Image) -> LiveGaze:
        started = time.perf_counter()
        height, width = rgb.shape[:2]
        size = fit(width, height)
        if size != (width, height):
            rgb = np.asarray(cv2.resize(rgb, size, interpolation=cv2.INTER_AREA), dtype=np.uint8)
            width, height = size
        face = self._mesh.detect(rgb)
        pose = (
            estimate_head_pose(face.landmarks, width, height)
            if face.landmarks is not None
            else None
        )
        if face.landmarks is None or pose is None:
            return LiveGaze(face.faces > 0, None, None, None, None, None, None, self._ms(started))
        gaze = read_gaze(face.landmarks, pose, self.calibration)
        return LiveGaze(
            face_found=True,
            looking_at_camera=gaze.looking,
            offset=gaze.offset,
            yaw=gaze.yaw,
            pitch=gaze.pitch,
            raw_yaw=gaze.raw_yaw,
            raw_pitch=gaze.raw_pitch,
            processing_ms=self._ms(started),
        )

    @staticmethod
    def _ms(started: float) -> float:
        return round((time.perf_counter() - started) * 1000, 2)

    def close(self) -> None:
        self._mesh.close()
