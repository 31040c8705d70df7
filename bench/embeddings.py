"""A sentence encoder that remembers: every vector it computes is kept, in memory and, given a
folder, on disk (the tests' shared cache folder), so the thousands of sentences of the rated
interviews are embedded once per machine rather than in every run, and a benchmark that reads
the same sentences many times (``bench.judgement.parts.fit``) embeds each once.

Sound because a text's vector does not depend on what it is batched with
(tests/interviewer/retrieval/test_minilm.py), and the file is named by what the encoder
computes today (its vector of a probe sentence, computed afresh each run), so a change to the
encoder or its model starts a new memory instead of reading stale vectors; it is written
atomically, as the bank's embeddings are (interviewer/retrieval/retriever.py).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from rehearse.interviewer.retrieval.encoder import TextEncoder
from rehearse.interviewer.retrieval.index import Vectors


class RememberingEncoder:
    """``encoder``, computing only the texts it has not seen; ``save`` keeps what it saw in
    ``folder`` (with none, it remembers for the process's life only)."""

    def __init__(self, encoder: TextEncoder, folder: Path | None = None) -> None:
        self.encoder = encoder
        self.name, self.dimensions = encoder.name, encoder.dimensions
        self._known: dict[str, Vectors] = {}
        self._added = False
        self.path: Path | None = None
        if folder is None:
            return
        probe = encoder.encode([f"{encoder.name}: what this encoder computes today"])
        self.path = folder / f"remembered-{hashlib.sha256(probe.tobytes()).hexdigest()[:16]}.npz"
        try:
            with np.load(self.path) as stored:
                self._known = {key: stored[key] for key in stored.files}
        except (OSError, ValueError):
            pass

    def encode(self, texts: Sequence[str]) -> Vectors:
        keys = [_digest(text) for text in texts]
        pairs = zip(keys, texts, strict=True)
        unseen = {key: text for key, text in pairs if key not in self._known}
        if unseen:
            vectors = self.encoder.encode(list(unseen.values()))
            self._known.update(zip(unseen, vectors, strict=True))
            self._added = True
        if not keys:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        return np.stack([self._known[key] for key in keys])

    def save(self) -> None:
        """Write what was computed, atomically; a cache that cannot be written costs time only."""
        if not self._added or self.path is None:
            return
        partial = self.path.with_suffix(f".{os.getpid()}.partial.npz")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            np.savez(partial, **self._known)
            os.replace(partial, self.path)
        except OSError:
            partial.unlink(missing_ok=True)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
