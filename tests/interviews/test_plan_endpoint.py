"""Planning a session through the API: from its job description and résumé to questions."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from rehearse.jobs.models import Job, JobStatus
from rehearse.reports.judging import WARM_UP
from rehearse.runtime import Runtime
from rehearse.web.app import create_app
from tests.conftest import make_settings, shared_fixture
from tests.support.api import ApiUser, error_code, sign_up
from tests.support.llama import llama_server
from tests.support.waiting import wait_until


def _session(client: TestClient, user: ApiUser, *, resume: bool = True, count: int = 6) -> str:
    job = shared_fixture("jobs/software_engineer_login_gov.txt").read_text(encoding="utf-8")
    session = client.post(
        "/api/sessions",
        json={"title": "Login.gov", "job_description": job, "question_count": count},
        headers=user.headers,
    ).json()
    if resume:
        pdf = shared_fixture("resumes/resume-matcher_john_doe_senior_swe.pdf").read_bytes()
        client.put(
            f"/api/sessions/{session['id']}/resume",
            files={"file": ("cv.pdf", pdf, "application/pdf")},
            headers=user.headers,
        )
    session_id: str = session["id"]
    return session_id


def test_a_session_is_planned_from_its_job_and_resume(client: TestClient, alice: ApiUser) -> None:
    session_id = _session(client, alice)
    planned = client.post(f"/api/sessions/{session_id}/plan", json={}, headers=alice.headers)
    assert planned.status_code == 200, planned.text
    body = planned.json()
    assert body["status"] == "ready"
    assert body["plan"]["resume"]["name"] == "JOHN DOE"
    assert {f["topic"] for f in body["plan"]["focus"]} >= {"web-backend", "security"}
    questions = client.get(f"/api/sessions/{session_id}/questions", headers=alice.headers).json()
    assert len(questions) == 6
    assert [q["position"] for q in questions] == [1, 2, 3, 4, 5, 6]
    assert all(q["reason"] for q in questions)
    assert any(q["kind"] == "project" for q in questions)


def test_a_second_session_does_not_repeat_bank_questions(
    client: TestClient, alice: ApiUser
) -> None:
    first, second = _session(client, alice), _session(client, alice)
    client.post(f"/api/sessions/{first}/plan", json={}, headers=alice.headers)
    client.post(f"/api/sessions/{second}/plan", json={}, headers=alice.headers)
    asked = {
        q["source"]
        for sid in (first, second)
        for q in client.get(f"/api/sessions/{sid}/questions", headers=alice.headers).json()
        if q["source"].startswith("bank:")
    }
    total = sum(
        q["source"].startswith("bank:")
        for sid in (first, second)
        for q in client.get(f"/api/sessions/{sid}/questions", headers=alice.headers).json()
    )
    assert len(asked) == total


def test_planning_needs_a_job_description(client: TestClient, alice: ApiUser) -> None:
    session = client.post("/api/sessions", json={"title": "t"}, headers=alice.headers).json()
    response = client.post(f"/api/sessions/{session['id']}/plan", json={}, headers=alice.headers)
    assert (response.status_code, error_code(response)) == (422, "validation_failed")
    assert "job description" in response.json()["error"]["message"]


def test_a_session_with_answers_is_not_planned_again(client: TestClient, alice: ApiUser) -> None:
    session_id = _session(client, alice, resume=False)
    client.post(f"/api/sessions/{session_id}/plan", json={}, headers=alice.headers)
    question = client.get(f"/api/sessions/{session_id}/questions", headers=alice.headers).json()[0]
    client.post(
        f"/api/sessions/{session_id}/questions/{question['id']}/answers",
        data={"text": "I care about public services that work for everyone."},
        headers=alice.headers,
    )
    again = client.post(f"/api/sessions/{session_id}/plan", json={}, headers=alice.headers)
    assert (again.status_code, error_code(again)) == (409, "conflict")
    kept = client.get(f"/api/sessions/{session_id}/questions", headers=alice.headers).json()
    assert kept[0]["id"] == question["id"]


def test_the_interview_type_and_length_can_be_chosen(client: TestClient, alice: ApiUser) -> None:
    session_id = _session(client, alice, resume=False)
    body = client.post(
        f"/api/sessions/{session_id}/plan",
        json={"interview_type": "behavioural", "length": 4},
        headers=alice.headers,
    ).json()
    assert body["interview_type"] == "behavioural"
    questions = client.get(f"/api/sessions/{session_id}/questions", headers=alice.headers).json()
    assert len(questions) == 4


def test_a_typed_coding_answer_is_graded_by_a_job(client: TestClient, alice: ApiUser) -> None:
    from tests.interviewer.test_problems import SOLUTIONS  # noqa: PLC0415
    from tests.support.api import wait_for_job  # noqa: PLC0415

    session_id = _session(client, alice, resume=False)
    client.post(
        f"/api/sessions/{session_id}/plan",
        json={"interview_type": "coding", "length": 3},
        headers=alice.headers,
    )
    questions = client.get(f"/api/sessions/{session_id}/questions", headers=alice.headers).json()
    coding = next(q for q in questions if q["source"].startswith("coding:"))
    solution = SOLUTIONS[coding["source"].removeprefix("coding:")]
    answer = client.post(
        f"/api/sessions/{session_id}/questions/{coding['id']}/answers",
        data={"text": solution},
        headers=alice.headers,
    ).json()
    job = wait_for_job(client, alice, answer["analysis_job_id"])
    assert job["status"] == "done", job
    assert job["result"]["status"] == "passed"
    assert job["result"]["summary"].startswith("All ")


def _warm_ups(client: TestClient) -> list[Job]:
    runtime: Runtime = client.app.state.runtime  # type: ignore[attr-defined]
    with runtime.database.transaction() as db:
        return list(db.scalars(select(Job).where(Job.kind == WARM_UP)))


def _planned(client: TestClient) -> None:
    alice = sign_up(client, "alice@example.com")
    session_id = _session(client, alice, resume=False)
    planned = client.post(f"/api/sessions/{session_id}/plan", json={}, headers=alice.headers)
    assert planned.status_code == 200, planned.text


@pytest.mark.slow
def test_a_planned_interview_readies_the_judge_for_its_first_answer(
    tmp_path: Path, database_url: str
) -> None:
    with llama_server() as url:  # SmolLM2 stands in for the judge's model
        settings = make_settings(tmp_path / "data", database_url, llm="on", llm_url=url)
        with TestClient(create_app(settings)) as client:
            _planned(client)
            assert len(_warm_ups(client)) == 1  # queued with the plan
            wait_until(
                lambda: _warm_ups(client)[0].status == JobStatus.DONE,
                "the judge's warm-up job to finish",
            )
            assert _warm_ups(client)[0].result == {"status": "ok"}


def test_with_the_judge_off_nothing_is_warmed_up(client: TestClient) -> None:
    _planned(client)
    assert _warm_ups(client) == []
