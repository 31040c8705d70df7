"""What coaches and members do with organisations. Services flush but never commit: the
request boundary does.

Who may see what: an organisation exists, for an account, only if the account belongs to it
(anyone else gets a 404, so its existence does not leak); inside it, a member who asks for a
coach's work gets a 403.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from sqlalchemy.orm import Session

from rehearse.accounts.models import User
from rehearse.accounts.tokens import hash_token, new_opaque_token
from rehearse.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from rehearse.mail.tasks import queue_mail
from rehearse.organisations import emails, repository
from rehearse.organisations.models import Invite, Membership, Organisation, Role
from rehearse.store.base import utcnow

if TYPE_CHECKING:
    from rehearse.runtime import Runtime

INVITE_DAYS = 14
JOIN_CODE_DAYS = 14
MAX_JOIN_CODE_DAYS = 90
# A join code is short enough to read out in a class: 10 characters of an alphabet without
# look-alikes (about 50 bits), and guesses are rate-limited per account, and per address more
# loosely: a whole class joins from one classroom's address.
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
_CODE_LENGTH = 10
JOIN_LIMIT_PER_ACCOUNT = "10/hour"
JOIN_LIMIT_PER_ADDRESS = "300/hour"


def normalize_code(code: str) -> str:
    """A join code as typed: case, spaces and dashes do not matter."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def new_join_code() -> str:
    code = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(_CODE_LENGTH))
    return f"{code[:5]}-{code[5:]}"


@dataclass(frozen=True)
class Belonging:
    """An organisation as one account sees it: its own role there."""

    organisation: Organisation
    role: Role


@dataclass(frozen=True)
class MemberRow:
    user: User
    membership: Membership


@dataclass(frozen=True)
class JoinCode:
    code: str  # shown once, when made: only its hash is kept
    expires_at: datetime


