"""A stored speech analysis (``SpeechAnalysis.to_dict()`` shape) with chosen delivery values."""

from __future__ import annotations

from typing import Any


def stored_speech(wpm: float = 140, fillers: float = 1.0, long_pauses: int = 0) -> dict[str, Any]:
    """100 words over a minute, at ``wpm``, ``fillers`` per 100 words and ``long_pauses``."""
    words = [{"text": "word", "start": i * 0.4, "end": i * 0.4 + 0.3} for i in range(100)]
    return {
        "status": "ok",
        "duration_seconds": 60.0,
        "words": words,
        "hedges": [],
        "pace": {"words_per_minute": wpm},
        "fillers": {"per_100_words": fillers, "items": []},
        "pauses": {"long_count": long_pauses, "time_to_first_word_seconds": 1.0},
    }
