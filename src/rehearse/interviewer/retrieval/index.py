"""Exact nearest-neighbour search by cosine similarity, in numpy.

Vectors are normalised once when added, so a search is one matrix-vector product and a partial
sort: for 100 000 vectors of 384 dimensions that is about 150 MB of float32 and a few
milliseconds a query on 2 cores (bench/retrieval). Past a few million vectors an approximate
index (FAISS) would be the next step; nothing Rehearse stores comes near that.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Hit:
    id: str
    score: float


class VectorIndex:
    def __init__(self, dimensions: int) -> None:
        self.dimensions = dimensions
        self._ids: list[str] = []
        self._vectors: Vectors = np.zeros((0, dimensions), dtype=np.float32)

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, ids: Sequence[str], vectors: npt.ArrayLike) -> None:
        matrix = np.asarray(vectors, dtype=np.float32)
        if matrix.size != len(ids) * self.dimensions:
            raise ValueError(f"expected {len(ids)} vectors of {self.dimensions} dimensions")
        matrix = matrix.reshape(len(ids), self.dimensions)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        if np.any(norms == 0):
            raise ValueError("a zero vector cannot be searched by cosine similarity")
        self._vectors = np.vstack([self._vectors, matrix / norms])
        self._ids.extend(ids)

    def search(
        self, query: npt.ArrayLike, k: int = 10, *, among: Iterable[str] | None = None
    ) -> list[Hit]:
        """The ``k`` most similar vectors to ``query``, best first; ``among`` limits the ids."""
        vector = np.asarray(query, dtype=np.float32).reshape(self.dimensions)
        vector = vector / (np.linalg.norm(vector) or 1.0)
        scores = self._vectors @ vector
        if among is not None:
            allowed = set(among)
            mask = np.fromiter((i in allowed for i in self._ids), dtype=bool, count=len(self._ids))
            scores = np.where(mask, scores, -np.inf)
        k = min(k, len(self._ids))
        if k == 0:
            return []
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [Hit(self._ids[i], float(scores[i])) for i in top if np.isfinite(scores[i])]
