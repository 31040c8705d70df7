"""Loading MediaPipe's bundled graphs with types, and quieting what their C++ side prints.

MediaPipe 0.10.21 is the last release whose legacy ``solutions`` API ships its face-mesh and
pose models inside the wheel; it is untyped, so this module is the only place that touches
it and hands typed objects to the rest of the package.

On the first frame a graph processes, its C++ side writes a few lines to stderr through
absl logging and TFLite ("Created TensorFlow Lite XNNPACK delegate", "Feedback manager
requires a model with a single signature"). No environment variable or Python call turns
absl's C++ logging down, so nothing is changed globally when rehearse is imported or a model
is loaded. A command-line program that wants a clean terminal can wrap its warm-up in
``quiet_native_logs()``, which points the process's stderr at /dev/null for that block:
process-wide, so not for servers whose other threads may be logging at the time.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from collections.abc import Iterator
from typing import Any, Protocol


@contextlib.contextmanager
def quiet_native_logs() -> Iterator[None]:
    """Discard what native code writes to stderr inside the block (process-wide)."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


class Solution(Protocol):
    """A MediaPipe solution graph: one RGB frame in, a named tuple of results out."""

    def process(self, image: Any) -> Any: ...

    def reset(self) -> None: ...

    def close(self) -> None: ...


def solutions(name: str) -> Any:
    """The ``mediapipe.python.solutions.<name>`` module, imported on first use."""
    return importlib.import_module(f"mediapipe.python.solutions.{name}")


def face_mesh(*, max_faces: int, static: bool = False) -> Solution:
    """Face mesh with iris refinement: 478 landmarks a face."""
    module = solutions("face_mesh")
    graph: Solution = module.FaceMesh(
        static_image_mode=static,
        max_num_faces=max_faces,
        refine_landmarks=True,
        min_detection_confidence=0.5,
        min_tracking_confidence=0.5,
    )
    return graph


def pose() -> Solution:
    """Body pose, 33 landmarks; complexity 1 is the model inside the wheel (0 and 2 download)."""
    module = solutions("pose")
    graph: Solution = module.Pose(
        static_image_mode=False,
        model_complexity=1,
        smooth_landmarks=True,
        enable_segmentation=False,
        min_detection_confidence=0.5,
        min_tracking_confidence=0.5,
    )
    return graph
