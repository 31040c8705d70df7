"""The locked test parts of the development data: answers that no choice may look at.

Before anything was explored for the content judge (issue 35), a third of each development
half was set aside by a fixed hash: for Mohler, whole questions; for MIT Interview, whole
students (both interviews). Prompts, thresholds and weights are chosen on the rest (by
cross-validation grouped the same way), and only the figure on the locked part is shown
beside a score as its agreement with people. The split depends only on the ids, so it is the
same on every machine and for every later change.
"""

from __future__ import annotations

import hashlib

_SALT = "rehearse-locked-2026-11-25"
LOCKED_SHARE = 1 / 3


def _bucket(group: str) -> float:
    digest = hashlib.sha256(f"{_SALT}:{group}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def is_locked(group: str) -> bool:
    """Whether the question id (Mohler, e.g. ``"4.3"``) or the student (MIT, e.g. ``"7"``,
    see ``bench.validity.stats.student_of``) belongs to the locked test part."""
    return _bucket(group) < LOCKED_SHARE
