"""Where stored files live. ``BlobStore`` is the interface; ``LocalBlobStore`` is the default.

A store only knows keys and bytes. Who owns a file and what it is lives in the ``blobs``
table (rehearse.blobs.models), written by rehearse.blobs.service.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO


@dataclass(frozen=True)
class StoredObject:
    key: str
    size: int
    sha256: str


class BlobStore(ABC):
    """Stores byte streams under generated keys."""

    @abstractmethod
    def save(self, chunks: Iterable[bytes], *, max_bytes: int) -> StoredObject:
        """Write ``chunks`` under a new key, refusing (PayloadTooLarge) past ``max_bytes``."""

    @abstractmethod
    def open(self, key: str) -> BinaryIO:
        """The stored bytes for reading; NotFound when the key is unknown."""

    @abstractmethod
    def local_path(self, key: str) -> AbstractContextManager[Path]:
        """A path on this machine holding the bytes for as long as the context is open."""

    @abstractmethod
    def delete(self, key: str) -> None:
        """Remove the bytes; deleting an unknown key is not an error."""

    @abstractmethod
    def check(self) -> None:
        """Raise ServiceUnavailable unless the store can be written to now."""
