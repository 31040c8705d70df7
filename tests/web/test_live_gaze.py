"""``/api/live/gaze``: camera frames as JPEG images in, eye contact back."""

from __future__ import annotations

import cv2
import pytest
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from tests.conftest import shared_fixture
from tests.web.browser import browser_sign_in


def _jpeg(path: str) -> bytes:
    picture = cv2.imread(str(shared_fixture(path)))
    ok, encoded = cv2.imencode(".jpg", picture)
    assert ok
    return bytes(encoded)


def test_a_face_looking_into_the_lens_reads_as_eye_contact(client: TestClient) -> None:
    browser_sign_in(client, "ada@example.com")
    frame = _jpeg("video/single_face.jpg")
    with client.websocket_connect("/api/live/gaze") as socket:
        assert socket.receive_json() == {"type": "ready", "calibrated": False}
        socket.send_bytes(frame)
        reading = socket.receive_json()
    assert (reading["type"], reading["face_found"], reading["looking_at_camera"]) == (
        "gaze",
        True,
        True,
    )


def test_a_frame_that_is_not_a_picture_is_answered_with_an_error(client: TestClient) -> None:
    browser_sign_in(client, "ada@example.com")
    with client.websocket_connect("/api/live/gaze") as socket:
        socket.receive_json()
        socket.send_bytes(b"not a jpeg")
        assert socket.receive_json()["type"] == "error"


def test_signed_out_the_socket_is_closed(client: TestClient) -> None:
    with pytest.raises(WebSocketDisconnect), client.websocket_connect("/api/live/gaze") as socket:
        socket.receive_json()
