"""The interviewer's reply to each stored answer, and the topic mastery it leaves behind."""

from __future__ import annotations

import subprocess
from typing import Any

import pytest
from fastapi.testclient import TestClient

from rehearse.analysis.speech.words import Word
from rehearse.blobs.models import Blob
from rehearse.errors import Conflict
from rehearse.interviewer.flow import respond
from rehearse.interviews import turns
from rehearse.interviews.live_transcripts import keep, live_text
from rehearse.interviews.models import Answer, AnswerStatus, InterviewSession
from rehearse.interviews.turns import spoken_or_typed, take_turn
from rehearse.runtime import Runtime
from tests.support.api import ApiUser, wait_for_job
from tests.support.media import wav_bytes
from tests.support.store import answered_question, write_beside

JOB = """Senior Backend Engineer
We build payment APIs in Python with PostgreSQL and Kafka.
Requirements: 5+ years of Python, PostgreSQL, REST APIs, Kafka, AWS.
Responsibilities: design and run services that move money reliably; mentor engineers."""

VAGUE = (
    "Well, I guess we kind of worked on it together as a team and sort of made things better "
    "over time, basically we just did the usual things that teams do, you know, and it went "
    "fine in the end I think, more or less."
)
COMPLETE = (
    "In 2023 I led the migration of our billing service from a monolith to three services. "
    "The situation was that deploys took two hours and failed one time in five. My task was "
    "to make releases safe without stopping sales. I wrote the plan, split the database by "
    "ownership, "
    "and I set up contract tests and a canary release. As a result deploys dropped to 12 "
    "minutes, failures fell to 1 in 50, and revenue was not interrupted for a single day."
)


STORY = "Tell me about a time you made a slow, risky release process faster and safer."
SECOND = "Why do you want to work on payment systems?"


def _session(client: TestClient, user: ApiUser) -> tuple[str, list[dict[str, Any]]]:
    """A session with a story question (topic: ownership) and a question after it."""
    session = client.post(
        "/api/sessions", json={"title": "Payments", "job_description": JOB}, headers=user.headers
    ).json()
    for text, topic in ((STORY, "ownership"), (SECOND, "motivation")):
        client.post(
            f"/api/sessions/{session['id']}/questions",
            json={"text": text, "kind": "behavioural", "topic": topic},
            headers=user.headers,
        )
    questions = client.get(f"/api/sessions/{session['id']}/questions", headers=user.headers)
    return session["id"], questions.json()


def _answer(client: TestClient, user: ApiUser, sid: str, qid: str, text: str) -> dict[str, Any]:
    answer = client.post(
        f"/api/sessions/{sid}/questions/{qid}/answers", data={"text": text}, headers=user.headers
    ).json()
    turn = client.post(f"/api/sessions/{sid}/answers/{answer['id']}/turn", headers=user.headers)
    assert turn.status_code == 200, turn.text
    body: dict[str, Any] = turn.json()
    return body


def test_a_vague_answer_draws_a_follow_up_with_its_reason(
    client: TestClient, alice: ApiUser
) -> None:
    sid, questions = _session(client, alice)
    turn = _answer(client, alice, sid, questions[0]["id"], VAGUE)
    assert turn["move"] == "follow_up"
    assert turn["say"]
    assert turn["reason"]
    assert turn["next_question_id"] is None


def test_a_complete_answer_moves_on_to_the_next_unanswered_question(
    client: TestClient, alice: ApiUser
) -> None:
    sid, questions = _session(client, alice)
    turn = _answer(client, alice, sid, questions[0]["id"], COMPLETE)
    assert turn["move"] == "next"
    assert (turn["next_question_id"], turn["say"]) == (questions[1]["id"], SECOND)


def test_a_reply_to_the_follow_up_completes_the_answer(client: TestClient, alice: ApiUser) -> None:
    sid, questions = _session(client, alice)
    story = questions[0]
    first = _answer(client, alice, sid, story["id"], COMPLETE.split(" As a result", maxsplit=1)[0])
    assert first["move"] == "follow_up"
    assert "Result" in first["reason"]
    second = _answer(
        client, alice, sid, story["id"], "As a result deploys dropped from 2 hours to 12 minutes."
    )
    assert second["move"] in ("next", "end")


def test_a_reply_still_without_a_result_is_not_asked_for_it_again(
    client: TestClient, alice: ApiUser
) -> None:
    sid, questions = _session(client, alice)
    story = questions[0]
    first = _answer(client, alice, sid, story["id"], COMPLETE.split(" As a result", maxsplit=1)[0])
    assert "Result" in first["reason"]
    second = _answer(client, alice, sid, story["id"], "Ask not what your country can do for you.")
    assert second["say"] != first["say"]
    assert "Result" not in second["reason"]


