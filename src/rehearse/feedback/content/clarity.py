"""How easy an answer is to follow: its length, its sentences, readability and rambling.

Readability is Flesch reading ease and the Flesch-Kincaid grade (``readability.py``). Both were
made for written prose: on a transcript they mostly reflect words per sentence and syllables
per word, and on very short answers they leave their usual ranges (above 100, below grade 0).

Rambling is a long answer that goes round in circles: at least ``RAMBLING_WORDS`` words (about
two minutes of speech, longer than most coaches advise for one answer) that either covers less
than half of the key points (where they are judged) or keeps repeating its content words.
``repetition`` is one minus the moving-average type-token ratio (window 50) of the content
words, so it does not grow with length by itself. Among the hand-written calibration answers
(docs/content-evaluation.md) those over 100 words reached at most 0.17 (shorter ones, too short
to ramble, up to 0.29); a focused 286-word story scored 0.09 and a circular 299-word one
("communication is really important ... the problem kind of went away") 0.36.
``REPETITIVE_FROM`` sits between them at 0.25. Two long answers are thin evidence: treat the
flag as a hint.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rehearse.analysis.speech.vocabulary import moving_average_ttr
from rehearse.feedback.content.readability import readability
from rehearse.feedback.content.sentences import Sentence, words

LONG_SENTENCE_WORDS = 30
RAMBLING_WORDS = 250
LOW_COVERAGE_BELOW = 0.5
REPETITIVE_FROM = 0.25

_STOPWORDS = frozenset(
    """a an the and or but so of to in on at for with by from as is are was were be been being
    it its it's this that these those i me my we our you your he she him his her they them their
    do did does have has had not no yes if then than there here what which who how when where
    why all any some just very can could would should will may might must also into out up down
    over about again more most other such only own same too i'm we're i've we'd i'd that's
    don't didn't there's like really yeah well um uh okay ok kind sort thing things get got
    one""".split()
)


@dataclass(frozen=True)
class Clarity:
    words: int
    sentences: int
    mean_sentence_words: float
    max_sentence_words: int
    long_sentences: tuple[int, ...]  # indices of sentences over ``LONG_SENTENCE_WORDS`` words
    long_sentence_share: float
    reading_ease: float | None  # Flesch reading ease; None without words
    grade_level: float | None  # Flesch-Kincaid grade; None without words
    repetition: float  # 1 - moving-average type-token ratio of the content words (0..1)
    rambling: bool


def content_words(text: str) -> list[str]:
    """The answer's words in lower case, without function words, fillers and numbers."""
    return [
        word
        for word in (token.lower().replace("\u2019", "'") for token in words(text))
        if word not in _STOPWORDS and word.isalpha() and len(word) > 1
    ]


def measure_clarity(answer: str, sentences: Sequence[Sentence], coverage: float | None) -> Clarity:
    lengths = [sentence.words for sentence in sentences]
    total = sum(lengths)
    long = tuple(sentence.index for sentence in sentences if sentence.words > LONG_SENTENCE_WORDS)
    repetition = 1.0 - (moving_average_ttr(content_words(answer)) or 1.0)
    low_coverage = coverage is not None and coverage < LOW_COVERAGE_BELOW
    readable = readability(answer, sentences) if total else None
    return Clarity(
        words=total,
        sentences=len(sentences),
        mean_sentence_words=round(total / len(sentences), 2) if sentences else 0.0,
        max_sentence_words=max(lengths, default=0),
        long_sentences=long,
        long_sentence_share=round(len(long) / len(sentences), 4) if sentences else 0.0,
        reading_ease=round(readable.reading_ease, 2) if readable else None,
        grade_level=round(readable.grade_level, 2) if readable else None,
        repetition=round(repetition, 4),
        rambling=total >= RAMBLING_WORDS and (low_coverage or repetition >= REPETITIVE_FROM),
    )
