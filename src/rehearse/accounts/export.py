"""A user's data as one ZIP archive: every row they own as JSON, and every file they uploaded.

The archive is written to a temporary file (recordings can be large), never held in memory::

    README.txt
    account.json                    the account (no password hash)
    topic_mastery.json              the level per topic, carried between sessions
    organisations.json              the classes and teams you belong to, and your role in each
    files.json                      every uploaded file: name, type, size, SHA-256, path below
    files/<file id>/<file name>     the résumés and recordings themselves
    sessions/<session id>/
        session.json                set-up, plan and status
        questions.json
        answers.json                each answer with its analyses (speech, turn, coding, ...)
        reports.json                the kept report snapshots
        reflections.json            the candidate's notes and the coach's responses
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import uuid
import zipfile
from collections.abc import Iterable
from datetime import datetime
from enum import Enum
from typing import IO, Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from rehearse.accounts import repository
from rehearse.accounts.models import User
from rehearse.blobs.base import BlobStore
from rehearse.blobs.models import Blob
from rehearse.errors import NotFound
from rehearse.store.base import Base, utcnow

# Secrets and storage internals never leave the server.
_HIDDEN = frozenset({"password_hash", "security_stamp", "key"})
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._ -]+")

README = """Your data from Rehearse, exported {when}.

account.json, topic_mastery.json and organisations.json describe you; each folder under
sessions/ holds one interview: its set-up (session.json), the questions, your answers with
everything measured in them (answers.json), the kept reports and your reflections. files/
holds the résumés and recordings you uploaded; files.json lists them with their SHA-256.
"""


def plain(value: Any) -> Any:
    """A column value as JSON: ids and times as strings, enums as their value."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def _plain_dict(values: dict[str, Any]) -> dict[str, Any]:
    return {key: plain(value) for key, value in values.items()}


def row_dict(row: Base) -> dict[str, Any]:
    """Every column of ``row`` except secrets and storage keys."""
    columns = inspect(row).mapper.column_attrs
    return {c.key: plain(getattr(row, c.key)) for c in columns if c.key not in _HIDDEN}


def file_path(blob: Blob) -> str:
    name = _UNSAFE_NAME.sub("_", blob.filename).strip(" .") or "file"
    return f"files/{blob.id}/{name}"


def _json(archive: zipfile.ZipFile, name: str, data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2, default=plain)
    archive.writestr(name, text, compress_type=zipfile.ZIP_DEFLATED)


def _rows(rows: Iterable[Base]) -> list[dict[str, Any]]:
    return [row_dict(row) for row in rows]


def _write_sessions(archive: zipfile.ZipFile, db: Session, user: User) -> None:
    for interview in repository.interview_sessions_of(db, user.id):
        folder = f"sessions/{interview.id}"
        answers = repository.answers_in(db, interview.id)
        analyses = repository.analyses_of(db, [a.id for a in answers])
        _json(archive, f"{folder}/session.json", row_dict(interview))
        _json(archive, f"{folder}/questions.json", _rows(repository.questions_in(db, interview.id)))
        _json(
            archive,
            f"{folder}/answers.json",
            [
                row_dict(answer)
                | {"analyses": _rows(r for r in analyses if r.answer_id == answer.id)}
                for answer in answers
            ],
        )
        _json(archive, f"{folder}/reports.json", _rows(repository.reports_of(db, interview.id)))
        _json(
            archive,
            f"{folder}/reflections.json",
            _rows(repository.reflections_of(db, interview.id)),
        )


def _write_files(archive: zipfile.ZipFile, db: Session, store: BlobStore, user: User) -> None:
    index = []
    for blob in repository.blobs_of(db, user.id):
        entry = row_dict(blob) | {"path": file_path(blob), "missing": False}
        try:
            source = store.open(blob.key)
        except NotFound:
            entry |= {"path": None, "missing": True}
        else:
            # Recordings and PDFs are compressed already; storing them keeps the export fast.
            with source, archive.open(file_path(blob), "w") as target:
                shutil.copyfileobj(source, target, 1 << 20)
        index.append(entry)
    _json(archive, "files.json", index)


def write_export(db: Session, store: BlobStore, user: User) -> IO[bytes]:
    """The user's archive in a temporary file, positioned at its start (close it when sent)."""
    target = tempfile.TemporaryFile()  # noqa: SIM115 (handed to the caller, who closes it)
    try:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as archive:
            archive.writestr(
                "README.txt", README.format(when=utcnow().isoformat(timespec="seconds"))
            )
            _json(archive, "account.json", row_dict(user))
            _json(archive, "topic_mastery.json", _rows(repository.topic_mastery_of(db, user.id)))
            _json(
                archive,
                "organisations.json",
                [
                    {k: plain(v) for k, v in m.items()}
                    for m in repository.memberships_of(db, user.id)
                ],
            )
            _write_sessions(archive, db, user)
            _write_files(archive, db, store, user)
    except BaseException:
        target.close()
        raise
    target.seek(0)
    return target
