"""Flesch reading ease and the Flesch-Kincaid grade (Flesch 1948; Kincaid et al. 1975).

Both weigh words per sentence and syllables per word. Sentences are the answer's own
(``sentences.py``, which also cuts unpunctuated speech); syllables are counted from vowel
groups (``analysis/speech/syllables.py``), the estimate the pace measure uses, so no
pronouncing dictionary is loaded in front of the user.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rehearse.analysis.speech.syllables import count_syllables
from rehearse.feedback.content.sentences import Sentence, words


@dataclass(frozen=True)
class Readability:
    reading_ease: float
    grade_level: float


def readability(answer: str, sentences: Sequence[Sentence]) -> Readability | None:
    """The answer's readability; None without words or sentences."""
    tokens = [token for token in words(answer) if any(ch.isalnum() for ch in token)]
    if not tokens or not sentences:
        return None
    words_per_sentence = len(tokens) / len(sentences)
    syllables_per_word = sum(count_syllables(token) for token in tokens) / len(tokens)
    return Readability(
        reading_ease=206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word,
        grade_level=0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59,
    )
