"""The remembering encoder (``bench/embeddings.py``) over the real MiniLM: each text embedded
once, its vectors the encoder's own, kept on disk only when given a folder."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from bench.embeddings import RememberingEncoder

from rehearse.interviewer.retrieval.encoder import MiniLMEncoder
from rehearse.interviewer.retrieval.index import Vectors

TEXTS = ["A stack returns the last element pushed first.", "A queue returns the first."]


class _Counting:
    """The real encoder, noting every text it is asked to embed."""

    def __init__(self) -> None:
        self.encoder = MiniLMEncoder()
        self.name, self.dimensions = self.encoder.name, self.encoder.dimensions
        self.asked: list[str] = []

    def encode(self, texts: Sequence[str]) -> Vectors:
        self.asked.extend(texts)
        return self.encoder.encode(texts)


def test_each_text_is_embedded_once_as_the_encoder_embeds_it() -> None:
    counting = _Counting()
    remembering = RememberingEncoder(counting)
    first = remembering.encode(TEXTS)
    again = remembering.encode([TEXTS[1], TEXTS[0], TEXTS[1]])
    assert counting.asked == TEXTS
    np.testing.assert_allclose(first, MiniLMEncoder().encode(TEXTS), atol=1e-6)
    np.testing.assert_array_equal(again, first[[1, 0, 1]])


def test_without_a_folder_it_remembers_for_the_process_only() -> None:
    remembering = RememberingEncoder(_Counting())
    remembering.encode(TEXTS)
    remembering.save()
    assert remembering.path is None


def test_a_folders_vectors_are_read_by_the_next_encoder(tmp_path: Path) -> None:
    kept = RememberingEncoder(_Counting(), tmp_path)
    vectors = kept.encode(TEXTS)
    kept.save()
    counting = _Counting()
    np.testing.assert_array_equal(RememberingEncoder(counting, tmp_path).encode(TEXTS), vectors)
    assert not set(TEXTS) & set(counting.asked)  # only the probe naming the file was embedded
