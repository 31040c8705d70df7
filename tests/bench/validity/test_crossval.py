"""Choices by leave-one-student-out cross-validation (bench/validity/crossval.py)."""

from __future__ import annotations

from bench.validity.crossval import Candidate, cross_validate, patched

from rehearse.feedback import overall

RATINGS = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]
STUDENTS = ["1", "1", "2", "2", "3", "3", "4", "4"]


def test_the_candidate_that_ranks_the_others_best_is_chosen_for_every_student() -> None:
    values = {
        "agrees": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0],
        "reversed": [8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0],
    }
    found = cross_validate(values, RATINGS, STUDENTS)
    assert found.chosen == {"agrees": 4}
    assert found.scores == values["agrees"]


def test_held_out_scores_come_from_the_choice_made_without_them() -> None:
    # "b" ranks well only because of student 4; without student 4 "a" looks better.
    values = {
        "a": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 0.0, 0.0],
        "b": [2.0, 1.0, 4.0, 3.0, 6.0, 5.0, 7.0, 8.0],
    }
    found = cross_validate(values, RATINGS, STUDENTS)
    assert found.scores[6:] == values["a"][6:]


def test_a_preferred_candidate_wins_when_it_ranks_about_as_well() -> None:
    values = {"plain": list(RATINGS), "preferred": list(RATINGS)}
    found = cross_validate(values, RATINGS, STUDENTS, {"preferred": 1.0})
    assert found.chosen == {"preferred": 4}


def test_patched_rules_are_restored_afterwards() -> None:
    before = overall.WEIGHTS
    with patched(Candidate("none", {(overall, "WEIGHTS"): {"content": 1.0}})):
        assert overall.WEIGHTS == {"content": 1.0}
    assert overall.WEIGHTS is before
