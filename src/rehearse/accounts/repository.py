"""All SQL about users and their credentials."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from rehearse.accounts.models import AccountToken, BrowserSession, RefreshToken, TokenPurpose, User
from rehearse.blobs.models import Blob
from rehearse.interviews.models import AnalysisResult, Answer, InterviewSession, Question
from rehearse.organisations.models import Membership, Organisation, Role
from rehearse.progress.models import ReflectionNote, TopicMastery
from rehearse.reports.models import Report
from rehearse.store.base import utcnow


def user_by_email(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(User.email == email))


def some_users(session: Session, limit: int) -> Sequence[User]:
    """Up to ``limit`` active accounts, oldest first: whether a store has one, or several."""
    return session.scalars(
        select(User).where(User.is_active.is_(True)).order_by(User.created_at).limit(limit)
    ).all()


def live_account_token(
    session: Session, token_hash: str, purpose: TokenPurpose
) -> AccountToken | None:
    return session.scalar(
        select(AccountToken).where(
            AccountToken.token_hash == token_hash,
            AccountToken.purpose == purpose,
            AccountToken.used_at.is_(None),
            AccountToken.expires_at > utcnow(),
        )
    )


def spend_account_tokens(session: Session, user_id: uuid.UUID, purpose: TokenPurpose) -> None:
    """Use up every outstanding token of ``purpose``: one reset link works, the others stop."""
    session.execute(
        update(AccountToken)
        .where(
            AccountToken.user_id == user_id,
            AccountToken.purpose == purpose,
            AccountToken.used_at.is_(None),
        )
        .values(used_at=utcnow())
        .execution_options(synchronize_session=False)
    )


def refresh_token_by_hash(session: Session, token_hash: str) -> RefreshToken | None:
    return session.scalar(select(RefreshToken).where(RefreshToken.token_hash == token_hash))


def spend_refresh_token(session: Session, token_id: uuid.UUID) -> bool:
    """Mark a refresh token used; False if it was already used (a concurrent or replayed use)."""
    result = session.execute(
        update(RefreshToken)
        .where(RefreshToken.id == token_id, RefreshToken.used_at.is_(None))
        .values(used_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def revoke_refresh_family(session: Session, family_id: uuid.UUID) -> None:
    session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
        .execution_options(synchronize_session=False)
    )


def revoke_all_refresh_tokens(session: Session, user_id: uuid.UUID) -> None:
    session.execute(
        update(RefreshToken)
        .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
        .execution_options(synchronize_session=False)
    )


def browser_session_by_hash(
    session: Session, token_hash: str, now: datetime
) -> BrowserSession | None:
    return session.scalar(
        select(BrowserSession).where(
            BrowserSession.token_hash == token_hash, BrowserSession.expires_at > now
        )
    )


def delete_browser_sessions(
    session: Session, user_id: uuid.UUID, *, keep: uuid.UUID | None = None
) -> None:
    statement = delete(BrowserSession).where(BrowserSession.user_id == user_id)
    if keep is not None:
        statement = statement.where(BrowserSession.id != keep)
    session.execute(statement.execution_options(synchronize_session=False))


# Everything a user owns, for the data export and the deletion of the account.


def blobs_of(session: Session, user_id: uuid.UUID) -> Sequence[Blob]:
    return session.scalars(
        select(Blob).where(Blob.owner_id == user_id).order_by(Blob.created_at)
    ).all()


def interview_sessions_of(session: Session, user_id: uuid.UUID) -> Sequence[InterviewSession]:
    return session.scalars(
        select(InterviewSession)
        .where(InterviewSession.user_id == user_id)
        .order_by(InterviewSession.created_at)
    ).all()


def questions_in(session: Session, session_id: uuid.UUID) -> Sequence[Question]:
    return session.scalars(
        select(Question).where(Question.session_id == session_id).order_by(Question.position)
    ).all()


def answers_in(session: Session, session_id: uuid.UUID) -> Sequence[Answer]:
    return session.scalars(
        select(Answer).where(Answer.session_id == session_id).order_by(Answer.created_at)
    ).all()


def analyses_of(session: Session, answer_ids: Sequence[uuid.UUID]) -> Sequence[AnalysisResult]:
    return session.scalars(
        select(AnalysisResult)
        .where(AnalysisResult.answer_id.in_(answer_ids))
        .order_by(AnalysisResult.created_at)
    ).all()


def reports_of(session: Session, session_id: uuid.UUID) -> Sequence[Report]:
    return session.scalars(
        select(Report).where(Report.session_id == session_id).order_by(Report.created_at)
    ).all()


def reflections_of(session: Session, session_id: uuid.UUID) -> Sequence[ReflectionNote]:
    return session.scalars(
        select(ReflectionNote)
        .where(ReflectionNote.session_id == session_id)
        .order_by(ReflectionNote.created_at)
    ).all()


def topic_mastery_of(session: Session, user_id: uuid.UUID) -> Sequence[TopicMastery]:
    return session.scalars(
        select(TopicMastery).where(TopicMastery.user_id == user_id).order_by(TopicMastery.topic)
    ).all()


def memberships_of(session: Session, user_id: uuid.UUID) -> list[dict[str, Any]]:
    """The organisations the user belongs to: each one's name, the role and when joined."""
    rows = session.execute(
        select(Organisation.id, Organisation.name, Membership.role, Membership.joined_at)
        .join(Membership, Membership.organisation_id == Organisation.id)
        .where(Membership.user_id == user_id)
        .order_by(Organisation.name)
    )
    return [
        {"organisation_id": o_id, "organisation": name, "role": role, "joined_at": joined}
        for o_id, name, role, joined in rows
    ]


def organisations_coached_alone(session: Session, user_id: uuid.UUID) -> list[str]:
    """The names of the organisations the user is the only coach of."""
    mine = (
        select(Membership.organisation_id)
        .where(Membership.user_id == user_id, Membership.role == Role.COACH)
        .scalar_subquery()
    )
    others = (
        select(Membership.organisation_id)
        .where(Membership.user_id != user_id, Membership.role == Role.COACH)
        .scalar_subquery()
    )
    return list(
        session.scalars(
            select(Organisation.name)
            .where(Organisation.id.in_(mine), Organisation.id.not_in(others))
            .order_by(Organisation.name)
        )
    )
