"""Any recording in, 16 kHz mono float32 samples out.

``load_audio`` accepts a file path, the bytes of a file, or samples already at 16 kHz. PyAV
(FFmpeg) decodes every common container and codec, including browser WebM/Opus without a
duration header and the audio track of a video. A truncated file yields the audio before
the damage, marked ``truncated``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import av
import numpy as np
import numpy.typing as npt

from rehearse.analysis.errors import (
    CorruptMedia,
    MediaTooLong,
    MediaTooShort,
    NoAudioTrack,
)
from rehearse.analysis.media import open_media, too_long

SAMPLE_RATE = 16_000
MIN_SECONDS = 0.5
DEFAULT_MAX_SECONDS = 30 * 60.0

Samples = npt.NDArray[np.float32]
AudioSource = str | os.PathLike[str] | bytes | Samples


@dataclass(frozen=True)
class Audio:
    """Mono samples in [-1, 1] at ``SAMPLE_RATE``."""

    samples: Samples
    truncated: bool = False
    source_format: str = ""

    @property
    def duration(self) -> float:
        return len(self.samples) / SAMPLE_RATE

    def slice(self, start: float, end: float) -> Samples:
        return self.samples[max(0, int(start * SAMPLE_RATE)) : max(0, int(end * SAMPLE_RATE))]


def load_audio(source: AudioSource, *, max_seconds: float = DEFAULT_MAX_SECONDS) -> Audio:
    """Decode ``source``; raise a MediaError saying what is wrong with it."""
    if isinstance(source, np.ndarray):
        audio = Audio(
            np.ascontiguousarray(source, dtype=np.float32).reshape(-1), source_format="samples"
        )
    else:
        audio = _decode(source, max_seconds)
    if audio.duration > max_seconds:
        raise MediaTooLong(too_long(max_seconds))
    if audio.duration < MIN_SECONDS:
        raise MediaTooShort(
            f"The recording is {audio.duration:.2f} s long; at least {MIN_SECONDS} s is needed."
        )
    return audio


def _decode(source: str | os.PathLike[str] | bytes, max_seconds: float) -> Audio:
    container = open_media(source)
    with container:
        if not container.streams.audio:
            raise NoAudioTrack(
                "This recording has no sound track; record again with the microphone on."
            )
        stream = container.streams.audio[0]
        # Duration headers are not trusted (a WAV written to a pipe claims hours); the limit
        # is enforced on what is decoded, which stops as soon as it is passed.
        resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
        chunks: list[Samples] = []
        decoded = 0
        truncated = False
        limit = int((max_seconds + 1) * SAMPLE_RATE)
        try:
            for frame in container.decode(stream):
                for converted in resampler.resample(frame):
                    chunk = converted.to_ndarray().reshape(-1).astype(np.float32, copy=False)
                    chunks.append(chunk)
                    decoded += len(chunk)
                if decoded > limit:
                    raise MediaTooLong(too_long(max_seconds))
            for converted in resampler.resample(None):
                chunks.append(converted.to_ndarray().reshape(-1).astype(np.float32, copy=False))
        except av.error.FFmpegError as exc:
            if not chunks:
                raise CorruptMedia(
                    "The recording is damaged: no sound could be decoded from it."
                ) from exc
            truncated = True
        fmt = f"{container.format.name}/{stream.codec_context.name}"
    if not chunks:
        raise CorruptMedia("The recording contains no decodable sound.")
    samples = np.concatenate(chunks).astype(np.float32, copy=False)
    return Audio(np.clip(samples, -1.0, 1.0), truncated=truncated, source_format=fmt)
