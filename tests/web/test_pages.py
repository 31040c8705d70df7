"""The page routes without a browser: who sees what, and the headers every page carries."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from rehearse.feedback.judge.verdict import ContentJudgement
from rehearse.interviews.models import Answer
from rehearse.progress.practice_mastery import count_attempt
from rehearse.reports.judging import queue_judgement
from rehearse.runtime import Runtime
from rehearse.web.app import create_app
from tests.support.api import ApiUser
from tests.support.judged import SAID_MISSING, judge_on, keep_judgement, story_judgement
from tests.support.store import answered_question
from tests.web.browser import browser_sign_in

SIGNED_IN_PAGES = ["/", "/sessions/new", "/progress", "/settings", "/classes", "/join"]
SIGNED_OUT_PAGES = ["/signin", "/signup", "/forgot-password", "/reset-password", "/confirm-email"]


@pytest.mark.parametrize("path", SIGNED_IN_PAGES)
def test_a_signed_out_visitor_is_sent_to_sign_in(client: TestClient, path: str) -> None:
    response = client.get(path, follow_redirects=False)
    assert response.status_code == 303
    expected = "/signin" if path == "/" else f"/signin?next={path.replace('/', '%2F')}"
    assert response.headers["location"] == expected


def test_a_session_page_signed_out_comes_back_after_sign_in(client: TestClient) -> None:
    response = client.get("/sessions/123/interview?x=1", follow_redirects=False)
    assert response.headers["location"] == "/signin?next=%2Fsessions%2F123%2Finterview%3Fx%3D1"


@pytest.mark.parametrize("path", SIGNED_OUT_PAGES)
def test_the_signed_out_pages_are_open(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")


def test_every_signed_in_page_renders_with_its_security_headers(client: TestClient) -> None:
    csrf = browser_sign_in(client, "ada@example.com")
    session = client.post(
        "/api/sessions", json={"title": "Backend"}, headers={"X-CSRF-Token": csrf}
    ).json()
    for path in [
        *SIGNED_IN_PAGES,
        f"/sessions/{session['id']}",
        f"/sessions/{session['id']}/interview",
    ]:
        response = client.get(path)
        assert response.status_code == 200, f"{path}: {response.text[:500]}"
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert response.headers["cache-control"] == "no-store"
        assert "<main" in response.text


def test_a_signed_in_visitor_skips_the_sign_in_page(client: TestClient) -> None:
    browser_sign_in(client, "ada@example.com")
    response = client.get("/signin?next=/progress", follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, "/progress")


@pytest.mark.parametrize("after", ["//evil.example/", "https://evil.example/", "\\\\evil"])
def test_sign_in_never_sends_anyone_to_another_site(client: TestClient, after: str) -> None:
    response = client.get("/signin", params={"next": after})
    assert 'data-next="/"' in response.text


def test_another_users_interview_is_not_found(client: TestClient, alice: ApiUser) -> None:
    session = client.post("/api/sessions", json={"title": "Alice's"}, headers=alice.headers).json()
    browser_sign_in(client, "bob@example.com")
    for path in [f"/sessions/{session['id']}", f"/sessions/{session['id']}/interview"]:
        response = client.get(path)
        assert response.status_code == 404
        assert "Alice's" not in response.text
    assert client.get("/sessions/not-an-id").status_code == 404


def test_the_dashboard_shows_the_report(client: TestClient) -> None:
    csrf = browser_sign_in(client, "ada@example.com")
    headers = {"X-CSRF-Token": csrf}
    session = client.post("/api/sessions", json={"title": "Typed"}, headers=headers).json()
    question = client.post(
        f"/api/sessions/{session['id']}/questions",
        json={"text": "Tell me about a time you fixed a slow page."},
        headers=headers,
    ).json()
    client.post(
        f"/api/sessions/{session['id']}/questions/{question['id']}/answers",
        data={"text": "I profiled it, added an index and it dropped from 4 s to 300 ms."},
        headers=headers,
    )
    page = client.get(f"/sessions/{session['id']}").text
    assert "Tell me about a time you fixed a slow page." in page
    assert "I profiled it" in page
    assert "still being analysed" not in page  # a typed answer has nothing to wait for
    # each score card says how far the score agrees with human interviewers
    assert "Agrees with human interviewers at StructuredAnswers rho" in page
    assert "data-agreement" in page


def _answered_off_topic(client: TestClient, headers: dict[str, str], questions: list[str]) -> str:
    birds = (
        "So there was this bird, a little sparrow, that lived on top of my neighbour's hat. "
        "Every morning the hat went out for a walk and the bird sang to it about the weather. "
        "One day the hat blew away and the sparrow flew after it across the park and the pond."
    )
    sid: str = client.post("/api/sessions", json={"title": "Birds"}, headers=headers).json()["id"]
    for text in questions:
        question = client.post(
            f"/api/sessions/{sid}/questions", json={"text": text}, headers=headers
        ).json()
        client.post(
            f"/api/sessions/{sid}/questions/{question['id']}/answers",
            data={"text": birds},
            headers=headers,
        )
    return sid


def test_a_session_answered_off_topic_is_not_graded_and_says_why(client: TestClient) -> None:
    headers = {"X-CSRF-Token": browser_sign_in(client, "ada@example.com")}
    sid = _answered_off_topic(
        client,
        headers,
        [
            "What do you know about our company, and what made you apply here?",
            "Why should we hire you rather than the other candidates?",
        ],
    )
    report = client.get(f"/api/sessions/{sid}/report", headers=headers).json()
    assert report["overall"] is None
    assert report["overall_note"].startswith("Not graded: 2 of 2 answers did not address")
    assert all(answer["off_topic"] for answer in report["answers"])
    page = client.get(f"/sessions/{sid}").text
    assert str(escape("Not graded: 2 of 2 answers did not address their question")) in page


def test_the_dashboard_shows_a_follow_up_between_the_answer_and_its_reply(
    client: TestClient,
) -> None:
    headers = {"X-CSRF-Token": browser_sign_in(client, "ada@example.com")}
    sid = client.post("/api/sessions", json={"title": "Story"}, headers=headers).json()["id"]
    question = client.post(
        f"/api/sessions/{sid}/questions",
        json={"text": "Tell me about a time you made a slow release process faster."},
        headers=headers,
    ).json()
    said = [
        "In 2023 I led our billing release work. Deploys took two hours and failed one time in "
        "five, so my task was to make them safe. I wrote the plan and set up canary releases "
        "and contract tests with my team.",
        "As a result deploys dropped from two hours to twelve minutes.",
    ]
    turns = []
    for text in said:
        answer = client.post(
            f"/api/sessions/{sid}/questions/{question['id']}/answers",
            data={"text": text},
            headers=headers,
        ).json()
        turns.append(
            client.post(f"/api/sessions/{sid}/answers/{answer['id']}/turn", headers=headers).json()
        )
    assert turns[0]["move"] == "follow_up"

    page = client.get(f"/sessions/{sid}").text
    answer, follow_up, reply = (
        page.index(said[0]),
        page.index('data-exchange="follow_up"'),
        page.index(said[1]),
    )
    assert answer < follow_up < reply
    assert escape(turns[0]["say"]) in page[follow_up:reply]
    assert escape(f"Why: {turns[0]['reason']}") in page[follow_up:reply]
    assert "Reply 2" in page
    assert "scored on both replies" in page


def test_static_files_are_revalidated(client: TestClient) -> None:
    script = client.get("/static/js/interview.js")
    assert script.status_code == 200
    assert "javascript" in script.headers["content-type"]
    assert script.headers["cache-control"] == "no-cache"
    assert client.get("/favicon.ico").status_code == 200


@pytest.fixture
def judging_client(tmp_path: Path, database_url: str) -> Iterator[TestClient]:
    """The app with the content judge on and no job worker: its verdicts are the tests' own
    (``tests.support.judged``), its server never asked."""
    settings = judge_on(tmp_path / "data", database_url)
    with TestClient(create_app(settings, run_jobs=False)) as client:
        yield client


def test_progress_lists_the_questions_to_practise_with_why_and_a_link(
    judging_client: TestClient,
) -> None:
    client = judging_client
    headers = {"X-CSRF-Token": browser_sign_in(client, "ada@example.com")}
    sid = client.post("/api/sessions", json={"title": "Monday"}, headers=headers).json()["id"]
    asked = {"text": "Tell me about a time you fixed a slow page.", "topic": "web-backend"}
    qid = client.post(f"/api/sessions/{sid}/questions", json=asked, headers=headers).json()["id"]
    said = {"text": "We made the page faster and everyone was happy with it."}
    answer = client.post(
        f"/api/sessions/{sid}/questions/{qid}/answers", data=said, headers=headers
    ).json()
    runtime: Runtime = client.app.state.runtime  # type: ignore[attr-defined]
    judged = story_judgement(42, parts={SAID_MISSING: "missing"})
    keep_judgement(runtime, [uuid.UUID(answer["id"])], judged)
    page = client.get("/progress").text
    assert "Questions to practise" in page
    assert "Weak content: 42 of 100" in page
    assert f"The story has no {SAID_MISSING}" in page
    assert f'href="/sessions/{sid}/questions/{qid}/practise"' in page


def test_the_dashboard_says_where_the_answers_stand_in_the_judge_s_line(
    judging_client: TestClient,
) -> None:
    client = judging_client
    runtime: Runtime = client.app.state.runtime  # type: ignore[attr-defined]
    with runtime.database.transaction() as db:  # another candidate's answer, judged first
        first, _ = answered_question(db, "Why this team?", "Because I like the work it does.")
        queue_judgement(db, runtime.queue, first.id, first.session.user_id)
    headers = {"X-CSRF-Token": browser_sign_in(client, "ada@example.com")}
    sid = client.post("/api/sessions", json={"title": "Monday"}, headers=headers).json()["id"]
    asked = {"text": "Tell me about a time you fixed a slow page."}
    qid = client.post(f"/api/sessions/{sid}/questions", json=asked, headers=headers).json()["id"]
    said = {"text": "We made the page faster and everyone was happy with it."}
    client.post(f"/api/sessions/{sid}/questions/{qid}/answers", data=said, headers=headers)
    page = client.get(f"/sessions/{sid}").text
    assert "The content judge is still reading 1 answer" in page
    assert "(1 answer ahead of yours)" in page


def test_progress_says_how_many_practice_attempts_fed_a_topic(client: TestClient) -> None:
    headers = {"X-CSRF-Token": browser_sign_in(client, "ada@example.com")}
    sid = client.post("/api/sessions", json={"title": "Monday"}, headers=headers).json()["id"]
    asked = {"text": "What does an index do?", "kind": "technical", "topic": "databases"}
    qid = client.post(f"/api/sessions/{sid}/questions", json=asked, headers=headers).json()["id"]
    said = {"text": "It lets the database find rows without reading the whole table."}
    attempt = client.post(
        f"/api/sessions/{sid}/questions/{qid}/attempts", data=said, headers=headers
    ).json()
    runtime: Runtime = client.app.state.runtime  # type: ignore[attr-defined]
    with runtime.database.transaction() as db:
        judged = ContentJudgement("a judge", "explanation", 80.0, True, 0.1, (), "")
        count_attempt(db, db.get_one(Answer, uuid.UUID(attempt["id"])), judged)
    page = client.get("/progress").text
    assert "Databases" in page
    assert "1 practice" in page


def test_no_form_can_put_its_fields_in_an_address() -> None:
    # Every form is sent by its page's script; one submitted before the script runs (or
    # without it) must never carry a password or a token into a URL, as a GET would.
    templates = Path(__file__).resolve().parents[2] / "src" / "rehearse" / "web" / "templates"
    forms = [
        (template.name, tag)
        for template in templates.glob("*.html")
        for tag in re.findall(r"<form\b[^>]*>", template.read_text(encoding="utf-8"))
    ]
    assert forms
    assert [(name, tag) for name, tag in forms if 'method="post"' not in tag] == []
