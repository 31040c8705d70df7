"""Exact cosine search over stored vectors."""

from __future__ import annotations

import numpy as np
import pytest

from rehearse.interviewer.retrieval.index import VectorIndex


def _index() -> VectorIndex:
    index = VectorIndex(3)
    index.add(["x", "y", "xy", "z"], [[1, 0, 0], [0, 2, 0], [1, 1, 0], [0, 0, 5]])
    return index


def test_the_nearest_vectors_come_first() -> None:
    hits = _index().search([1, 0.1, 0], k=3)
    assert [hit.id for hit in hits] == ["x", "xy", "y"]
    assert hits[0].score == pytest.approx(0.995, abs=0.001)


def test_lengths_do_not_matter_only_directions() -> None:
    assert _index().search([0, 0, 0.001], k=1)[0].id == "z"


def test_a_search_can_be_limited_to_some_ids() -> None:
    assert [hit.id for hit in _index().search([1, 0, 0], k=5, among=["y", "z"])] == ["y", "z"]


def test_asking_for_more_than_there_is_returns_everything() -> None:
    assert len(_index().search([1, 1, 1], k=50)) == 4


def test_an_empty_index_finds_nothing() -> None:
    assert VectorIndex(3).search([1, 0, 0]) == []


def test_a_zero_vector_is_refused() -> None:
    with pytest.raises(ValueError, match="zero vector"):
        VectorIndex(2).add(["nothing"], [[0, 0]])


def test_vectors_of_the_wrong_size_are_refused() -> None:
    with pytest.raises(ValueError, match="expected 1 vectors of 3 dimensions"):
        VectorIndex(3).add(["a"], np.ones(4))
