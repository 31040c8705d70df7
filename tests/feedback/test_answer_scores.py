"""Content, structure and clarity move the right way on a strong and a weak answer."""

from __future__ import annotations

import pytest

from rehearse.feedback.answer_scores import clarity_score, content_score, structure_score
from rehearse.feedback.content.evaluate import evaluate_answer
from rehearse.feedback.content.question import AskedQuestion
from rehearse.feedback.measures import Score
from rehearse.interviewer.retrieval.retriever import Retriever

CONFLICT = AskedQuestion(
    "Tell me about a time you disagreed with a colleague about a technical decision.",
    "behavioural",
    "conflict",
    (
        "Describes the disagreement and what was at stake",
        "Listens to and states the other person's view fairly",
        "Uses data or an experiment to settle the question",
        "Reaches a decision and says what happened afterwards",
    ),
)
STRONG = (
    "Last year our team had to pick a queue for order events, and my colleague Sam wanted "
    "Kafka while I thought PostgreSQL would be enough. The stake was a launch in six weeks. "
    "I asked Sam to walk me through his reasons, and he was worried about peak load on sale "
    "days. I proposed we settle it with a test, so I built a prototype in two days and "
    "measured 400 events per second on Postgres, four times our peak. We agreed to ship on "
    "Postgres with a review at 50 percent of capacity. As a result we launched three weeks "
    "early, and I learned to turn opinions into an experiment."
)
WEAK = (
    "Well, I mean, people disagree sometimes and it is normal, and we talked about it and "
    "everyone had opinions and things, and in the end it was fine and we kind of moved on "
    "and it all worked out more or less like it usually does with teams and stuff."
)


def _scores(retriever: Retriever, answer: str) -> tuple[Score, Score, Score]:
    evaluation = evaluate_answer(CONFLICT, answer, retriever.encoder)
    return content_score(evaluation), structure_score(evaluation), clarity_score(evaluation)


@pytest.mark.parametrize("index", [0, 1, 2], ids=["content", "structure", "clarity"])
def test_the_strong_answer_scores_higher(retriever: Retriever, index: int) -> None:
    strong, weak = _scores(retriever, STRONG)[index], _scores(retriever, WEAK)[index]
    assert strong.value is not None
    assert weak.value is not None
    assert strong.value > weak.value + 10


def test_points_add_up_to_the_score(retriever: Retriever) -> None:
    for score in _scores(retriever, STRONG):
        assert score.value is not None
        assert score.value == pytest.approx(sum(m.points for m in score.measurements), abs=0.2)
        lost = sum(m.lost for m in score.measurements)
        assert score.value + lost == pytest.approx(100, abs=0.3)


def test_an_empty_answer_is_not_measured(retriever: Retriever) -> None:
    _, structure, clarity = _scores(retriever, "")
    assert structure.value is None
    assert clarity.value is None
