"""A question's conversation as the report shows it (reports/thread.py): the answers stored
through the real API, the interviewer's real turns, read back from the database."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator
from sqlalchemy import select

from rehearse.feedback.report import Exchange, InterviewerTurn
from rehearse.interviews import repository
from rehearse.interviews.models import AnalysisResult, Question
from rehearse.interviews.turns import TURN
from rehearse.reports.thread import stored_replies, thread_of
from tests.support.api import ApiUser, wait_for_job
from tests.support.media import wav_bytes

STORY = "Tell me about a time you made a slow, risky release process faster and safer."
WHY = "Added by the candidate."
NO_RESULT = (
    "In 2023 I led the migration of our billing service from a monolith to three services. "
    "The situation was that deploys took two hours and failed one time in five. My task was "
    "to make releases safe without stopping sales. I wrote the plan, split the database by "
    "ownership, and I set up contract tests and a canary release."
)
RESULT = "As a result deploys dropped from 2 hours to 12 minutes."


def _question(client: TestClient, user: ApiUser) -> tuple[str, str]:
    """A session with one story question and one after it: (session id, story question id)."""
    sid = client.post("/api/sessions", json={"title": "Releases"}, headers=user.headers).json()[
        "id"
    ]
    ids = [
        client.post(
            f"/api/sessions/{sid}/questions",
            json={"text": text, "kind": "behavioural", "topic": "ownership"},
            headers=user.headers,
        ).json()["id"]
        for text in (STORY, "Why do you want to work on payment systems?")
    ]
    return sid, ids[0]


def _reply(
    client: TestClient, user: ApiUser, sid: str, qid: str, text: str, *, turn: bool = True
) -> str:
    answer = client.post(
        f"/api/sessions/{sid}/questions/{qid}/answers", data={"text": text}, headers=user.headers
    ).json()
    if turn:
        response = client.post(
            f"/api/sessions/{sid}/answers/{answer['id']}/turn", headers=user.headers
        )
        assert response.status_code == 200, response.text
    return str(answer["id"])


def _thread(client: TestClient, qid: str) -> tuple[tuple[Exchange, ...], InterviewerTurn | None]:
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    with runtime.database.sessions() as db:
        question = db.get_one(Question, uuid.UUID(qid))
        return thread_of(question, stored_replies(db, repository.answers_to(db, question.id)))


def test_a_follow_up_is_shown_with_its_reason_between_the_answer_and_its_reply(
    client: TestClient, alice: ApiUser
) -> None:
    sid, qid = _question(client, alice)
    first = _reply(client, alice, sid, qid, NO_RESULT)
    second = _reply(client, alice, sid, qid, RESULT)

    (opening, follow_up), closing = _thread(client, qid)
    assert opening.asked == InterviewerTurn("question", STORY, WHY)
    assert opening.reply is not None
    assert (opening.reply.number, opening.reply.answer_id) == (1, first)
    assert opening.reply.text == NO_RESULT
    assert follow_up.asked.move == "follow_up"
    assert "Result" in follow_up.asked.reason
    assert follow_up.asked.say
    assert follow_up.reply is not None
    assert (follow_up.reply.number, follow_up.reply.answer_id) == (2, second)
    assert follow_up.reply.text == RESULT
    assert not follow_up.reply.recorded
    assert closing is not None
    assert closing.move == "next"


def test_a_follow_up_left_unanswered_ends_the_thread_without_a_reply(
    client: TestClient, alice: ApiUser
) -> None:
    sid, qid = _question(client, alice)
    _reply(client, alice, sid, qid, NO_RESULT)

    (_, follow_up), closing = _thread(client, qid)
    assert follow_up.asked.move == "follow_up"
    assert follow_up.reply is None
    assert closing is None


def test_an_unanswered_question_is_a_thread_of_the_question_alone(
    client: TestClient, alice: ApiUser
) -> None:
    _, qid = _question(client, alice)
    assert _thread(client, qid) == (
        (Exchange(InterviewerTurn("question", STORY, WHY), None),),
        None,
    )


def test_a_retry_after_a_failed_recording_answers_the_same_prompt(
    client: TestClient, alice: ApiUser
) -> None:
    sid, qid = _question(client, alice)
    failed = client.post(
        f"/api/sessions/{sid}/questions/{qid}/answers",
        files={"media": ("a.wav", wav_bytes(0.2), "audio/wav")},  # too short to analyse
        headers=alice.headers,
    ).json()
    assert wait_for_job(client, alice, failed["analysis_job_id"])["status"] == "failed"
    _reply(client, alice, sid, qid, NO_RESULT, turn=False)

    (lost, retried), closing = _thread(client, qid)
    assert lost.asked == retried.asked
    assert lost.reply is not None
    assert retried.reply is not None
    assert (lost.reply.status, lost.reply.recorded, lost.reply.text) == ("failed", True, "")
    assert lost.reply.warnings
    assert retried.reply.text == NO_RESULT
    assert closing is None


def test_the_transcript_a_move_was_decided_on_is_shown_when_the_turn_records_it(
    client: TestClient, alice: ApiUser
) -> None:
    sid, qid = _question(client, alice)
    first = _reply(client, alice, sid, qid, NO_RESULT)
    (_, follow_up), _ = _thread(client, qid)
    assert follow_up.asked.decided_on == "full"  # a typed reply: decided on its own text

    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    with runtime.database.transaction() as db:
        turn = db.scalars(
            select(AnalysisResult).where(
                AnalysisResult.answer_id == uuid.UUID(first), AnalysisResult.kind == TURN
            )
        ).one()
        turn.data = {k: v for k, v in turn.data.items() if k != "decided_on"}
    (_, follow_up), _ = _thread(client, qid)
    assert follow_up.asked.decided_on is None  # turns stored before streaming say nothing


def _report_answer(client: TestClient, user: ApiUser, sid: str) -> dict[str, Any]:
    response = client.get(f"/api/sessions/{sid}/report", headers=user.headers)
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()["answers"][0]
    return answer


def test_the_json_report_keeps_its_fields_and_adds_the_thread(
    client: TestClient, alice: ApiUser
) -> None:
    sid, qid = _question(client, alice)
    _reply(client, alice, sid, qid, NO_RESULT)
    _reply(client, alice, sid, qid, RESULT)

    answer = _report_answer(client, alice, sid)
    assert answer["text"] == f"{NO_RESULT} {RESULT}"  # the whole conversation, as before
    assert {"scores", "words", "moments", "timeline", "key_points"} <= set(answer)
    asked = [exchange["asked"]["move"] for exchange in answer["thread"]]
    replies = [exchange["reply"]["text"] for exchange in answer["thread"]]
    assert (asked, replies) == (["question", "follow_up"], [NO_RESULT, RESULT])
    assert answer["closing"]["move"] == "next"


def test_the_scores_say_which_replies_they_rest_on(client: TestClient, alice: ApiUser) -> None:
    sid, qid = _question(client, alice)
    _reply(client, alice, sid, qid, NO_RESULT)
    _reply(client, alice, sid, qid, RESULT)

    basis = {b["score"]: b for b in _report_answer(client, alice, sid)["scored_on"]}
    words = len(NO_RESULT.split()) + len(RESULT.split())
    assert set(basis) == {"content", "structure", "clarity"}  # typed: no delivery
    assert basis["content"]["replies"] == [1, 2]
    assert basis["content"]["words"] == words
    assert basis["content"]["summary"] == f"scored on both replies, {words} words"


def test_the_json_report_matches_the_schema_the_openapi_document_gives_it(
    client: TestClient, alice: ApiUser
) -> None:
    sid, qid = _question(client, alice)
    _reply(client, alice, sid, qid, NO_RESULT)
    _reply(client, alice, sid, qid, RESULT)

    document = client.app.openapi()  # type: ignore[attr-defined]
    schema = {"$ref": "#/components/schemas/Report", "components": document["components"]}
    body = client.get(f"/api/sessions/{sid}/report", headers=alice.headers).json()
    Draft202012Validator(schema).validate(body)
    assert body["answers"][1]["thread"][0]["reply"] is None  # the question after, not answered
