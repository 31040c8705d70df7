"""A coach gives a class an assignment; its members see it, take it as an interview, and keep
to its rules (due date, attempts, video)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from rehearse.assignments.models import Assignment
from rehearse.store.base import utcnow
from tests.support.api import ApiUser, error_code
from tests.support.classes import WRITTEN, Organisation, assign, assigned, take
from tests.support.media import encoded_bytes

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the rules


def _mine(client: TestClient, user: ApiUser) -> list[dict[str, Any]]:
    page = client.get("/api/assignments", headers=user.headers)
    assert page.status_code == 200, page.text
    items: list[dict[str, Any]] = page.json()["items"]
    return items


def _refused(response: Any, status: int, words: str) -> None:
    assert response.status_code == status, response.text
    assert words in response.json()["error"]["message"]


def test_written_questions_keep_their_key_points(
    client: TestClient, organisation: Organisation
) -> None:
    made = assign(client, organisation)
    assert made.status_code == 201, made.text
    questions = made.json()["questions"]
    assert [q["text"] for q in questions] == [q["text"] for q in WRITTEN]
    assert [q["key_points"] for q in questions] == [q["key_points"] for q in WRITTEN]
    assert made.json()["interview_type"] == "mixed"


def test_bank_questions_come_from_the_topics_nearest_the_difficulty(
    client: TestClient, organisation: Organisation
) -> None:
    topics = client.get("/api/assignments/topics", headers=organisation.coach.headers).json()
    chosen = [topics[0]["topic"], topics[1]["topic"]]
    made = assign(
        client,
        organisation,
        questions={"source": "bank", "topics": chosen, "difficulty": 2, "count": 4},
    )
    assert made.status_code == 201, made.text
    questions = made.json()["questions"]
    assert [q["topic"] for q in questions] == [chosen[0], chosen[1], chosen[0], chosen[1]]
    assert all(q["source"].startswith("bank:") and q["key_points"] for q in questions)


def test_job_questions_are_planned_from_the_job_description(
    client: TestClient, organisation: Organisation
) -> None:
    job = (
        "Backend engineer. You will build Python services on PostgreSQL, design REST APIs, "
        "review code and mentor junior engineers. Experience with Docker and AWS is a plus."
    )
    made = assign(
        client,
        organisation,
        questions={"source": "job", "job_description": job, "count": 3},
        role="Backend engineer",
    )
    assert made.status_code == 201, made.text
    assert len(made.json()["questions"]) == 3
    assert all(q["text"] and q["reason"] for q in made.json()["questions"])


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"questions": {"source": "written", "questions": []}}, "at least one question"),
        ({"questions": {"source": "bank", "topics": ["no-such-topic"]}}, "no topic no-such-topic"),
        ({"questions": {"source": "job", "job_description": " "}}, "Paste the job description"),
        ({"due_at": (utcnow() - timedelta(hours=1)).isoformat()}, "due date has passed"),
        ({"title": "   "}, "Give the assignment a title"),
        ({"rubric": [{"name": "Clarity", "levels": []}]}, "needs at least two levels"),
        (
            {"rubric": [{"name": "Pace", "levels": [{"label": "a"}, {"label": "b"}]}] * 2},
            "same name",
        ),
    ],
    ids=[
        "no questions",
        "unknown topic",
        "empty job",
        "past due",
        "blank title",
        "no levels",
        "twice",
    ],
)
def test_a_bad_assignment_is_refused_with_its_reason(
    client: TestClient, organisation: Organisation, fields: dict[str, Any], words: str
) -> None:
    _refused(assign(client, organisation, **fields), 422, words)
    listed = client.get(organisation.path("/assignments"), headers=organisation.coach.headers)
    assert listed.json()["total"] == 0


def test_a_member_sees_it_at_home_and_takes_it_as_an_interview(
    client: TestClient, organisation: Organisation, member: ApiUser
) -> None:
    assignment_id = assigned(client, organisation)
    [mine] = _mine(client, member)
    assert (mine["assignment"]["id"], mine["status"], mine["attempts_used"]) == (
        assignment_id,
        "not_started",
        0,
    )
    started = client.post(f"/api/assignments/{assignment_id}/attempts", headers=member.headers)
    assert started.status_code == 201, started.text
    session_id = started.json()["id"]
    asked = client.get(f"/api/sessions/{session_id}/questions", headers=member.headers).json()
    assert [q["text"] for q in asked] == [q["text"] for q in WRITTEN]
    assert _mine(client, member)[0]["status"] == "in_progress"
    answered = client.post(
        f"/api/sessions/{session_id}/questions/{asked[0]['id']}/answers",
        data={"text": "We disagreed about caching; I listened and we measured."},
        headers=member.headers,
    )
    assert answered.status_code == 201
    client.post(f"/api/sessions/{session_id}/complete", headers=member.headers)
    [done] = _mine(client, member)
    assert (done["status"], done["latest_session_id"]) == ("done", session_id)
    assert client.get("/api/assignments", headers=organisation.coach.headers).json()["total"] == 0


def test_an_attempt_finished_after_the_due_date_is_late(
    client: TestClient, organisation: Organisation, member: ApiUser
) -> None:
    assignment_id = assigned(client, organisation)
    database = client.app.state.runtime.database  # type: ignore[attr-defined]
    with database.transaction() as session:
        session.execute(update(Assignment).values(due_at=utcnow() - timedelta(minutes=1)))
    assert _mine(client, member)[0]["status"] == "late"
    take(client, member, assignment_id, "An answer.")
    assert _mine(client, member)[0]["status"] == "late"


def test_no_more_attempts_than_allowed(
    client: TestClient, organisation: Organisation, member: ApiUser
) -> None:
    assignment_id = assigned(client, organisation, attempts_allowed=1)
    take(client, member, assignment_id)
    again = client.post(f"/api/assignments/{assignment_id}/attempts", headers=member.headers)
    _refused(again, 409, "used all 1 attempts")
    assert _mine(client, member)[0]["attempts_used"] == 1


def test_the_coach_extends_the_due_date_and_allows_another_attempt(
    client: TestClient, organisation: Organisation, member: ApiUser
) -> None:
    assignment_id = assigned(client, organisation, attempts_allowed=1)
    take(client, member, assignment_id)
    later = (utcnow() + timedelta(days=30)).isoformat()
    changed = client.patch(
        f"/api/assignments/{assignment_id}",
        json={"due_at": later, "attempts_allowed": 2, "title": "  Mock  interview, again "},
        headers=organisation.coach.headers,
    )
    assert changed.status_code == 200, changed.text
    assert (changed.json()["attempts_allowed"], changed.json()["title"]) == (
        2,
        "Mock interview, again",
    )
    again = client.post(f"/api/assignments/{assignment_id}/attempts", headers=member.headers)
    assert again.status_code == 201, again.text


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"due_at": (utcnow() - timedelta(days=1)).isoformat()}, "due date has passed"),
        ({"title": None}, "cannot be null"),
        ({"title": "   "}, "Give the assignment a title"),
    ],
    ids=["past due", "null", "blank title"],
)
def test_a_bad_change_is_refused_and_nothing_changes(
    client: TestClient, organisation: Organisation, changes: dict[str, Any], words: str
) -> None:
    assignment_id = assigned(client, organisation)
    path = f"/api/assignments/{assignment_id}"
    before = client.get(path, headers=organisation.coach.headers).json()
    _refused(client.patch(path, json=changes, headers=organisation.coach.headers), 422, words)
    assert client.get(path, headers=organisation.coach.headers).json() == before


def test_a_question_is_practised_again_only_within_the_attempts_allowed(
    client: TestClient, organisation: Organisation, member: ApiUser
) -> None:
    session_id = take(client, member, assigned(client, organisation, attempts_allowed=2))
    question = client.get(f"/api/sessions/{session_id}/questions", headers=member.headers).json()[0]
    path = f"/api/sessions/{session_id}/questions/{question['id']}"
    first = client.post(f"{path}/answers", data={"text": "First."}, headers=member.headers)
    assert first.status_code == 201, first.text
    again = client.post(f"{path}/attempts", data={"text": "Second."}, headers=member.headers)
    assert again.status_code == 201, again.text
    third = client.post(f"{path}/attempts", data={"text": "Third."}, headers=member.headers)
    _refused(third, 409, "allows 2 attempts at each question")


def test_an_assignment_asking_for_video_refuses_sound_alone(
    client: TestClient, organisation: Organisation, member: ApiUser
) -> None:
    session_id = take(client, member, assigned(client, organisation, video_required=True))
    question = client.get(f"/api/sessions/{session_id}/questions", headers=member.headers).json()[0]
    path = f"/api/sessions/{session_id}/questions/{question['id']}/answers"
    sound = encoded_bytes("webm", audio_codec="libopus")
    refused = client.post(
        path, files={"media": ("a.webm", sound, "audio/webm")}, headers=member.headers
    )
    _refused(refused, 422, "asks for video")
    typed = client.post(path, data={"text": "Typed instead."}, headers=member.headers)
    _refused(typed, 422, "asks for video")
    filmed = encoded_bytes("webm", audio_codec="libopus", video_codec="libvpx")
    accepted = client.post(
        path, files={"media": ("a.webm", filmed, "video/webm")}, headers=member.headers
    )
    assert accepted.status_code == 201, accepted.text


def test_a_deleted_assignment_leaves_the_members_attempts_theirs(
    client: TestClient, organisation: Organisation, member: ApiUser
) -> None:
    assignment_id = assigned(client, organisation)
    session_id = take(client, member, assignment_id, "My answer.")
    gone = client.delete(f"/api/assignments/{assignment_id}", headers=organisation.coach.headers)
    assert gone.status_code == 204
    assert _mine(client, member) == []
    kept = client.get(f"/api/sessions/{session_id}/report", headers=member.headers)
    assert kept.status_code == 200
    assert kept.json()["answers"][0]["text"] == "My answer."
    refused = client.get(f"/api/assignments/{assignment_id}", headers=member.headers)
    assert (refused.status_code, error_code(refused)) == (404, "not_found")
