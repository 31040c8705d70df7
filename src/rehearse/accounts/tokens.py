"""Tokens: signed short-lived access tokens (JWT) and random opaque tokens stored as hashes."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import jwt

from rehearse.errors import InvalidToken
from rehearse.store.base import utcnow

_ALGORITHM = "HS256"
_AUDIENCE = "rehearse-api"


@dataclass(frozen=True)
class AccessClaims:
    user_id: uuid.UUID
    security_stamp: int
    expires_at: datetime


def new_opaque_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """Stored instead of the token, so a leaked database grants no sessions."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_access_token(
    key: str, *, user_id: uuid.UUID, security_stamp: int, lifetime: timedelta
) -> tuple[str, datetime]:
    now = utcnow()
    expires = now + lifetime
    claims = {
        "sub": str(user_id),
        "stamp": security_stamp,
        "iat": now,
        "exp": expires,
        "aud": _AUDIENCE,
        "jti": uuid.uuid4().hex,
    }
    return jwt.encode(claims, key, algorithm=_ALGORITHM), expires


def read_access_token(key: str, token: str) -> AccessClaims:
    try:
        claims = jwt.decode(
            token,
            key,
            algorithms=[_ALGORITHM],
            audience=_AUDIENCE,
            options={"require": ["sub", "exp", "iat", "aud"]},
        )
        return AccessClaims(
            user_id=uuid.UUID(claims["sub"]),
            security_stamp=int(claims.get("stamp", -1)),
            expires_at=datetime.fromtimestamp(claims["exp"], tz=utcnow().tzinfo),
        )
    except jwt.ExpiredSignatureError as exc:
        raise InvalidToken("The access token has expired; refresh it or sign in again.") from exc
    except (jwt.InvalidTokenError, ValueError, KeyError) as exc:
        raise InvalidToken("The access token is not valid.") from exc
