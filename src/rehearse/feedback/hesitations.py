"""Hesitations: the filled pauses ("um", "uh") of a spoken answer, per 100 words.

A filled pause is where a speaker is still working out what to say next (Clark & Fox Tree
2002; Goldman-Eisler 1968): an answer planned before it is spoken has few of them. The count
is the speech analysis's filled pauses, those in the transcript and those the acoustic
detector found where the recogniser dropped them; discourse markers ("like", "you know")
are fillers of delivery, not hesitations.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rehearse.analysis.speech.lexicon import is_filled_pause
from rehearse.analysis.speech.words import normalize


def is_filled_pause_item(item: Mapping[str, Any]) -> bool:
    """Whether a stored filler item is a filled pause (one the acoustic detector found is)."""
    return item.get("source") == "acoustic" or is_filled_pause(normalize(str(item.get("text", ""))))


def hesitations_per_100_words(speech: Mapping[str, Any]) -> float | None:
    """Filled pauses per 100 words of a stored speech analysis; None when nothing was said
    or the analysis holds no filler items."""
    fillers = speech.get("fillers") or {}
    items = fillers.get("items")
    if speech.get("status") != "ok" or items is None:
        return None
    terms = (normalize(str(word.get("text", ""))) for word in speech.get("words") or [])
    words = sum(1 for term in terms if term and not is_filled_pause(term))
    if not words:
        return None
    return 100 * sum(1 for item in items if is_filled_pause_item(item)) / words
