"""``/api/live/speech``: real speech in 250 ms frames of 16-bit PCM, pace and fillers back."""

from __future__ import annotations

import time

import numpy as np
import pytest
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from rehearse.analysis.audio import SAMPLE_RATE, Samples
from tests.support.speech import compose
from tests.web.browser import browser_sign_in

FRAME = SAMPLE_RATE // 4  # 250 ms, as the page's AudioWorklet sends them
SPEECH = compose(
    0.3,
    "In my last role I led a small team that rebuilt our billing system.",
    0.5,
    "We moved the old batch jobs to a queue and cut the nightly run from six hours to forty"
    " minutes.",
    0.4,
)


def _frames(samples: Samples) -> list[bytes]:
    pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2")
    return [pcm[i : i + FRAME].tobytes() for i in range(0, len(pcm), FRAME)]


def test_speech_streamed_in_frames_gets_pace_back_within_a_second(client: TestClient) -> None:
    browser_sign_in(client, "ada@example.com")
    frames = _frames(SPEECH.samples)
    partials, lags = [], []
    with client.websocket_connect("/api/live/speech") as socket:
        assert socket.receive_json()["type"] == "ready"
        for frame in frames:
            sent = time.perf_counter()
            socket.send_bytes(frame)
            partials.append(socket.receive_json())
            lags.append(time.perf_counter() - sent + FRAME / SAMPLE_RATE)
    assert [p["frames"] for p in partials] == list(range(1, len(frames) + 1))
    assert partials[-1]["elapsed_seconds"] == pytest.approx(SPEECH.duration, abs=0.01)
    paces = [p["words_per_minute"] for p in partials if p["words_per_minute"] is not None]
    assert paces, "no pace was reported"
    assert 100 < paces[-1] < 260
    assert any(p["speaking"] for p in partials)
    assert max(lags) < 1.0, f"the meter fell behind: {max(lags):.2f} s"


def test_frames_that_queue_up_are_measured_together(client: TestClient) -> None:
    browser_sign_in(client, "ada@example.com")
    frames = _frames(SPEECH.samples)
    with client.websocket_connect("/api/live/speech") as socket:
        socket.receive_json()
        for frame in frames:
            socket.send_bytes(frame)
        seen = 0
        while seen < len(frames):
            seen = socket.receive_json()["frames"]
    assert seen == len(frames)


def test_a_signed_out_socket_is_refused(client: TestClient) -> None:
    with (
        pytest.raises(WebSocketDisconnect) as refused,
        client.websocket_connect("/api/live/speech"),
    ):
        pass
    assert refused.value.code == 1008


def test_another_site_cannot_open_it_with_the_cookie(client: TestClient) -> None:
    browser_sign_in(client, "ada@example.com")
    with (
        pytest.raises(WebSocketDisconnect) as refused,
        client.websocket_connect("/api/live/speech", headers={"Origin": "https://evil.example"}),
    ):
        pass
    assert refused.value.code == 1008


def test_the_page_origin_is_accepted(client: TestClient) -> None:
    browser_sign_in(client, "ada@example.com")
    with client.websocket_connect(
        "/api/live/speech", headers={"Origin": "http://testserver"}
    ) as socket:
        assert socket.receive_json()["type"] == "ready"


def test_an_oversized_frame_closes_the_socket(client: TestClient) -> None:
    browser_sign_in(client, "ada@example.com")
    with client.websocket_connect("/api/live/speech") as socket:
        socket.receive_json()
        socket.send_bytes(b"\x00\x00" * SAMPLE_RATE * 3)
        with pytest.raises(WebSocketDisconnect) as closed:
            socket.receive_json()
    assert closed.value.code == 1009
