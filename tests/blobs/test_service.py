"""Uploaded files and their records stay consistent through commits and rollbacks."""

from __future__ import annotations

import io

import pytest
from sqlalchemy.orm import Session

from rehearse.accounts.models import User
from rehearse.blobs.models import Blob
from rehearse.blobs.service import delete_blob, store_upload
from rehearse.blobs.sniff import FileKind
from rehearse.errors import UnsupportedMediaType
from rehearse.runtime import Runtime
from tests.support.media import pdf_bytes


def _owner(runtime: Runtime) -> User:
    with runtime.database.transaction() as session:
        user = User(email="owner@example.com", password_hash="x")
        session.add(user)
    return user


def _upload(session: Session, runtime: Runtime, owner: User, data: bytes) -> Blob:
    return store_upload(
        session,
        runtime.blobs,
        owner_id=owner.id,
        stream=io.BytesIO(data),
        filename="cv.docx",
        kind=FileKind.DOCUMENT,
        max_bytes=1 << 20,
    )


def _stored_files(runtime: Runtime) -> list[str]:
    root = runtime.settings.resolved_blob_dir
    return [p.name for p in root.rglob("*") if p.is_file() and ".incoming" not in p.parts]


def test_an_upload_is_stored_with_its_sniffed_type(runtime: Runtime) -> None:
    owner = _owner(runtime)
    with runtime.database.transaction() as session:
        blob = _upload(session, runtime, owner, pdf_bytes())
    assert blob.content_type == "application/pdf"
    assert _stored_files(runtime) == [blob.key]


def test_a_rolled_back_upload_leaves_no_file(runtime: Runtime) -> None:
    owner = _owner(runtime)
    with pytest.raises(RuntimeError), runtime.database.transaction() as session:
        _upload(session, runtime, owner, pdf_bytes())
        raise RuntimeError("the request failed after the upload")
    assert _stored_files(runtime) == []


def test_a_refused_type_stores_nothing(runtime: Runtime) -> None:
    owner = _owner(runtime)
    with pytest.raises(UnsupportedMediaType), runtime.database.transaction() as session:
        _upload(session, runtime, owner, b"\x00\x01" * 100)
    assert _stored_files(runtime) == []


def test_deleted_bytes_go_only_after_commit(runtime: Runtime) -> None:
    owner = _owner(runtime)
    with runtime.database.transaction() as session:
        blob = _upload(session, runtime, owner, pdf_bytes())
    with pytest.raises(RuntimeError), runtime.database.transaction() as session:
        delete_blob(session, runtime.blobs, session.get_one(Blob, blob.id))
        raise RuntimeError("abandoned")
    assert _stored_files(runtime) == [blob.key]
    with runtime.database.transaction() as session:
        delete_blob(session, runtime.blobs, session.get_one(Blob, blob.id))
    assert _stored_files(runtime) == []
