"""Recordings written by PyAV in the containers and codecs people upload and browsers record."""

from __future__ import annotations

import io
from typing import Any

import av
import numpy as np

from rehearse.analysis.audio import Samples, load_audio


class _Unseekable(io.RawIOBase):
    """A write-only stream, like MediaRecorder's: the muxer cannot go back to write a duration."""

    def __init__(self) -> None:
        self.buffer = bytearray()

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def write(self, data: Any) -> int:
        self.buffer.extend(data)
        return len(data)


FORMATS = {
    "wav": ("wav", "pcm_s16le", "s16"),
    "flac": ("flac", "flac", "s16"),
    "mp3": ("mp3", "libmp3lame", "fltp"),
    "ogg": ("ogg", "libopus", "flt"),
    "webm": ("webm", "libopus", "flt"),
    "m4a": ("ipod", "aac", "fltp"),
}


def encode(
    samples: Samples, kind: str, *, rate: int = 48_000, streamed: bool = False, video: bool = False
) -> bytes:
    """``samples`` (16 kHz) encoded as ``kind``; ``streamed`` writes it as a browser would."""
    container_format, codec, sample_format = FORMATS[kind]
    resampled = np.interp(
        np.arange(int(len(samples) * rate / 16_000)) * 16_000 / rate,
        np.arange(len(samples)),
        samples,
    ).astype(np.float32)
    target: Any = _Unseekable() if streamed else io.BytesIO()
    with av.open(target, "w", format=container_format) as container:
        stream: Any = container.add_stream(codec, rate=rate)
        stream.layout = "mono"
        picture: Any = None
        if video:
            picture = container.add_stream("libvpx" if kind == "webm" else "h264", rate=10)
            picture.width, picture.height, picture.pix_fmt = 64, 48, "yuv420p"
        data = resampled if sample_format.startswith("f") else (resampled * 32767).astype(np.int16)
        frame = av.AudioFrame.from_ndarray(data.reshape(1, -1), format=sample_format, layout="mono")
        frame.sample_rate = rate
        for packet in stream.encode(frame):
            container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
        if picture is not None:
            for _ in range(int(len(samples) / 16_000 * 10)):
                image = av.VideoFrame.from_ndarray(np.zeros((48, 64, 3), np.uint8), format="rgb24")
                for packet in picture.encode(image):
                    container.mux(packet)
            for packet in picture.encode(None):
                container.mux(packet)
    return bytes(target.buffer) if streamed else target.getvalue()


def video_without_sound(seconds: float = 1.0) -> bytes:
    target = io.BytesIO()
    with av.open(target, "w", format="mp4") as container:
        picture: Any = container.add_stream("h264", rate=10)
        picture.width, picture.height, picture.pix_fmt = 64, 48, "yuv420p"
        for _ in range(int(seconds * 10)):
            image = av.VideoFrame.from_ndarray(np.zeros((48, 64, 3), np.uint8), format="rgb24")
            for packet in picture.encode(image):
                container.mux(packet)
        for packet in picture.encode(None):
            container.mux(packet)
    return target.getvalue()


READ_ALOUD = (
    "jfk.wav",
    "sense_and_sensibility_01_austen_64kb-0870.wav",
    "sense_and_sensibility_01_austen_64kb-0880.wav",
    "sense_and_sensibility_01_austen_64kb-0890.wav",
    "sense_and_sensibility_01_austen_64kb-0920.wav",
)


def read_aloud() -> Samples:
    """About 40 s of real speech, more than one recognition window: five of the fixture
    recordings, 0.5 s apart (a skip that says why when the shared fixtures are absent)."""
    from tests.conftest import shared_fixture  # noqa: PLC0415 (the suite's own conftest)

    clips = [load_audio(shared_fixture(f"audio/{name}")).samples for name in READ_ALOUD]
    gap = np.zeros(8_000, dtype=np.float32)
    return np.concatenate([part for clip in clips for part in (clip, gap)])
