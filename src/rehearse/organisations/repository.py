"""Every SQL statement of the organisations feature."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rehearse.accounts.models import User
from rehearse.organisations.models import Invite, Membership, Organisation, Role


def belongings(
    session: Session, user_id: uuid.UUID, *, offset: int = 0, limit: int | None = None
) -> list[tuple[Organisation, Role]]:
    """The organisations ``user_id`` belongs to, by name, with the role held in each (from
    ``offset``, at most ``limit`` of them)."""
    rows = session.execute(
        select(Organisation, Membership.role)
        .join(Membership, Membership.organisation_id == Organisation.id)
        .where(Membership.user_id == user_id)
        .order_by(Organisation.name, Organisation.id)
        .offset(offset)
        .limit(limit)
    )
    return [(organisation, role) for organisation, role in rows]


def belonging_count(session: Session, user_id: uuid.UUID) -> int:
    """How many organisations ``user_id`` belongs to."""
    counted = select(func.count()).select_from(Membership).where(Membership.user_id == user_id)
    return session.scalar(counted) or 0


def membership(
    session: Session, organisation_id: uuid.UUID, user_id: uuid.UUID
) -> Membership | None:
    return session.scalar(
        select(Membership).where(
            Membership.organisation_id == organisation_id, Membership.user_id == user_id
        )
    )


def member_page(
    session: Session, organisation_id: uuid.UUID, *, offset: int, limit: int
) -> tuple[list[tuple[User, Membership]], int]:
    """One page of the members, coaches first, then by name; and how many there are."""
    where = Membership.organisation_id == organisation_id
    total = session.scalar(select(func.count()).select_from(Membership).where(where)) or 0
    rows = session.execute(
        select(User, Membership)
        .join(Membership, Membership.user_id == User.id)
        .where(where)
        .order_by(Membership.role, User.display_name, User.id)
        .offset(offset)
        .limit(limit)
    )
    return [(user, member) for user, member in rows], total


def coaches_besides(session: Session, organisation_id: uuid.UUID, user_id: uuid.UUID) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(Membership)
            .where(
                Membership.organisation_id == organisation_id,
                Membership.role == Role.COACH,
                Membership.user_id != user_id,
            )
        )
        or 0
    )


def pending_invites(
    session: Session, organisation_id: uuid.UUID, now: datetime, *, offset: int, limit: int
) -> tuple[list[Invite], int]:
    """One page of the invitations still pending (not accepted, withdrawn or expired), newest
    first; and how many there are."""
    where = (
        Invite.organisation_id == organisation_id,
        Invite.accepted_at.is_(None),
        Invite.revoked_at.is_(None),
        Invite.expires_at > now,
    )
    total = session.scalar(select(func.count()).select_from(Invite).where(*where)) or 0
    rows = session.scalars(
        select(Invite)
        .where(*where)
        .order_by(Invite.created_at.desc(), Invite.id)
        .offset(offset)
        .limit(limit)
    )
    return list(rows), total


def invite_by_token(session: Session, token_hash: str) -> Invite | None:
    return session.scalar(select(Invite).where(Invite.token_hash == token_hash))


def organisation_by_code(session: Session, code_hash: str) -> Organisation | None:
    return session.scalar(select(Organisation).where(Organisation.join_code_hash == code_hash))
