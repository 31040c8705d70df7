"""Two attempts' content: a change beyond the margin is better or worse, within it the same."""

from __future__ import annotations

from rehearse.feedback.judge.verdict import ContentJudgement
from rehearse.feedback.practice.content import SAME_WITHIN, content_change, counted_score


def _judged(score: float | None, *, on_topic: bool | None = True) -> ContentJudgement:
    return ContentJudgement("a judge", "explanation", score, on_topic, 0.1, (), "")


def test_a_rise_beyond_the_margin_is_better() -> None:
    assert content_change(_judged(40), _judged(40 + SAME_WITHIN + 1)) == "better"


def test_a_fall_beyond_the_margin_is_worse() -> None:
    assert content_change(_judged(90), _judged(90 - SAME_WITHIN - 1)) == "worse"


def test_a_change_within_the_margin_is_about_the_same() -> None:
    assert content_change(_judged(50), _judged(50 + SAME_WITHIN)) == "same"


def test_an_off_topic_attempt_counts_zero() -> None:
    assert counted_score(_judged(80, on_topic=False)) == 0.0
    assert content_change(_judged(80), _judged(80, on_topic=False)) == "worse"


def test_an_attempt_not_judged_is_not_compared() -> None:
    assert content_change(_judged(None, on_topic=None), _judged(70)) is None
