"""Which answers the judge's repeatability benchmark scores twice, and after what."""

from __future__ import annotations

from bench.judgement.answers import GradedAnswer
from bench.practice.repeatability import triples


def _answers(per_question: dict[str, int]) -> list[GradedAnswer]:
    return [
        GradedAnswer(q, f"Question {q}?", "The reference.", f"{q}.{i}", f"Answer {i}.", {})
        for q, count in per_question.items()
        for i in range(count)
    ]


def test_each_answer_follows_another_to_its_question_then_one_to_another_question() -> None:
    chosen = triples(_answers({"q1": 3, "q2": 2, "q3": 2}), count=3)
    assert [answer.answer_id for answer, _, _ in chosen] == ["q1.0", "q2.0", "q3.0"]
    for answer, neighbour, stranger in chosen:
        assert neighbour.question_id == answer.question_id != stranger.question_id
        assert neighbour.answer_id != answer.answer_id


def test_a_question_with_one_answer_is_left_out() -> None:
    chosen = triples(_answers({"q1": 1, "q2": 2, "q3": 2}), count=5)
    assert [answer.question_id for answer, _, _ in chosen] == ["q2", "q3"]
