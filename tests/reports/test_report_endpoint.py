"""A full session from the shared fixtures, answered by voice and by text, gives a report."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdf
import pytest
from fastapi.testclient import TestClient

from rehearse.web.app import create_app
from tests.conftest import make_settings, own_postgres_database, shared_fixture
from tests.support.api import ApiUser, error_code, sign_up, wait_for_every_job, wait_for_job

STORY = (
    "Last year I led the move of our login service to a new identity provider. The situation "
    "was that 30 percent of support tickets were about locked accounts. My task was to cut "
    "that without downtime. I designed the migration, I wrote the dual-write code in Ruby, and "
    "I ran a canary with 5 percent of users for two weeks. As a result locked-account tickets "
    "fell by 60 percent and we had zero minutes of downtime."
)


def _spoken(text: str, rate: int) -> bytes:
    return subprocess.run(
        ["espeak-ng", "-s", str(rate), "--stdout", text], check=True, capture_output=True
    ).stdout


def _answer(client: TestClient, user: ApiUser, sid: str, qid: str, **body: Any) -> dict[str, Any]:
    response = client.post(
        f"/api/sessions/{sid}/questions/{qid}/answers", headers=user.headers, **body
    )
    assert response.status_code == 201, response.text
    answer: dict[str, Any] = response.json()
    if answer["analysis_job_id"]:
        assert wait_for_job(client, user, answer["analysis_job_id"])["status"] == "done"
    return answer


@dataclass(frozen=True)
class Reported:
    client: TestClient
    alice: ApiUser
    session_id: str


@pytest.fixture(
    scope="module",
    params=[pytest.param("sqlite"), pytest.param("postgres", marks=pytest.mark.postgres)],
)
def reported(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    sqlite_template: Path,
) -> Iterator[Reported]:
    """One answered session on a database of its own, shared by the tests that only read its
    report: analysing its recordings is most of this module's time."""
    folder = tmp_path_factory.mktemp("reported")
    with ExitStack() as stack:
        if request.param == "sqlite":
            shutil.copy(sqlite_template, folder / "rehearse.sqlite3")
            url = f"sqlite:///{folder / 'rehearse.sqlite3'}"
        else:
            url = stack.enter_context(own_postgres_database())
        settings = make_settings(folder / "data", url)
        client = stack.enter_context(TestClient(create_app(settings)))
        alice = sign_up(client, "alice@example.com")
        answered = _answered_session(client, alice)
        wait_for_every_job(client)  # its mail and judgements: none left to run between tests
        yield Reported(client, alice, answered)


def _answered_session(client: TestClient, alice: ApiUser) -> str:
    job = shared_fixture("jobs/software_engineer_login_gov.txt").read_text(encoding="utf-8")
    pdf = shared_fixture("resumes/resume-matcher_john_doe_senior_swe.pdf").read_bytes()
    jfk = shared_fixture("audio/jfk.wav").read_bytes()
    h = alice.headers
    sid = client.post(
        "/api/sessions", json={"title": "Login.gov", "job_description": job}, headers=h
    ).json()["id"]
    client.put(
        f"/api/sessions/{sid}/resume", files={"file": ("cv.pdf", pdf, "application/pdf")}, headers=h
    )
    client.post(f"/api/sessions/{sid}/plan", json={"length": 4}, headers=h)
    q = client.get(f"/api/sessions/{sid}/questions", headers=h).json()
    _answer(client, alice, sid, q[0]["id"], files={"media": ("jfk.wav", jfk, "audio/wav")})
    _answer(
        client, alice, sid, q[1]["id"], files={"media": ("a.wav", _spoken(STORY, 150), "audio/wav")}
    )
    _answer(client, alice, sid, q[2]["id"], data={"text": STORY})
    return str(sid)


@pytest.mark.slow
def test_the_report_scores_every_answer_and_recommends(reported: Reported) -> None:
    client, alice, session_id = reported.client, reported.alice, reported.session_id
    response = client.get(f"/api/sessions/{session_id}/report", headers=alice.headers)
    assert response.status_code == 200, response.text
    report = response.json()
    read_aloud, recorded, typed, skipped = report["answers"]
    assert "delivery" in {s["name"] for s in read_aloud["scores"]}
    assert {s["name"] for s in recorded["scores"]} >= {"content", "delivery", "vocal confidence"}
    assert {s["name"] for s in typed["scores"]} == {"content", "structure", "clarity"}
    assert recorded["timeline"]
    assert recorded["words"]
    assert skipped["answered"] is False
    assert {s["name"] for s in report["scores"]} >= {"content", "delivery"}
    assert report["overall"] is not None
    assert report["recommendations"]
    assert report["candidate"] == "JOHN DOE"
    for score in report["scores"]:
        assert score["value"] == pytest.approx(
            sum(m["points"] for m in score["measurements"]), abs=1.0
        )


