"""The key point's own terms found in the answer, stemmed, stop words left out."""

from __future__ import annotations

from rehearse.feedback.judge.terms import stems, term_recall


def test_inflections_meet_through_their_stems() -> None:
    assert term_recall("simulates the product", "a simulation of products") == 1.0


def test_stop_words_are_not_terms() -> None:
    assert stems("it is the one that was there") == []


def test_recall_is_the_share_of_the_points_terms_used() -> None:
    assert term_recall("stack pushes pops", "you push onto a stack") == 2 / 3


def test_a_point_without_terms_has_no_recall() -> None:
    assert term_recall("it is", "anything") is None


def test_the_questions_own_words_do_not_count_as_knowing_the_point() -> None:
    question = "What is the role of a prototype program?"
    point = "A prototype program simulates part of the product"
    assert term_recall(point, "the prototype program", given=question) == 0.0
    assert term_recall(point, "it simulates part of the product", given=question) == 1.0
