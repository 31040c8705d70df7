"""Relevance of the whole answer to the question, in three calibrated bands."""

from __future__ import annotations

import numpy as np
import pytest

from rehearse.feedback.content.embed import embed
from rehearse.feedback.content.relevance import (
    OFF_TOPIC_BELOW,
    ON_TOPIC_FROM,
    STORY_OFF_TOPIC_BELOW,
    label_of,
    relevance_of,
)
from rehearse.feedback.content.sentences import split_sentences
from rehearse.interviewer.retrieval.encoder import TextEncoder
from tests.feedback.content.answers import UNRELATED, answer, bank_question


def _relevance(encoder: TextEncoder, question_id: str, text: str) -> float:
    question = bank_question(question_id)
    vectors = embed(question, text, split_sentences(text), encoder)
    return relevance_of(vectors.question, vectors.answer, story=question.is_story).similarity


def test_an_answer_about_hobbies_is_off_topic(encoder: TextEncoder) -> None:
    question = bank_question("databases-003")
    vectors = embed(question, UNRELATED[0], split_sentences(UNRELATED[0]), encoder)
    relevance = relevance_of(vectors.question, vectors.answer, story=False)
    assert relevance.similarity < OFF_TOPIC_BELOW
    assert relevance.label == "off topic"


def test_a_strong_technical_answer_is_on_topic(encoder: TextEncoder) -> None:
    labelled = answer("databases-003", "strong")
    assert _relevance(encoder, "databases-003", labelled.text) >= ON_TOPIC_FROM


def test_the_answer_to_another_question_is_less_relevant(encoder: TextEncoder) -> None:
    text = answer("python-002", "strong").text
    assert _relevance(encoder, "python-002", text) > _relevance(encoder, "databases-003", text)


def test_similarity_is_clipped_at_zero() -> None:
    question = np.array([1.0, 0.0], dtype=np.float32)
    opposite = np.array([-1.0, 0.0], dtype=np.float32)
    assert relevance_of(question, opposite, story=False).similarity == 0.0


def test_an_empty_answer_has_zero_relevance() -> None:
    question = np.array([1.0, 0.0], dtype=np.float32)
    relevance = relevance_of(question, np.zeros(2, dtype=np.float32), story=False)
    assert (relevance.similarity, relevance.label) == (0.0, "off topic")


@pytest.mark.parametrize(
    ("similarity", "story", "label"),
    [
        (ON_TOPIC_FROM, False, "on topic"),
        (ON_TOPIC_FROM - 0.01, False, "partly"),
        (OFF_TOPIC_BELOW, False, "partly"),
        (OFF_TOPIC_BELOW - 0.01, False, "off topic"),
        (OFF_TOPIC_BELOW - 0.01, True, "partly"),
        (STORY_OFF_TOPIC_BELOW - 0.01, True, "off topic"),
    ],
)
def test_bands(similarity: float, story: bool, label: str) -> None:
    assert label_of(similarity, story=story) == label
