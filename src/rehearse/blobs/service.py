"""Storing and removing a user's files: bytes in the BlobStore, the record in ``blobs``.

The bytes are written before the transaction commits; if it rolls back they are deleted
again, and a deleted record's bytes go only once the deletion has committed.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import BinaryIO

from sqlalchemy.orm import Session

from rehearse.blobs.base import BlobStore
from rehearse.blobs.models import Blob
from rehearse.blobs.sniff import SNIFF_BYTES, FileKind, accepted_type
from rehearse.store.database import after_commit, after_rollback

_CHUNK = 1 << 20


def _chunks(first: bytes, stream: BinaryIO) -> Iterator[bytes]:
    yield first
    while chunk := stream.read(_CHUNK):
        yield chunk


def store_upload(
    session: Session,
    store: BlobStore,
    *,
    owner_id: uuid.UUID,
    stream: BinaryIO,
    filename: str,
    kind: FileKind,
    max_bytes: int,
) -> Blob:
    """Sniff, stream to the store within ``max_bytes`` and record an uploaded file.

    The record is written with the transaction's next flush, not here, so the caller can
    check the file first (parse a document, probe a recording) without holding a write: on
    SQLite a write holds the one write turn of the whole file until the commit."""
    head = stream.read(SNIFF_BYTES)
    content_type = accepted_type(head, kind)
    stored = store.save(_chunks(head, stream), max_bytes=max_bytes)
    after_rollback(session, lambda: store.delete(stored.key))
    blob = Blob(
        owner_id=owner_id,
        key=stored.key,
        content_type=content_type,
        size=stored.size,
        sha256=stored.sha256,
        filename=filename[:255],
    )
    session.add(blob)
    return blob


def delete_blob(session: Session, store: BlobStore, blob: Blob) -> None:
    """Forget ``blob``; its bytes are removed once the deletion commits."""
    key = blob.key
    session.delete(blob)
    after_commit(session, lambda: store.delete(key))
