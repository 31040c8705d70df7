"""Blobs in an S3-compatible bucket: chosen by configuration, consistent with the database,
cleaning up after themselves, and reported plainly when the bucket cannot be used."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from rehearse.accounts.models import User
from rehearse.blobs import s3
from rehearse.blobs.local import LocalBlobStore
from rehearse.blobs.models import Blob
from rehearse.blobs.s3 import S3BlobStore
from rehearse.blobs.service import delete_blob, store_upload
from rehearse.blobs.sniff import FileKind
from rehearse.errors import ServiceUnavailable
from rehearse.runtime import Runtime
from rehearse.web.app import create_app
from tests.blobs.test_contract import s3_store
from tests.conftest import make_settings
from tests.support.api import sign_up
from tests.support.media import pdf_bytes, wav_bytes
from tests.support.net import free_port
from tests.support.s3 import ACCESS_KEY, REGION, SECRET_KEY, Bucket


@pytest.fixture
def bucket_runtime(tmp_path: Path, database_url: str, bucket: Bucket) -> Iterator[Runtime]:
    runtime = Runtime(make_settings(tmp_path / "data", database_url, **bucket.settings))
    yield runtime
    runtime.close()


def test_the_bucket_is_chosen_by_configuration_alone(tmp_path: Path, bucket: Bucket) -> None:
    assert isinstance(Runtime(make_settings(tmp_path)).blobs, LocalBlobStore)
    store = Runtime(make_settings(tmp_path, None, **bucket.settings)).blobs
    assert isinstance(store, S3BlobStore)
    assert (store.bucket, store.prefix) == (bucket.name, "recordings/")


def test_a_blob_url_that_is_not_a_bucket_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="blob_url") as error:
        make_settings(tmp_path, blob_url="/mnt/shared/blobs")
    assert "s3://bucket" in str(error.value)


def test_local_path_removes_its_copy_afterwards(tmp_path: Path, bucket: Bucket) -> None:
    store = s3_store(bucket, tmp_path / "scratch")
    stored = store.save([b"RIFF recording"], max_bytes=100)
    with store.local_path(stored.key) as path:
        assert path.read_bytes() == b"RIFF recording"
    assert not path.exists()
    with pytest.raises(RuntimeError), store.local_path(stored.key) as path:
        raise RuntimeError("the analysis failed")
    assert list((tmp_path / "scratch").iterdir()) == []


def _owner(runtime: Runtime) -> User:
    with runtime.database.transaction() as session:
        user = User(email="owner@example.com", password_hash="x")
        session.add(user)
    return user


def _upload(runtime: Runtime, owner: User, session: object) -> Blob:
    return store_upload(
        session,  # type: ignore[arg-type]
        runtime.blobs,
        owner_id=owner.id,
        stream=io.BytesIO(pdf_bytes()),
        filename="cv.pdf",
        kind=FileKind.DOCUMENT,
        max_bytes=1 << 20,
    )


def test_a_rolled_back_upload_leaves_no_object(bucket_runtime: Runtime, bucket: Bucket) -> None:
    owner = _owner(bucket_runtime)
    with pytest.raises(RuntimeError), bucket_runtime.database.transaction() as session:
        _upload(bucket_runtime, owner, session)
        assert len(bucket.stored_keys()) == 1
        raise RuntimeError("the request failed after the upload")
    assert bucket.keys() == []


def test_a_deleted_object_goes_only_after_commit(bucket_runtime: Runtime, bucket: Bucket) -> None:
    owner = _owner(bucket_runtime)
    with bucket_runtime.database.transaction() as session:
        blob = _upload(bucket_runtime, owner, session)
    assert bucket.stored_keys() == [blob.key]
    with pytest.raises(RuntimeError), bucket_runtime.database.transaction() as session:
        delete_blob(session, bucket_runtime.blobs, session.get_one(Blob, blob.id))
        raise RuntimeError("abandoned")
    assert bucket.stored_keys() == [blob.key]
    with bucket_runtime.database.transaction() as session:
        delete_blob(session, bucket_runtime.blobs, session.get_one(Blob, blob.id))
    assert bucket.keys() == []
    assert not (bucket_runtime.settings.data_dir / "blobs").exists()


def test_a_missing_bucket_fails_the_check_and_the_upload_plainly(
    tmp_path: Path, bucket: Bucket
) -> None:
    store = s3_store(bucket, tmp_path)
    store.bucket = "no-such-bucket"
    with pytest.raises(ServiceUnavailable, match="bucket no-such-bucket cannot be written"):
        store.check()
    with pytest.raises(ServiceUnavailable, match="Nothing else was changed"):
        store.save([b"data"], max_bytes=10)


def test_an_unreachable_store_fails_reads_plainly(tmp_path: Path, bucket: Bucket) -> None:
    store = s3.connect(
        bucket.name,
        endpoint_url=f"http://127.0.0.1:{free_port()}",
        region=REGION,
        access_key_id=ACCESS_KEY,
        secret_access_key=SECRET_KEY,
    )
    with pytest.raises(ServiceUnavailable, match=f"cannot be read from the bucket {bucket.name}"):
        store.open("0" * 32)


def test_ready_checks_the_bucket(tmp_path: Path, bucket: Bucket) -> None:
    settings = make_settings(tmp_path / "data", None, **bucket.settings)
    with TestClient(create_app(settings)) as client:
        response = client.get("/ready")
    assert response.status_code == 200, response.text
    assert response.json()["checks"]["blobs"] == {"status": "ok", "detail": "writable"}
    assert bucket.keys() == []  # the probe is removed again

    unreachable = {**bucket.settings, "s3_endpoint_url": f"http://127.0.0.1:{free_port()}"}
    with TestClient(create_app(make_settings(tmp_path / "data", None, **unreachable))) as client:
        response = client.get("/ready")
    assert response.status_code == 503
    blobs = response.json()["checks"]["blobs"]
    assert blobs["status"] == "failing"
    assert f"bucket {bucket.name} cannot be written" in blobs["detail"]


def test_a_refused_upload_through_the_api_leaves_no_object(
    tmp_path: Path, database_url: str, bucket: Bucket
) -> None:
    settings = make_settings(tmp_path / "data", database_url, max_upload_mb=1, **bucket.settings)
    with TestClient(create_app(settings, run_jobs=False)) as client:
        user = sign_up(client, "ann@example.com")
        session = client.post("/api/sessions", json={"title": "t"}, headers=user.headers).json()
        question = client.post(
            f"/api/sessions/{session['id']}/questions", json={"text": "Why?"}, headers=user.headers
        ).json()
        response = client.post(
            f"/api/sessions/{session['id']}/questions/{question['id']}/answers",
            files={"media": ("long.wav", wav_bytes(40), "audio/wav")},  # 1.28 MB
            headers=user.headers,
        )
    assert response.status_code == 413, response.text
    assert "The file is larger than the limit of 1 MB" in response.text  # refused while stored
    assert bucket.keys() == []
    assert bucket.unfinished_uploads() == []
