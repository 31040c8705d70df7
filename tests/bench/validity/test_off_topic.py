"""The off-topic gate (feedback/content/topic.py) on the rated interviews' real answers: a
real candidate's answer to a real interview question is almost never called off topic."""

from __future__ import annotations

import csv

import pytest
from bench.validity.score import asked
from bench.validity.turns import split_interview

from rehearse.feedback.content.evaluate import evaluate_answer
from rehearse.feedback.content.topic import is_off_topic
from rehearse.interviewer.retrieval.retriever import Retriever
from tests.conftest import SHARED_FIXTURES


def test_the_rated_interviews_answers_are_almost_never_called_off_topic(
    retriever: Retriever,
) -> None:
    ratings = SHARED_FIXTURES.parent / "data/mit-interview/ratings-dev.csv"
    if not ratings.is_file():
        pytest.skip(f"the MIT Interview ratings are not at {ratings}")
    encoder = retriever.encoder
    with ratings.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    answers = [
        (exchange.question, exchange.answer)
        for row in rows
        for exchange in split_interview(row["Transcript"])
        if len(exchange.answer.split()) > 5
    ]
    called = [
        answer
        for question, answer in answers
        if is_off_topic(evaluate_answer(asked(question), answer, encoder), answer, encoder)
    ]
    assert len(answers) > 300
    assert len(called) <= 3, called  # 2 when the bounds were chosen (docs/scoring.md)
