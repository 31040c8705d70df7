"""Practising a question again through the API: attempts kept beside the interview, never in
its conversation or report, compared with the interview's answer and with each other."""

from __future__ import annotations

import io
import json
import threading
import uuid
import zipfile
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi.testclient import TestClient

from rehearse.interviewer.coding.problems import problem
from rehearse.interviews.models import Question, QuestionKind
from rehearse.practice.service import MAX_ATTEMPTS
from rehearse.runtime import Runtime
from tests.interviewer.test_problems import NEIGHBOURS_ONLY, SOLUTIONS
from tests.support.api import ApiUser, wait_for_every_job

QUESTION = "How would you make a slow web API endpoint faster?"
FIRST = "I guess I would make it faster somehow, maybe with caching."
AGAIN = (
    "I would profile the endpoint first, find the slow query, add an index and cache the "
    "results in Redis; in my last project that took the p95 from 900 ms to 120 ms."
)


def _question(client: TestClient, user: ApiUser, answer: str | None) -> tuple[str, str]:
    """A session with one question, answered in the interview when ``answer`` is given."""
    h = user.headers
    sid: str = client.post("/api/sessions", json={"title": "Practice"}, headers=h).json()["id"]
    qid: str = client.post(
        f"/api/sessions/{sid}/questions", json={"text": QUESTION, "kind": "technical"}, headers=h
    ).json()["id"]
    if answer is not None:
        posted = client.post(f"/api/sessions/{sid}/questions/{qid}/answers", data={"text": answer},
                             headers=h)  # fmt: skip
        assert posted.status_code == 201, posted.text
    return sid, qid


def _practise(client: TestClient, user: ApiUser, sid: str, qid: str, text: str) -> Any:
    response = client.post(
        f"/api/sessions/{sid}/questions/{qid}/attempts", data={"text": text}, headers=user.headers
    )
    assert response.status_code == 201, response.text
    return response.json()


def test_an_attempt_is_kept_as_practice_and_listed(client: TestClient, alice: ApiUser) -> None:
    sid, qid = _question(client, alice, FIRST)
    attempt = _practise(client, alice, sid, qid, AGAIN)
    assert attempt["practice"] is True
    listed = client.get(f"/api/sessions/{sid}/questions/{qid}/attempts", headers=alice.headers)
    assert [a["id"] for a in listed.json()] == [attempt["id"]]


def test_the_interviews_report_is_unchanged_by_practice(client: TestClient, alice: ApiUser) -> None:
    sid, qid = _question(client, alice, FIRST)
    report = f"/api/sessions/{sid}/report"
    before = client.get(report, headers=alice.headers).json()["answers"]
    _practise(client, alice, sid, qid, AGAIN)
    after = client.get(report, headers=alice.headers).json()["answers"]
    assert [a["text"] for a in after] == [a["text"] for a in before] == [FIRST]
    assert [a["overall"] for a in after] == [a["overall"] for a in before]


def test_the_latest_attempt_is_compared_with_the_interviews_answer(
    client: TestClient, alice: ApiUser
) -> None:
    sid, qid = _question(client, alice, FIRST)
    _practise(client, alice, sid, qid, AGAIN)
    compared = client.get(f"/api/sessions/{sid}/questions/{qid}/comparison", headers=alice.headers)
    assert compared.status_code == 200, compared.text
    body = compared.json()
    assert body["baseline"]["words"] == [len(FIRST.split()), len(AGAIN.split())]
    assert body["baseline"]["content"] is None  # the judge is off here: content not judged
    assert body["baseline"]["judging"] is False  # and nothing is waiting for it
    assert body["previous"] is None
    assert body["attempts"] == 1


def test_a_question_skipped_in_the_interview_is_compared_with_its_first_attempt(
    client: TestClient, alice: ApiUser
) -> None:
    sid, qid = _question(client, alice, None)
    url = f"/api/sessions/{sid}/questions/{qid}/comparison"
    _practise(client, alice, sid, qid, FIRST)
    assert client.get(url, headers=alice.headers).status_code == 409
    _practise(client, alice, sid, qid, AGAIN)
    body = client.get(url, headers=alice.headers).json()
    assert body["baseline"]["words"] == [len(FIRST.split()), len(AGAIN.split())]
    assert body["previous"]["words"] == body["baseline"]["words"]


def test_nothing_to_compare_before_practice_is_a_conflict(
    client: TestClient, alice: ApiUser
) -> None:
    sid, qid = _question(client, alice, FIRST)
    response = client.get(f"/api/sessions/{sid}/questions/{qid}/comparison", headers=alice.headers)
    assert response.status_code == 409
    assert "nothing to compare" in response.json()["error"]["message"]


def test_a_practice_attempt_has_no_turn(client: TestClient, alice: ApiUser) -> None:
    sid, qid = _question(client, alice, FIRST)
    attempt = _practise(client, alice, sid, qid, AGAIN)
    turn = client.post(f"/api/sessions/{sid}/answers/{attempt['id']}/turn", headers=alice.headers)
    assert turn.status_code == 409


