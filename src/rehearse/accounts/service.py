"""Account operations. Services flush but never commit: the request or job boundary does."""

from __future__ import annotations

import hmac
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import IO, TYPE_CHECKING
from urllib.parse import urlencode

from sqlalchemy.orm import Session

from rehearse.accounts import emails, passwords, repository, tokens
from rehearse.accounts.export import write_export
from rehearse.accounts.models import AccountToken, BrowserSession, RefreshToken, TokenPurpose, User
from rehearse.blobs.service import delete_blob
from rehearse.errors import (
    Conflict,
    CsrfFailed,
    InvalidCredentials,
    InvalidToken,
    NotAuthenticated,
    PermissionDenied,
    ValidationFailed,
)
from rehearse.mail.tasks import queue_mail
from rehearse.store.base import utcnow

if TYPE_CHECKING:
    from rehearse.runtime import Runtime


def normalize_email(email: str) -> str:
    return email.strip().lower()


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    access_expires_at: datetime
    refresh_token: str
    refresh_expires_at: datetime


@dataclass(frozen=True)
class BrowserLogin:
    cookie_token: str
    csrf_token: str
    expires_at: datetime


class AccountService:
    """Everything a user does with their account, over one database session."""

    def __init__(self, session: Session, runtime: Runtime) -> None:
        self.session = session
        self.runtime = runtime
        self.settings = runtime.settings

    # Sign-up and e-mail confirmation.

    def sign_up(self, *, email: str, password: str, display_name: str = "") -> User:
        email = normalize_email(email)
        if repository.user_by_email(self.session, email) is not None:
            raise Conflict("An account with this e-mail address already exists; sign in instead.")
        passwords.check_strength(password, user_inputs=(email, email.split("@")[0], display_name))
        user = User(
            email=email,
            password_hash=self.runtime.passwords.hash(password),
            display_name=display_name.strip() or email.split("@")[0],
        )
        self.session.add(user)
        self.session.flush()
        self.send_confirmation(user)
        return user

    def create_confirmed_user(
        self, *, email: str, password: str, display_name: str = "", is_admin: bool = False
    ) -> User:
        """For operators (``rehearse users create``): no confirmation e-mail is sent."""
        email = normalize_email(email)
        if repository.user_by_email(self.session, email) is not None:
            raise Conflict(f"A user with the e-mail address {email} already exists.")
        passwords.check_strength(password, user_inputs=(email, display_name))
        user = User(
            email=email,
            password_hash=self.runtime.passwords.hash(password),
            display_name=display_name.strip() or email.split("@")[0],
            email_confirmed_at=utcnow(),
            is_admin=is_admin,
        )
        self.session.add(user)
        self.session.flush()
        return user

    def send_confirmation(self, user: User) -> None:
        if user.email_confirmed_at is not None:
            return
        hours = self.settings.email_token_hours
        token = self._new_account_token(user, TokenPurpose.CONFIRM_EMAIL, timedelta(hours=hours))
        link = self._link("/confirm-email", token)
        queue_mail(
            self.session,
            self.runtime.queue,
            to=user.email,
            subject=emails.CONFIRM_SUBJECT,
            text=emails.confirmation_text(user.display_name, link, token, hours),
            sender=self.settings.mail_from,
            user_id=user.id,
        )

    def confirm_email(self, token: str) -> User:
        record = self._spend_account_token(token, TokenPurpose.CONFIRM_EMAIL)
        user = self.session.get_one(User, record.user_id)
        user.email_confirmed_at = user.email_confirmed_at or utcnow()
        return user

    # Signing in.

    def authenticate(self, *, email: str, password: str, client_ip: str) -> User:
        email = normalize_email(email)
        for limit, key in (
            (self.settings.sign_in_rate_limit, f"email:{email}"),
            (self.settings.sign_in_address_rate_limit, f"ip:{client_ip}"),
        ):
            self.runtime.rate_limiter.hit(
                limit, scope="sign-in", keys=[key], message="Too many sign-in attempts."
            )
        user = repository.user_by_email(self.session, email)
        if not self.runtime.passwords.verify(user.password_hash if user else None, password):
            raise InvalidCredentials("The e-mail address or password is wrong.")
        assert user is not None
        if not user.is_active:
            raise PermissionDenied("This account has been deactivated.")
        if self.settings.require_email_confirmation and user.email_confirmed_at is None:
            raise PermissionDenied(
                f"Confirm your e-mail address first: we sent a link to {user.email}."
            )
        if self.runtime.passwords.needs_rehash(user.password_hash):
            user.password_hash = self.runtime.passwords.hash(password)
        return user

    def issue_token_pair(self, user: User, *, family_id: uuid.UUID | None = None) -> TokenPair:
        access, access_expires = tokens.issue_access_token(
            self.settings.signing_key,
            user_id=user.id,
            security_stamp=user.security_stamp,
            lifetime=timedelta(minutes=self.settings.access_token_minutes),
        )
        refresh = tokens.new_opaque_token()
        refresh_expires = utcnow() + timedelta(days=self.settings.refresh_token_days)
        self.session.add(
            RefreshToken(
                user_id=user.id,
                family_id=family_id or uuid.uuid4(),
                token_hash=tokens.hash_token(refresh),
                expires_at=refresh_expires,
            )
        )
        self.session.flush()
        return TokenPair(access, access_expires, refresh, refresh_expires)

    def refresh(self, refresh_token: str) -> TokenPair:
        """Trade a refresh token for a new pair; replaying a spent one ends the whole chain."""
        record = repository.refresh_token_by_hash(self.session, tokens.hash_token(refresh_token))
        if record is None or record.revoked_at is not None:
            raise InvalidToken("The refresh token is not valid; sign in again.")
        if record.used_at is not None or not repository.spend_refresh_token(
            self.session, record.id
        ):
            repository.revoke_refresh_family(self.session, record.family_id)
            raise InvalidToken(
                "This refresh token was already used, so every token issued from it has been "
                "revoked as a precaution; sign in again.",
                keep_changes=True,
            )
        if record.expires_at <= utcnow():
            raise InvalidToken("The refresh token has expired; sign in again.")
        user = self.session.get_one(User, record.user_id)
        if not user.is_active:
            raise InvalidToken("This account has been deactivated.")
        return self.issue_token_pair(user, family_id=record.family_id)

    def revoke_refresh_token(self, refresh_token: str) -> None:
        record = repository.refresh_token_by_hash(self.session, tokens.hash_token(refresh_token))
        if record is not None:
            repository.revoke_refresh_family(self.session, record.family_id)

    def user_for_access_token(self, access_token: str) -> User:
        claims = tokens.read_access_token(self.settings.signing_key, access_token)
        user = self.session.get(User, claims.user_id)
        if user is None or not user.is_active or user.security_stamp != claims.security_stamp:
            raise InvalidToken("The access token is no longer valid; sign in again.")
        return user

    # Browser sessions.

    def open_browser_session(self, user: User, *, user_agent: str) -> BrowserLogin:
        cookie_token = tokens.new_opaque_token()
        csrf_token = tokens.new_opaque_token()
        expires = utcnow() + timedelta(days=self.settings.browser_session_days)
        self.session.add(
            BrowserSession(
                user_id=user.id,
                token_hash=tokens.hash_token(cookie_token),
                csrf_token=csrf_token,
                user_agent=user_agent[:255],
                expires_at=expires,
            )
        )
        self.session.flush()
        return BrowserLogin(cookie_token, csrf_token, expires)

    def browser_session(self, cookie_token: str) -> BrowserSession:
        record = repository.browser_session_by_hash(
            self.session, tokens.hash_token(cookie_token), utcnow()
        )
        if record is None:
            raise NotAuthenticated("Your session has ended; sign in again.")
        return record

    def user_for_browser_session(
        self, cookie_token: str, *, csrf_header: str | None, unsafe_method: bool
    ) -> tuple[User, BrowserSession]:
        record = self.browser_session(cookie_token)
        if unsafe_method and not (
            csrf_header and hmac.compare_digest(csrf_header, record.csrf_token)
        ):
            raise CsrfFailed(
                "This request needs the X-CSRF-Token header with the token given at sign-in."
            )
        user = self.session.get_one(User, record.user_id)
        if not user.is_active:
            raise NotAuthenticated("This account has been deactivated.")
        return user, record

    def close_browser_session(self, record: BrowserSession) -> None:
        self.session.delete(record)

    # Passwords.

    def request_password_reset(self, *, email: str, client_ip: str) -> None:
        """Mail a reset link if the account exists; the answer never says whether it does."""
        email = normalize_email(email)
        self.runtime.rate_limiter.hit(
            self.settings.reset_rate_limit,
            scope="reset",
            keys=[f"ip:{client_ip}", f"email:{email}"],
            message="Too many password reset requests.",
        )
        user = repository.user_by_email(self.session, email)
        if user is None or not user.is_active:
            return
        minutes = self.settings.reset_token_minutes
        token = self._new_account_token(
            user, TokenPurpose.RESET_PASSWORD, timedelta(minutes=minutes)
        )
        queue_mail(
            self.session,
            self.runtime.queue,
            to=user.email,
            subject=emails.RESET_SUBJECT,
            text=emails.reset_text(
                user.display_name, self._link("/reset-password", token), token, minutes
            ),
            sender=self.settings.mail_from,
            user_id=user.id,
        )

    def reset_password(self, *, token: str, new_password: str) -> User:
        record = self._spend_account_token(token, TokenPurpose.RESET_PASSWORD)
        user = self.session.get_one(User, record.user_id)
        passwords.check_strength(new_password, user_inputs=(user.email, user.display_name))
        repository.spend_account_tokens(self.session, user.id, TokenPurpose.RESET_PASSWORD)
        self._set_password(user, new_password)
        # Following the link proved the mailbox is theirs.
        user.email_confirmed_at = user.email_confirmed_at or utcnow()
        return user

    def change_password(
        self,
        user: User,
        *,
        current_password: str,
        new_password: str,
        keep_browser_session: uuid.UUID | None = None,
    ) -> None:
        if not self.runtime.passwords.verify(user.password_hash, current_password):
            raise InvalidCredentials("The current password is wrong.")
        passwords.check_strength(new_password, user_inputs=(user.email, user.display_name))
        self._set_password(user, new_password, keep_browser_session=keep_browser_session)

    def _set_password(
        self, user: User, password: str, *, keep_browser_session: uuid.UUID | None = None
    ) -> None:
        """New hash, and every other session and token of the user stops working."""
        user.password_hash = self.runtime.passwords.hash(password)
        user.security_stamp += 1
        repository.revoke_all_refresh_tokens(self.session, user.id)
        repository.delete_browser_sessions(self.session, user.id, keep=keep_browser_session)

    def rename(self, user: User, display_name: str) -> User:
        """Change the name the user is greeted and addressed by."""
        name = display_name.strip()
        if not name:
            raise ValidationFailed("Enter a name.", details={"display_name": "required"})
        user.display_name = name
        return user

    # The user's data: export and deletion.

    def export(self, user: User) -> IO[bytes]:
        """Everything the user owns as a ZIP archive in a temporary file (see ``export``)."""
        return write_export(self.session, self.runtime.blobs, user)

    def delete_account(self, user: User, *, password: str) -> None:
        """Delete the user and everything they own, once their password is confirmed.

        The rows go with the user (foreign keys cascade); the stored files' bytes are removed
        once the deletion has committed.
        """
        self.runtime.rate_limiter.hit(
            self.settings.sign_in_rate_limit,
            scope="delete-account",
            keys=[f"user:{user.id}"],
            message="Too many attempts to delete this account.",
        )
        if not self.runtime.passwords.verify(user.password_hash, password):
            raise InvalidCredentials("The password is wrong; nothing was deleted.")
        coached = repository.organisations_coached_alone(self.session, user.id)
        if coached:
            raise Conflict(
                f"You are the only coach of {', '.join(coached)}: make another member a coach "
                "or delete the organisation first. Nothing was deleted."
            )
        for blob in repository.blobs_of(self.session, user.id):
            delete_blob(self.session, self.runtime.blobs, blob)
        self.session.flush()
        self.session.delete(user)
        self.session.flush()

    # Helpers.

    def _new_account_token(self, user: User, purpose: TokenPurpose, lifetime: timedelta) -> str:
        token = tokens.new_opaque_token()
        self.session.add(
            AccountToken(
                user_id=user.id,
                purpose=purpose,
                token_hash=tokens.hash_token(token),
                expires_at=utcnow() + lifetime,
            )
        )
        self.session.flush()
        return token

    def _spend_account_token(self, token: str, purpose: TokenPurpose) -> AccountToken:
        record = repository.live_account_token(self.session, tokens.hash_token(token), purpose)
        if record is None:
            raise InvalidToken(
                "This link is not valid: it may have expired or been used already. "
                "Ask for a new one."
            )
        record.used_at = utcnow()
        return record

    def _link(self, path: str, token: str) -> str:
        return f"{self.settings.resolved_public_url}{path}?{urlencode({'token': token})}"
