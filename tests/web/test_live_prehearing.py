"""The recording heard while the candidate speaks (``live_prehearing.py``): the recorder's
chunks sent over the live socket of a question have its complete windows decoded before Done,
and the answer's analysis reads them; only where that analysis runs in the same process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient
from starlette.testclient import WebSocketTestSession

from rehearse.analysis.audio import Samples
from rehearse.runtime import Runtime
from rehearse.web.app import create_app
from rehearse.web.live_prehearing import enabled
from tests.conftest import make_settings
from tests.support.recordings import encode, read_aloud
from tests.support.waiting import wait_until
from tests.web.browser import browser_sign_in

FRAME = 4_000  # 250 ms of 16 kHz samples


@pytest.fixture(scope="module")
def speech() -> Samples:
    """About 40 s of real speech: more than one recognition window."""
    return read_aloud()


def _app(tmp_path: Path, database_url: str, **settings: object) -> Iterator[TestClient]:
    app = create_app(make_settings(tmp_path / "data", database_url, **settings), run_jobs=False)
    with TestClient(app) as client:
        yield client


@pytest.fixture
def client(tmp_path: Path, database_url: str) -> Iterator[TestClient]:
    yield from _app(tmp_path, database_url)


def _question(client: TestClient) -> str:
    headers = {"X-CSRF-Token": browser_sign_in(client, "prehearing@example.com")}
    session = client.post("/api/sessions", json={"title": "Heard"}, headers=headers).json()
    question = {"text": "Tell me about a speech you admire.", "kind": "behavioural", "topic": "x"}
    client.post(f"/api/sessions/{session['id']}/questions", json=question, headers=headers)
    return str(client.get(f"/api/sessions/{session['id']}/questions").json()[0]["id"])


def _speak(socket: WebSocketTestSession, samples: Samples, recording: bytes) -> None:
    """The page's messages: PCM frames and, a second at a time, the recorder's chunks."""
    assert socket.receive_json()["type"] == "ready"
    pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2")
    chunks = 40
    size = -(-len(recording) // chunks)
    for sequence, start in enumerate(range(0, len(recording), size)):
        for frame in range(sequence * 4, (sequence + 1) * 4):
            socket.send_bytes(pcm[frame * FRAME : (frame + 1) * FRAME].tobytes())
        socket.send_json({"type": "recording", "sequence": sequence})
        socket.send_bytes(recording[start : start + size])


def _runtime(client: TestClient) -> Runtime:
    runtime: Runtime = client.app.state.runtime  # type: ignore[attr-defined]
    return runtime


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the hearing, not the store
def test_the_windows_heard_while_speaking_are_read_by_the_answers_analysis(
    client: TestClient, speech: Samples
) -> None:
    recording = encode(speech, "webm", streamed=True)
    recognizer = _runtime(client).speech_analyzer.recognizer
    with client.websocket_connect(f"/api/live/speech?question={_question(client)}") as socket:
        _speak(socket, speech, recording)
        wait_until(lambda: len(recognizer.decoded) > 0, "a window heard before Done")
        socket.send_json({"type": "end"})
        while socket.receive_json()["type"] != "final":
            pass
    _runtime(client).speech_analyzer.apply(recording)  # as the answer's analysis job does
    assert recognizer.decoded.hits >= 1


def test_only_where_the_analysis_runs_in_this_process_and_not_turned_off(tmp_path: Path) -> None:
    def heard(**settings: object) -> bool:
        return enabled(Runtime(make_settings(tmp_path, None, **settings)))

    assert heard()
    assert not heard(prehear="off")
    assert not heard(queue_url="redis://127.0.0.1:6379/0")  # workers elsewhere
