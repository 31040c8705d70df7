"""The part of a speech analysis a verbatim transcript supports: its words, fillers, hedges
and repetitions.

A rated interview comes as text, without the recording, so pace, pauses and the voice cannot
be measured; the fillers (the filled pauses among them are the structure's hesitations) and
hedges can, with the product's own lexicon (``analysis/speech/lexicon.py``). Words get evenly
spaced placeholder times (no gaps), so a filler's context is decided by punctuation alone
(the commas ``turns`` puts back included), never by an invented pause. The result has the
shape of a stored speech analysis, so ``feedback.answer.scores_of`` scores it as it scores a
recording, with the unmeasured parts left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from rehearse.analysis.speech.lexicon import (
    Marker,
    find_fillers,
    find_hedges,
    find_repetitions,
    lexical_words,
)
from rehearse.analysis.speech.words import Word

_SECONDS_PER_WORD = 0.4  # placeholder spacing; only the order of the words matters

# Words the transcriber joined with an ellipsis or a dash ("um...and", "ex--um"), or a cut-off
# word run into a filled pause ("bad-uh", "job.um"): split after the mark, so each is a word.
_FILLED = r"(?:u+h*m*|u+m+|a+h+|e+r+m*|h+m+)\b"
_JOINED = re.compile(
    rf"(?:(?<=\.\.)|(?<=\u2026)|(?<=--))(?=\w)|(?:(?<=\w\.)|(?<=\w-))(?={_FILLED})",
    re.IGNORECASE,
)


def transcript_tokens(text: str) -> list[str]:
    """The transcript's words: its whitespace-separated tokens, split where joined."""
    return [piece for token in text.split() for piece in _JOINED.split(token) if piece]


def transcript_words(text: str) -> list[Word]:
    """The transcript's words with placeholder times."""
    return [
        Word(token, index * _SECONDS_PER_WORD, (index + 1) * _SECONDS_PER_WORD, 1.0)
        for index, token in enumerate(transcript_tokens(text))
    ]


def transcript_speech(text: str, counted: Callable[[Marker], bool] | None = None) -> dict[str, Any]:
    """A speech analysis of ``text`` holding only what a transcript measures (``counted``:
    which of the lexicon's fillers count, all when None; for the cross-validation)."""
    words = transcript_words(text)
    content = lexical_words(words)
    fillers = [m for m in find_fillers(words) if counted is None or counted(m)]
    hedges = find_hedges(words)
    per_100 = 100 * len(fillers) / len(content) if content else None
    return {
        "status": "ok" if content else "no_speech",
        "words": [{"text": word.text} for word in content],
        "fillers": {
            "count": len(fillers),
            "per_100_words": per_100,
            "items": [{"text": m.text, "kind": m.kind, "source": m.source} for m in fillers],
        },
        "hedges": [{"text": hedge.text} for hedge in hedges],
        "repetitions": [{"text": m.text, "kind": m.kind} for m in find_repetitions(words)],
    }
