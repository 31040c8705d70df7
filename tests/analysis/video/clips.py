"""Real clips made in code from the shared face fixtures, written by PyAV as cameras and
browsers write them."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import cv2
import numpy as np
import numpy.typing as npt

Image = npt.NDArray[np.uint8]


def read_rgb(path: Path) -> Image:
    """An image file as RGB, cropped to even sizes (YUV 4:2:0 needs them)."""
    bgr = cv2.imread(str(path))
    assert bgr is not None, path
    rgb = np.asarray(cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB), dtype=np.uint8)
    height, width = rgb.shape[:2]
    return np.ascontiguousarray(rgb[: height - height % 2, : width - width % 2])


def video_frames(
    path: Path, *, every: int = 1, limit: int | None = None, width: int | None = None
) -> list[Image]:
    """The frames of a video file as RGB, optionally every n-th and scaled to ``width``."""
    with av.open(str(path)) as container:
        frames = [f.to_ndarray(format="rgb24") for f in container.decode(video=0)]
    kept = [np.asarray(f, dtype=np.uint8) for f in frames[::every][:limit]]
    if width is None:
        return kept
    height = round(kept[0].shape[0] * width / kept[0].shape[1] / 2) * 2
    return [
        np.asarray(cv2.resize(f, (width, height), interpolation=cv2.INTER_AREA), np.uint8)
        for f in kept
    ]


def encode(
    frames: Sequence[Image],
    *,
    container: str = "mp4",
    codec: str = "h264",
    rate: int = 15,
    rotation: int | None = None,
    times: Sequence[float] | None = None,
    faststart: bool = False,
) -> bytes:
    """``frames`` as a video file's bytes. ``times`` (seconds) gives each frame its own
    timestamp (a variable frame rate); ``rotation`` is stored as the display matrix
    (counter-clockwise degrees, as phones do)."""
    handle, name = tempfile.mkstemp(suffix=f".{container}")
    os.close(handle)
    options = {"movflags": "faststart"} if faststart else {}
    try:
        with av.open(name, "w", format=container, options=options) as output:
            stream: Any = output.add_stream(codec, rate=rate)
            height, width = frames[0].shape[:2]
            stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
            if codec.startswith("libvpx"):
                stream.options = {"deadline": "realtime", "cpu-used": "8"}
            if times is not None:
                stream.time_base = stream.codec_context.time_base = Fraction(1, 1000)
            if rotation is not None:
                stream.set_display_rotation(rotation)
            for index, image in enumerate(frames):
                frame = av.VideoFrame.from_ndarray(image, format="rgb24")
                if times is not None:
                    frame.pts = round(times[index] * 1000)
                    frame.time_base = Fraction(1, 1000)
                for packet in stream.encode(frame):
                    output.mux(packet)
            for packet in stream.encode(None):
                output.mux(packet)
        return Path(name).read_bytes()
    finally:
        os.remove(name)


def audio_only(seconds: float = 1.0) -> bytes:
    """An M4A file with a tone and no picture."""
    handle, name = tempfile.mkstemp(suffix=".m4a")
    os.close(handle)
    try:
        with av.open(name, "w", format="ipod") as output:
            stream: Any = output.add_stream("aac", rate=16_000)
            stream.layout = "mono"
            samples = np.sin(np.arange(int(16_000 * seconds)) * 0.1).astype(np.float32)
            frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="fltp", layout="mono")
            frame.sample_rate = 16_000
            for packet in stream.encode(frame):
                output.mux(packet)
            for packet in stream.encode(None):
                output.mux(packet)
        return Path(name).read_bytes()
    finally:
        os.remove(name)


def side_by_side(image: Image) -> Image:
    """Two copies of ``image`` next to each other: two faces in one picture."""
    return np.ascontiguousarray(np.hstack([image, image]))


def portrait(image: Image) -> Image:
    """``image`` on a tall canvas (9:16), like a phone held upright."""
    height, width = image.shape[:2]
    tall = width * 16 // 9 // 2 * 2
    pad = max(0, tall - height)
    return np.ascontiguousarray(
        np.pad(image, ((pad // 2, pad - pad // 2), (0, 0), (0, 0)), mode="edge")
    )
