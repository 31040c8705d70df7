"""Faces in a frame: how many, and the main (largest) one's 478 face-mesh landmarks.

MediaPipe's face mesh with iris refinement, tracking from frame to frame (it re-detects
when tracking is lost), up to two faces so a second person in view is noticed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from rehearse.analysis.video import native

MAX_FACES = 2
LANDMARKS = 478

Image = npt.NDArray[np.uint8]
Landmarks = npt.NDArray[np.float32]


@dataclass(frozen=True)
class FaceBox:
    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def area(self) -> float:
        return self.width * self.height


@dataclass(frozen=True)
class FaceObservation:
    """``landmarks`` are (478, 3) pixels: x, y, and depth on the scale of x."""

    faces: int
    landmarks: Landmarks | None
    box: FaceBox | None


NO_FACE = FaceObservation(0, None, None)


def _points(face: Any, width: int, height: int) -> Landmarks:
    raw = np.array([(p.x, p.y, p.z) for p in face.landmark], dtype=np.float32)
    return raw * np.array([width, height, width], dtype=np.float32)


def _box(points: Landmarks) -> FaceBox:
    low, high = points[:, :2].min(axis=0), points[:, :2].max(axis=0)
    return FaceBox(float(low[0]), float(low[1]), float(high[0]), float(high[1]))


class FaceMesh:
    """A face-mesh graph; ``reset()`` between videos so tracking does not carry over."""

    def __init__(self, *, max_faces: int = MAX_FACES) -> None:
        self._graph = native.face_mesh(max_faces=max_faces)

    def detect(self, rgb: Image) -> FaceObservation:
        height, width = rgb.shape[:2]
        found = self._graph.process(np.ascontiguousarray(rgb)).multi_face_landmarks
        if not found:
            return NO_FACE
        faces = [_points(face, width, height) for face in found]
        main = max(faces, key=lambda points: _box(points).area)
        if main.shape[0] < LANDMARKS:
            return FaceObservation(len(faces), None, _box(main))
        return FaceObservation(len(faces), main, _box(main))

    def reset(self) -> None:
        self._graph.reset()

    def close(self) -> None:
        self._graph.close()
