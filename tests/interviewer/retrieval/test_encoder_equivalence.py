"""Our numpy MiniLM and MPNet give sentence-transformers' vectors (and MiniLM the same search
results), checked against the vectors sentence-transformers gave for stored corpora
(encoder_reference.py)."""

from __future__ import annotations

import numpy as np
import pytest

from rehearse.interviewer.retrieval.encoder import MiniLMEncoder, MPNetEncoder
from rehearse.interviewer.retrieval.index import VectorIndex, Vectors
from tests.interviewer.retrieval.encoder_reference import MPNET, Reference, read


@pytest.fixture(scope="module")
def reference() -> Reference:
    return read()


@pytest.fixture(scope="module")
def ours(reference: Reference) -> Vectors:
    return MiniLMEncoder().encode(reference.texts)


def test_the_stored_corpus_is_large_and_varied(reference: Reference) -> None:
    assert len(reference.texts) >= 300
    assert reference.vectors.shape == (len(reference.texts), 384)
    assert reference.bank_size >= 100
    assert len(reference.queries) >= 100
    assert max(len(text.split()) for text in reference.texts) > 400  # past the token limit


def test_vectors_match_sentence_transformers(reference: Reference, ours: Vectors) -> None:
    cosines = np.sum(ours * reference.vectors, axis=1)
    assert float(cosines.mean()) >= 0.999
    assert float(cosines.min()) >= 0.99


def test_the_top_ten_bank_questions_are_the_same(reference: Reference, ours: Vectors) -> None:
    bank = reference.bank_size
    ids = [str(i) for i in range(bank)]
    our_index, their_index = VectorIndex(384), VectorIndex(384)
    our_index.add(ids, ours[:bank])
    their_index.add(ids, reference.vectors[:bank])
    same = [
        {hit.id for hit in our_index.search(ours[i], k=10)}
        == {hit.id for hit in their_index.search(reference.vectors[i], k=10)}
        for i in reference.queries
    ]
    assert sum(same) >= 0.95 * len(reference.queries)


def test_mpnet_vectors_match_sentence_transformers_past_its_token_limit_too() -> None:
    reference = read(MPNET)
    assert reference.vectors.shape == (len(reference.texts), 768)
    assert max(len(text.split()) for text in reference.texts) > 400  # past 384 tokens
    cosines = np.sum(MPNetEncoder().encode(reference.texts) * reference.vectors, axis=1)
    assert float(cosines.mean()) >= 0.999
    assert float(cosines.min()) >= 0.99
