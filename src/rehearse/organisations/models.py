"""An organisation, who belongs to it in which role, and the invitations that are pending."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from rehearse.store.base import Base, IdMixin, TimestampMixin, utcnow
from rehearse.store.enums import enum_column


class Role(StrEnum):
    COACH = "coach"  # invites, assigns, reviews; sees what members did in the organisation
    MEMBER = "member"  # takes the organisation's assignments


class Organisation(IdMixin, TimestampMixin, Base):
    """A class, a cohort or a team. Its join code is stored as a hash, like every token."""

    __tablename__ = "organisations"

    name: Mapped[str] = mapped_column(String(120))
    join_code_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    join_code_expires_at: Mapped[datetime | None]
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )


class Membership(IdMixin, Base):
    """One account in one organisation. Leaving deletes the row, and with it the coaches'
    access to what the member did there; the member's own sessions stay theirs."""

    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("organisation_id", "user_id"),)

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[Role] = mapped_column(enum_column(Role))
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)


class Invite(IdMixin, Base):
    """An invitation e-mailed to an address: its link, used once by the account with that
    address, makes it a member (or a coach)."""

    __tablename__ = "organisation_invites"

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    email: Mapped[str] = mapped_column(String(320))
    role: Mapped[Role] = mapped_column(enum_column(Role))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    invited_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    accepted_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]

    def live(self, now: datetime) -> bool:
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > now
