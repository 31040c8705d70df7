"""Every SQL statement of assignments: each list is one query for its page, whatever its
length (tests/assignments/test_queries.py counts them)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rehearse.assignments.models import Assignment
from rehearse.interviews.models import InterviewSession
from rehearse.organisations.models import Membership, Organisation, Role


def page_of(
    session: Session, organisation_id: uuid.UUID, *, offset: int, limit: int
) -> tuple[list[Assignment], int]:
    """One page of the organisation's assignments, soonest due first."""
    where = Assignment.organisation_id == organisation_id
    total = session.scalar(select(func.count()).select_from(Assignment).where(where)) or 0
    rows = session.scalars(
        select(Assignment)
        .where(where)
        .order_by(Assignment.due_at, Assignment.id)
        .offset(offset)
        .limit(limit)
    )
    return list(rows), total


def assigned_to(
    session: Session, user_id: uuid.UUID, *, offset: int, limit: int
) -> tuple[list[tuple[Assignment, str]], int]:
    """One page of the assignments of every organisation ``user_id`` is a member of (not
    those it coaches), soonest due first, each with its organisation's name."""
    joined = (
        select(Assignment, Organisation.name)
        .join(Organisation, Organisation.id == Assignment.organisation_id)
        .join(Membership, Membership.organisation_id == Assignment.organisation_id)
        .where(Membership.user_id == user_id, Membership.role == Role.MEMBER)
    )
    total = session.scalar(select(func.count()).select_from(joined.subquery())) or 0
    rows = session.execute(
        joined.order_by(Assignment.due_at, Assignment.id).offset(offset).limit(limit)
    )
    return [(assignment, name) for assignment, name in rows], total


def attempts_of(
    session: Session, assignment_ids: Sequence[uuid.UUID], user_ids: Sequence[uuid.UUID]
) -> dict[tuple[uuid.UUID, uuid.UUID], list[InterviewSession]]:
    """Each (assignment, user)'s attempts, oldest first, in one query."""
    if not assignment_ids or not user_ids:
        return {}
    rows = session.scalars(
        select(InterviewSession)
        .where(
            InterviewSession.assignment_id.in_(assignment_ids),
            InterviewSession.user_id.in_(user_ids),
        )
        .order_by(InterviewSession.created_at, InterviewSession.id)
    )
    attempts: dict[tuple[uuid.UUID, uuid.UUID], list[InterviewSession]] = defaultdict(list)
    for row in rows:
        assert row.assignment_id is not None
        attempts[row.assignment_id, row.user_id].append(row)
    return attempts


def attempt_count(session: Session, assignment_id: uuid.UUID, user_id: uuid.UUID) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(InterviewSession)
            .where(
                InterviewSession.assignment_id == assignment_id,
                InterviewSession.user_id == user_id,
            )
        )
        or 0
    )
