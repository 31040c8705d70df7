"""Syllables in an English word, counted from its vowel groups (for articulation rate)."""

from __future__ import annotations

import re

_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_SILENT_ENDING = re.compile(r"(?<![aeiouy])e$|(?<![aeiouy])es$|(?<![aeiouytd])ed$")
_SYLLABIC_LE = re.compile(r"[^aeiouy]le$")


def count_syllables(word: str) -> int:
    """A close estimate: vowel groups, minus a silent final e, plus a syllabic -le."""
    letters = re.sub(r"[^a-z]", "", word.lower())
    if not letters:
        return 0 if not any(ch.isdigit() for ch in word) else max(1, len(word) // 2)
    count = len(_VOWEL_GROUPS.findall(letters))
    if _SILENT_ENDING.search(letters) and count > 1:
        count -= 1
    if _SYLLABIC_LE.search(letters):
        count += 1
    return max(1, count)
