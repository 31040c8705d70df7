"""The "look at the camera for 3 seconds" step calibrates eye contact for the session."""

from __future__ import annotations

import httpx2
import pytest
from fastapi.testclient import TestClient

from tests.conftest import shared_fixture
from tests.support.api import ApiUser, error_code, wait_for_job
from tests.support.media import wav_bytes


def _session(client: TestClient, user: ApiUser) -> str:
    sid: str = client.post("/api/sessions", json={"title": "t"}, headers=user.headers).json()["id"]
    return sid


def _calibrate(
    client: TestClient, user: ApiUser, sid: str, clip: bytes, mime: str
) -> httpx2.Response:
    return client.put(
        f"/api/sessions/{sid}/calibration",
        files={"file": ("look.mp4", clip, mime)},
        headers=user.headers,
    )


def test_looking_into_the_camera_calibrates_the_session(client: TestClient, alice: ApiUser) -> None:
    sid = _session(client, alice)
    clip = shared_fixture("video/single_face.mp4").read_bytes()
    response = _calibrate(client, alice, sid, clip, "video/mp4")
    assert response.status_code == 200, response.text
    calibration = response.json()["gaze_calibration"]
    assert calibration["calibrated"] is True
    assert abs(calibration["yaw"]) < 15


def test_a_clip_without_a_face_is_refused_with_what_to_do(
    client: TestClient, alice: ApiUser
) -> None:
    sid = _session(client, alice)
    clip = shared_fixture("video/no_face.mp4").read_bytes()
    response = _calibrate(client, alice, sid, clip, "video/mp4")
    assert response.status_code == 422
    assert "look into the lens" in response.text


def test_a_clip_without_picture_is_refused(client: TestClient, alice: ApiUser) -> None:
    sid = _session(client, alice)
    response = _calibrate(client, alice, sid, wav_bytes(1.0), "audio/wav")
    assert error_code(response) == "no_video_track"


@pytest.mark.slow
def test_later_video_answers_use_the_calibration(client: TestClient, alice: ApiUser) -> None:
    sid = _session(client, alice)
    clip = shared_fixture("video/single_face.mp4").read_bytes()
    _calibrate(client, alice, sid, clip, "video/mp4")
    question = client.post(
        f"/api/sessions/{sid}/questions", json={"text": "Why us?"}, headers=alice.headers
    ).json()
    answer = client.post(
        f"/api/sessions/{sid}/questions/{question['id']}/answers",
        files={"media": ("a.mp4", clip, "video/mp4")},
        headers=alice.headers,
    ).json()
    speech = wait_for_job(client, alice, answer["analysis_job_id"])
    wait_for_job(client, alice, speech["result"]["video_job_id"])
    [reported] = client.get(f"/api/sessions/{sid}/report", headers=alice.headers).json()["answers"]
    assert reported["video"]["gaze"]["calibrated"] is True
