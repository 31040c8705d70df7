"""Every SQL statement of reviews: each reads a whole session's or page's rows at once."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rehearse.accounts.models import User
from rehearse.assignments.models import Assignment
from rehearse.interviews.models import Answer, InterviewSession, Question, SessionStatus
from rehearse.organisations.models import Membership, Role
from rehearse.reports.models import Report
from rehearse.reviews.models import CoachComment, RubricScore, VerdictFlag


@dataclass(frozen=True)
class SessionFeedback:
    """Everything coaches said about one session's answers, with each answer's question and
    each author's name."""

    question_of: dict[uuid.UUID, uuid.UUID]  # answer id -> question id
    comments: list[CoachComment]
    scores: list[RubricScore]
    flags: list[VerdictFlag]
    authors: dict[uuid.UUID, str]


def feedback_in(db: Session, session_ids: Sequence[uuid.UUID]) -> SessionFeedback:
    """The coaches' comments, rubric scores and flags on the answers of ``session_ids``."""
    answers = select(Answer.id).where(Answer.session_id.in_(session_ids))
    comments = list(
        db.scalars(
            select(CoachComment)
            .where(CoachComment.answer_id.in_(answers))
            .order_by(
                CoachComment.at_seconds.is_(None), CoachComment.at_seconds, CoachComment.created_at
            )
        )
    )
    scores = list(db.scalars(select(RubricScore).where(RubricScore.answer_id.in_(answers))))
    flags = list(
        db.scalars(
            select(VerdictFlag)
            .where(VerdictFlag.answer_id.in_(answers))
            .order_by(VerdictFlag.created_at)
        )
    )
    rows: list[CoachComment | RubricScore | VerdictFlag] = [*comments, *scores, *flags]
    answered = {row.answer_id for row in rows}
    question_of: dict[uuid.UUID, uuid.UUID] = {}
    if answered:
        pairs = select(Answer.id, Answer.question_id).where(Answer.id.in_(answered))
        question_of = dict(db.execute(pairs).all())
    authored = {row.author_id for row in rows if row.author_id}
    authors: dict[uuid.UUID, str] = {}
    if authored:
        names = select(User.id, User.display_name).where(User.id.in_(authored))
        authors = dict(db.execute(names).all())
    return SessionFeedback(question_of, comments, scores, flags, authors)


def member_page(
    db: Session, organisation_id: uuid.UUID, *, offset: int, limit: int | None
) -> tuple[list[User], int]:
    """One page of the organisation's members (not its coaches), by name (all of them from
    ``offset`` when ``limit`` is None)."""
    where = (Membership.organisation_id == organisation_id, Membership.role == Role.MEMBER)
    total = db.scalar(select(func.count()).select_from(Membership).where(*where)) or 0
    users = db.scalars(
        select(User)
        .join(Membership, Membership.user_id == User.id)
        .where(*where)
        .order_by(User.display_name, User.id)
        .offset(offset)
        .limit(limit)
    )
    return list(users), total


def member_attempts(
    db: Session, organisation_id: uuid.UUID, assignment_id: uuid.UUID
) -> list[tuple[InterviewSession, dict[str, Any] | None]]:
    """Every attempt at the assignment by a current member, oldest first, each with its report
    summary (None before its report was made)."""
    rows = db.execute(
        select(InterviewSession, Report.summary)
        .join(
            Membership,
            (Membership.user_id == InterviewSession.user_id)
            & (Membership.organisation_id == organisation_id)
            & (Membership.role == Role.MEMBER),
        )
        .outerjoin(Report, Report.session_id == InterviewSession.id)
        .where(InterviewSession.assignment_id == assignment_id)
        .order_by(InterviewSession.created_at, InterviewSession.id)
    )
    return [(attempt, summary) for attempt, summary in rows]


def is_member(db: Session, organisation_id: uuid.UUID, user_id: uuid.UUID) -> bool:
    return (
        db.scalar(
            select(Membership.id).where(
                Membership.organisation_id == organisation_id, Membership.user_id == user_id
            )
        )
        is not None
    )


def scores_on(db: Session, answer_id: uuid.UUID) -> list[RubricScore]:
    return list(db.scalars(select(RubricScore).where(RubricScore.answer_id == answer_id)))


def flags_on(db: Session, answer_id: uuid.UUID) -> list[VerdictFlag]:
    return list(db.scalars(select(VerdictFlag).where(VerdictFlag.answer_id == answer_id)))


def rubric_levels(
    db: Session, session_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, dict[str, list[int]]]:
    """The rubric levels coaches gave the answers of each session, by criterion."""
    if not session_ids:
        return {}
    rows = db.execute(
        select(Answer.session_id, RubricScore.criterion, RubricScore.level)
        .join(Answer, Answer.id == RubricScore.answer_id)
        .where(Answer.session_id.in_(session_ids))
    )
    levels: dict[uuid.UUID, dict[str, list[int]]] = {}
    for session_id, criterion, level in rows:
        levels.setdefault(session_id, {}).setdefault(criterion, []).append(level)
    return levels


def answers_of(db: Session, session_ids: Sequence[uuid.UUID]) -> list[tuple[Answer, int, str]]:
    """Every answer of ``session_ids`` with its question's position and text, in order."""
    if not session_ids:
        return []
    rows = db.execute(
        select(Answer, Question.position, Question.text)
        .join(Question, Question.id == Answer.question_id)
        .where(Answer.session_id.in_(session_ids))
        .order_by(Answer.session_id, Question.position, Answer.created_at)
    )
    return [(answer, position, text) for answer, position, text in rows]


def users_by_id(db: Session, user_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, User]:
    if not user_ids:
        return {}
    return {user.id: user for user in db.scalars(select(User).where(User.id.in_(user_ids)))}


def mean_overall(db: Session, organisation_id: uuid.UUID) -> dict[uuid.UUID, tuple[float, int]]:
    """Each of the organisation's assignments' mean overall over its current members' finished
    attempts, and how many attempts that is (only assignments with one), in one query."""
    overall = Report.summary["overall"].as_float()
    rows = db.execute(
        select(Assignment.id, func.avg(overall), func.count(overall))
        .join(InterviewSession, InterviewSession.assignment_id == Assignment.id)
        .join(Report, Report.session_id == InterviewSession.id)
        .join(
            Membership,
            (Membership.user_id == InterviewSession.user_id)
            & (Membership.organisation_id == organisation_id)
            & (Membership.role == Role.MEMBER),
        )
        .where(
            Assignment.organisation_id == organisation_id,
            InterviewSession.status == SessionStatus.COMPLETED,
        )
        .group_by(Assignment.id)
    )
    return {assignment_id: (float(mean), count) for assignment_id, mean, count in rows if count}


def last_reviewed_at(db: Session, session_id: uuid.UUID) -> datetime | None:
    """When a coach last commented on, or flagged, an answer of the session."""
    answers = select(Answer.id).where(Answer.session_id == session_id)
    moments = [
        db.scalar(select(func.max(row.created_at)).where(row.answer_id.in_(answers)))
        for row in (CoachComment, VerdictFlag)
    ]
    return max((moment for moment in moments if moment is not None), default=None)
