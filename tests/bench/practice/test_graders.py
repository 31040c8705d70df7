"""One human grader put in the judge's place on the practice comparison's pairs."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from bench.judgement.answers import GradedAnswer
from bench.practice.graders import grader_columns, grader_says, main, pairs_by, placed

GRADES = (0.0, 1.0, 2.0, 3.0, 3.0, 5.0)  # each question's answers, by the second grader


def _answers(first_grader: dict[float, float] | None = None) -> list[GradedAnswer]:
    """Six answers to each of six questions; the first grader gives ``first_grader[g]`` where
    the second gives ``g`` (the same grade when not given)."""
    said = first_grader or {}
    return [
        GradedAnswer(f"q{q}", f"Question {q}?", "The reference.", f"q{q}.{i}", f"Answer {i}.",
                     {"score_grader1": said.get(g, g), "score_grader2": g,
                      "score_mean": (said.get(g, g) + g) / 2})
        for q in range(6)
        for i, g in enumerate(GRADES)
    ]  # fmt: skip


def test_the_graders_are_the_score_columns_but_their_mean() -> None:
    assert grader_columns(_answers()) == ["score_grader1", "score_grader2"]


def test_a_grader_who_grades_as_the_other_follows_every_clear_pair_and_ties_the_close() -> None:
    answers = _answers()
    found, margins, _ = placed(
        pairs_by(answers, "score_grader2"), grader_says(answers, "score_grader1")
    )
    assert found.clear
    assert found.close
    assert (found.follow, found.against, found.same) == (found.clear, 0, found.close)
    assert margins == [0.0] * len(margins)


def test_a_grader_who_reverses_the_other_goes_against_every_clear_pair_at_no_margin() -> None:
    answers = _answers({g: 5.0 - g for g in GRADES})
    _, margins, plain = placed(
        pairs_by(answers, "score_grader2"), grader_says(answers, "score_grader1")
    )
    assert plain.clear
    assert (plain.follow, plain.against) == (0, plain.clear)
    assert min(margins) > 0  # the rule widens the margin to stop saying "worse" of the better


def test_a_file_with_one_grader_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "answers.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["question_id", "question", "reference_answer", "answer_id", "answer",
                         "score_grader1"])  # fmt: skip
        writer.writerow(["1", "What?", "This.", "1.1", "That.", "3"])
    assert main([str(path)]) == 2
    assert "needs two grader columns" in capsys.readouterr().err
