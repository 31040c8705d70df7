"""A recording is probed when it is uploaded, as the calibration clip is: a file whose sound
cannot be decoded is refused with what is wrong, and nothing of it is stored."""

from __future__ import annotations

import httpx2 as httpx
import pytest
from fastapi.testclient import TestClient

from rehearse.config import Settings
from tests.support.api import ApiUser, error_code
from tests.support.media import encoded_bytes, mp4_cut_before_its_index

BROKEN = {
    "mp4 without its index": (mp4_cut_before_its_index(), "corrupt_media", "index is missing"),
    "wav header only": (
        b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 40,
        "not_media",
        "not an audio or video recording",
    ),
    "video without sound": (
        encoded_bytes("webm", audio_codec=None, video_codec="libvpx"),
        "no_audio_track",
        "no sound track",
    ),
}


def _send(client: TestClient, user: ApiUser, recording: bytes) -> tuple[str, httpx.Response]:
    h = user.headers
    session_id: str = client.post("/api/sessions", json={"title": "t"}, headers=h).json()["id"]
    question = client.post(
        f"/api/sessions/{session_id}/questions", json={"text": "Why?"}, headers=h
    ).json()
    response = client.post(
        f"/api/sessions/{session_id}/questions/{question['id']}/answers",
        files={"media": ("answer", recording, "application/octet-stream")},
        headers=h,
    )
    return session_id, response


@pytest.mark.parametrize("case", BROKEN)
def test_an_undecodable_recording_is_refused_on_upload_with_why(
    client: TestClient, alice: ApiUser, case: str
) -> None:
    recording, code, reason = BROKEN[case]
    _, refused = _send(client, alice, recording)
    assert (refused.status_code, error_code(refused)) == (422, code)
    assert reason in refused.json()["error"]["message"]


@pytest.mark.parametrize("case", BROKEN)
def test_a_refused_recording_leaves_no_answer_and_no_file(
    client: TestClient, settings: Settings, alice: ApiUser, case: str
) -> None:
    session_id, _ = _send(client, alice, BROKEN[case][0])
    assert client.get(f"/api/sessions/{session_id}/answers", headers=alice.headers).json() == []
    stored = [p for p in settings.resolved_blob_dir.rglob("*") if p.is_file()]
    assert stored == []


@pytest.mark.parametrize(
    ("container_format", "codec"), [("webm", "libopus"), ("mp4", "aac"), ("ogg", "libopus")]
)
def test_a_browser_or_phone_recording_is_accepted(
    client: TestClient, alice: ApiUser, container_format: str, codec: str
) -> None:
    _, accepted = _send(client, alice, encoded_bytes(container_format, audio_codec=codec))
    assert accepted.status_code == 201, accepted.text
