"""Opening a recording for either analysis: one set of checks and messages for bad files.

Accepts a file path or the file's bytes; raises a ``MediaError`` that says what is wrong
(missing, empty, not media, an MP4 cut before its index was written, unreadable).
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import av

from rehearse.analysis.errors import CorruptMedia, EmptyMedia, NotMedia

MediaSource = str | os.PathLike[str] | bytes


def open_media(source: MediaSource) -> av.container.InputContainer:
    """The recording opened for reading by PyAV (FFmpeg)."""
    if isinstance(source, bytes):
        if not source:
            raise EmptyMedia("The recording is empty (0 bytes).")
        handle: str | io.BytesIO = io.BytesIO(source)
        head = source[:12]
    else:
        path = Path(source)
        if not path.exists():
            raise NotMedia(f"There is no file at {path}.")
        if path.stat().st_size == 0:
            raise EmptyMedia(f"The recording {path.name} is empty (0 bytes).")
        handle = str(path)
        with path.open("rb") as file:
            head = file.read(12)
    try:
        return av.open(handle, mode="r", metadata_errors="ignore")
    except (av.error.InvalidDataError, ValueError) as exc:
        if head[4:8] == b"ftyp":  # an MP4/QuickTime file cut before its index was written
            raise CorruptMedia(
                "The recording is damaged: it looks like an MP4 file, but its index is "
                "missing (the recording was probably cut off)."
            ) from exc
        raise NotMedia("This file is not an audio or video recording we can read.") from exc
    except av.error.FFmpegError as exc:
        raise CorruptMedia(f"The recording could not be opened: {exc}") from exc


def too_long(max_seconds: float) -> str:
    """The message for a recording over the length limit."""
    return (
        f"The recording is longer than the limit of {max_seconds / 60:.0f} minutes; "
        "split it into answers or raise the limit."
    )
