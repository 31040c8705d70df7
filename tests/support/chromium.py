"""Chromium as a candidate: fake devices that play a real recording and a real face video.

Shared by the browser tests and the live benchmark (bench.live). Chromium reads its fake
camera from a raw y4m file, which :func:`to_y4m` makes from any video with PyAV.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import av

# Without the background-networking flags, Chromium's calls home are refused by a closed
# network, many at a time.
_HEADLESS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--autoplay-policy=no-user-gesture-required",
]


def fake_media_args(microphone: Path, camera: Path) -> list[str]:
    """Launch arguments: headless, media allowed without a prompt, ``microphone`` (a WAV file)
    as the microphone and ``camera`` (a y4m file) as the camera."""
    return [
        *_HEADLESS,
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-audio-capture={microphone}",
        f"--use-file-for-fake-video-capture={camera}",
    ]


def to_y4m(source: Path, target: Path, width: int = 320, height: int = 180) -> Path:
    """``source``'s frames scaled to ``width`` x ``height``, as raw yuv420p in a y4m file."""
    with av.open(str(source)) as reader, av.open(str(target), "w", format="yuv4mpegpipe") as writer:
        video = reader.streams.video[0]
        stream: Any = writer.add_stream("rawvideo", rate=video.average_rate or 30)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for frame in reader.decode(video):
            scaled = frame.reformat(width=width, height=height, format="yuv420p")
            for packet in stream.encode(scaled):
                writer.mux(packet)
        for packet in stream.encode(None):
            writer.mux(packet)
    return target
