"""The local blob store writes atomically, caps sizes, and reports a full disk plainly."""

from __future__ import annotations

import errno
import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from rehearse.blobs.local import LocalBlobStore
from rehearse.errors import NotFound, PayloadTooLarge, StorageFull


def test_saved_bytes_read_back_with_size_and_hash(tmp_path: Path) -> None:
    store = LocalBlobStore(tmp_path)
    stored = store.save([b"hello ", b"world"], max_bytes=100)
    assert stored.size == 11
    assert stored.sha256 == hashlib.sha256(b"hello world").hexdigest()
    with store.open(stored.key) as handle:
        assert handle.read() == b"hello world"
    with store.local_path(stored.key) as path:
        assert path.read_bytes() == b"hello world"


def test_oversized_stream_is_refused_and_leaves_nothing(tmp_path: Path) -> None:
    store = LocalBlobStore(tmp_path)
    consumed: list[int] = []

    def chunks() -> Iterator[bytes]:
        for index in range(100):
            consumed.append(index)
            yield b"x" * 1024

    with pytest.raises(PayloadTooLarge):
        store.save(chunks(), max_bytes=10 * 1024)
    assert len(consumed) == 11  # it stopped reading at the limit
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_a_full_disk_becomes_storage_full(tmp_path: Path) -> None:
    store = LocalBlobStore(tmp_path)

    def chunks() -> Iterator[bytes]:
        yield b"abc"
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(StorageFull, match="disk is full"):
        store.save(chunks(), max_bytes=100)
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_unknown_and_malformed_keys_are_not_found(tmp_path: Path) -> None:
    store = LocalBlobStore(tmp_path)
    with pytest.raises(NotFound):
        store.open("0" * 32)
    with pytest.raises(NotFound):
        store.open("../../etc/passwd")


def test_delete_is_idempotent(tmp_path: Path) -> None:
    store = LocalBlobStore(tmp_path)
    stored = store.save([b"data"], max_bytes=10)
    store.delete(stored.key)
    store.delete(stored.key)
    with pytest.raises(NotFound):
        store.open(stored.key)


def test_check_fails_when_the_folder_is_not_writable(tmp_path: Path) -> None:
    store = LocalBlobStore(tmp_path)
    (tmp_path / ".incoming").rmdir()
    (tmp_path / ".incoming").write_text("not a folder")
    with pytest.raises(Exception, match="not writable"):
        store.check()
