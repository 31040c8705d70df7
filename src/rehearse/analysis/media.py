"""Opening a recording for either analysis: one set of checks and messages for bad files.

Accepts a file path, the file's bytes or an open binary file; raises a ``MediaError`` that
says what is wrong (missing, empty, not media, an MP4 cut before its index was written,
unreadable). ``probe_recording`` is the cheap check made when a recording is uploaded.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import BinaryIO

import av

from rehearse.analysis.errors import CorruptMedia, EmptyMedia, NoAudioTrack, NotMedia

MediaSource = str | os.PathLike[str] | bytes | BinaryIO


def open_media(source: MediaSource) -> av.container.InputContainer:
    """The recording opened for reading by PyAV (FFmpeg). A file object is read from its
    start."""
    handle: str | BinaryIO
    if isinstance(source, bytes):
        if not source:
            raise EmptyMedia("The recording is empty (0 bytes).")
        handle = io.BytesIO(source)
        head = source[:12]
    elif not isinstance(source, str | os.PathLike):
        source.seek(0)
        head = source.read(12)
        if not head:
            raise EmptyMedia("The recording is empty (0 bytes).")
        source.seek(0)
        handle = source
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


def probe_recording(source: MediaSource) -> bool:
    """Refuse, with the message its analysis would give, a recording whose sound cannot be
    decoded: it must open, have a sound track, and its first sound frame must decode. Only
    the start is read, so this is cheap even for a long recording. Returns whether it has a
    picture too."""
    with open_media(source) as container:
        has_video = bool(container.streams.video)
        if not container.streams.audio:
            raise NoAudioTrack(
                "This recording has no sound track; record again with the microphone on."
            )
        try:
            for _frame in container.decode(container.streams.audio[0]):
                return has_video
        except av.error.FFmpegError as exc:
            raise CorruptMedia(
                "The recording is damaged: no sound could be decoded from it."
            ) from exc
    raise CorruptMedia("The recording contains no decodable sound.")


def too_long(max_seconds: float) -> str:
    """The message for a recording over the length limit."""
    return (
        f"The recording is longer than the limit of {max_seconds / 60:.0f} minutes; "
        "split it into answers or raise the limit."
    )
