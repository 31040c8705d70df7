"""Stored files go back whole, or in the byte range a media player asks for to seek."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from rehearse.web.files import byte_range
from tests.support.api import ApiUser
from tests.support.media import wav_bytes

RECORDING = wav_bytes(1.0)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("bytes=0-99", (0, 99)),
        ("bytes=100-", (100, 999)),
        ("bytes=-100", (900, 999)),
        ("bytes=900-5000", (900, 999)),
        ("bytes=0-1,5-9", None),  # several ranges: the whole file instead
        ("items=0-1", None),
    ],
)
def test_a_range_header_is_read_as_first_and_last_byte(
    header: str | None, expected: tuple[int, int] | None
) -> None:
    assert byte_range(header, 1000) == expected


def test_a_range_past_the_end_cannot_be_served() -> None:
    with pytest.raises(ValueError, match="unsatisfiable"):
        byte_range("bytes=1000-", 1000)


def _media_url(client: TestClient, user: ApiUser) -> str:
    h = user.headers
    sid = client.post("/api/sessions", json={"title": "t"}, headers=h).json()["id"]
    qid = client.post(f"/api/sessions/{sid}/questions", json={"text": "Q?"}, headers=h).json()["id"]
    answer: dict[str, Any] = client.post(
        f"/api/sessions/{sid}/questions/{qid}/answers",
        files={"media": ("a.wav", RECORDING, "audio/wav")},
        headers=h,
    ).json()
    return f"/api/sessions/{sid}/answers/{answer['id']}/media"


def test_a_player_seeking_gets_the_part_it_asked_for(client: TestClient, alice: ApiUser) -> None:
    url = _media_url(client, alice)
    part = client.get(url, headers={**alice.headers, "Range": "bytes=100-199"})
    assert part.status_code == 206
    assert part.headers["content-range"] == f"bytes 100-199/{len(RECORDING)}"
    assert part.content == RECORDING[100:200]


def test_without_a_range_the_whole_file_comes_with_range_support(
    client: TestClient, alice: ApiUser
) -> None:
    whole = client.get(_media_url(client, alice), headers=alice.headers)
    assert (whole.status_code, whole.headers["accept-ranges"]) == (200, "bytes")
    assert whole.content == RECORDING


def test_a_range_outside_the_file_is_refused(client: TestClient, alice: ApiUser) -> None:
    url = _media_url(client, alice)
    refused = client.get(url, headers={**alice.headers, "Range": f"bytes={len(RECORDING)}-"})
    assert refused.status_code == 416
    assert refused.headers["content-range"] == f"bytes */{len(RECORDING)}"
