"""Vocabulary diversity (moving-average type-token ratio) and the most-used words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

MATTR_WINDOW = 50  # Covington & McFall (2010)
_STOPWORDS = frozenset(
    " ".join(
        [
            "a an the and or but so of to in on at for with by from as is are was were be",
            "been being it its it's this that these those i me my we our you your he she",
            "they them their his her do did does done have has had not no yes if then than",
            "there here what which who whom how when where why all any some just very can",
            "could would should will shall may might must also into out up down over about",
            "again more most other such only own same too i'm we're i've we've i'd that's don't",
        ]
    ).split()
)


@dataclass(frozen=True)
class VocabularyStats:
    words: int
    unique_words: int
    mattr: float | None
    top_words: list[tuple[str, int]]


def moving_average_ttr(tokens: Sequence[str], window: int = MATTR_WINDOW) -> float | None:
    """Mean type-token ratio over every window of ``window`` tokens (plain TTR if shorter)."""
    if not tokens:
        return None
    if len(tokens) <= window:
        return len(set(tokens)) / len(tokens)
    counts = Counter(tokens[:window])
    ratios = [len(counts) / window]
    for index in range(window, len(tokens)):
        leaving = tokens[index - window]
        counts[leaving] -= 1
        if not counts[leaving]:
            del counts[leaving]
        counts[tokens[index]] += 1
        ratios.append(len(counts) / window)
    return sum(ratios) / len(ratios)


def measure_vocabulary(tokens: Sequence[str], *, top: int = 10) -> VocabularyStats:
    content = Counter(token for token in tokens if token not in _STOPWORDS and token.isalpha())
    return VocabularyStats(
        words=len(tokens),
        unique_words=len(set(tokens)),
        mattr=moving_average_ttr(tokens),
        top_words=[(word, count) for word, count in content.most_common(top) if count > 1],
    )
