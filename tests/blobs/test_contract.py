"""What every blob store does, checked on the local folder and on a real S3-compatible bucket."""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from rehearse.blobs import s3
from rehearse.blobs.base import BlobStore
from rehearse.blobs.local import LocalBlobStore
from rehearse.errors import NotFound, PayloadTooLarge
from tests.support.s3 import ACCESS_KEY, REGION, SECRET_KEY, Bucket

MIB = 1024 * 1024
PART = 5 * MIB  # S3's smallest part, so a few MiB already make a multipart upload


@dataclass
class Store:
    blobs: BlobStore
    leftovers: Callable[[], list[str]]
    """Everything the store holds or half-holds: files, objects, unfinished uploads."""


def s3_store(bucket: Bucket, scratch: Path) -> s3.S3BlobStore:
    return s3.connect(
        bucket.name,
        bucket.prefix,
        endpoint_url=bucket.endpoint,
        region=REGION,
        access_key_id=ACCESS_KEY,
        secret_access_key=SECRET_KEY,
        part_size=PART,
        scratch_dir=scratch,
    )


@pytest.fixture(params=["local", "s3"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    if request.param == "local":
        root = tmp_path / "blobs"
        return Store(
            LocalBlobStore(root),
            lambda: sorted(str(p) for p in root.rglob("*") if p.is_file()),
        )
    bucket: Bucket = request.getfixturevalue("bucket")
    return Store(
        s3_store(bucket, tmp_path / "scratch"),
        lambda: bucket.keys() + bucket.unfinished_uploads(),
    )


def _pieces(total: int, piece: int = MIB, consumed: list[int] | None = None) -> Iterator[bytes]:
    """``total`` pseudo-random bytes (different in every piece) in pieces of ``piece``."""
    sent = 0
    while sent < total:
        size = min(piece, total - sent)
        if consumed is not None:
            consumed.append(size)
        yield os.urandom(size)
        sent += size


def test_saved_bytes_read_back_with_size_and_hash(store: Store) -> None:
    stored = store.blobs.save([b"hello ", b"world"], max_bytes=100)
    assert (stored.size, stored.sha256) == (11, hashlib.sha256(b"hello world").hexdigest())
    with store.blobs.open(stored.key) as handle:
        assert handle.read() == b"hello world"
    with store.blobs.local_path(stored.key) as path:
        assert path.read_bytes() == b"hello world"


def test_a_large_upload_streams_through_in_parts(store: Store) -> None:
    data = b"".join(_pieces(12 * MIB + 123))
    stored = store.blobs.save(
        (data[i : i + MIB] for i in range(0, len(data), MIB)), max_bytes=20 * MIB
    )
    assert (stored.size, stored.sha256) == (len(data), hashlib.sha256(data).hexdigest())
    with store.blobs.open(stored.key) as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == stored.sha256
    assert len(store.leftovers()) == 1


def test_a_read_starts_wherever_the_reader_seeks(store: Store) -> None:
    data = bytes(range(256)) * 4096  # 1 MiB
    stored = store.blobs.save([data], max_bytes=2 * MIB)
    with store.blobs.open(stored.key) as handle:
        handle.seek(700_000)
        assert handle.read(10) == data[700_000:700_010]
        handle.seek(5)
        assert handle.read(3) == data[5:8]
        handle.seek(-4, io.SEEK_END)
        assert handle.read() == data[-4:]


def test_an_oversized_stream_is_refused_and_leaves_nothing(store: Store) -> None:
    consumed: list[int] = []
    with pytest.raises(PayloadTooLarge, match="limit of 1 MB"):
        store.blobs.save(_pieces(2 * MIB, 64 * 1024, consumed), max_bytes=MIB)
    assert store.leftovers() == []
    # An upload refused after several parts were sent leaves no part behind either.
    consumed.clear()
    with pytest.raises(PayloadTooLarge):
        store.blobs.save(_pieces(40 * MIB, MIB, consumed), max_bytes=12 * MIB)
    assert len(consumed) == 13  # it stopped reading at the limit
    assert store.leftovers() == []


def test_a_failing_stream_leaves_nothing(store: Store) -> None:
    def broken() -> Iterator[bytes]:
        yield from _pieces(7 * MIB)
        raise ConnectionResetError("the client went away")

    with pytest.raises(ConnectionResetError):
        store.blobs.save(broken(), max_bytes=20 * MIB)
    assert store.leftovers() == []


def test_unknown_and_malformed_keys_are_not_found(store: Store) -> None:
    for key in ("0" * 32, "../../etc/passwd", "a/b"):
        with pytest.raises(NotFound):
            store.blobs.open(key)
        with pytest.raises(NotFound), store.blobs.local_path(key):
            pass


def test_delete_is_idempotent(store: Store) -> None:
    stored = store.blobs.save([b"data"], max_bytes=10)
    store.blobs.delete(stored.key)
    store.blobs.delete(stored.key)
    with pytest.raises(NotFound):
        store.blobs.open(stored.key)
    assert store.leftovers() == []


def test_check_passes_and_leaves_nothing(store: Store) -> None:
    store.blobs.check()
    assert store.leftovers() == []
