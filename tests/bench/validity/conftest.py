"""The development half of the MIT Interview ratings, every answer evaluated once per test
process (and its sentences embedded once per machine: bench/embeddings.py).

It is never copied into the repository (research-use licence): tests that need it skip where
it is absent.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from bench.embeddings import RememberingEncoder
from bench.validity.__main__ import DEFAULT_RATINGS, read_ratings
from bench.validity.score import EvaluatedInterview, evaluate_interview
from bench.validity.turns import split_interview

from rehearse.interviewer.retrieval.retriever import Retriever
from tests.support.cache import shared_cache_folder


@dataclass(frozen=True)
class RatedInterviews:
    rows: list[dict[str, str]]
    evaluated: list[EvaluatedInterview]
    encoder: RememberingEncoder


@pytest.fixture(scope="session")
def rated_interviews(retriever: Retriever) -> Iterator[RatedInterviews]:
    if not DEFAULT_RATINGS.is_file():
        pytest.skip(f"the MIT Interview ratings are not at {DEFAULT_RATINGS}")
    rows = read_ratings(DEFAULT_RATINGS)
    encoder = RememberingEncoder(retriever.encoder, shared_cache_folder())
    evaluated = [
        evaluate_interview(row["Participant"], split_interview(row["Transcript"]), encoder)
        for row in rows
    ]
    yield RatedInterviews(rows, evaluated, encoder)
    encoder.save()
