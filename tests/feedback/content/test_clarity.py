"""Length, sentence lengths, readability, repetition and rambling."""

from __future__ import annotations

from rehearse.feedback.content.clarity import (
    LONG_SENTENCE_WORDS,
    RAMBLING_WORDS,
    Clarity,
    content_words,
    measure_clarity,
)
from rehearse.feedback.content.sentences import split_sentences
from tests.feedback.content.answers import FOCUSED_STORY, RAMBLING_STORY, answer


def _clarity(text: str, coverage: float | None = None) -> Clarity:
    return measure_clarity(text, split_sentences(text), coverage)


def test_sentence_lengths_are_measured_in_words() -> None:
    clarity = _clarity("I fixed it. Then I wrote a test for the bug.")
    assert (clarity.words, clarity.sentences) == (11, 2)
    assert (clarity.mean_sentence_words, clarity.max_sentence_words) == (5.5, 8)


def test_sentences_over_the_limit_are_long() -> None:
    long = " ".join(["word"] * (LONG_SENTENCE_WORDS + 1)) + "."
    clarity = _clarity(f"Short one. {long} Another short one.")
    assert clarity.long_sentences == (1,)
    assert clarity.long_sentence_share == round(1 / 3, 4)


def test_a_sentence_of_exactly_the_limit_is_not_long() -> None:
    clarity = _clarity(" ".join(["word"] * LONG_SENTENCE_WORDS) + ".")
    assert clarity.long_sentences == ()


def test_short_plain_sentences_read_more_easily_than_long_technical_ones() -> None:
    plain = _clarity(answer("leadership-001", "weak").text)
    dense = _clarity(answer("system-design-001", "strong").text)
    assert plain.reading_ease is not None
    assert dense.reading_ease is not None
    assert plain.reading_ease > dense.reading_ease
    assert plain.grade_level is not None
    assert dense.grade_level is not None
    assert plain.grade_level < dense.grade_level


def test_an_answer_going_round_in_circles_is_rambling() -> None:
    clarity = _clarity(RAMBLING_STORY)
    assert clarity.words >= RAMBLING_WORDS
    assert clarity.rambling


def test_a_focused_long_answer_is_not_rambling() -> None:
    clarity = _clarity(FOCUSED_STORY)
    assert clarity.words >= RAMBLING_WORDS
    assert not clarity.rambling
    assert clarity.repetition < _clarity(RAMBLING_STORY).repetition


def test_a_long_answer_covering_few_key_points_is_rambling() -> None:
    assert _clarity(FOCUSED_STORY, coverage=0.2).rambling


def test_a_short_repetitive_answer_is_not_rambling() -> None:
    clarity = _clarity("Communication. Communication is key. Communication, communication.")
    assert clarity.repetition > 0.5
    assert not clarity.rambling


def test_content_words_leave_out_function_words_fillers_and_numbers() -> None:
    assert content_words("Um, I really like the 3 Postgres indexes, you know") == [
        "postgres",
        "indexes",
        "know",
    ]


def test_an_empty_answer_has_no_readability() -> None:
    clarity = _clarity("   ")
    assert (clarity.words, clarity.sentences, clarity.mean_sentence_words) == (0, 0, 0.0)
    assert clarity.reading_ease is None
    assert clarity.grade_level is None
    assert (clarity.repetition, clarity.rambling) == (0.0, False)
