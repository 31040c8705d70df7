"""Passwords are stored as argon2id hashes and must be hard to guess."""

from __future__ import annotations

import pytest

from rehearse.accounts.passwords import check_strength, hash_password, verify_password
from rehearse.errors import WeakPassword


def test_a_hash_verifies_its_password_only() -> None:
    hashed = hash_password("violet-harbour-cactus-92")
    assert hashed.startswith("$argon2id$")
    assert verify_password(hashed, "violet-harbour-cactus-92")
    assert not verify_password(hashed, "violet-harbour-cactus-93")


def test_no_hash_never_verifies() -> None:
    assert not verify_password(None, "anything at all")


def test_a_corrupt_hash_does_not_verify() -> None:
    assert not verify_password("not-a-hash", "violet-harbour-cactus-92")


@pytest.mark.parametrize("password", ["short", "password123", "qwertyuiop", "aaaaaaaaaaaa"])
def test_guessable_passwords_are_refused(password: str) -> None:
    with pytest.raises(WeakPassword):
        check_strength(password)


def test_a_password_made_of_the_email_is_refused() -> None:
    with pytest.raises(WeakPassword):
        check_strength("jane.doe.example", user_inputs=("jane.doe@example.com", "jane.doe.example"))


def test_advice_is_given_with_the_refusal() -> None:
    with pytest.raises(WeakPassword, match=r"too easy to guess\. This is a very common password"):
        check_strength("password1234")


def test_a_long_unusual_password_is_accepted() -> None:
    check_strength("violet-harbour-cactus-92")
