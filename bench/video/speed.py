"""Processing speed: per frame at 640x480 (decoding excluded), and whole videos end to end."""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import av
import cv2
import numpy as np
import numpy.typing as npt

from rehearse.analysis.video.analyzer import EXPRESSION_FPS, VideoAnalyzer
from rehearse.analysis.video.body import BodyLandmarks, PoseModel
from rehearse.analysis.video.expression import ExpressionModel
from rehearse.analysis.video.face import FaceMesh
from rehearse.analysis.video.frames import DEFAULT_FPS
from rehearse.analysis.video.gaze import DEFAULT_CALIBRATION
from rehearse.analysis.video.live import LiveGazeMeter
from rehearse.analysis.video.measures import measure_frame, thumbnail
from rehearse.analysis.video.posture import measure_posture, motion_energy

WIDTH, HEIGHT = 640, 480

Image = npt.NDArray[np.uint8]
Row = dict[str, Any]


def frames_640x480(path: Path) -> list[Image]:
    """Every frame of ``path`` scaled to fill 640x480 (centre crop), as a webcam gives it."""
    with av.open(str(path)) as container:
        decoded = [
            np.asarray(f.to_ndarray(format="rgb24"), np.uint8) for f in container.decode(video=0)
        ]
    out = []
    for rgb in decoded:
        height, width = rgb.shape[:2]
        scale = max(WIDTH / width, HEIGHT / height)
        big = cv2.resize(
            rgb, (round(width * scale), round(height * scale)), interpolation=cv2.INTER_AREA
        )
        top, left = (big.shape[0] - HEIGHT) // 2, (big.shape[1] - WIDTH) // 2
        out.append(np.ascontiguousarray(big[top : top + HEIGHT, left : left + WIDTH]))
    return out


def ping_pong(frames: Sequence[Image], seconds: float, fps: float) -> list[Image]:
    """The frames forward then backward, repeated to ``seconds``: motion without a jump."""
    cycle = [*frames, *frames[::-1]]
    count = round(seconds * fps)
    return [cycle[i % len(cycle)] for i in range(count)]


def write_mp4(frames: Sequence[Image], fps: int, directory: Path) -> Path:
    path = directory / "bench-640x480.mp4"
    with av.open(str(path), "w") as container:
        stream: Any = container.add_stream("h264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        for image in frames:
            for packet in stream.encode(av.VideoFrame.from_ndarray(image, format="rgb24")):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path


def _summary(milliseconds: Sequence[float]) -> Row:
    ordered = sorted(milliseconds)
    mean = statistics.fmean(ordered)
    return {
        "frames": len(ordered),
        "ms_mean": round(mean, 2),
        "ms_median": round(statistics.median(ordered), 2),
        "ms_p95": round(ordered[int(0.95 * (len(ordered) - 1))], 2),
        "fps": round(1000 / mean, 1),
    }


def _timed_passes(
    step: Callable[[float, Image], object], frames: Sequence[Image], runs: int
) -> Row:
    """One warm-up pass, then ``runs`` passes over ``frames`` at 15 fps timestamps."""
    timings: list[float] = []
    for run in range(runs + 1):
        for index, image in enumerate(frames):
            began = time.perf_counter()
            step(index / DEFAULT_FPS, image)
            if run:
                timings.append((time.perf_counter() - began) * 1000)
    return _summary(timings)


def per_frame(frames: Sequence[Image], runs: int) -> dict[str, Row]:
    """Face + gaze (what every sampled frame gets) and the full per-frame work with pose."""
    mesh, pose, expression, live = FaceMesh(), PoseModel(), ExpressionModel(), LiveGazeMeter()
    previous: list[Any] = [None, None]  # thumbnail, (time, body)

    def face_and_gaze(at: float, image: Image) -> None:
        small = thumbnail(image)
        measure_frame(
            at,
            image,
            face=mesh.detect(image),
            calibration=DEFAULT_CALIBRATION,
            small=small,
            previous=previous[0],
        )
        previous[0] = small

    def everything(at: float, image: Image) -> None:
        small = thumbnail(image)
        face = mesh.detect(image)
        measure_frame(
            at,
            image,
            face=face,
            calibration=DEFAULT_CALIBRATION,
            small=small,
            previous=previous[0],
        )
        previous[0] = small
        if (
            face.box is not None
            and round(at * DEFAULT_FPS) % round(DEFAULT_FPS / EXPRESSION_FPS) == 0
        ):
            expression.mood(image, face.box)
        body = pose.detect(image)
        if body is not None:
            posture = measure_posture(at, body)
            last: tuple[float, BodyLandmarks] | None = previous[1]
            if posture is not None and last is not None:
                motion_energy(last[1], body, at - last[0], posture.shoulder_width)
            previous[1] = (at, body)

    return {
        "face_gaze": _timed_passes(face_and_gaze, frames, runs),
        "face_gaze_pose_expression": _timed_passes(everything, frames, runs),
        "live_meter": _timed_passes(lambda _at, image: live.feed(image), frames, runs),
    }


def end_to_end(path: Path, seconds: float, runs: int) -> dict[str, Row]:
    """``VideoAnalyzer.apply`` on a whole file, models loaded beforehand (as in a worker)."""
    rows: dict[str, Row] = {}
    for name, pose in (("face_gaze", False), ("with_pose", True)):
        analyzer = VideoAnalyzer(pose=pose)
        analyzer.apply(path)  # loads the models
        walls, stages = [], []
        for _ in range(runs):
            began = time.perf_counter()
            result = analyzer.apply(path)
            walls.append(time.perf_counter() - began)
            stages.append(result.stage_seconds)
        wall = statistics.median(walls)
        processing = statistics.median(
            sum(v for k, v in s.items() if k not in ("decode", "load")) for s in stages
        )
        rows[name] = {
            "video_seconds": round(seconds, 2),
            "frames_analysed": result.frames_analysed,
            "wall_seconds": round(wall, 3),
            "wall_seconds_all": [round(w, 3) for w in walls],
            "frames_per_second": round(result.frames_analysed / wall, 1),
            "times_real_time": round(seconds / wall, 1),
            "processing_fps_excluding_decode": round(result.frames_analysed / processing, 1),
            "stage_seconds_median": {
                k: round(statistics.median(s[k] for s in stages), 3) for k in stages[0]
            },
        }
    return rows


def temporary_directory() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="rehearse-bench-video-")
