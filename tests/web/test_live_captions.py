"""Live captions on ``/api/live/speech``, and the turn decided from them when the answer ends.

Real espeak-ng speech is streamed in 250 ms frames of 16-bit PCM; the server recognises it
with the bundled Whisper model. Turns are taken with the job worker stopped, so the
recording is still waiting to be transcribed, as it is right after "Done".
"""

from __future__ import annotations

import io
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from fastapi.testclient import TestClient
from starlette.testclient import WebSocketTestSession
from starlette.websockets import WebSocketDisconnect

from rehearse.analysis.audio import SAMPLE_RATE, Samples
from rehearse.analysis.speech.words import normalize
from rehearse.config import Settings
from rehearse.web.app import create_app
from tests.conftest import make_settings
from tests.support.speech import compose
from tests.web.browser import browser_sign_in

FRAME = SAMPLE_RATE // 4
SENTENCES = (
    "In my last role I led a small team that rebuilt our billing system.",
    "We moved the old batch jobs to a queue and cut the nightly run to forty minutes.",
)
SPEECH = compose(0.3, SENTENCES[0], 0.6, SENTENCES[1], 0.8)
STORY = "Tell me about a time you made a slow, risky release process faster and safer."


@pytest.fixture
def held(tmp_path: Path, database_url: str) -> Iterator[TestClient]:
    """The app with its job worker stopped: recordings wait to be transcribed."""
    settings: Settings = make_settings(tmp_path / "data", database_url)
    with TestClient(create_app(settings, run_jobs=False)) as test_client:
        yield test_client


@pytest.fixture
def hurried(tmp_path: Path, database_url: str) -> Iterator[TestClient]:
    """The app with no time after Done to read the rest of the answer."""
    settings: Settings = make_settings(tmp_path / "data", database_url, live_final_seconds=0)
    with TestClient(create_app(settings, run_jobs=False)) as test_client:
        yield test_client


def _frames(samples: Samples) -> list[bytes]:
    pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2")
    return [pcm[i : i + FRAME].tobytes() for i in range(0, len(pcm), FRAME)]


def _stream(socket: WebSocketTestSession) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Send the speech, wait for a caption with words (however slow the machine), then end
    the answer; every caption, and the final message."""
    assert socket.receive_json()["type"] == "ready"
    captions = _send_until_words(socket, SPEECH.samples)
    socket.send_json({"type": "end"})
    return _until_final(socket, captions)


def _send_until_words(socket: WebSocketTestSession, samples: Samples) -> list[dict[str, Any]]:
    """Send ``samples`` and return the captions up to the first one with words."""
    for frame in _frames(samples):
        socket.send_bytes(frame)
    captions: list[dict[str, Any]] = []
    while not any(c["committed"] or c["tentative"] for c in captions):
        message = socket.receive_json()
        if message["type"] == "caption":
            captions.append(message)
    return captions


def _until_final(
    socket: WebSocketTestSession, captions: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """``captions`` and those that come until the final message, and the final message."""
    while True:
        message = socket.receive_json()
        if message["type"] == "caption":
            captions.append(message)
        if message["type"] == "final":
            return captions, message


def _words(text: str) -> set[str]:
    return {normalize(word) for word in text.split()}


def _question(client: TestClient, csrf: str) -> tuple[str, str]:
    headers = {"X-CSRF-Token": csrf}
    session = client.post("/api/sessions", json={"title": "Billing"}, headers=headers).json()
    client.post(
        f"/api/sessions/{session['id']}/questions",
        json={"text": STORY, "kind": "behavioural", "topic": "ownership"},
        headers=headers,
    )
    question = client.get(f"/api/sessions/{session['id']}/questions").json()[0]
    return session["id"], question["id"]


def _recording() -> bytes:
    """The speech as the WAV file the answer uploads."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(SAMPLE_RATE)
        writer.writeframes(b"".join(_frames(SPEECH.samples)))
    return buffer.getvalue()


def test_captions_grow_while_speaking_and_the_end_reads_everything(client: TestClient) -> None:
    browser_sign_in(client, "ada@example.com")
    with client.websocket_connect("/api/live/speech?captions=1") as socket:
        captions, final = _stream(socket)
    assert len(captions) >= 1
    assert final["live_transcript_id"] is None  # not opened for a question: nothing kept
    # Greedy decoding of espeak's voice reads some words differently on different CPUs (int8
    # rounding): most words, and the last one, show that the end read everything.
    spoken = _words(" ".join(SENTENCES))
    heard = _words(final["committed"])
    assert len(spoken & heard) >= 0.5 * len(spoken), final["committed"]
    assert "minutes" in heard, final["committed"]
    assert final["tentative"] == ""


def test_pace_comes_from_the_words_once_there_are_some(client: TestClient) -> None:
    browser_sign_in(client, "ada@example.com")
    with client.websocket_connect("/api/live/speech?captions=1") as socket:
        assert socket.receive_json()["type"] == "ready"
        for frame in _frames(SPEECH.samples):
            socket.send_bytes(frame)
            while (first := socket.receive_json())["type"] != "partial":
                pass
            break
        frames = _frames(SPEECH.samples)
        for frame in frames[1:]:
            socket.send_bytes(frame)
        read: dict[str, Any] = {"type": ""}
        while read["type"] != "caption" or (read["newest_end"] or 0) < 3.0:
            read = socket.receive_json()
        socket.send_bytes(_frames(np.zeros(FRAME, dtype=np.float32))[0])
        after: dict[str, Any] = {"type": ""}
        while after["type"] != "partial" or after["frames"] <= len(frames):
            after = socket.receive_json()
    assert first["pace_from"] == "syllables"
    assert after["pace_from"] == "words"
    assert 100 < after["words_per_minute"] < 260


