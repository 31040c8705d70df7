"""A recorded answer is analysed by a job after the upload, and its results are stored."""

from __future__ import annotations

import subprocess
import uuid

from fastapi.testclient import TestClient
from sqlalchemy import select

from rehearse.analysis.speech.evaluation import word_error_rate, words_of
from rehearse.interviews.models import AnalysisResult, Answer, AnswerStatus
from rehearse.interviews.tasks import ANALYZE_ANSWER, ANALYZE_VIDEO, VIDEO
from rehearse.jobs.runner import sweep
from rehearse.jobs.service import enqueue
from rehearse.runtime import Runtime
from tests.support.api import ApiUser, wait_for_job
from tests.support.jobs import orphan_on_its_last_attempt
from tests.support.media import wav_bytes
from tests.support.store import answered_question


def _answer(client: TestClient, user: ApiUser, media: tuple[str, bytes, str]) -> dict[str, object]:
    session = client.post("/api/sessions", json={"title": "t"}, headers=user.headers).json()
    question = client.post(
        f"/api/sessions/{session['id']}/questions",
        json={"text": "Tell me about a win."},
        headers=user.headers,
    ).json()
    response = client.post(
        f"/api/sessions/{session['id']}/questions/{question['id']}/answers",
        files={"media": media},
        headers=user.headers,
    )
    assert response.status_code == 201, response.text
    body: dict[str, object] = {**response.json(), "session_id": session["id"]}
    return body


SAID = "I led the team that rebuilt our billing system last year."


def test_an_uploaded_answer_is_transcribed_and_measured(client: TestClient, alice: ApiUser) -> None:
    spoken = subprocess.run(
        ["espeak-ng", "--stdout", SAID],
        check=True,
        capture_output=True,
    ).stdout
    answer = _answer(client, alice, ("answer.wav", spoken, "audio/wav"))
    job = wait_for_job(client, alice, str(answer["analysis_job_id"]))
    assert job["status"] == "done", job
    stored = client.get(
        f"/api/sessions/{answer['session_id']}/answers/{answer['id']}", headers=alice.headers
    ).json()
    assert stored["status"] == "analysed"
    # The words, not exact ones: int8 decoding of espeak rounds by CPU and thread count (one
    # BLAS thread a worker heard "I left a team that rebuilt our building system last year.").
    assert word_error_rate(SAID, stored["transcript"]) <= 3 / len(words_of(SAID))
    assert stored["duration_seconds"] > 2
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    with runtime.database.sessions() as session:
        result = session.query(AnalysisResult).filter_by(kind="speech").one()
        assert result.data["pace"]["words_per_minute"] > 0


def test_a_recording_without_speech_is_marked_and_kept(client: TestClient, alice: ApiUser) -> None:
    silent = subprocess.run(
        ["sox", "-n", "-r", "16000", "-c", "1", "-t", "wav", "-", "trim", "0", "3"],
        check=True,
        capture_output=True,
    ).stdout
    answer = _answer(client, alice, ("answer.wav", silent, "audio/wav"))
    job = wait_for_job(client, alice, str(answer["analysis_job_id"]))
    assert job["status"] == "done"
    stored = client.get(
        f"/api/sessions/{answer['session_id']}/answers/{answer['id']}", headers=alice.headers
    ).json()
    assert stored["status"] == "analysed"
    assert "No speech was detected" in stored["error"]
    media = client.get(
        f"/api/sessions/{answer['session_id']}/answers/{answer['id']}/media", headers=alice.headers
    )
    assert media.content == silent


def test_a_recording_that_cannot_be_analysed_fails_the_job_with_a_clear_message(
    client: TestClient, alice: ApiUser
) -> None:
    # It decodes, so it passes the upload's probe, but it is too short to measure.
    broken = wav_bytes(0.2)
    answer = _answer(client, alice, ("answer.wav", broken, "audio/wav"))
    job = wait_for_job(client, alice, str(answer["analysis_job_id"]))
    assert job["status"] == "failed"
    assert job["attempts"] == 1
    stored = client.get(
        f"/api/sessions/{answer['session_id']}/answers/{answer['id']}", headers=alice.headers
    ).json()
    assert stored["status"] == "failed"
    assert stored["error"] == job["error"]
    media = client.get(
        f"/api/sessions/{answer['session_id']}/answers/{answer['id']}/media", headers=alice.headers
    )
    assert media.content == broken  # the upload is kept: only its analysis failed


def _analysed_by_an_orphan(runtime: Runtime, kind: str) -> uuid.UUID:
    """An answer being analysed by a job of ``kind`` whose worker died on its last attempt,
    its footage pending; the answer's id."""
    with runtime.database.transaction() as db:
        _, answer = answered_question(db, "Tell me about a win.", "")
        job = enqueue(db, runtime.queue, kind=kind, payload={"answer_id": str(answer.id)})
        answer.status, answer.analysis_job_id = AnswerStatus.PROCESSING, job.id
        pending = {"status": "pending", "job_id": str(job.id)}
        db.add(AnalysisResult(answer_id=answer.id, kind=VIDEO, version="", data=pending))
        orphan_on_its_last_attempt(db, job.id)
        return answer.id


def test_an_answer_whose_analysis_the_queue_gave_up_on_says_why(runtime: Runtime) -> None:
    answer_id = _analysed_by_an_orphan(runtime, ANALYZE_ANSWER)
    sweep(runtime)
    with runtime.database.sessions() as db:
        stored = db.get_one(Answer, answer_id)
        assert stored.status is AnswerStatus.FAILED  # not analysing for ever
        assert stored.error.endswith("gave up after 3 attempts")


def test_footage_whose_analysis_the_queue_gave_up_on_says_why(runtime: Runtime) -> None:
    answer_id = _analysed_by_an_orphan(runtime, ANALYZE_VIDEO)
    sweep(runtime)
    with runtime.database.sessions() as db:
        video = db.scalars(select(AnalysisResult).filter_by(answer_id=answer_id, kind=VIDEO)).one()
        assert video.data["status"] == "failed"  # not pending for ever
        assert video.data["message"].endswith("gave up after 3 attempts")
