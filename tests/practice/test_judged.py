"""Attempts analysed and judged as answers are, each on its own, with a real llama.cpp server
(SmolLM2-135M: the flow is checked, not the tiny model's judgement) and real recordings."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from rehearse.interviews.repository import analysis_of
from rehearse.jobs.context import JobContext
from rehearse.reports.judging import JUDGE_CONTENT, KIND, judge_content
from rehearse.runtime import Runtime
from rehearse.web.app import create_app
from tests.conftest import make_settings, shared_fixture
from tests.support.api import ApiUser, sign_up, wait_for_every_job
from tests.support.net import free_port

# The flow, not the store, is under test here: SQLite alone keeps the model's time to one run.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.parametrize("database_url", ["sqlite"], indirect=True),
]
QUESTION = "Tell me about a time you fixed a slow system."


@pytest.fixture
def judged(
    tmp_path: Path, database_url: str, smollm2_judge: dict[str, str]
) -> Iterator[TestClient]:
    settings = make_settings(tmp_path / "data", database_url, **smollm2_judge)
    with TestClient(create_app(settings)) as client:
        yield client


def _spoken(text: str) -> tuple[str, bytes, str]:
    wav = subprocess.run(["espeak-ng", "--stdout", text], check=True, capture_output=True).stdout
    return ("answer.wav", wav, "audio/wav")


def _asked(client: TestClient, user: ApiUser) -> tuple[str, str]:
    h = user.headers
    sid = client.post("/api/sessions", json={"title": "Practice"}, headers=h).json()["id"]
    qid = client.post(
        f"/api/sessions/{sid}/questions", json={"text": QUESTION, "kind": "behavioural"}, headers=h
    ).json()["id"]
    return sid, qid


def _post(client: TestClient, user: ApiUser, url: str, **body: Any) -> dict[str, Any]:
    response = client.post(url, headers=user.headers, **body)
    assert response.status_code == 201, response.text
    posted: dict[str, Any] = response.json()
    return posted


def test_an_attempt_is_judged_on_its_own_and_compared_point_by_point(
    judged: TestClient,
) -> None:
    alice = sign_up(judged, "alice@example.com")
    sid, qid = _asked(judged, alice)
    base = f"/api/sessions/{sid}/questions/{qid}"
    _post(judged, alice, f"{base}/answers", data={"text": "We fixed it."})
    _post(judged, alice, f"{base}/attempts", data={
        "text": "Our nightly report took six hours. My task was to fix it before the audit. "
        "I profiled it, found a missing index and added it. It now runs in twenty minutes."
    })  # fmt: skip
    wait_for_every_job(judged)
    body = judged.get(f"{base}/comparison", headers=alice.headers).json()["baseline"]
    assert body["content"] in ("better", "worse", "same")
    assert body["judging"] is False  # every judgement made
    assert None not in body["on_topic"]
    parts = {p["point"]: p for p in body["points"] if p["is_part"]}
    assert set(parts) == {"situation", "task", "action", "result"}
    assert all(p["after"] in ("covered", "partly", "missing") for p in parts.values())
    report = judged.get(f"/api/sessions/{sid}/report", headers=alice.headers).json()
    assert [a["text"] for a in report["answers"]] == ["We fixed it."]


def test_a_spoken_attempt_is_measured_compared_and_replayable(judged: TestClient) -> None:
    alice = sign_up(judged, "alice@example.com")
    sid, qid = _asked(judged, alice)
    base = f"/api/sessions/{sid}/questions/{qid}"
    _post(judged, alice, f"{base}/answers", files={"media": _spoken("We fixed the report.")})
    attempt = _post(judged, alice, f"{base}/attempts", files={"media": _spoken(
        "Our nightly report took six hours, so I added an index, and it now takes twenty minutes."
    )})  # fmt: skip
    wait_for_every_job(judged)
    body = judged.get(f"{base}/comparison", headers=alice.headers).json()["baseline"]
    assert {m["name"] for m in body["delivery"]} >= {"pace", "fillers"}
    assert None not in body["seconds"]
    assert body["words"][1] > body["words"][0]
    media = judged.get(f"/api/sessions/{sid}/answers/{attempt['id']}/media", headers=alice.headers)
    assert media.status_code == 200
    assert media.content.startswith(b"RIFF")


def test_a_judged_attempt_counts_toward_its_topic_once(judged: TestClient) -> None:
    alice = sign_up(judged, "alice@example.com")
    h = alice.headers
    sid = judged.post("/api/sessions", json={"title": "Practice"}, headers=h).json()["id"]
    asked = {"text": QUESTION, "topic": "performance"}
    qid = judged.post(f"/api/sessions/{sid}/questions", json=asked, headers=h).json()["id"]
    said = {"text": "I added an index and the report took minutes, not hours."}
    attempt = _post(judged, alice, f"/api/sessions/{sid}/questions/{qid}/attempts", data=said)
    wait_for_every_job(judged)
    [counted] = judged.get("/api/progress/topics", headers=h).json()
    assert (counted["answers"], counted["practice_attempts"]) == (1, 1)
    runtime: Runtime = judged.app.state.runtime  # type: ignore[attr-defined]
    with runtime.database.transaction() as db:  # to be judged again, as after a new model
        stored = analysis_of(db, uuid.UUID(attempt["id"]), KIND)
        assert stored is not None
        db.delete(stored)
    payload = {"question_id": qid, "attempt_id": attempt["id"]}
    again = judge_content(JobContext(uuid.uuid4(), JUDGE_CONTENT, payload, None, 1, runtime))
    assert again == {"status": "ok"}
    assert judged.get("/api/progress/topics", headers=h).json() == [counted]


def test_the_same_recording_practised_again_is_about_the_same_on_every_measure(
    judged: TestClient,
) -> None:
    alice = sign_up(judged, "alice@example.com")
    sid, qid = _asked(judged, alice)
    base = f"/api/sessions/{sid}/questions/{qid}"
    speech = shared_fixture("audio/jfk.wav").read_bytes()
    for where in ("answers", "attempts"):
        _post(judged, alice, f"{base}/{where}", files={"media": ("jfk.wav", speech, "audio/wav")})
    wait_for_every_job(judged)
    body = judged.get(f"{base}/comparison", headers=alice.headers).json()["baseline"]
    assert body["content"] == "same"
    assert body["delivery"]
    assert {m["name"]: m["change"] for m in body["delivery"]} == {
        m["name"]: "same" for m in body["delivery"]
    }
    assert all(p["change"] == "same" for p in body["points"])
    assert "this time" not in body["lead"].lower()  # nothing said to have improved or worsened


def test_a_judge_that_fails_leaves_delivery_compared_and_content_not_judged(
    tmp_path: Path, database_url: str
) -> None:
    dead = f"http://127.0.0.1:{free_port()}"  # nothing listens: every request fails
    settings = make_settings(
        tmp_path / "data", database_url, llm="on", llm_url=dead, job_max_attempts=1
    )
    with TestClient(create_app(settings)) as client:
        alice = sign_up(client, "alice@example.com")
        sid, qid = _asked(client, alice)
        base = f"/api/sessions/{sid}/questions/{qid}"
        _post(client, alice, f"{base}/answers", files={"media": _spoken("We fixed the report.")})
        _post(client, alice, f"{base}/attempts", files={"media": _spoken(
            "Our nightly report took six hours, so I added an index, and it now takes minutes."
        )})  # fmt: skip
        wait_for_every_job(client)
        body = client.get(f"{base}/comparison", headers=alice.headers).json()["baseline"]
    assert {m["name"] for m in body["delivery"]} >= {"pace", "fillers"}
    assert body["content"] is None
    assert body["judging"] is False  # said failed, not waited for
