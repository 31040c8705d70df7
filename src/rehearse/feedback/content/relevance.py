"""How close the whole answer is to the question: the cosine of their MiniLM vectors.

Calibrated on hand-written answers to bank questions (strong, partial and weak, all on the
question) against off-topic pairs (each answer scored against every other question, and two
answers about hobbies against all of them); the numbers are in docs/content-evaluation.md and
``tests/feedback/content/test_calibration.py`` checks them. For technical and scenario questions
the cosine separates the two well (AUC 0.99). Stories separate less well (AUC 0.91): a concrete
story shares few words with its question ("Priya wanted Elasticsearch, I wanted an index ..."
for "a time you disagreed with a teammate"), so concrete stories scored as low as 0.19, while
vague answers that restate the question scored 0.54-0.60, and a story about a neighbouring
behavioural topic reached 0.44. Hence three bands rather than a verdict, with a lower off-topic
cut for stories:

- ``on topic`` from 0.40;
- ``off topic`` below 0.20 (below 0.15 for behavioural and project questions), where no
  on-topic answer of the calibration set fell;
- ``partly`` between, where answers on the question and answers about something else meet.

It measures closeness of subject, not quality: a vague answer in the question's own words is
"on topic".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from rehearse.feedback.content.embed import Vector

ON_TOPIC_FROM = 0.40
OFF_TOPIC_BELOW = 0.20
STORY_OFF_TOPIC_BELOW = 0.15

RelevanceLabel = Literal["on topic", "partly", "off topic"]


@dataclass(frozen=True)
class Relevance:
    similarity: float  # cosine of the answer's and the question's vectors, clipped to 0..1
    label: RelevanceLabel


def label_of(similarity: float, *, story: bool) -> RelevanceLabel:
    if similarity >= ON_TOPIC_FROM:
        return "on topic"
    if similarity >= (STORY_OFF_TOPIC_BELOW if story else OFF_TOPIC_BELOW):
        return "partly"
    return "off topic"


def relevance_of(question: Vector, answer: Vector, *, story: bool) -> Relevance:
    """Relevance of an answer vector to a question vector (both unit length, or zero)."""
    similarity = round(float(np.clip(float(question @ answer), 0.0, 1.0)), 4)
    return Relevance(similarity, label_of(similarity, story=story))
