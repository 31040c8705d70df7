"""The optional language model's judgement (rationale and rating) is asked once per answer
and kept.

The model is the edge we do not own, so it is an ``httpx.MockTransport`` behind the real
OpenAI-compatible provider; the store is real (SQLite and PostgreSQL).
"""

from __future__ import annotations

import json

import httpx
import pytest

from rehearse.feedback.measures import Score
from rehearse.interviewer.llm import Judgement, OfflineProvider, OpenAICompatibleProvider
from rehearse.interviews.models import Answer, Question
from rehearse.reports.judge import judgement_for
from rehearse.runtime import Runtime
from tests.support.store import answered_question

JUDGEMENT = Judgement(
    rationale="The answer names a measured result and the candidate's own actions.", rating=7
)
SCORES = [Score("content", 72.0, "good", (), "")]


class CountingModel:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        content = JUDGEMENT.model_dump_json()
        return httpx.Response(200, json={"choices": [{"message": {"content": content}}]})


@pytest.fixture
def answered(runtime: Runtime) -> tuple[Question, Answer]:
    with runtime.database.transaction() as db:
        return answered_question(db, "Why us?", "Because.")


def _ask(
    runtime: Runtime, model: CountingModel, answered: tuple[Question, Answer], said: str
) -> Judgement | None:
    provider = OpenAICompatibleProvider(
        "http://llm.test/v1", "m", retries=0, transport=httpx.MockTransport(model)
    )
    question, answer = answered
    with runtime.database.transaction() as db:
        return judgement_for(
            db,
            provider,
            question=db.merge(question),
            thread=[db.merge(answer)],
            said=said,
            scores=SCORES,
        )


def test_a_configured_model_gives_a_rationale_and_a_rating(
    runtime: Runtime, answered: tuple[Question, Answer]
) -> None:
    assert _ask(runtime, CountingModel(), answered, "Because.") == JUDGEMENT


def test_the_judgement_is_kept_for_the_same_answer(
    runtime: Runtime, answered: tuple[Question, Answer]
) -> None:
    model = CountingModel()
    _ask(runtime, model, answered, "Because.")
    assert _ask(runtime, model, answered, "Because.") == JUDGEMENT
    assert model.calls == 1


def test_a_changed_answer_is_read_again(
    runtime: Runtime, answered: tuple[Question, Answer]
) -> None:
    model = CountingModel()
    _ask(runtime, model, answered, "Because.")
    _ask(runtime, model, answered, "Because I like the product.")
    assert model.calls == 2


def test_a_rating_outside_one_to_ten_is_no_judgement(
    runtime: Runtime, answered: tuple[Question, Answer]
) -> None:
    def rates_eleven(request: httpx.Request) -> httpx.Response:
        content = json.dumps({"rationale": JUDGEMENT.rationale, "rating": 11})
        return httpx.Response(200, json={"choices": [{"message": {"content": content}}]})

    provider = OpenAICompatibleProvider(
        "http://llm.test/v1", "m", retries=0, transport=httpx.MockTransport(rates_eleven)
    )
    question, answer = answered
    with runtime.database.transaction() as db:
        judged = judgement_for(
            db, provider, question=question, thread=[answer], said="x", scores=SCORES
        )
    assert judged is None


def test_without_a_model_there_is_no_judgement(
    runtime: Runtime, answered: tuple[Question, Answer]
) -> None:
    question, answer = answered
    with runtime.database.transaction() as db:
        judged = judgement_for(
            db, OfflineProvider(), question=question, thread=[answer], said="x", scores=SCORES
        )
        assert judged is None