def test_the_last_answer_ends_the_interview(client: TestClient, alice: ApiUser) -> None:
    sid, questions = _session(client, alice)
    turn = _answer(client, alice, sid, questions[1]["id"], COMPLETE)
    assert turn["move"] == "end"  # the first question stays skipped; the interview goes forward


def test_a_turn_is_decided_once(client: TestClient, alice: ApiUser) -> None:
    sid, questions = _session(client, alice)
    answer = client.post(
        f"/api/sessions/{sid}/questions/{questions[0]['id']}/answers",
        data={"text": VAGUE},
        headers=alice.headers,
    ).json()
    url = f"/api/sessions/{sid}/answers/{answer['id']}/turn"
    assert (
        client.post(url, headers=alice.headers).json()
        == client.post(url, headers=alice.headers).json()
    )


def test_a_finished_question_moves_topic_mastery(client: TestClient, alice: ApiUser) -> None:
    sid, questions = _session(client, alice)
    _answer(client, alice, sid, questions[0]["id"], COMPLETE)
    mastery = client.get("/api/progress/topics", headers=alice.headers).json()
    [row] = [m for m in mastery if m["topic"] == "ownership"]
    assert row["answers"] == 1
    assert row["rating"] > 1000


def test_a_spoken_answer_is_judged_from_its_transcript(client: TestClient, alice: ApiUser) -> None:
    sid, questions = _session(client, alice)
    spoken = subprocess.run(
        ["espeak-ng", "--stdout", "I don't know."], check=True, capture_output=True
    ).stdout
    answer = client.post(
        f"/api/sessions/{sid}/questions/{questions[0]['id']}/answers",
        files={"media": ("a.wav", spoken, "audio/wav")},
        headers=alice.headers,
    ).json()
    wait_for_job(client, alice, answer["analysis_job_id"])
    turn = client.post(f"/api/sessions/{sid}/answers/{answer['id']}/turn", headers=alice.headers)
    assert turn.json()["move"] == "clarify"
    assert "words long" in turn.json()["reason"]


def test_a_recording_still_being_transcribed_has_no_turn_yet() -> None:
    waiting = Answer(status=AnswerStatus.RECEIVED, media=Blob(), text="", transcript="")
    with pytest.raises(Conflict, match="still being transcribed"):
        spoken_or_typed(waiting)


def test_a_failed_recording_says_why_it_has_no_turn() -> None:
    failed = Answer(status=AnswerStatus.FAILED, media=Blob(), text="", error="The file is empty.")
    with pytest.raises(Conflict, match="The file is empty"):
        spoken_or_typed(failed)


def test_a_failed_recording_does_not_block_the_next_attempt(
    client: TestClient, alice: ApiUser
) -> None:
    sid, questions = _session(client, alice)
    failed = client.post(
        f"/api/sessions/{sid}/questions/{questions[0]['id']}/answers",
        files={"media": ("a.wav", wav_bytes(0.2), "audio/wav")},  # too short to analyse
        headers=alice.headers,
    ).json()
    assert wait_for_job(client, alice, failed["analysis_job_id"])["status"] == "failed"
    turn = _answer(client, alice, sid, questions[0]["id"], COMPLETE)
    assert turn["move"] == "next"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # its write turn
def test_the_turn_is_decided_before_the_live_transcript_is_claimed(
    impatient_runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deciding can take seconds (the encoder's first load, a model's rewording): another
    writer is not kept off SQLite's one write turn meanwhile, and the claim still counts."""
    runtime = impatient_runtime
    with runtime.database.transaction() as db:
        question, answer = answered_question(db, "Tell me about a win.", "")
        owner = db.get_one(InterviewSession, question.session_id).user_id
        answer.media = Blob(owner_id=owner, key="a", content_type="audio/webm", size=1, sha256="")
        said = COMPLETE.split()
        words = [Word(f"{word} ", 0.5 * i, 0.5 * i + 0.4, 0.9) for i, word in enumerate(said)]
        live = keep(db, owner, question.id, words, heard_seconds=20.0, model="base")
        answer_id, live_id = answer.id, live.id
    written_meanwhile: list[str] = []

    def respond_with_a_write_beside_it(*args: Any) -> Any:
        decided = respond(*args)
        written_meanwhile.append(write_beside(runtime.database))
        return decided

    monkeypatch.setattr(turns, "respond", respond_with_a_write_beside_it)
    with runtime.database.transaction() as db:
        answer = db.get_one(Answer, answer_id)
        turn = take_turn(db, runtime.rewriter, owner, answer, live_id)
    assert written_meanwhile == ["written"]
    assert turn.decided_on == "live"
    with runtime.database.sessions() as db:
        assert live_text(db, answer_id) == COMPLETE