def test_a_question_of_another_user_is_refused(client: TestClient) -> None:
    csrf = browser_sign_in(client, "ada@example.com")
    _sid, question = _question(client, csrf)
    client.post("/api/auth/logout", headers={"X-CSRF-Token": csrf})
    browser_sign_in(client, "eve@example.com")
    with (
        pytest.raises(WebSocketDisconnect) as refused,
        client.websocket_connect(f"/api/live/speech?question={question}"),
    ):
        pass
    assert refused.value.code == 1008


def test_done_ends_on_the_words_shown_when_the_decoder_is_late(hurried: TestClient) -> None:
    # The second sentence comes just before Done, so it is still being read when Done comes;
    # with no time allowed, the transcript kept is exactly what the captions showed last.
    csrf = browser_sign_in(hurried, "ada@example.com")
    _sid, question = _question(hurried, csrf)
    with hurried.websocket_connect(f"/api/live/speech?question={question}") as socket:
        assert socket.receive_json()["type"] == "ready"
        first = compose(0.3, SENTENCES[0], 0.6).samples
        captions = _send_until_words(socket, first)
        for frame in _frames(compose(SENTENCES[1], 0.8).samples):
            socket.send_bytes(frame)
        socket.send_json({"type": "end"})
        captions, final = _until_final(socket, captions)
    shown = f"{captions[-1]['committed']} {captions[-1]['tentative']}".split()
    assert final["committed"].split() == shown
    assert "minutes" not in _words(final["committed"])  # the second sentence was not waited for
    assert final["live_transcript_id"]


def test_the_turn_is_decided_at_once_from_the_live_transcript(held: TestClient) -> None:
    csrf = browser_sign_in(held, "ada@example.com")
    headers = {"X-CSRF-Token": csrf}
    sid, question = _question(held, csrf)
    with held.websocket_connect(f"/api/live/speech?question={question}") as socket:
        _captions, final = _stream(socket)
    assert final["live_transcript_id"]
    answer = held.post(
        f"/api/sessions/{sid}/questions/{question}/answers",
        files={"media": ("answer.wav", _recording(), "audio/wav")},
        headers=headers,
    ).json()
    assert answer["status"] == "received"
    turn = held.post(
        f"/api/sessions/{sid}/answers/{answer['id']}/turn",
        json={"live_transcript_id": final["live_transcript_id"]},
        headers=headers,
    )
    assert turn.status_code == 200, turn.text
    assert turn.json()["decided_on"] == "live"
    again = held.post(f"/api/sessions/{sid}/answers/{answer['id']}/turn", headers=headers)
    assert again.json() == turn.json()


def test_without_a_live_transcript_the_turn_waits_for_the_recording(held: TestClient) -> None:
    csrf = browser_sign_in(held, "ada@example.com")
    headers = {"X-CSRF-Token": csrf}
    sid, question = _question(held, csrf)
    answer = held.post(
        f"/api/sessions/{sid}/questions/{question}/answers",
        files={"media": ("answer.wav", _recording(), "audio/wav")},
        headers=headers,
    ).json()
    turn = held.post(f"/api/sessions/{sid}/answers/{answer['id']}/turn", headers=headers)
    assert turn.status_code == 409


def test_another_users_live_transcript_cannot_be_claimed(held: TestClient) -> None:
    csrf = browser_sign_in(held, "ada@example.com")
    _sid, question = _question(held, csrf)
    with held.websocket_connect(f"/api/live/speech?question={question}") as socket:
        _captions, final = _stream(socket)
    held.post("/api/auth/logout", headers={"X-CSRF-Token": csrf})
    eve = browser_sign_in(held, "eve@example.com")
    eve_sid, eve_question = _question(held, eve)
    answer = held.post(
        f"/api/sessions/{eve_sid}/questions/{eve_question}/answers",
        files={"media": ("answer.wav", _recording(), "audio/wav")},
        headers={"X-CSRF-Token": eve},
    ).json()
    turn = held.post(
        f"/api/sessions/{eve_sid}/answers/{answer['id']}/turn",
        json={"live_transcript_id": final["live_transcript_id"]},
        headers={"X-CSRF-Token": eve},
    )
    assert turn.status_code == 409  # ignored: her recording is still being transcribed


def test_a_typed_answer_is_decided_on_its_full_text(client: TestClient) -> None:
    csrf = browser_sign_in(client, "ada@example.com")
    headers = {"X-CSRF-Token": csrf}
    sid, question = _question(client, csrf)
    answer = client.post(
        f"/api/sessions/{sid}/questions/{question}/answers",
        data={"text": "We cut deploys from two hours to twelve minutes."},
        headers=headers,
    ).json()
    turn = client.post(f"/api/sessions/{sid}/answers/{answer['id']}/turn", headers=headers)
    assert turn.json()["decided_on"] == "full"
