"""Rows the report tests start from, written to the real store."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.orm import Session

from rehearse.accounts.models import User
from rehearse.interviews.models import Answer, InterviewSession, Question, QuestionKind


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
