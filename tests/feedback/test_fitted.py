"""The scores fitted to human raters (feedback/fitted.py, feedback/fluency.py): monotonic in
every measure, and honest about how far they agree with people."""

from __future__ import annotations

import pytest

from rehearse.feedback import answer_measures as names
from rehearse.feedback.fitted import (
    ABOUT,
    GRADED_AT,
    agreement_of,
    agreement_sentence,
    fitted_rules,
    is_graded,
    overall_agreement,
    with_agreement,
)
from rehearse.feedback.fluency import fluency_score
from rehearse.feedback.measures import COACHING_CHECK, Score

FIFTY_WORDS = ("we shipped the new search page for our store " * 5).split()


def _speech(filled_pauses: int = 0, likes: int = 0, repetitions: int = 0) -> dict[str, object]:
    words = [{"text": w} for w in FIFTY_WORDS] + [{"text": "um"}] * filled_pauses
    words += [{"text": "like"}] * likes
    return {
        "status": "ok",
        "words": words,
        "fillers": {"items": [{"text": "um", "source": "transcript"}] * filled_pauses},
        "repetitions": [{"text": "we we"}] * repetitions,
    }


def _fluency(**counts: int) -> float:
    value = fluency_score(_speech(**counts)).value
    assert value is not None
    return value


@pytest.mark.parametrize("count", [0, 1, 2, 4, 8, 16])
def test_more_filled_pauses_never_raise_fluency(count: int) -> None:
    assert _fluency(filled_pauses=count + 1) <= _fluency(filled_pauses=count)


@pytest.mark.parametrize("count", [0, 1, 3, 6])
def test_more_likes_never_raise_fluency(count: int) -> None:
    assert _fluency(likes=count + 1) <= _fluency(likes=count)


def test_a_fluent_answer_scores_far_above_a_halting_one() -> None:
    assert _fluency() > _fluency(filled_pauses=8, likes=3) + 30


def test_a_like_that_is_the_verb_is_not_a_filler() -> None:
    verb: dict[str, object] = {
        "status": "ok",
        "words": [{"text": w} for w in "I like the new page".split()],
        "fillers": {"items": []},
        "repetitions": [],
    }
    assert names.disfluencies(verb)[names.LIKES] == 0.0


def test_fluency_is_not_measured_without_a_recording_s_words() -> None:
    assert fluency_score({"status": "no_speech", "words": []}).value is None


@pytest.mark.parametrize("score", ["structure", "fluency", "content"])
def test_every_fitted_weight_moves_its_score_the_way_its_measure_says(score: str) -> None:
    rules = fitted_rules(score)
    assert rules, f"{score} is not in fitted.json"
    assert all(rule.weight >= 0 for rule in rules)
    assert sum(rule.weight for rule in rules) == pytest.approx(1.0, abs=0.01)
    for rule in rules:
        better, worse = (1e6, 0.0) if ABOUT[rule.name].higher_is_better else (0.0, 1e6)
        if rule.name == names.SENTENCE_LENGTH:  # a run-on past its ceiling loses again
            better = rule.band.ideal_low
        assert rule.band.score(better) >= rule.band.score(worse)


def test_each_fitted_score_says_how_far_it_agrees_with_the_raters() -> None:
    for score in ("structure", "fluency", "content", "overall"):
        found = agreement_of(score)
        assert found
        assert all(-1 <= item.low <= item.rho <= item.high <= 1 for item in found)
        assert all(0 < item.interviews < 64 for item in found)  # the locked students' only


def test_the_overall_says_how_far_it_agrees_with_each_trait_it_is_fitted_to() -> None:
    sentence = overall_agreement()
    for item in agreement_of("overall"):
        assert f"{item.trait} rho {item.rho:.2f} [{item.low:.2f}, {item.high:.2f}]" in sentence


def test_a_score_never_checked_against_people_is_a_coaching_check() -> None:
    for score in ("delivery", "vocal confidence", "presence"):
        assert not is_graded(score)
        assert "coaching check" in agreement_sentence(score)
        checked = with_agreement(Score(score, 88.0, "strong", (), ""))
        assert checked.label == COACHING_CHECK
        assert checked.value == 88.0
        assert not checked.graded


def test_a_graded_score_keeps_its_label_and_names_its_agreement() -> None:
    graded = [s for s in ("structure", "fluency") if is_graded(s)]
    assert graded == ["structure", "fluency"]  # both agree at 0.6 and more
    checked = with_agreement(Score("fluency", 70.0, "good", (), ""))
    assert checked.label == "good"
    assert "Agrees with human interviewers at NoFillers rho" in checked.agreement
    assert (
        "MIT Interview ratings, the locked third of the students, each scored by a fit made "
        "without them" in checked.agreement
    )


def test_a_score_below_the_bar_is_not_a_grade() -> None:
    assert all(
        is_graded(score) == (min(a.rho for a in agreement_of(score)) >= GRADED_AT)
        for score in ("structure", "fluency", "content")
    )
