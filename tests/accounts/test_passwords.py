"""Passwords are stored as argon2id hashes and must be hard to guess."""

from __future__ import annotations

import pytest

from rehearse.accounts.passwords import Passwords, check_strength
from rehearse.config import Settings
from rehearse.errors import ConfigurationError, WeakPassword

PASSWORDS = Passwords()


def test_a_hash_verifies_its_password_only() -> None:
    hashed = PASSWORDS.hash("violet-harbour-cactus-92")
    assert hashed.startswith("$argon2id$v=19$m=65536,t=3,p=4$")  # RFC 9106, low memory
    assert PASSWORDS.verify(hashed, "violet-harbour-cactus-92")
    assert not PASSWORDS.verify(hashed, "violet-harbour-cactus-93")


def test_no_hash_never_verifies() -> None:
    assert not PASSWORDS.verify(None, "anything at all")


def test_a_corrupt_hash_does_not_verify() -> None:
    assert not PASSWORDS.verify("not-a-hash", "violet-harbour-cactus-92")


def test_a_hash_made_at_another_cost_is_made_again() -> None:
    cheap = Passwords("cheapest").hash("violet-harbour-cactus-92")
    assert PASSWORDS.verify(cheap, "violet-harbour-cactus-92")
    assert PASSWORDS.needs_rehash(cheap)
    assert not PASSWORDS.needs_rehash(PASSWORDS.hash("violet-harbour-cactus-92"))


def test_production_refuses_the_tests_cheap_hashing() -> None:
    with pytest.raises(ConfigurationError, match="REHEARSE_PASSWORD_HASH_PROFILE"):
        Settings(
            _env_file=None,
            environment="production",
            secret_key="x" * 40,
            password_hash_profile="cheapest",
        )


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


def test_a_passphrase_longer_than_the_scorer_reads_is_judged_not_refused() -> None:
    passphrase = "violet harbour cactus ninety two " * 4  # 132 characters, zxcvbn reads 72
    check_strength(passphrase)
    with pytest.raises(WeakPassword, match="too easy to guess"):
        check_strength("a" * 200)
