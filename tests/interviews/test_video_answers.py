"""An answer recorded with the camera on: the speech job queues the video's analysis, and the
report shows presence, eye contact over time and what the camera saw."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import shared_fixture
from tests.support.api import ApiUser, wait_for_job
from tests.support.media import wav_bytes

pytestmark = pytest.mark.slow


def _answer(client: TestClient, user: ApiUser, name: str, media: bytes, mime: str) -> str:
    h = user.headers
    sid: str = client.post("/api/sessions", json={"title": "On camera"}, headers=h).json()["id"]
    question = client.post(
        f"/api/sessions/{sid}/questions",
        json={"text": "Tell me about yourself.", "kind": "behavioural"},
        headers=h,
    ).json()
    answer = client.post(
        f"/api/sessions/{sid}/questions/{question['id']}/answers",
        files={"media": (name, media, mime)},
        headers=h,
    ).json()
    speech = wait_for_job(client, user, answer["analysis_job_id"])
    assert speech["status"] == "done", speech
    video_job = speech["result"]["video_job_id"]
    if video_job:
        assert wait_for_job(client, user, video_job)["status"] == "done"
    return sid


def _report(client: TestClient, user: ApiUser, sid: str) -> dict[str, Any]:
    response = client.get(f"/api/sessions/{sid}/report", headers=user.headers)
    assert response.status_code == 200, response.text
    report: dict[str, Any] = response.json()
    return report


def test_a_camera_answer_gets_a_presence_score(client: TestClient, alice: ApiUser) -> None:
    video = shared_fixture("video/single_face.mp4").read_bytes()
    sid = _answer(client, alice, "answer.mp4", video, "video/mp4")
    [answer] = _report(client, alice, sid)["answers"]
    presence = next(s for s in answer["scores"] if s["name"] == "presence")
    eye_contact = next(m for m in presence["measurements"] if m["name"] == "eye contact")
    assert eye_contact["value"] > 0.9  # the man in the clip looks into the lens throughout
    assert answer["video"]["blinks"]["count"] == 1
    assert any(point["eye_contact"] is not None for point in answer["timeline"])


def test_the_pdf_says_what_the_camera_saw(client: TestClient, alice: ApiUser) -> None:
    video = shared_fixture("video/single_face.mp4").read_bytes()
    sid = _answer(client, alice, "answer.mp4", video, "video/mp4")
    html = client.get(
        f"/api/sessions/{sid}/report", params={"format": "html"}, headers=alice.headers
    ).text
    assert "On camera" in html
    assert "Eye contact" in html


def test_a_voice_only_answer_queues_no_video_analysis(client: TestClient, alice: ApiUser) -> None:
    sid = _answer(client, alice, "answer.wav", wav_bytes(1.0), "audio/wav")
    [answer] = _report(client, alice, sid)["answers"]
    assert answer["video"] is None
