"""Word error rate counts substitutions, deletions and insertions over normalised words."""

from __future__ import annotations

from rehearse.analysis.speech.evaluation import edit_distance, word_error_rate


def test_identical_text_has_no_errors() -> None:
    assert (
        word_error_rate("Ask not what your country can do.", "ask not what your country can do")
        == 0
    )


def test_each_kind_of_error_counts_once() -> None:
    assert edit_distance(["a", "b", "c"], ["a", "x", "c"]) == 1
    assert edit_distance(["a", "b", "c"], ["a", "c"]) == 1
    assert edit_distance(["a", "b", "c"], ["a", "b", "b", "c"]) == 1


def test_the_rate_is_relative_to_the_reference_length() -> None:
    assert word_error_rate("one two three four", "one two") == 0.5
