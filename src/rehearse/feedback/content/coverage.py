"""Which of the question's key points the answer covers, and the sentence that covers each.

A key point is matched with the answer's sentence most similar to it (cosine of MiniLM
vectors); it counts as covered when that similarity reaches ``COVERED_FROM``.

How the threshold was chosen: 36 answers to 13 bank questions were written by hand (a strong,
a weak and often a partial answer per question, the partial ones concrete but leaving points
out), and every (answer, key point) pair was labelled covered or not before measuring; pairs a
reader could argue either way were left out. On the 112 pairs of technical and scenario
questions the best-sentence similarity separates covered from missed points well (AUC 0.95):
at 0.50, 43 of 54 covered points are found and 1 of 58 missed points is wrongly found
(precision 0.98, recall 0.80, accuracy 0.89). 0.475 was one pair more accurate but let in a
second false match; 0.55 found no false match but lost 4 more covered points. A point reported
as covered that was not hides a gap from the candidate, so the threshold leans to precision.

Behavioural and project questions are not judged. Their key points describe qualities of a
story ("How and when they noticed it", "The outcome, and the working relationship
afterwards"), and on 53 such pairs the similarity does not separate covered from missed points
(AUC 0.57): against "What help they gave, such as pairing, explaining or taking on part of the
work", the vague "One time a colleague was struggling with something so I helped them out with
it" scores 0.60 and the concrete "I offered to pair with him for an hour each afternoon" 0.30.
For those questions each point still gets its closest sentence and similarity, but ``found``
and ``coverage`` are None; STAR structure and specificity carry their evaluation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from rehearse.feedback.content.embed import Embedded
from rehearse.feedback.content.question import AskedQuestion
from rehearse.feedback.content.sentences import Sentence

COVERED_FROM = 0.50

NOT_JUDGED = (
    "Key points of {kind} questions describe qualities of a story, which sentence similarity "
    "does not recognise; see STAR structure and specificity instead."
)


@dataclass(frozen=True)
class KeyPointMatch:
    point: str
    found: bool | None  # None: not judged for this kind of question
    similarity: float  # of the closest sentence, clipped to 0..1; 0 for an empty answer
    sentence_index: int | None  # the closest sentence; None for an empty answer
    sentence: str


@dataclass(frozen=True)
class KeyPoints:
    judged: bool
    points: tuple[KeyPointMatch, ...]
    covered: int
    coverage: float | None  # share of points found; None when not judged or no key points
    note: str  # why the points were not judged; empty when they were


def _why_not_judged(question: AskedQuestion) -> str:
    if not question.key_points:
        return "The question lists no key points."
    return NOT_JUDGED.format(kind=question.kind)


def _closest(sentences: Sequence[Sentence], vectors: Embedded) -> list[tuple[Sentence, float]]:
    """For each key point, the most similar sentence and the similarity (clipped to 0..1)."""
    similarity = np.clip(vectors.key_points @ vectors.windows.T, 0.0, 1.0)
    best = np.argmax(similarity, axis=1)
    return [
        (sentences[vectors.window_sentence[int(column)]], round(float(similarity[row, column]), 4))
        for row, column in enumerate(best)
    ]


def match_key_points(
    question: AskedQuestion, sentences: Sequence[Sentence], vectors: Embedded
) -> KeyPoints:
    judged = bool(question.key_points) and not question.is_story
    matches: list[KeyPointMatch] = []
    if not sentences:
        matches = [
            KeyPointMatch(point, False if judged else None, 0.0, None, "")
            for point in question.key_points
        ]
    elif question.key_points:
        for point, (sentence, score) in zip(
            question.key_points, _closest(sentences, vectors), strict=True
        ):
            found = score >= COVERED_FROM if judged else None
            matches.append(KeyPointMatch(point, found, score, sentence.index, sentence.text))
    covered = sum(1 for match in matches if match.found)
    coverage = round(covered / len(matches), 4) if judged and matches else None
    return KeyPoints(
        judged=judged,
        points=tuple(matches),
        covered=covered,
        coverage=coverage,
        note=_why_not_judged(question) if not judged else "",
    )
