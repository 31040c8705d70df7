"""Any camera recording in, upright RGB frames at a steady sampling rate out.

``VideoReader`` accepts a file path or the bytes of a file. PyAV (FFmpeg) decodes browser
WebM (VP8/VP9, often without a duration header), MP4/H.264 and QuickTime. Frames are
sampled by their presentation timestamps, at most one per 1/``fps`` slot, so a variable
frame rate (phones, browsers under load) is sampled evenly in time; a source slower than
``fps`` gives every frame. Each kept frame is scaled down to fit 640x480 (either way round,
keeping the aspect) and turned upright by the rotation phones store in the file's display
matrix. A damaged file yields the frames before the damage, and the reader says
``truncated``.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import av
import numpy as np
import numpy.typing as npt

from rehearse.analysis.errors import (
    CorruptMedia,
    MediaError,
    MediaTooLong,
    NoVideoTrack,
)
from rehearse.analysis.media import MediaSource, open_media, too_long

DEFAULT_FPS = 15.0
MAX_LONG_SIDE = 640
MAX_SHORT_SIDE = 480
DEFAULT_MAX_SECONDS = 30 * 60.0

Image = npt.NDArray[np.uint8]
VideoSource = MediaSource


@dataclass(frozen=True)
class Frame:
    """An upright RGB picture (height, width, 3) and its time from the first frame."""

    time: float
    rgb: Image


@dataclass(frozen=True)
class VideoInfo:
    width: int  # of the frames handed out (upright, scaled)
    height: int
    source_width: int  # as coded in the file
    source_height: int
    rotation: int  # degrees clockwise applied to make the picture upright
    nominal_fps: float | None
    source_format: str


def _moving_pictures(container: Any) -> list[Any]:
    """The video streams that are footage, not an album cover attached to an audio file."""
    cover = av.stream.Disposition.attached_pic
    return [stream for stream in container.streams.video if not stream.disposition & cover]


def has_picture(source: VideoSource) -> bool:
    """Whether ``source`` holds footage to analyse: False for audio (or audio with a cover
    picture), and for anything that cannot be opened, which the audio decoder then explains."""
    try:
        container = open_media(source)
    except MediaError:
        return False
    try:
        return bool(_moving_pictures(container))
    finally:
        container.close()


def _clockwise(rotation: float) -> int:
    """FFmpeg's counter-clockwise display rotation as a clockwise quarter turn count x 90."""
    return round(-rotation / 90.0) % 4 * 90


def fit(width: int, height: int) -> tuple[int, int]:
    """``width`` x ``height`` scaled down (never up) to fit 640x480 either way round."""
    long_side, short_side = max(width, height), min(width, height)
    scale = min(1.0, MAX_LONG_SIDE / long_side, MAX_SHORT_SIDE / short_side)
    # Even sizes keep the chroma planes of YUV 4:2:0 aligned when scaling.
    return max(2, int(width * scale) // 2 * 2), max(2, int(height * scale) // 2 * 2)


class VideoReader:
    """Opens ``source`` at once (raising a MediaError if it cannot) and is iterated once."""

    def __init__(
        self,
        source: VideoSource,
        *,
        fps: float = DEFAULT_FPS,
        max_seconds: float = DEFAULT_MAX_SECONDS,
    ) -> None:
        if fps <= 0:
            raise ValueError("fps must be positive")
        self.fps = fps
        self.max_seconds = max_seconds
        self.truncated = False
        self.decoded = 0  # frames decoded, kept or not
        self.duration = 0.0  # end of the last decoded frame, seconds from the first
        self._container = open_media(source)
        pictures = _moving_pictures(self._container)
        if not pictures:
            self._container.close()
            raise NoVideoTrack("This recording has no picture; record again with the camera on.")
        self._stream = pictures[0]
        self._stream.thread_type = "AUTO"
        codec = self._stream.codec_context
        rate = self._stream.average_rate
        self.info = VideoInfo(
            width=0,
            height=0,
            source_width=int(codec.width),
            source_height=int(codec.height),
            rotation=0,
            nominal_fps=float(rate) if rate else None,
            source_format=f"{self._container.format.name}/{codec.name}",
        )

    def __enter__(self) -> VideoReader:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._container.close()

    def __iter__(self) -> Iterator[Frame]:
        first: float | None = None
        last_slot = -1
        kept = 0
        step = 1.0 / float(self.info.nominal_fps or 30.0)
        try:
            for frame in self._container.decode(self._stream):
                time = frame.time if frame.time is not None else self.decoded * step
                first = time if first is None else first
                time = max(0.0, time - first)
                self.decoded += 1
                self.duration = max(self.duration, time + step)
                if time > self.max_seconds:
                    raise MediaTooLong(too_long(self.max_seconds))
                # The nearest sampling instant: millisecond timestamps (WebM) jitter around
                # the grid, and must not make two frames share one instant.
                slot = math.floor(time * self.fps + 0.5 - 1e-6)
                if slot <= last_slot:
                    continue
                last_slot = slot
                kept += 1
                yield Frame(round(time, 4), self._picture(frame))
        except av.error.FFmpegError as exc:
            if not kept:
                raise CorruptMedia(
                    "The recording is damaged: no picture could be decoded from it."
                ) from exc
            self.truncated = True
        if not kept:
            raise CorruptMedia("The recording contains no decodable picture.")
        if self._ends_early(step):
            self.truncated = True

    @property
    def declared_seconds(self) -> float | None:
        """The duration the file's header states; browser recordings often state none."""
        if self._stream.duration and self._stream.time_base:
            return float(self._stream.duration * self._stream.time_base)
        if self._container.duration:
            return float(self._container.duration) / 1_000_000
        return None

    def _ends_early(self, step: float) -> bool:
        """Whether the file's own header promised more frames or time than it held."""
        promised = int(self._stream.frames or 0)  # an index may count a few undecodable frames
        if promised and self.decoded < promised - max(3, promised // 20):
            return True
        seconds = self.declared_seconds
        return seconds is not None and self.duration < seconds - max(0.5, 2 * step)

    def _picture(self, frame: Any) -> Image:
        turn = _clockwise(float(frame.rotation or 0))
        upright = (frame.height, frame.width) if turn in (90, 270) else (frame.width, frame.height)
        width, height = fit(*upright)
        coded = (height, width) if turn in (90, 270) else (width, height)
        rgb: Image = frame.reformat(
            width=coded[0], height=coded[1], format="rgb24", interpolation="AREA"
        ).to_ndarray()
        if turn:
            rgb = np.ascontiguousarray(np.rot90(rgb, k=-turn // 90))
        if not self.info.width:
            self.info = VideoInfo(
                width=width,
                height=height,
                source_width=self.info.source_width,
                source_height=self.info.source_height,
                rotation=turn,
                nominal_fps=self.info.nominal_fps,
                source_format=self.info.source_format,
            )
        return rgb
