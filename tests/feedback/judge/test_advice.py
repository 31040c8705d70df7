"""What to work on in one judged answer: the question not addressed, else the story's parts
and key points it missed, each named with the words that came closest."""

from __future__ import annotations

import pytest

from rehearse.feedback.judge.advice import KEY_POINTS_MISSING_RIGHT, answer_findings
from rehearse.feedback.judge.points import STAR_PARTS
from rehearse.feedback.judge.story import SAID_AT, missing_is_said
from rehearse.feedback.judge.verdict import ContentJudgement, PointStatus, PointVerdict

QUESTION = "Tell me about a time you fixed a slow page."


def _verdict(point: str, status: PointStatus, quote: str = "") -> PointVerdict:
    return PointVerdict(point, status, 0.9 if status == "covered" else 0.2, quote, {})


def _judged(*, on_topic: bool, star: tuple[PointVerdict, ...] = ()) -> ContentJudgement:
    points = tuple(_verdict(STAR_PARTS[part.point], part.status, part.quote) for part in star)
    return ContentJudgement(
        "a judge", "story", 40.0, on_topic, 0.1, points, "", star, "", 0.05, 2.6, {}
    )


STORY = (
    _verdict("situation", "covered", "Our checkout page took nine seconds."),
    _verdict("task", "covered", "I had to fix it before the sale."),
    _verdict("action", "covered", "I added an index."),
    _verdict("result", "missing", "I added an index."),
)


def test_an_answer_off_topic_is_told_that_first_and_only() -> None:
    found = answer_findings(_judged(on_topic=False, star=STORY).to_dict(), QUESTION, "Answer 3")
    assert [f.title for f in found] == ["Answer 3 did not address its question"]
    assert QUESTION in found[0].evidence


def _missing(part: str) -> tuple[PointVerdict, ...]:
    return tuple(
        _verdict(v.point, "missing", v.quote) if v.point == part else _verdict(v.point, "covered")
        for v in STORY
    )


@pytest.mark.parametrize("part", [p for p in STAR_PARTS if missing_is_said(p)])
def test_a_missing_part_is_named_missing_where_that_verdict_is_right_often_enough(
    part: str,
) -> None:
    found = answer_findings(_judged(on_topic=True, star=_missing(part)).to_dict(), QUESTION, "A")
    assert [f.title for f in found] == [f"A's story has no {part}"]


@pytest.mark.parametrize("part", [p for p in STAR_PARTS if not missing_is_said(p)])
def test_a_missing_part_is_said_to_be_told_little_where_missing_is_too_often_wrong(
    part: str,
) -> None:
    found = answer_findings(_judged(on_topic=True, star=_missing(part)).to_dict(), QUESTION, "A")
    assert [f.title for f in found] == [f"A's story says little of its {part}"]


def test_a_part_told_in_part_is_named_once_with_the_closest_words() -> None:
    star = tuple(
        _verdict(v.point, "partly" if v.point == "result" else "covered", v.quote) for v in STORY
    )
    found = answer_findings(_judged(on_topic=True, star=star).to_dict(), QUESTION, "The answer")
    assert [f.title for f in found] == ["The answer's story says little of its result"]
    assert "\u201cI added an index.\u201d" in found[0].evidence


def test_a_missing_key_point_is_named_missing_only_while_that_verdict_is_right_enough() -> None:
    point = PointVerdict("Push and pop work on the top", "missing", 0.1, "A stack is LIFO.", {})
    judged = ContentJudgement("a judge", "explanation", 40.0, True, 0.1, (point,), "")
    [found] = answer_findings(judged.to_dict(), "What is a stack?", "A")
    said = "missed a key point" if KEY_POINTS_MISSING_RIGHT >= SAID_AT else "only in part"
    assert said in found.title
