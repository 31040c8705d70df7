"""Access tokens are signed, expire, and are useless when tampered with."""

from __future__ import annotations

import uuid
from datetime import timedelta

import jwt
import pytest

from rehearse.accounts.tokens import hash_token, issue_access_token, read_access_token
from rehearse.errors import InvalidToken

KEY = "k" * 48


def test_a_token_reads_back_its_claims() -> None:
    user_id = uuid.uuid4()
    token, _ = issue_access_token(
        KEY, user_id=user_id, security_stamp=3, lifetime=timedelta(minutes=5)
    )
    claims = read_access_token(KEY, token)
    assert (claims.user_id, claims.security_stamp) == (user_id, 3)


def test_an_expired_token_says_so() -> None:
    token, _ = issue_access_token(
        KEY, user_id=uuid.uuid4(), security_stamp=0, lifetime=timedelta(seconds=-1)
    )
    with pytest.raises(InvalidToken, match="expired"):
        read_access_token(KEY, token)


def test_a_token_signed_with_another_key_is_refused() -> None:
    token, _ = issue_access_token(
        "x" * 48, user_id=uuid.uuid4(), security_stamp=0, lifetime=timedelta(minutes=5)
    )
    with pytest.raises(InvalidToken, match="not valid"):
        read_access_token(KEY, token)


def test_a_tampered_payload_is_refused() -> None:
    token, _ = issue_access_token(
        KEY, user_id=uuid.uuid4(), security_stamp=0, lifetime=timedelta(minutes=5)
    )
    header, _, signature = token.split(".")
    forged = jwt.encode({"sub": str(uuid.uuid4())}, "g" * 48, algorithm="HS256").split(".")[1]
    with pytest.raises(InvalidToken):
        read_access_token(KEY, f"{header}.{forged}.{signature}")


def test_an_unsigned_token_is_refused() -> None:
    unsigned = jwt.encode({"sub": str(uuid.uuid4()), "aud": "rehearse-api"}, "", algorithm="none")
    with pytest.raises(InvalidToken):
        read_access_token(KEY, unsigned)


def test_stored_token_hashes_hide_the_token() -> None:
    assert hash_token("abc") != "abc"
    assert hash_token("abc") == hash_token("abc")
