"""Rows the report tests start from, written to the real store."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Sequence

from sqlalchemy.orm import Session

from rehearse.accounts.models import User
from rehearse.errors import ServiceUnavailable
from rehearse.interviews.models import Answer, InterviewSession, Question, QuestionKind
from rehearse.store.database import Database
from tests.support.waiting import GUARD_SECONDS


def answered_question(
    db: Session,
    question: str,
    said: str,
    kind: QuestionKind = QuestionKind.BEHAVIOURAL,
    key_points: Sequence[str] = (),
) -> tuple[Question, Answer]:
    """A new user's session of one ``question`` with ``said`` as its typed answer (flushed)."""
    user = User(email=f"{uuid.uuid4().hex}@example.com", password_hash="x")
    db.add(user)
    db.flush()
    interview = InterviewSession(user_id=user.id, title="t")
    db.add(interview)
    db.flush()
    asked = Question(
        session_id=interview.id, position=1, text=question, kind=kind, topic="",
        key_points=list(key_points),
    )  # fmt: skip
    db.add(asked)
    db.flush()
    answer = Answer(question_id=asked.id, session_id=interview.id, text=said)
    db.add(answer)
    db.flush()
    return asked, answer


def write_beside(database: Database) -> str:
    """Write a row on a thread of its own, as a job finishing meanwhile would, and wait for it:
    "written", or the message the database refused it with (SQLite's write turn held)."""
    outcome: list[str] = []

    def write() -> None:
        try:
            with database.transaction() as other:
                other.add(User(email=f"{uuid.uuid4().hex}@beside.example", password_hash="x"))
            outcome.append("written")
        except ServiceUnavailable as exc:
            outcome.append(exc.message)

    writing = threading.Thread(target=write)
    writing.start()
    writing.join(timeout=GUARD_SECONDS)
    return outcome[0] if outcome else "still waiting"
