"""The part of a speech analysis a verbatim transcript supports: its words, fillers and hedges.

A rated interview comes as text, without the recording, so pace, pauses and the voice cannot
be measured; the fillers and hedges can, with the product's own lexicon
(``analysis/speech/lexicon.py``). Words get evenly spaced placeholder times (no gaps), so a
filler's context is decided by punctuation alone, never by an invented pause. The result has
the shape of a stored speech analysis, so ``feedback.delivery.delivery_score`` scores it as
it scores a recording, with the unmeasured parts left out.
"""

from __future__ import annotations

from typing import Any

from rehearse.analysis.speech.lexicon import find_fillers, find_hedges, lexical_words
from rehearse.analysis.speech.words import Word

_SECONDS_PER_WORD = 0.4  # placeholder spacing; only the order of the words matters


def transcript_words(text: str) -> list[Word]:
    """The transcript's whitespace-separated tokens as words with placeholder times."""
    return [
        Word(token, index * _SECONDS_PER_WORD, (index + 1) * _SECONDS_PER_WORD, 1.0)
        for index, token in enumerate(text.split())
    ]


def transcript_speech(text: str) -> dict[str, Any]:
    """A speech analysis of ``text`` holding only what a transcript measures."""
    words = transcript_words(text)
    content = lexical_words(words)
    fillers = find_fillers(words)
    hedges = find_hedges(words)
    per_100 = 100 * len(fillers) / len(content) if content else None
    return {
        "status": "ok" if content else "no_speech",
        "words": [{"text": word.text} for word in content],
        "fillers": {"count": len(fillers), "per_100_words": per_100},
        "hedges": [{"text": hedge.text} for hedge in hedges],
    }
