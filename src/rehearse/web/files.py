"""Sending a stored file back to its owner, whole or the byte range a media player asks for."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO
from urllib.parse import quote

from fastapi.responses import Response, StreamingResponse

from rehearse.blobs.models import Blob
from rehearse.runtime import Runtime

_CHUNK = 1 << 16
_RANGE = re.compile(r"bytes=(\d*)-(\d*)")


def _stream(handle: BinaryIO, length: int) -> Iterator[bytes]:
    with handle:
        while length > 0 and (chunk := handle.read(min(_CHUNK, length))):
            length -= len(chunk)
            yield chunk


def byte_range(header: str | None, size: int) -> tuple[int, int] | None:
    """The first and last byte of a single-range ``Range`` header (RFC 9110), or None to send
    the whole file (no header, or one we do not serve, such as several ranges). Raises
    ValueError for a range that lies outside the file."""
    match = _RANGE.fullmatch((header or "").strip())
    if match is None or match.group(1) == match.group(2) == "":
        return None
    first, last = match.groups()
    if first == "":  # the last N bytes
        start, end = max(0, size - int(last)), size - 1
    else:
        start, end = int(first), min(int(last), size - 1) if last else size - 1
    if start >= size or start > end:
        raise ValueError("unsatisfiable range")
    return start, end


def blob_response(runtime: Runtime, blob: Blob, range_header: str | None = None) -> Response:
    """Stream ``blob`` as a download with its sniffed type (browsers must not re-sniff it);
    a ``Range`` request gets that part (206), so players can seek in long recordings."""
    headers = {
        "Accept-Ranges": "bytes",
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(blob.filename or 'file')}",
        "X-Content-Type-Options": "nosniff",
    }
    try:
        span = byte_range(range_header, blob.size)
    except ValueError:
        return Response(status_code=416, headers={"Content-Range": f"bytes */{blob.size}"})
    handle = runtime.blobs.open(blob.key)  # NotFound is raised before any header is sent
    start, end = span or (0, blob.size - 1)
    handle.seek(start)
    headers["Content-Length"] = str(end - start + 1)
    if span is not None:
        headers["Content-Range"] = f"bytes {start}-{end}/{blob.size}"
    return StreamingResponse(
        _stream(handle, end - start + 1),
        status_code=206 if span else 200,
        media_type=blob.content_type,
        headers=headers,
    )