class OrganisationService:
    """Everything ``user_id`` does with organisations, over one database session."""

    def __init__(self, session: Session, runtime: Runtime, user_id: uuid.UUID) -> None:
        self.session = session
        self.runtime = runtime
        self.user_id = user_id

    # Organisations.

    def create(self, name: str) -> Belonging:
        organisation = Organisation(name=_name(name), created_by_id=self.user_id)
        self.session.add(organisation)
        self.session.flush()
        self.session.add(
            Membership(organisation_id=organisation.id, user_id=self.user_id, role=Role.COACH)
        )
        self.session.flush()
        return Belonging(organisation, Role.COACH)

    def mine(self, *, offset: int = 0, limit: int | None = None) -> list[Belonging]:
        """The organisations this account belongs to, by name (from ``offset``, at most
        ``limit``)."""
        rows = repository.belongings(self.session, self.user_id, offset=offset, limit=limit)
        return [Belonging(organisation, role) for organisation, role in rows]

    def count_mine(self) -> int:
        return repository.belonging_count(self.session, self.user_id)

    def get(self, organisation_id: uuid.UUID) -> Belonging:
        """The organisation, if this account belongs to it (a 404 otherwise)."""
        membership = self._membership(organisation_id, self.user_id)
        if membership is None:
            raise NotFound("No such organisation.")
        return Belonging(self.session.get_one(Organisation, organisation_id), membership.role)

    def coached(self, organisation_id: uuid.UUID) -> Organisation:
        """The organisation, if this account coaches it (a 403 for its members)."""
        belonging = self.get(organisation_id)
        if belonging.role is not Role.COACH:
            raise PermissionDenied("Only the organisation's coaches can do this.")
        return belonging.organisation

    def rename(self, organisation_id: uuid.UUID, name: str) -> Belonging:
        organisation = self.coached(organisation_id)
        organisation.name = _name(name)
        self.session.flush()
        return Belonging(organisation, Role.COACH)

    def delete(self, organisation_id: uuid.UUID) -> None:
        """The organisation, its memberships and invitations: the coaches' access to what its
        members did there ends; the members keep their own sessions."""
        self.session.delete(self.coached(organisation_id))
        self.session.flush()

    # Members.

    def members(
        self, organisation_id: uuid.UUID, *, offset: int, limit: int
    ) -> tuple[list[MemberRow], int]:
        """One page of the members, coaches first, and how many there are."""
        self.coached(organisation_id)
        rows, total = repository.member_page(
            self.session, organisation_id, offset=offset, limit=limit
        )
        return [MemberRow(user, membership) for user, membership in rows], total

    def set_role(self, organisation_id: uuid.UUID, user_id: uuid.UUID, role: Role) -> MemberRow:
        self.coached(organisation_id)
        membership = self._member(organisation_id, user_id)
        if membership.role is Role.COACH and role is not Role.COACH:
            self._keep_a_coach(organisation_id, user_id)
        membership.role = role
        self.session.flush()
        return MemberRow(self.session.get_one(User, user_id), membership)

    def remove(self, organisation_id: uuid.UUID, user_id: uuid.UUID) -> None:
        """A coach removes a member (or a coach), or an account leaves (its own id)."""
        if user_id == self.user_id:
            self.get(organisation_id)
        else:
            self.coached(organisation_id)
        membership = self._member(organisation_id, user_id)
        if membership.role is Role.COACH:
            self._keep_a_coach(organisation_id, user_id)
        self.session.delete(membership)
        self.session.flush()

    # Invitations.

    def invite(self, organisation_id: uuid.UUID, email: str, role: Role) -> Invite:
        """E-mail ``email`` a link that makes its account a ``role`` of the organisation."""
        organisation = self.coached(organisation_id)
        address = email.strip().lower()
        token = new_opaque_token()
        invite = Invite(
            organisation_id=organisation_id,
            email=address,
            role=role,
            token_hash=hash_token(token),
            invited_by_id=self.user_id,
            expires_at=utcnow() + timedelta(days=INVITE_DAYS),
        )
        self.session.add(invite)
        self.session.flush()
        inviter = self.session.get_one(User, self.user_id)
        settings = self.runtime.settings
        queue_mail(
            self.session,
            self.runtime.queue,
            to=address,
            subject=emails.INVITE_SUBJECT.format(organisation=organisation.name),
            text=emails.invite_text(
                organisation.name,
                inviter.display_name,
                role.value,
                f"{settings.resolved_public_url}/join?{urlencode({'invite': token})}",
                INVITE_DAYS,
            ),
            sender=settings.mail_from,
            user_id=self.user_id,
        )
        return invite

    def invites(
        self, organisation_id: uuid.UUID, *, offset: int, limit: int
    ) -> tuple[list[Invite], int]:
        """One page of the invitations still pending, newest first, and how many there are."""
        self.coached(organisation_id)
        return repository.pending_invites(
            self.session, organisation_id, utcnow(), offset=offset, limit=limit
        )

    def revoke(self, organisation_id: uuid.UUID, invite_id: uuid.UUID) -> None:
        self.coached(organisation_id)
        invite = self.session.get(Invite, invite_id)
        if invite is None or invite.organisation_id != organisation_id:
            raise NotFound("No such invitation.")
        invite.revoked_at = invite.revoked_at or utcnow()
        self.session.flush()

    def accept(self, token: str) -> Belonging:
        """Join by an invitation's link: once, before it expires, as the address it was
        sent to."""
        invite = repository.invite_by_token(self.session, hash_token(token))
        if invite is None or not invite.live(utcnow()):
            raise NotFound(
                "This invitation is not valid: it may have expired, been withdrawn or been "
                "used already. Ask your coach for a new one."
            )
        user = self.session.get_one(User, self.user_id)
        if user.email != invite.email:
            raise PermissionDenied(
                "This invitation was sent to another e-mail address: sign in with that "
                "address's account to accept it."
            )
        invite.accepted_at = utcnow()
        return self._join(invite.organisation_id, invite.role)

    # Join codes.

    def new_join_code(self, organisation_id: uuid.UUID, days: int = JOIN_CODE_DAYS) -> JoinCode:
        """A new code anyone signed in can join with (as a member) until it expires; the code
        before it stops working."""
        organisation = self.coached(organisation_id)
        if not 1 <= days <= MAX_JOIN_CODE_DAYS:
            raise ValidationFailed(f"A join code lasts 1 to {MAX_JOIN_CODE_DAYS} days.")
        code = new_join_code()
        organisation.join_code_hash = hash_token(normalize_code(code))
        organisation.join_code_expires_at = utcnow() + timedelta(days=days)
        self.session.flush()
        return JoinCode(code, organisation.join_code_expires_at)

    def end_join_code(self, organisation_id: uuid.UUID) -> None:
        organisation = self.coached(organisation_id)
        organisation.join_code_hash = None
        organisation.join_code_expires_at = None
        self.session.flush()

    def join(self, code: str, *, client_ip: str) -> Belonging:
        """Join as a member with a coach's code; guesses are rate-limited."""
        for limit, key in (
            (JOIN_LIMIT_PER_ACCOUNT, f"user:{self.user_id}"),
            (JOIN_LIMIT_PER_ADDRESS, f"ip:{client_ip}"),
        ):
            self.runtime.rate_limiter.hit(
                limit, scope="join-code", keys=[key], message="Too many join codes tried."
            )
        organisation = repository.organisation_by_code(
            self.session, hash_token(normalize_code(code))
        )
        expires = organisation.join_code_expires_at if organisation else None
        if organisation is None or expires is None or expires <= utcnow():
            raise NotFound(
                "No organisation has this join code, or it has expired: check it with your coach."
            )
        return self._join(organisation.id, Role.MEMBER)

    # Helpers.

    def _join(self, organisation_id: uuid.UUID, role: Role) -> Belonging:
        membership = self._membership(organisation_id, self.user_id)
        if membership is None:
            membership = Membership(
                organisation_id=organisation_id, user_id=self.user_id, role=role
            )
            self.session.add(membership)
        elif role is Role.COACH:
            membership.role = Role.COACH
        self.session.flush()
        return Belonging(self.session.get_one(Organisation, organisation_id), membership.role)

    def _membership(self, organisation_id: uuid.UUID, user_id: uuid.UUID) -> Membership | None:
        return repository.membership(self.session, organisation_id, user_id)

    def _member(self, organisation_id: uuid.UUID, user_id: uuid.UUID) -> Membership:
        membership = self._membership(organisation_id, user_id)
        if membership is None:
            raise NotFound("This account is not in the organisation.")
        return membership

    def _keep_a_coach(self, organisation_id: uuid.UUID, leaving: uuid.UUID) -> None:
        if not repository.coaches_besides(self.session, organisation_id, leaving):
            raise Conflict(
                "An organisation needs a coach: make another member a coach first, or delete "
                "the organisation."
            )


def _name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationFailed("Give the organisation a name.")
    return name
