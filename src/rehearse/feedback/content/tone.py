"""The polarity of the answer's wording, from VADER's lexicon of rated English words.

This measures how positive or negative the *words* are, not how confident the candidate is or
sounds: a well-told story about a failure is rightly full of negative words ("deleted",
"failing"), and a hesitant answer can be worded cheerfully. Confidence comes from the voice and
from hedging, elsewhere.

``compound`` is the mean of the sentences' VADER compound scores (-1..1): VADER's compound for a
long text tends towards -1 or 1, because it normalises a sum that grows with length. The label
uses VADER's own cut-offs: positive from 0.05, negative at -0.05 or below, neutral between.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from vaderSentiment.vaderSentiment import (  # type: ignore[import-untyped]
    SentimentIntensityAnalyzer,
)

from rehearse.feedback.content.sentences import Sentence

POSITIVE_FROM = 0.05
NEGATIVE_TO = -0.05

ToneLabel = Literal["positive", "neutral", "negative"]


@dataclass(frozen=True)
class Tone:
    compound: float  # mean VADER compound of the sentences, -1..1
    negative_sentences: tuple[int, ...]  # sentences whose compound is at most ``NEGATIVE_TO``
    negative_share: float
    label: ToneLabel


@lru_cache(maxsize=1)
def _analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def label_of(compound: float) -> ToneLabel:
    if compound >= POSITIVE_FROM:
        return "positive"
    if compound <= NEGATIVE_TO:
        return "negative"
    return "neutral"


def measure_tone(sentences: Sequence[Sentence]) -> Tone:
    scores = [
        float(_analyzer().polarity_scores(sentence.text)["compound"]) for sentence in sentences
    ]
    compound = round(sum(scores) / len(scores), 4) if scores else 0.0
    negative = tuple(
        sentence.index
        for sentence, score in zip(sentences, scores, strict=True)
        if score <= NEGATIVE_TO
    )
    return Tone(
        compound=compound,
        negative_sentences=negative,
        negative_share=round(len(negative) / len(sentences), 4) if sentences else 0.0,
        label=label_of(compound),
    )