def test_attempts_past_the_limit_are_refused_with_what_to_do(
    client: TestClient, alice: ApiUser
) -> None:
    sid, qid = _question(client, alice, FIRST)
    for _ in range(MAX_ATTEMPTS):
        _practise(client, alice, sid, qid, AGAIN)
    refused = client.post(
        f"/api/sessions/{sid}/questions/{qid}/attempts", data={"text": AGAIN}, headers=alice.headers
    )
    assert refused.status_code == 409
    assert "delete an attempt" in refused.json()["error"]["message"]


def test_an_empty_attempt_is_refused(client: TestClient, alice: ApiUser) -> None:
    sid, qid = _question(client, alice, FIRST)
    refused = client.post(
        f"/api/sessions/{sid}/questions/{qid}/attempts", data={"text": " "}, headers=alice.headers
    )
    assert refused.status_code == 422


def test_the_account_export_includes_attempts(client: TestClient, alice: ApiUser) -> None:
    sid, qid = _question(client, alice, FIRST)
    attempt = _practise(client, alice, sid, qid, AGAIN)
    export = zipfile.ZipFile(
        io.BytesIO(client.get("/api/me/export", headers=alice.headers).content)
    )
    answers = json.loads(export.read(f"sessions/{sid}/answers.json"))
    assert {(a["id"], a["practice"]) for a in answers} >= {(attempt["id"], True)}


def test_a_deleted_sessions_attempts_are_gone(client: TestClient, alice: ApiUser) -> None:
    sid, qid = _question(client, alice, FIRST)
    _practise(client, alice, sid, qid, AGAIN)
    assert client.delete(f"/api/sessions/{sid}", headers=alice.headers).status_code == 204
    listed = client.get(f"/api/sessions/{sid}/questions/{qid}/attempts", headers=alice.headers)
    assert listed.status_code == 404


def test_two_tabs_practising_at_once_keep_both_attempts_and_compare_the_latest(
    client: TestClient, alice: ApiUser
) -> None:
    sid, qid = _question(client, alice, FIRST)
    texts = [AGAIN, f"{AGAIN} Then I would measure it again."]
    together = threading.Barrier(len(texts))

    def tab(text: str) -> Any:
        together.wait()  # both tabs post at the same moment
        return _practise(client, alice, sid, qid, text)

    with ThreadPoolExecutor(len(texts)) as tabs:
        posted = list(tabs.map(tab, texts))
    listed = client.get(f"/api/sessions/{sid}/questions/{qid}/attempts", headers=alice.headers)
    attempts = listed.json()
    assert sorted(a["id"] for a in attempts) == sorted(a["id"] for a in posted)
    compared = client.get(f"/api/sessions/{sid}/questions/{qid}/comparison", headers=alice.headers)
    assert compared.status_code == 200, compared.text
    body = compared.json()
    assert body["attempts"] == 2
    assert body["baseline"]["words"][1] == len(attempts[-1]["text"].split())
    assert body["previous"]["words"] == [len(a["text"].split()) for a in attempts]


def _coding_question(client: TestClient, user: ApiUser) -> tuple[str, str]:
    """A session with the two-sum problem as its question, as a coding plan stores it (only a
    plan makes coding questions; planning is not what is tested here)."""
    sid: str = client.post("/api/sessions", json={"title": "Code"}, headers=user.headers).json()[
        "id"
    ]
    runtime: Runtime = client.app.state.runtime  # type: ignore[attr-defined]
    two_sum = problem("two-sum")
    with runtime.database.transaction() as db:
        question = Question(
            session_id=uuid.UUID(sid), position=1, text=two_sum.prompt, source="coding:two-sum",
            kind=QuestionKind.CODING, topic=two_sum.topic, difficulty=two_sum.difficulty,
        )  # fmt: skip
        db.add(question)
        db.flush()
        return sid, str(question.id)


def test_a_coding_attempt_is_compared_by_the_hidden_tests_passed(
    client: TestClient, alice: ApiUser
) -> None:
    sid, qid = _coding_question(client, alice)
    base = f"/api/sessions/{sid}/questions/{qid}"
    posted = client.post(f"{base}/answers", data={"text": NEIGHBOURS_ONLY}, headers=alice.headers)
    assert posted.status_code == 201, posted.text
    _practise(client, alice, sid, qid, SOLUTIONS["two-sum"])
    wait_for_every_job(client)  # each graded in the sandbox by its job
    body = client.get(f"{base}/comparison", headers=alice.headers).json()["baseline"]
    total = len(problem("two-sum").tests)
    assert body["tests"] == {
        "before": {"passed": total - 1, "total": total},
        "after": {"passed": total, "total": total},
        "change": "better",
    }
    assert body["lead"] == f"This time your code passed all {total} tests."
    assert body["judging"] is False
