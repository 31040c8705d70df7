"""Why a question is worth practising again, from its latest attempt's judgement."""

from __future__ import annotations

from rehearse.feedback.judge.verdict import ContentJudgement
from rehearse.feedback.practice.to_practise import to_practise
from tests.support.judged import DOUBTED_MISSING, SAID_MISSING

POINT = "An index lets the database find rows without scanning the whole table."


def _judged(
    score: float | None,
    *,
    parts: dict[str, str] | None = None,
    point: str = "covered",
    on_topic: bool | None = True,
) -> ContentJudgement:
    """A judgement as stored (``ContentJudgement.to_dict``), with its parts and one point."""
    star = [
        {"point": name, "status": status, "strength": 0.5, "quote": "", "evidence": {}}
        for name, status in (parts or {}).items()
    ]
    points = [{"point": POINT, "status": point, "strength": 0.5, "quote": "", "evidence": {}}]
    return ContentJudgement.from_dict({
        "judge": "a judge", "form": "story" if parts else "explanation", "score": score,
        "on_topic": on_topic, "off_topic_probability": 0.1, "points": points, "note": "",
        "star": star,
    })  # fmt: skip


def test_a_strong_attempt_is_not_to_practise() -> None:
    assert to_practise(_judged(85, parts={"task": "covered", "action": "covered"})) is None


def test_a_fair_attempt_that_misses_nothing_is_not_to_practise() -> None:
    assert to_practise(_judged(55)) is None


def test_an_off_topic_attempt_is_to_practise_for_that_alone() -> None:
    why = to_practise(_judged(70, point="missing", on_topic=False))
    assert why is not None
    assert [r.kind for r in why.reasons] == ["off topic"]
    assert why.missing == ()


def test_a_weak_attempt_says_its_score() -> None:
    why = to_practise(_judged(38))
    assert why is not None
    assert [(r.kind, r.says) for r in why.reasons] == [("weak", "Weak content: 38 of 100")]


def test_a_missing_key_point_is_named() -> None:
    why = to_practise(_judged(70, point="missing"))
    assert why is not None
    assert why.missing == (POINT,)
    assert [r.says for r in why.reasons] == [f"Missed: {POINT.rstrip('.')}"]


def test_a_missing_story_part_is_named() -> None:
    why = to_practise(_judged(70, parts={SAID_MISSING: "missing", DOUBTED_MISSING: "covered"}))
    assert why is not None
    assert why.missing == (SAID_MISSING,)
    assert [r.says for r in why.reasons] == [f"The story has no {SAID_MISSING}"]


def test_a_point_made_in_part_is_no_reason_on_its_own() -> None:
    assert to_practise(_judged(70, point="partly")) is None


def test_a_part_whose_missing_is_often_wrong_is_no_reason_on_its_own() -> None:
    assert to_practise(_judged(70, parts={DOUBTED_MISSING: "missing"})) is None  # said "partly"


def test_an_attempt_the_judge_could_not_score_is_not_listed() -> None:
    assert to_practise(_judged(None, on_topic=None)) is None
