"""The fake camera: a real face video converted to the y4m Chromium reads, with PyAV."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import av


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
