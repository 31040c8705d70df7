"""The bundled MiniLM gives unit vectors whose closeness follows meaning."""

from __future__ import annotations

import numpy as np

from rehearse.interviewer.retrieval.retriever import Retriever


def test_vectors_are_unit_length_with_384_dimensions(retriever: Retriever) -> None:
    vectors = retriever.encoder.encode(["How do you index a table?", "Tell me about a conflict."])
    assert vectors.shape == (2, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


def test_a_paraphrase_is_nearer_than_another_subject(retriever: Retriever) -> None:
    question, paraphrase, other = retriever.encoder.encode(
        [
            "How would you speed up a slow SQL query?",
            "A database query takes too long; what do you do to make it faster?",
            "Describe a time you disagreed with your manager.",
        ]
    )
    assert float(question @ paraphrase) > float(question @ other) + 0.3


def test_no_texts_give_an_empty_matrix(retriever: Retriever) -> None:
    assert retriever.encoder.encode([]).shape == (0, 384)
