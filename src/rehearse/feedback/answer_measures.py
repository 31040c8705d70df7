"""The named measures of one answer that the fitted scores read (``feedback.fitted``).

A filled pause is where a speaker is still working out what to say next (Clark & Fox Tree
2002): counted from the transcript and from the acoustic detector where the recogniser
dropped it. Each measure is a plain number a candidate can check: how long the answer was,
how many filled pauses and "like"s it held, how far it stayed on its question. Measures of
the voice's disfluencies need a spoken answer (a stored speech analysis); a typed answer has
none, and the scores renormalise over what was measured.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rehearse.analysis.speech.lexicon import count_likes, is_filled_pause
from rehearse.analysis.speech.words import normalize
from rehearse.feedback.content.evaluation import ContentEvaluation

# The measures' names, as the fitted file and the report know them.
FILLED_PAUSES = "filled pauses"  # "um", "uh" per 100 words
FILLED_PAUSES_COUNT = "filled pauses in the answer"
LIKES = "'like' as a filler"  # per 100 words
REPETITIONS = "repetitions and restarts"  # per 100 words
LENGTH = "length"  # words
SENTENCE_LENGTH = "mean sentence length"  # words
RELEVANCE = "relevance"  # cosine similarity to the question
SPECIFICITY = "specificity"  # index 0..1


def answer_measures(
    evaluation: ContentEvaluation, speech: Mapping[str, Any] | None = None
) -> dict[str, float | None]:
    """Every named measure of the answer; None where it cannot be taken (no words, or a
    disfluency of an answer that was typed)."""
    words = evaluation.clarity.words
    measured: dict[str, float | None] = {
        LENGTH: float(words) if words else None,
        SENTENCE_LENGTH: evaluation.clarity.mean_sentence_words if words else None,
        RELEVANCE: evaluation.relevance.similarity if words else None,
        SPECIFICITY: evaluation.specificity.index if words else None,
    }
    return measured | disfluencies(speech)


def is_filled_pause_item(item: Mapping[str, Any]) -> bool:
    """Whether a stored filler item is a filled pause: "um", "uh" in the transcript, or one
    the acoustic detector found where the recogniser wrote none."""
    return item.get("source") == "acoustic" or is_filled_pause(normalize(str(item.get("text", ""))))


def disfluencies(speech: Mapping[str, Any] | None) -> dict[str, float | None]:
    """Filled pauses (rate and count), "like"s and repetitions of a stored speech analysis;
    all None without one, or when nothing was said."""
    names = (FILLED_PAUSES, FILLED_PAUSES_COUNT, LIKES, REPETITIONS)
    if speech is None or speech.get("status") != "ok":
        return dict.fromkeys(names)
    terms = [normalize(str(word.get("text", ""))) for word in speech.get("words") or []]
    lexical = [term for term in terms if term and not is_filled_pause(term)]
    items = (speech.get("fillers") or {}).get("items")
    if not lexical or items is None:
        return dict.fromkeys(names)
    filled = sum(1 for item in items if is_filled_pause_item(item))
    per_100 = 100 / len(lexical)
    return {
        FILLED_PAUSES: filled * per_100,
        FILLED_PAUSES_COUNT: float(filled),
        LIKES: count_likes(terms) * per_100,
        REPETITIONS: len(speech.get("repetitions") or []) * per_100,
    }


_HEARD_THROUGH = {
    "noisy": "loud background noise",
    "narrowband": "a telephone-band microphone",
    "enhanced": "noise removal",
}


def less_certain(speech: Mapping[str, Any]) -> str:
    """A sentence naming what the recording was heard through (the speech analysis's
    ``conditions``) that hides fillers and pauses, or nothing."""
    through = [_HEARD_THROUGH[c] for c in speech.get("conditions") or () if c in _HEARD_THROUGH]
    if not through:
        return ""
    return (
        f" Less certain for this answer: it was heard through {' and '.join(through)}, which "
        "hides some fillers and pauses and invents others."
    )
