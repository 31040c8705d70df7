"""Sending a stored file back to its owner."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO
from urllib.parse import quote

from fastapi.responses import StreamingResponse

from rehearse.blobs.models import Blob
from rehearse.runtime import Runtime

_CHUNK = 1 << 16


def _stream(handle: BinaryIO) -> Iterator[bytes]:
    with handle:
        while chunk := handle.read(_CHUNK):
            yield chunk


def blob_response(runtime: Runtime, blob: Blob) -> StreamingResponse:
    """Stream ``blob`` as a download with its sniffed type; browsers must not re-sniff it."""
    handle = runtime.blobs.open(blob.key)  # NotFound is raised before any header is sent
    return StreamingResponse(
        _stream(handle),
        media_type=blob.content_type,
        headers={
            "Content-Length": str(blob.size),
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(blob.filename or 'file')}",
            "X-Content-Type-Options": "nosniff",
        },
    )
