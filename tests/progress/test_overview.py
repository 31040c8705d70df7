"""Progress over sessions through the API: completing a session keeps its report, and the
overview shows trends, the best and worst answers, and coaching on the candidate's notes."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.support.api import ApiUser

QUESTION = "How would you make a slow web API endpoint faster?"
WEAK = "I guess I would try to make the slow endpoint faster, maybe caching, I don't really know."
STRONG = (
    "First I would measure: I would profile the endpoint and read its slow query log. In my "
    "last project the p95 latency was 900 ms because of an N+1 query in PostgreSQL. I rewrote "
    "it as one join, added an index on the customer id, and put a Redis cache in front of the "
    "product catalogue with a five minute expiry. Latency fell to 120 ms, and I added a "
    "dashboard alert so a regression would page us."
)


def _session(client: TestClient, user: ApiUser, title: str, answer: str | None) -> str:
    """A session with one technical question, answered in writing when ``answer`` is given."""
    h = user.headers
    sid: str = client.post("/api/sessions", json={"title": title}, headers=h).json()["id"]
    question = client.post(
        f"/api/sessions/{sid}/questions",
        json={"text": QUESTION, "kind": "technical", "topic": "web-backend"},
        headers=h,
    ).json()
    if answer is not None:
        response = client.post(
            f"/api/sessions/{sid}/questions/{question['id']}/answers",
            data={"text": answer},
            headers=h,
        )
        assert response.status_code == 201, response.text
    return sid


def _complete(client: TestClient, user: ApiUser, sid: str) -> dict[str, Any]:
    response = client.post(f"/api/sessions/{sid}/complete", headers=user.headers)
    assert response.status_code == 200, response.text
    report: dict[str, Any] = response.json()
    return report


def _progress(client: TestClient, user: ApiUser) -> dict[str, Any]:
    response = client.get("/api/progress", headers=user.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_an_answer_starts_the_session(client: TestClient, alice: ApiUser) -> None:
    sid = _session(client, alice, "First", WEAK)
    session = client.get(f"/api/sessions/{sid}", headers=alice.headers).json()
    assert session["status"] == "in_progress"
    assert session["started_at"] is not None


def test_completing_a_session_marks_it_and_keeps_its_report(
    client: TestClient, alice: ApiUser
) -> None:
    sid = _session(client, alice, "First", STRONG)
    report = _complete(client, alice, sid)
    session = client.get(f"/api/sessions/{sid}", headers=alice.headers).json()
    assert (session["status"], session["completed_at"] is not None) == ("completed", True)
    [listed] = _progress(client, alice)["sessions"]
    assert listed["overall"] == report["overall"] is not None


def test_a_session_without_a_report_is_listed_without_a_score(
    client: TestClient, alice: ApiUser
) -> None:
    _session(client, alice, "Not finished", None)
    progress = _progress(client, alice)
    assert [(s["title"], s["overall"]) for s in progress["sessions"]] == [("Not finished", None)]
    assert progress["trends"] == []


def test_a_better_second_session_shows_as_improving(client: TestClient, alice: ApiUser) -> None:
    _complete(client, alice, _session(client, alice, "Monday", WEAK))
    _complete(client, alice, _session(client, alice, "Friday", STRONG))
    trends = {t["competency"]: t for t in _progress(client, alice)["trends"]}
    content = trends["content"]
    assert content["points"][0]["value"] < content["latest"]
    assert content["direction"] == "improving"
    assert trends["overall"]["change"] > 0


def test_the_best_and_worst_answers_come_from_the_right_sessions(
    client: TestClient, alice: ApiUser
) -> None:
    _complete(client, alice, _session(client, alice, "Monday", WEAK))
    _complete(client, alice, _session(client, alice, "Friday", STRONG))
    progress = _progress(client, alice)
    assert [a["session_title"] for a in progress["best_answers"]] == ["Friday"]
    assert [a["session_title"] for a in progress["worst_answers"]] == ["Monday"]


def test_a_reflection_gets_a_response_from_the_measurements(
    client: TestClient, alice: ApiUser
) -> None:
    sid = _session(client, alice, "Monday", WEAK)
    _complete(client, alice, sid)
    note = client.post(
        f"/api/sessions/{sid}/reflections",
        json={"text": "I think I rambled and did not know the material."},
        headers=alice.headers,
    ).json()
    assert "content score" in note["coach_response"]
    assert "The change that would help most" in note["coach_response"]


def test_the_report_shows_each_reflection_with_its_response(
    client: TestClient, alice: ApiUser
) -> None:
    sid = _session(client, alice, "Monday", WEAK)
    client.post(
        f"/api/sessions/{sid}/reflections", json={"text": "I was unsure."}, headers=alice.headers
    )
    [note] = client.get(f"/api/sessions/{sid}/report", headers=alice.headers).json()["reflections"]
    assert note["text"] == "I was unsure."
    assert "content score" in note["response"]


def test_scores_add_up_from_their_measurements(client: TestClient, alice: ApiUser) -> None:
    sid = _session(client, alice, "Monday", STRONG)
    body = client.get(f"/api/sessions/{sid}/scores", headers=alice.headers).json()
    [answer] = body["answers"]
    assert {s["name"] for s in answer["scores"]} == {"content", "structure", "clarity"}
    for score in answer["scores"]:
        points = sum(m["points"] for m in score["measurements"])
        assert score["value"] == pytest.approx(points, abs=1.0)
    assert [b["score"] for b in answer["scored_on"]] == [s["name"] for s in answer["scores"]]
    assert "words" not in answer


def test_the_evaluation_holds_each_answers_content_reading(
    client: TestClient, alice: ApiUser
) -> None:
    sid = _session(client, alice, "Monday", STRONG)
    [answer] = client.get(f"/api/sessions/{sid}/evaluation", headers=alice.headers).json()[
        "answers"
    ]
    content = answer["content"]
    assert content["relevance"]["similarity"] > 0.3
    assert content["specificity"]["quantities"]
    assert answer["judgement"] is None  # the content judge is off here
