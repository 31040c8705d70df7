"""Flesch reading ease and grade from the answer's sentences and syllables."""

from __future__ import annotations

import pytest

from rehearse.feedback.content.readability import readability
from rehearse.feedback.content.sentences import split_sentences


def test_a_short_plain_sentence_scores_the_flesch_formula() -> None:
    text = "The cat sat on the mat."  # 6 words, 1 sentence, 6 syllables
    found = readability(text, split_sentences(text))
    assert found is not None
    assert found.reading_ease == pytest.approx(206.835 - 1.015 * 6 - 84.6 * 1)
    assert found.grade_level == pytest.approx(0.39 * 6 + 11.8 * 1 - 15.59)


def test_longer_words_read_harder() -> None:
    plain = "We fixed the bug and the team was glad."
    dense = (
        "Organisational considerations necessitated comprehensive infrastructural modifications."
    )
    easy, hard = (readability(text, split_sentences(text)) for text in (plain, dense))
    assert easy is not None
    assert hard is not None
    assert easy.reading_ease > hard.reading_ease
    assert easy.grade_level < hard.grade_level


def test_an_answer_without_words_has_no_readability() -> None:
    assert readability("...", split_sentences("...")) is None
