"""Pairs of graded answers to one question, built with a fixed draw, and read back."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from bench.judgement.answers import GradedAnswer
from bench.practice.pairs import CLEAR, CLOSE, built_pairs, read_pairs, write_pairs


def _answers() -> list[GradedAnswer]:
    grades = {"q1": (5.0, 4.5, 2.0, 1.0), "q2": (3.0, 3.5, 0.5)}
    return [
        GradedAnswer(q, f"Question {q}?", "The reference.", f"{q}.{i}", f"Answer {i} to {q}.",
                     {"score_mean": grade})
        for q, scores in grades.items()
        for i, grade in enumerate(scores)
    ]  # fmt: skip


def test_every_pair_is_two_answers_to_one_question_clear_close_or_between() -> None:
    pairs = built_pairs(_answers(), per_question=5)
    assert pairs
    for pair in pairs:
        first, second = pair.pair_id.split("|")
        assert first.rsplit(".", 1)[0] == second.rsplit(".", 1)[0] == pair.question_id
        assert pair.graded_change is not None
    gaps = [abs(p.graded_change or 0) for p in pairs]
    assert any(g >= CLEAR for g in gaps)
    assert any(g <= CLOSE for g in gaps)


def test_the_draw_is_the_same_every_time() -> None:
    assert built_pairs(_answers(), 5) == built_pairs(_answers(), 5)


def test_pairs_are_read_back_as_written(tmp_path: Path) -> None:
    pairs = built_pairs(_answers(), 5)
    write_pairs(pairs, tmp_path / "pairs.csv")
    assert read_pairs(tmp_path / "pairs.csv") == pairs


def test_a_file_without_the_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "pairs.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerow(["question_id", "question", "first_answer"])
    with pytest.raises(ValueError, match="lacks the columns reference_answer, pair_id"):
        read_pairs(path)
