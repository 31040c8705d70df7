"""Password hashing (argon2id) and the strength policy new passwords must meet."""

from __future__ import annotations

from functools import cached_property

from argon2 import Parameters, PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError
from zxcvbn import zxcvbn

from rehearse.config import PasswordHashProfile
from rehearse.errors import WeakPassword

MIN_LENGTH = 10
MAX_LENGTH = 256
MIN_SCORE = 3  # zxcvbn's 0-4 scale: 3 is "safely unguessable" for an online attack.
# zxcvbn refuses longer input (its matching grows fast with length): a longer passphrase is
# scored by its first 72 characters, which bound how hard the whole is to guess from below.
_SCORED_LENGTH = 72

# argon2id's cost: RFC 9106's second recommended option (3 passes over 64 MiB, 4 lanes),
# about 0.1 s of a core; "cheapest" is for the test suite, where it would only burn that time
# in every sign-up (Settings refuses it in production).
PROFILES: dict[PasswordHashProfile, Parameters] = {
    "rfc9106-low-memory": profiles.RFC_9106_LOW_MEMORY,
    "cheapest": profiles.CHEAPEST,
}


class Passwords:
    """Hashes and checks passwords with argon2id at one cost profile."""

    def __init__(self, profile: PasswordHashProfile = "rfc9106-low-memory") -> None:
        self._hasher = PasswordHasher.from_parameters(PROFILES[profile])

    @cached_property
    def _dummy_hash(self) -> str:
        """A real hash of an unguessable value, so an unknown e-mail costs as long as a known
        one (made on first use rather than at start, which every process would pay)."""
        return self._hasher.hash("rehearse-timing-equaliser-not-a-password")

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, password_hash: str | None, password: str) -> bool:
        """True if ``password`` matches; always spends one argon2 verification."""
        try:
            return (
                self._hasher.verify(password_hash or self._dummy_hash, password)
                and password_hash is not None
            )
        except (VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, password_hash: str) -> bool:
        """True for a hash made at another cost: it is made again at the next sign-in."""
        return self._hasher.check_needs_rehash(password_hash)


def check_strength(password: str, *, user_inputs: tuple[str, ...] = ()) -> None:
    """Raise WeakPassword, with advice, unless ``password`` is long and hard to guess."""
    if len(password) < MIN_LENGTH:
        raise WeakPassword(f"Use at least {MIN_LENGTH} characters.")
    if len(password) > MAX_LENGTH:
        raise WeakPassword(f"Use at most {MAX_LENGTH} characters.")
    verdict = zxcvbn(
        password[:_SCORED_LENGTH], user_inputs=[value for value in user_inputs if value]
    )
    if verdict["score"] < MIN_SCORE:
        feedback = verdict["feedback"]
        advice = " ".join(filter(None, [feedback.get("warning"), *feedback.get("suggestions", [])]))
        raise WeakPassword(
            f"This password is too easy to guess. {advice}".strip(),
            details={"score": verdict["score"], "required_score": MIN_SCORE},
        )
