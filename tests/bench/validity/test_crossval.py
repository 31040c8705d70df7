"""Choices by leave-one-student-out cross-validation (bench/validity/crossval.py)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from bench.validity.crossval import (
    Candidate,
    CrossValidated,
    cross_validate,
    cross_validate_after,
    cross_validate_jointly,
    joined,
    patched,
    scored_under,
    structure_candidates,
)
from bench.validity.score import evaluate_interview
from bench.validity.turns import Exchange

from rehearse.feedback import answer_scores, overall
from rehearse.feedback.measures import Rule
from rehearse.interviewer.retrieval.retriever import Retriever

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


def test_a_joint_choice_takes_the_candidate_that_serves_both_traits() -> None:
    other = [5.0, 6.0, 7.0, 8.0, 1.0, 2.0, 3.0, 4.0]  # disagrees with RATINGS
    values = {
        "first only": list(RATINGS),
        "both": [1.0, 3.0, 5.0, 7.0, 2.0, 4.0, 6.0, 8.0],
        "second only": list(other),
    }
    found = cross_validate_jointly(values, [RATINGS, other], STUDENTS)
    assert found.chosen == {"both": 4}


def test_every_structure_candidate_weighs_its_measurements_to_one() -> None:
    candidates = structure_candidates()
    assert len(candidates) == 48  # the declared grid
    for candidate in candidates:
        rules = candidate.rules
        parts = rules[(answer_scores, "STAR_PARTS")].weight
        story = rules[(answer_scores, "STORY_LENGTH")].weight
        hesitations = rules[(answer_scores, "HESITATIONS")].weight
        assert parts + story + hesitations == pytest.approx(1.0)


def test_the_product_s_rules_are_one_of_the_candidates() -> None:
    names = {candidate.name for candidate in structure_candidates()}
    assert "parts 0.1, hesitations 0.35, stories from 240, others from 80" in names


ANSWERS = (
    "Um I um study uh physics and um I like um robots.",
    "I study physics. Last year I led a team of five that built a rover, and it won.",
    "I study maths and I build things.",
    "Last spring I organised a hackathon for 200 students; as a result we raised 3,000 dollars.",
)


def test_a_nested_choice_scores_each_student_under_their_own_earlier_choice(
    retriever: Retriever,
) -> None:
    question = "Tell me about yourself."
    interviews = [
        evaluate_interview(f"p{n}", [Exchange(question, ANSWERS[n % 4])], retriever.encoder)
        for n in range(8)
    ]
    earlier_candidates = [
        Candidate("length only", {(answer_scores, "HESITATIONS"): _weighted(0.0)}),
        Candidate("hesitations", {(answer_scores, "HESITATIONS"): _weighted(0.9)}),
    ]
    earlier = CrossValidated(
        [None] * 8,
        Counter({"length only": 2, "hesitations": 2}),
        {"1": "length only", "2": "hesitations", "3": "length only", "4": "hesitations"},
    )
    weights = [{"structure": 1.0}, {"structure": 1.0, "content": 1.0}]
    candidates = [Candidate(f"w{i}", {(overall, "WEIGHTS"): w}) for i, w in enumerate(weights)]
    found = cross_validate_after(
        earlier,
        earlier_candidates,
        candidates,
        interviews=interviews,
        value_of=lambda s: s.overall,
        traits=[RATINGS],
        students=STUDENTS,
    )
    by_name = {c.name: c for c in earlier_candidates}
    for i, student in enumerate(STUDENTS):
        chosen = next(c for c in candidates if c.name == found.choice[student])
        rules = joined(by_name[earlier.choice[student]], chosen)
        assert found.scores[i] == scored_under(rules, [interviews[i]])[0].overall


def _weighted(weight: float) -> Rule:
    return replace(answer_scores.HESITATIONS, weight=weight)
