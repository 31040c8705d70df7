"""The calibration of the thresholds, re-measured on the labelled answers of ``answers.py``.

The numbers asserted are those written in docs/content-evaluation.md, with a little room for
floating-point differences between machines; if the encoder or a threshold changes, these
tests say whether the documented behaviour still holds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from rehearse.feedback.content.coverage import COVERED_FROM, match_key_points
from rehearse.feedback.content.embed import Vector, embed
from rehearse.feedback.content.relevance import ON_TOPIC_FROM, label_of
from rehearse.feedback.content.sentences import split_sentences
from rehearse.interviewer.retrieval.encoder import TextEncoder
from tests.feedback.content.answers import ANSWERS, UNRELATED, bank_question


@dataclass(frozen=True)
class Measured:
    covered: list[float]  # similarity of each point labelled covered
    missed: list[float]  # similarity of each point labelled missed
    story_covered: list[float]
    story_missed: list[float]
    on_topic: list[tuple[float, bool]]  # (similarity, story question) of each answer
    off_topic: list[tuple[float, bool]]  # every answer against every other question


def _auc(positive: list[float], negative: list[float]) -> float:
    pairs = np.asarray(positive)[:, None] - np.asarray(negative)[None, :]
    return float((pairs > 0).mean() + 0.5 * (pairs == 0).mean())


@pytest.fixture(scope="module")
def measured(encoder: TextEncoder) -> Measured:
    result = Measured([], [], [], [], [], [])
    ids = sorted({labelled.question_id for labelled in ANSWERS})
    questions = {question_id: bank_question(question_id) for question_id in ids}
    question_vectors = dict(zip(ids, encoder.encode([questions[i].text for i in ids]), strict=True))
    answers: list[tuple[str | None, Vector]] = []
    for labelled in ANSWERS:
        question = questions[labelled.question_id]
        sentences = split_sentences(labelled.text)
        vectors = embed(question, labelled.text, sentences, encoder)
        answers.append((labelled.question_id, vectors.answer))
        for row, match in enumerate(match_key_points(question, sentences, vectors).points):
            if row in labelled.arguable:
                continue
            covered = row in labelled.covered
            if question.is_story:
                (result.story_covered if covered else result.story_missed).append(match.similarity)
            else:
                (result.covered if covered else result.missed).append(match.similarity)
    for text in UNRELATED:
        answers.append(
            (None, embed(questions[ids[0]], text, split_sentences(text), encoder).answer)
        )
    for own, vector in answers:
        for question_id in ids:
            pair = (float(question_vectors[question_id] @ vector), questions[question_id].is_story)
            (result.on_topic if question_id == own else result.off_topic).append(pair)
    return result


def test_the_labelled_set_is_the_documented_one(measured: Measured) -> None:
    assert (len(measured.covered), len(measured.missed)) == (54, 58)
    assert (len(measured.story_covered), len(measured.story_missed)) == (27, 26)
    assert (len(measured.on_topic), len(measured.off_topic)) == (36, 458)


def test_covered_points_are_found_and_missed_ones_are_not(measured: Measured) -> None:
    found = sum(similarity >= COVERED_FROM for similarity in measured.covered)
    wrongly_found = sum(similarity >= COVERED_FROM for similarity in measured.missed)
    assert found >= 42  # 43 of 54 measured
    assert wrongly_found <= 2  # 1 of 58 measured
    assert _auc(measured.covered, measured.missed) > 0.9


def test_similarity_cannot_tell_covered_from_missed_points_of_a_story(
    measured: Measured,
) -> None:
    # Why story questions are not judged; if this fails, a better encoder may judge them.
    assert _auc(measured.story_covered, measured.story_missed) < 0.7


def test_no_answer_on_the_question_is_labelled_off_topic(measured: Measured) -> None:
    labels = [label_of(similarity, story=story) for similarity, story in measured.on_topic]
    assert "off topic" not in labels
    assert labels.count("on topic") >= 24  # 26 of 36 measured


def test_answers_about_something_else_are_rarely_on_topic(measured: Measured) -> None:
    labels = [label_of(similarity, story=story) for similarity, story in measured.off_topic]
    assert sum(label == "on topic" for label in labels) <= 3  # 2 of 458 measured
    assert labels.count("off topic") >= 0.75 * len(labels)


def test_relevance_separates_answers_on_and_off_the_question(measured: Measured) -> None:
    on = [similarity for similarity, _ in measured.on_topic]
    off = [similarity for similarity, _ in measured.off_topic]
    assert _auc(on, off) > 0.95
    assert max(off) < ON_TOPIC_FROM + 0.1
