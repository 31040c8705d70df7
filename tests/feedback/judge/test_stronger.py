"""The example stronger answer: the candidate's own sentences in a strong answer's order, a
gap for each point missing or made in part, and nothing invented."""

from __future__ import annotations

from rehearse.feedback.judge.points import STAR_GAPS, STAR_PARTS
from rehearse.feedback.judge.stronger import OFF_TOPIC_OPENING, UNCOUNTED_RESULT, stronger_answer
from rehearse.feedback.judge.verdict import PointStatus, PointVerdict


def _part(name: str, status: PointStatus, quote: str) -> PointVerdict:
    return PointVerdict(name, status, 0.9 if status == "covered" else 0.1, quote, {})


def _as_points(star: list[PointVerdict]) -> list[PointVerdict]:
    """The story's key points when the question has none of its own: its STAR parts."""
    return [PointVerdict(STAR_PARTS[p.point], p.status, p.strength, p.quote, {}) for p in star]


STORY = [
    _part("situation", "covered", "Our checkout timed out every Friday."),
    _part("task", "missing", "I was on call."),
    _part("action", "covered", "I profiled the queries and added an index."),
    _part("result", "partly", "It got better."),
]


def test_a_story_keeps_its_own_sentences_in_star_order_with_gaps() -> None:
    stronger = stronger_answer(_as_points(STORY), STORY, on_topic=True)
    assert stronger == (
        "Our checkout timed out every Friday. "
        f"{STAR_GAPS['task']} "
        "I profiled the queries and added an index. "
        f"It got better. {STAR_GAPS['result']}"
    )


def test_a_missing_part_quotes_nothing() -> None:
    assert "I was on call." not in stronger_answer(_as_points(STORY), STORY, on_topic=True)


def test_a_sentence_that_makes_two_points_is_said_once() -> None:
    sentence = "I rewrote the cache and cut the load time by 40 %."
    points = [
        PointVerdict("Names the change made", "covered", 0.9, sentence, {}),
        PointVerdict("Gives the gain in numbers", "covered", 0.8, sentence, {}),
    ]
    assert stronger_answer(points, [], on_topic=True) == sentence


def test_an_explanation_gets_a_gap_for_each_point_it_lacks() -> None:
    points = [
        PointVerdict("A stack is last in, first out.", "covered", 0.9, "Stacks are LIFO.", {}),
        PointVerdict("Push and pop work on the top", "missing", 0.1, "Stacks are LIFO.", {}),
    ]
    assert stronger_answer(points, [], on_topic=True) == (
        "Stacks are LIFO. [Push and pop work on the top]"
    )


def test_an_answer_off_the_question_keeps_none_of_its_words() -> None:
    stronger = stronger_answer(_as_points(STORY), STORY, on_topic=False)
    assert stronger.startswith(OFF_TOPIC_OPENING)
    assert "checkout" not in stronger
    assert all(gap in stronger for gap in STAR_GAPS.values())


def test_a_result_told_without_a_number_asks_for_one() -> None:
    told = [*STORY[:3], _part("result", "covered", "After that the page loaded faster.")]
    stronger = stronger_answer(_as_points(told), told, on_topic=True)
    assert stronger.endswith(f"After that the page loaded faster. {UNCOUNTED_RESULT}")


def test_a_result_in_numbers_needs_nothing_more() -> None:
    told = [*STORY[:3], _part("result", "covered", "Orders rose by 30 percent.")]
    assert stronger_answer(_as_points(told), told, on_topic=True).endswith("30 percent.")
