"""The interviewer's rewording: without a model the written text is kept; with one, its JSON
reply is validated, retried and, when unusable, the written text kept. (The external model is
faked here, at the HTTP edge; tests/llm/test_client_reply.py talks to a real local server.)"""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx

from rehearse.interviewer.rewriting import Rewriter
from rehearse.llm.client import ChatClient

QUESTION = "Tell me about a time you disagreed with a teammate."


def _provider(handler: Callable[[httpx.Request], httpx.Response], retries: int = 2) -> Rewriter:
    transport = httpx.MockTransport(handler)
    return Rewriter(
        ChatClient("http://llm.test/v1", "test-model", retries=retries, transport=transport)
    )


def _reply(content: str) -> httpx.Response:
    return httpx.Response(200, json={"choices": [{"message": {"content": content}}]})


def test_without_a_model_the_question_is_kept() -> None:
    assert Rewriter().tailor_question(QUESTION, "Engineer", "") == QUESTION


def test_a_valid_reply_rewrites_the_question() -> None:
    provider = _provider(
        lambda _: _reply('{"question": "Tell me about a disagreement on a payments team."}')
    )
    assert (
        provider.tailor_question(QUESTION, "Engineer", "payments")
        == "Tell me about a disagreement on a payments team."
    )


def test_the_request_asks_for_json_with_the_schema() -> None:
    seen: list[dict[str, object]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(json.loads(request.content))
        return _reply('{"question": "A rewritten question about teams?"}')

    _provider(handler).tailor_question(QUESTION, "Engineer", "")
    assert seen[0]["model"] == "test-model"
    assert seen[0]["response_format"]["type"] == "json_object"  # type: ignore[index]


def test_json_in_code_fences_is_accepted() -> None:
    provider = _provider(
        lambda _: _reply('```json\n{"question": "A fenced but valid question?"}\n```')
    )
    assert provider.tailor_question(QUESTION, "E", "") == "A fenced but valid question?"


def test_a_line_break_inside_a_json_string_is_accepted() -> None:
    asked = "Tell me about a team.\nWhat did you do?"
    provider = _provider(lambda _: _reply(json.dumps({"question": asked}).replace("\\n", "\n")))
    assert provider.tailor_question(QUESTION, "E", "") == asked


def test_a_reply_that_fails_the_schema_falls_back() -> None:
    provider = _provider(lambda _: _reply('{"question": "Too short"}'))
    assert provider.tailor_question(QUESTION, "E", "") == QUESTION


def test_a_reply_that_is_not_json_falls_back() -> None:
    provider = _provider(lambda _: _reply("Sure! Here is a better question: ..."))
    assert provider.tailor_question(QUESTION, "E", "") == QUESTION


def test_a_server_error_is_retried() -> None:
    calls: list[int] = []

    def handler(_: httpx.Request) -> httpx.Response:
        calls.append(1)
        return (
            httpx.Response(503)
            if len(calls) == 1
            else _reply('{"question": "Asked again and answered?"}')
        )

    assert _provider(handler).tailor_question(QUESTION, "E", "") == "Asked again and answered?"
    assert len(calls) == 2


def test_an_unreachable_server_falls_back_after_its_retries() -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        raise httpx.ConnectError("refused", request=request)

    assert (
        _provider(handler, retries=1).follow_up(QUESTION, "We fixed it.", "no result", "And then?")
        == "And then?"
    )
    assert len(calls) == 2


def test_a_client_error_is_not_retried() -> None:
    calls: list[int] = []

    def handler(_: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(401, json={"error": "bad key"})

    assert _provider(handler).tailor_question(QUESTION, "E", "") == QUESTION
    assert len(calls) == 1


class _Scripted:
    """A model whose replies are fixed, standing in for the external model."""

    name = "scripted"

    def __init__(self, question: str, follow_up: str) -> None:
        self.replies = {"question": question, "follow_up": follow_up}

    def reply(self, system, user, schema, *, timeout_seconds=None):  # type: ignore[no-untyped-def]
        field = next(iter(schema.model_fields))
        return schema.model_validate({field: self.replies[field]})


def test_a_configured_provider_words_the_follow_up() -> None:
    from rehearse.interviewer.flow import Interview, Move  # noqa: PLC0415
    from tests.interviewer.test_flow import CONFLICT, VAGUE, _interview  # noqa: PLC0415

    interview = _interview(CONFLICT)
    interview.rewriter = Rewriter(
        _Scripted("unused question text", "What did the teammate want, exactly?")
    )
    decision = interview.answer(VAGUE)
    assert decision.move is Move.FOLLOW_UP
    assert decision.say == "What did the teammate want, exactly?"
    assert isinstance(interview, Interview)


def test_a_configured_provider_tailors_bank_questions_only() -> None:
    from rehearse.interviewer.job import parse_job  # noqa: PLC0415
    from rehearse.interviewer.plan import make_plan, tailor_plan  # noqa: PLC0415

    job = parse_job("Senior Backend Engineer\nRequirements:\n- Python and PostgreSQL\n")
    plan = make_plan(job, length=3)
    scripted = _Scripted("A question rewritten for this backend job?", "x" * 12)
    tailored = tailor_plan(plan, job, Rewriter(scripted))
    assert all(q.text == "A question rewritten for this backend job?" for q in tailored.questions)
    assert tailor_plan(plan, job, Rewriter()) is plan