@pytest.mark.slow
def test_the_pdf_holds_the_questions_and_the_recommendations(reported: Reported) -> None:
    client, alice, session_id = reported.client, reported.alice, reported.session_id
    response = client.get(
        f"/api/sessions/{session_id}/report", params={"format": "pdf"}, headers=alice.headers
    )
    assert response.headers["content-type"] == "application/pdf"
    text = " ".join(
        page.extract_text() for page in pypdf.PdfReader(io.BytesIO(response.content)).pages
    )
    questions = client.get(f"/api/sessions/{session_id}/questions", headers=alice.headers).json()
    assert questions[1]["text"][:40] in " ".join(text.split())
    assert "What to work on" in text


@pytest.mark.slow
def test_the_html_report_is_one_page_for_a_browser(reported: Reported) -> None:
    client, alice, session_id = reported.client, reported.alice, reported.session_id
    response = client.get(
        f"/api/sessions/{session_id}/report", params={"format": "html"}, headers=alice.headers
    )
    assert response.headers["content-type"].startswith("text/html")
    assert "JOHN DOE" in response.text


@pytest.mark.slow
def test_every_score_says_how_far_it_agrees_with_people(reported: Reported) -> None:
    client, alice, session_id = reported.client, reported.alice, reported.session_id
    report = client.get(f"/api/sessions/{session_id}/report", headers=alice.headers).json()
    scores = {s["name"]: s for s in report["scores"]}
    assert all(score["agreement"] for score in scores.values())
    assert scores["structure"]["graded"] is True
    assert "Agrees with human interviewers" in scores["structure"]["agreement"]
    assert scores["delivery"]["graded"] is False
    assert scores["delivery"]["label"] == "coaching check"
    html = client.get(
        f"/api/sessions/{session_id}/report", params={"format": "html"}, headers=alice.headers
    ).text
    assert "Agrees with human interviewers" in html
    assert "a coaching check against published guidance" in html
    pdf = client.get(
        f"/api/sessions/{session_id}/report", params={"format": "pdf"}, headers=alice.headers
    ).content
    text = " ".join(
        " ".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages
    )
    assert "Agrees with human interviewers" in text


def test_an_unknown_format_is_refused(client: TestClient, alice: ApiUser) -> None:
    sid = client.post("/api/sessions", json={"title": "t"}, headers=alice.headers).json()["id"]
    response = client.get(
        f"/api/sessions/{sid}/report", params={"format": "docx"}, headers=alice.headers
    )
    assert (response.status_code, error_code(response)) == (422, "validation_failed")


def test_a_session_without_answers_still_has_a_report(client: TestClient, alice: ApiUser) -> None:
    sid = client.post("/api/sessions", json={"title": "t"}, headers=alice.headers).json()["id"]
    report = client.get(f"/api/sessions/{sid}/report", headers=alice.headers).json()
    assert report["answers"] == []
    assert report["overall"] is None


def _practised(client: TestClient, user: ApiUser) -> tuple[str, str]:
    """A session of one question answered (typed), then practised twice (typed)."""
    h = user.headers
    sid: str = client.post("/api/sessions", json={"title": "t"}, headers=h).json()["id"]
    qid: str = client.post(
        f"/api/sessions/{sid}/questions", json={"text": "Why this job?", "kind": "behavioural"},
        headers=h,
    ).json()["id"]  # fmt: skip
    _answer(client, user, sid, qid, data={"text": "I need a job."})
    for said in ("I like the product.", "I use your product daily and want to build it."):
        posted = client.post(
            f"/api/sessions/{sid}/questions/{qid}/attempts", data={"text": said}, headers=h
        )
        assert posted.status_code == 201, posted.text
    return sid, qid


def test_the_reports_practice_is_the_comparison_the_endpoint_gives(
    client: TestClient, alice: ApiUser
) -> None:
    sid, qid = _practised(client, alice)
    report = client.get(f"/api/sessions/{sid}/report", headers=alice.headers).json()
    compared = client.get(
        f"/api/sessions/{sid}/questions/{qid}/comparison", headers=alice.headers
    ).json()
    (practised,) = report["practice"]
    assert practised["question_id"] == qid
    assert practised["compared"] == compared["baseline"]
    assert practised["previous"] == compared["previous"]


def test_the_html_report_links_each_answer_to_practising_it_again(
    client: TestClient, alice: ApiUser
) -> None:
    sid, qid = _practised(client, alice)
    html = client.get(
        f"/api/sessions/{sid}/report", params={"format": "html"}, headers=alice.headers
    ).text
    assert f'<a href="/sessions/{sid}/questions/{qid}/practise" data-practise>' in html


def test_the_exported_report_shows_the_attempts_the_export_holds(
    client: TestClient, alice: ApiUser
) -> None:
    sid, _ = _practised(client, alice)
    client.get(f"/api/sessions/{sid}/report", headers=alice.headers)  # kept as its snapshot
    export = zipfile.ZipFile(
        io.BytesIO(client.get("/api/me/export", headers=alice.headers).content)
    )
    (kept,) = json.loads(export.read(f"sessions/{sid}/reports.json"))
    answers = json.loads(export.read(f"sessions/{sid}/answers.json"))
    shown = [a["answer_id"] for p in kept["data"]["practice"] for a in p["attempts"]]
    assert len(shown) == 2
    assert set(shown) == {a["id"] for a in answers if a["practice"]}
