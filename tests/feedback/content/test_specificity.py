"""Quantities, actions, technologies, examples and outcomes, and the index built on them."""

from __future__ import annotations

import pytest

from rehearse.feedback.content.sentences import split_sentences
from rehearse.feedback.content.specificity import (
    OTHER_WEIGHTS,
    STORY_WEIGHTS,
    TARGETS,
    Specificity,
    measure_specificity,
    specificity_index,
)
from tests.feedback.content.answers import answer


def _measure(text: str, *, story: bool = True) -> Specificity:
    return measure_specificity(text, split_sentences(text), story=story)


def test_quantities_of_every_form_are_found_as_written() -> None:
    text = (
        "It saved $40k and cut costs by 12%, from 2.4 seconds to 180 ms, "
        "within two weeks and an hour, for twenty-five people and 3,000 rows."
    )
    assert _measure(text).quantities == (
        "$40k",
        "12%",
        "2.4 seconds",
        "180 ms",
        "two weeks",
        "an hour",
        "twenty-five",
        "3,000",
    )


def test_one_as_a_pronoun_is_not_a_quantity() -> None:
    assert _measure("No one owned it. One of the tests was the one that failed.").quantities == ()


def test_actions_are_the_candidates_past_actions() -> None:
    specificity = _measure("I quickly rewrote the importer and I also set up alerts. I think so.")
    assert specificity.actions == ("I quickly rewrote", "I also set")


def test_team_actions_are_kept_apart() -> None:
    specificity = _measure("We shipped it and we also rewrote the docs.")
    assert specificity.actions == ()
    assert specificity.team_actions == ("We shipped", "we also rewrote")


def test_planned_steps_are_found_but_not_feelings() -> None:
    specificity = _measure("I would check the logs, then I'd ask the user. I'd be happy to help.")
    assert specificity.planned_actions == ("I would check", "I'd ask")


def test_planned_steps_count_for_a_plan_but_not_for_a_story() -> None:
    text = "I'd check the logs. I'd ask the user. I'd reproduce it."
    assert _measure(text, story=False).index > _measure(text, story=True).index == 0.0


def test_technologies_are_named_through_the_vocabulary() -> None:
    specificity = _measure("We moved from Postgres to DynamoDB and ran it on k8s.")
    assert set(specificity.technologies) == {"postgresql", "nosql", "kubernetes"}


def test_examples_are_found() -> None:
    specificity = _measure("For example, a set is like a dict without values.", story=False)
    assert specificity.examples == ("For example", "like a")


def test_outcomes_are_the_sentences_that_state_one() -> None:
    specificity = _measure("I added an index. As a result, the page loaded in 1 second.")
    assert specificity.outcome_sentences == (1,)


def test_a_strong_story_is_more_specific_than_a_weak_one() -> None:
    strong = _measure(answer("failure-001", "strong").text)
    weak = _measure(answer("failure-001", "weak").text)
    assert strong.index >= 0.7
    assert weak.index == 0.0


def test_a_strong_explanation_is_more_specific_than_a_weak_one() -> None:
    strong = _measure(answer("python-002", "strong").text, story=False)
    weak = _measure(answer("python-002", "weak").text, story=False)
    assert strong.index > weak.index


@pytest.mark.parametrize("weights", [STORY_WEIGHTS, OTHER_WEIGHTS])
def test_weights_sum_to_one(weights: dict[str, float]) -> None:
    assert sum(weights.values()) == pytest.approx(1.0)
    assert set(weights) == set(TARGETS)


def test_the_index_saturates_at_the_targets() -> None:
    at_target = specificity_index(TARGETS, story=True)
    beyond = specificity_index({part: 10 * count for part, count in TARGETS.items()}, story=True)
    assert at_target == beyond == 1.0


def test_each_part_adds_its_share_of_its_weight() -> None:
    counts = dict.fromkeys(TARGETS, 0) | {"quantities": 1}
    assert specificity_index(counts, story=True) == pytest.approx(0.30 / 3, abs=1e-4)
