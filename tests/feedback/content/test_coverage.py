"""Key points matched to the answer's sentences, judged where similarity can tell."""

from __future__ import annotations

from rehearse.feedback.content.coverage import COVERED_FROM, KeyPoints, match_key_points
from rehearse.feedback.content.embed import embed
from rehearse.feedback.content.question import AskedQuestion
from rehearse.feedback.content.sentences import split_sentences
from rehearse.interviewer.retrieval.encoder import TextEncoder
from tests.feedback.content.answers import answer, bank_question


def _match(encoder: TextEncoder, question: AskedQuestion, text: str) -> KeyPoints:
    sentences = split_sentences(text)
    return match_key_points(question, sentences, embed(question, text, sentences, encoder))


def test_a_strong_answer_covers_more_points_than_a_weak_one(encoder: TextEncoder) -> None:
    strong = answer("python-002", "strong")
    weak = answer("python-002", "weak")
    assert _match(encoder, strong.question, strong.text).covered >= 4
    assert _match(encoder, weak.question, weak.text).covered == 0


def test_a_partial_answer_covers_the_points_it_makes_and_not_the_others(
    encoder: TextEncoder,
) -> None:
    partial = answer("databases-003", "partial")  # a B-tree that slows writes, nothing else
    points = _match(encoder, partial.question, partial.text)
    assert [match.found for match in points.points] == [True, False, True, False, False]
    assert points.coverage == 0.4


def test_each_point_names_the_sentence_that_covers_it(encoder: TextEncoder) -> None:
    strong = answer("databases-003", "strong")
    sentences = split_sentences(strong.text)
    points = _match(encoder, strong.question, strong.text)
    writes = points.points[2]  # "Every index slows writes ..."
    assert writes.sentence_index is not None
    assert writes.sentence == sentences[writes.sentence_index].text
    assert "writes get slower" in writes.sentence
    assert writes.similarity >= COVERED_FROM


def test_found_follows_the_threshold(encoder: TextEncoder) -> None:
    strong = answer("system-design-001", "strong")
    for match in _match(encoder, strong.question, strong.text).points:
        assert match.found == (match.similarity >= COVERED_FROM)


def test_story_points_are_matched_but_not_judged(encoder: TextEncoder) -> None:
    strong = answer("failure-001", "strong")
    points = _match(encoder, strong.question, strong.text)
    assert not points.judged
    assert points.coverage is None
    assert all(match.found is None for match in points.points)
    assert all(match.sentence_index is not None for match in points.points)
    assert "behavioural" in points.note


def test_project_questions_are_not_judged_either(encoder: TextEncoder) -> None:
    question = bank_question("databases-003", kind="project")
    assert not _match(encoder, question, answer("databases-003", "strong").text).judged


def test_an_empty_answer_covers_nothing(encoder: TextEncoder) -> None:
    points = _match(encoder, bank_question("databases-003"), "")
    assert points.coverage == 0.0
    assert all(m.found is False and m.sentence_index is None for m in points.points)


def test_a_question_without_key_points_has_no_coverage(encoder: TextEncoder) -> None:
    question = AskedQuestion("What is an index?", "technical", "databases")
    points = _match(encoder, question, "An index is a B-tree over a column.")
    assert (points.points, points.coverage, points.judged) == ((), None, False)
    assert points.note
