"""All SQL about interview sessions, questions and answers, always scoped to one user."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rehearse.blobs.models import Blob
from rehearse.interviews.models import AnalysisResult, Answer, InterviewSession, Question


def session_of(db: Session, user_id: uuid.UUID, session_id: uuid.UUID) -> InterviewSession | None:
    return db.scalar(
        select(InterviewSession).where(
            InterviewSession.id == session_id, InterviewSession.user_id == user_id
        )
    )


def sessions_of(db: Session, user_id: uuid.UUID) -> Sequence[InterviewSession]:
    return db.scalars(
        select(InterviewSession)
        .where(InterviewSession.user_id == user_id)
        .order_by(InterviewSession.created_at.desc())
    ).all()


def question_in(db: Session, session_id: uuid.UUID, question_id: uuid.UUID) -> Question | None:
    return db.scalar(
        select(Question).where(Question.id == question_id, Question.session_id == session_id)
    )


def next_position(db: Session, session_id: uuid.UUID) -> int:
    highest = db.scalar(
        select(func.max(Question.position)).where(Question.session_id == session_id)
    )
    return (highest or 0) + 1


def answers_in(db: Session, session_id: uuid.UUID) -> Sequence[Answer]:
    return db.scalars(
        select(Answer).where(Answer.session_id == session_id).order_by(Answer.created_at)
    ).all()


def answer_in(db: Session, session_id: uuid.UUID, answer_id: uuid.UUID) -> Answer | None:
    return db.scalar(select(Answer).where(Answer.id == answer_id, Answer.session_id == session_id))


def blobs_of_session(db: Session, interview: InterviewSession) -> Sequence[Blob]:
    """The résumé and every answer recording of a session."""
    media = select(Answer.media_blob_id).where(Answer.session_id == interview.id)
    return db.scalars(
        select(Blob).where((Blob.id == interview.resume_blob_id) | Blob.id.in_(media))
    ).all()


def analysis_of(db: Session, answer_id: uuid.UUID, kind: str) -> AnalysisResult | None:
    return db.scalar(
        select(AnalysisResult).where(
            AnalysisResult.answer_id == answer_id, AnalysisResult.kind == kind
        )
    )


def analyses_of(db: Session, answer_ids: Sequence[uuid.UUID]) -> Sequence[AnalysisResult]:
    """Every stored analysis of the answers ``answer_ids``, in one query."""
    if not answer_ids:
        return []
    return db.scalars(select(AnalysisResult).where(AnalysisResult.answer_id.in_(answer_ids))).all()


def bank_questions_asked(db: Session, user_id: uuid.UUID) -> list[str]:
    """The bank ids of every question planned for the user in earlier sessions."""
    sources = db.scalars(
        select(Question.source)
        .join(InterviewSession, Question.session_id == InterviewSession.id)
        .where(InterviewSession.user_id == user_id, Question.source.like("bank:%"))
    ).all()
    return [source.removeprefix("bank:") for source in sources]


def answers_to(db: Session, question_id: uuid.UUID) -> Sequence[Answer]:
    """A question's answers in the interview, oldest first (later ones replied to follow-ups);
    practice attempts are not among them."""
    return db.scalars(
        select(Answer)
        .where(Answer.question_id == question_id, Answer.practice.is_(False))
        .order_by(Answer.created_at)
    ).all()


def attempts_at(db: Session, question_id: uuid.UUID) -> Sequence[Answer]:
    """A question's practice attempts, oldest first."""
    return db.scalars(
        select(Answer)
        .where(Answer.question_id == question_id, Answer.practice.is_(True))
        .order_by(Answer.created_at)
    ).all()


def unanswered_after(db: Session, session_id: uuid.UUID, position: int) -> Question | None:
    """The first question after ``position`` that has no answer yet."""
    answered = select(Answer.question_id).where(
        Answer.session_id == session_id, Answer.practice.is_(False)
    )
    return db.scalar(
        select(Question)
        .where(
            Question.session_id == session_id,
            Question.position > position,
            Question.id.not_in(answered),
        )
        .order_by(Question.position)
        .limit(1)
    )
