"""Upper-body landmarks from MediaPipe Pose (33 points; the model inside the wheel)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from rehearse.analysis.video import native

Image = npt.NDArray[np.uint8]


@dataclass(frozen=True)
class BodyLandmarks:
    """``points`` are (33, 2) pixels; ``visibility`` (33,) is the model's 0-1 confidence."""

    points: npt.NDArray[np.float32]
    visibility: npt.NDArray[np.float32]


class PoseModel:
    """A pose graph; ``reset()`` between videos so tracking does not carry over."""

    def __init__(self) -> None:
        self._graph = native.pose()

    def detect(self, rgb: Image) -> BodyLandmarks | None:
        height, width = rgb.shape[:2]
        found = self._graph.process(np.ascontiguousarray(rgb)).pose_landmarks
        if found is None:
            return None
        raw = np.array([(p.x, p.y, p.visibility) for p in found.landmark], dtype=np.float32)
        points = raw[:, :2] * np.array([width, height], dtype=np.float32)
        return BodyLandmarks(points, raw[:, 2].copy())

    def reset(self) -> None:
        self._graph.reset()

    def close(self) -> None:
        self._graph.close()
