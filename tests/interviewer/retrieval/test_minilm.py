"""Our numpy MiniLM, without torch: unit vectors that do not depend on batching, and closeness
that follows meaning (test_encoder_equivalence.py compares it with sentence-transformers)."""

from __future__ import annotations

import math

import numpy as np

from rehearse.interviewer.retrieval.encoder import MiniLMEncoder
from rehearse.interviewer.retrieval.sentence_model import erf

TEXTS = [
    "How would you speed up a slow SQL query?",
    "Tell me about a time you disagreed with a teammate and how it ended.",
    "Kubernetes",
    "Walk me through what happens, step by step, when you type a URL into a browser and press "
    "enter, from DNS to the first painted pixel.",
]


def test_vectors_are_unit_length_float32() -> None:
    vectors = MiniLMEncoder().encode(TEXTS)
    assert vectors.dtype == np.float32
    assert vectors.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-6)


def test_a_text_gets_the_same_vector_alone_in_any_batch_and_order() -> None:
    encoder = MiniLMEncoder(batch_size=3)
    together = encoder.encode(TEXTS)
    assert np.array_equal(together, encoder.encode(TEXTS))
    assert np.allclose(encoder.encode(TEXTS[::-1])[::-1], together, atol=1e-6)
    for text, vector in zip(TEXTS, together, strict=True):
        assert np.allclose(MiniLMEncoder(batch_size=1).encode([text])[0], vector, atol=1e-6)


def test_a_paraphrase_is_nearer_than_an_unrelated_sentence() -> None:
    question, paraphrase, other = MiniLMEncoder().encode(
        [
            "How would you speed up a slow SQL query?",
            "A database query takes too long; what do you do to make it faster?",
            "Describe a time you disagreed with your manager.",
        ]
    )
    assert float(question @ paraphrase) > float(question @ other) + 0.3


def test_text_past_the_256_token_limit_is_ignored() -> None:
    long_text = " ".join(["the index makes the lookup faster"] * 60)  # about 360 tokens
    longer, long_ = MiniLMEncoder().encode([long_text + " and an unrelated tail", long_text])
    assert np.allclose(longer, long_, atol=1e-6)


def test_erf_is_within_float32_rounding_of_the_true_function() -> None:
    x = np.linspace(-7.0, 7.0, 20_001, dtype=np.float32)
    expected = np.array([math.erf(float(v)) for v in x])
    assert np.max(np.abs(erf(x) - expected)) < 1e-6
