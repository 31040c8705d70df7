"""Blobs in a folder on the local disk, written atomically and spread over sub-folders."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from rehearse.blobs.base import BlobStore, StoredObject
from rehearse.errors import NotFound, PayloadTooLarge, ServiceUnavailable, StorageFull


class LocalBlobStore(BlobStore):
    def __init__(self, root: Path) -> None:
        self.root = root
        self._incoming = root / ".incoming"
        self._incoming.mkdir(parents=True, exist_ok=True)

    def _path(self, key: str) -> Path:
        if not key.isalnum():
            raise NotFound("No such stored file.")
        return self.root / key[:2] / key[2:4] / key

    def save(self, chunks: Iterable[bytes], *, max_bytes: int) -> StoredObject:
        key = uuid.uuid4().hex
        digest = hashlib.sha256()
        size = 0
        handle = tempfile.NamedTemporaryFile(dir=self._incoming, delete=False)  # noqa: SIM115
        temporary = Path(handle.name)
        try:
            with handle:
                for chunk in chunks:
                    size += len(chunk)
                    if size > max_bytes:
                        raise PayloadTooLarge(
                            f"The file is larger than the limit of {max_bytes // (1024 * 1024)} MB."
                        )
                    digest.update(chunk)
                    handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
            target = self._path(key)
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary.replace(target)
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise StorageFull(
                    "The server's disk is full, so the file was not saved. Nothing else was "
                    "changed; try again once space has been freed."
                ) from exc
            raise
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        return StoredObject(key=key, size=size, sha256=digest.hexdigest())

    def open(self, key: str) -> BinaryIO:
        try:
            return self._path(key).open("rb")
        except FileNotFoundError as exc:
            raise NotFound("The stored file is missing.") from exc

    @contextlib.contextmanager
    def local_path(self, key: str) -> Iterator[Path]:
        path = self._path(key)
        if not path.exists():
            raise NotFound("The stored file is missing.")
        yield path

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def check(self) -> None:
        try:
            with tempfile.TemporaryFile(dir=self._incoming) as probe:
                probe.write(b"ok")
        except OSError as exc:
            raise ServiceUnavailable(f"The blob folder {self.root} is not writable: {exc}") from exc
