"""With the blobs in an S3-compatible bucket, the export still holds every file and deleting
the account still removes every one of its objects."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rehearse.config import Settings
from tests.accounts.test_export_and_deletion import RECORDING, RESUME, _export, _json, _world
from tests.conftest import make_settings
from tests.support.api import ApiUser
from tests.support.s3 import Bucket


@pytest.fixture
def settings(tmp_path: Path, database_url: str, bucket: Bucket) -> Settings:
    return make_settings(tmp_path / "data", database_url, **bucket.settings)


def test_the_export_holds_every_file_from_the_bucket(client: TestClient, alice: ApiUser) -> None:
    _world(client, alice)
    archive = _export(client, alice)
    files = _json(archive, "files.json")
    assert sorted(f["filename"] for f in files) == ["answer.wav", "cv.pdf"]
    assert not any(entry["missing"] for entry in files)
    for entry in files:
        assert hashlib.sha256(archive.read(entry["path"])).hexdigest() == entry["sha256"]
    assert {archive.read(f["path"]) for f in files} == {RESUME, RECORDING}


def test_deleting_the_account_removes_its_objects(
    client: TestClient, settings: Settings, bucket: Bucket, alice: ApiUser, bob: ApiUser
) -> None:
    _world(client, alice)
    _world(client, bob)
    assert len(bucket.stored_keys()) == 4
    response = client.request(
        "DELETE", "/api/me", json={"password": alice.password}, headers=alice.headers
    )
    assert response.status_code == 204
    assert len(bucket.stored_keys()) == 2  # Bob's résumé and recording
    assert {f["filename"] for f in _json(_export(client, bob), "files.json")} == {
        "answer.wav",
        "cv.pdf",
    }
    assert not settings.resolved_blob_dir.exists()
