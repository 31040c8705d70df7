"""A story's STAR parts, found sentence by sentence.

Asked whether a whole answer "gives the result", the small model says yes to nearly every
story: on the rated interviews the judge called 98 % of parts present, and its verdicts followed
the answer's length more than its content (issue 46). Asked which part each sentence tells, it
answered "task" for most sentences of every story (docs/judgement.md). So each sentence is read
by a small classifier fitted to hand marks of real stories (``bench/judgement/parts``): its
MiniLM embedding, its cosine with the question, its length and the STAR cue phrases
(``content/cues.py``) give the probability that it tells the situation, the task, an
action, the result, or none of them. A part's strength is its best sentence's probability,
and that sentence is the part's quote: a real span of the answer by construction. Remove the
sentences that tell the result and no sentence is left to carry it; a sentence reads the same
wherever it stands.

The weights, the cuts and how well the verdicts agree with the hand marks of students the fit
did not see are in ``story_parts.json``, written by ``python -m bench.judgement.parts.fit``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
from numpy.typing import NDArray

from rehearse.feedback.content import cues
from rehearse.feedback.judge.points import STAR_PARTS
from rehearse.feedback.judge.verdict import PointVerdict, status_of
from rehearse.interviewer.retrieval.encoder import TextEncoder

Floats = NDArray[np.float64]
PARTS = tuple(STAR_PARTS)
LABELS = (*PARTS, "none")  # the classes, in the order of the weights' columns
# How often "missing" must be right for "your story has no result" to be said (declared);
# below it, the advice says the story tells little of the part, which is right more often.
SAID_AT = 0.8

# Words that tell a part, beyond the cue phrases the rule-based STAR check uses.
_WORDS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\b(?:ended up|in the end|eventually|finally|at the end)\b",
        r"\b(?:learn(?:ed|t)|realiz\w*|taught me|lessons?)\b",
        r"\b(?:won|first place|success\w*|worked out|went well|finished|completed)\b",
        r"^(?:so|and so|and then|then)\b",
        r"\bi\b",
        r"\bwe\b",
        r"\b(?:had to|needed to|supposed to|responsible|goal|problem|challenge|issue|task)\b",
        r"\b(?:was|were) (?:a|an|the|in|on|at|part)\b",
        r"\b(?:president|captain|leader|member|chair|head|team|club|class|project|summer|year)\b",
        r"\b(?:decided|talked|organized|started|made|told|asked|created|split|helped|tried)\b",
        r"\b(?:i think|i guess|i'm|i am|you know)\b",
    )
)
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|percent|half)\b",
    re.IGNORECASE,
)
_CUES = (
    cues.SITUATION, cues.TASK, cues.I_ACTION, cues.WE_ACTION, cues.RESULT, cues.PAST_TENSE,
    _NUMBER, *_WORDS,
)  # fmt: skip


def canonical_sentence(sentence: str) -> str:
    """The sentence as it is read: lower case, single spaces."""
    return " ".join(sentence.lower().split())


def sentence_features(sentences: Sequence[str], question: str, encoder: TextEncoder) -> Floats:
    """One row per sentence: its embedding, its length, its cosine with the question and which
    cues it carries. Not its place in the answer: with it, the last sentence was read as the
    result whatever it said, so removing the result made the sentence before it one (out of
    fold on the open students, the removed result was called not covered in 52 % of stories
    with the place and 65 % without)."""
    read = [canonical_sentence(s) for s in sentences]
    vectors = encoder.encode([question, *read])
    asked, embedded = vectors[0], vectors[1:]
    rows = []
    for text, vector in zip(read, embedded, strict=True):
        shape = [min(len(text.split()), 40) / 40, float(vector @ asked)]
        rows.append([*vector, *shape, *(bool(cue.search(text)) for cue in _CUES)])
    return np.asarray(rows, dtype=float)


@dataclass(frozen=True)
class PartsModel:
    """The fitted classifier: ``probabilities(features)`` per sentence over ``LABELS``, and
    each part's (partly, covered) cuts on its best sentence's probability."""

    weights: Floats  # features x labels
    bias: Floats
    mean: Floats  # the features' standardisation
    scale: Floats
    cuts: Mapping[str, tuple[float, float]]

    def probabilities(self, features: Floats) -> Floats:
        logits = ((features - self.mean) / self.scale) @ self.weights + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        shares: Floats = exp / exp.sum(axis=1, keepdims=True)
        return shares

    def to_dict(self) -> dict[str, Any]:
        return {
            "labels": list(LABELS),
            "cuts": {part: list(cut) for part, cut in self.cuts.items()},
            "weights": np.round(self.weights, 6).tolist(),
            "bias": np.round(self.bias, 6).tolist(),
            "mean": np.round(self.mean, 6).tolist(),
            "scale": np.round(self.scale, 6).tolist(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PartsModel:
        cuts = {part: (float(low), float(high)) for part, (low, high) in data["cuts"].items()}
        weights, bias, mean, scale = (
            np.asarray(data[key], dtype=float) for key in ("weights", "bias", "mean", "scale")
        )
        return cls(weights, bias, mean, scale, cuts)


@cache
def fitted() -> Mapping[str, Any]:
    """``story_parts.json``: the model, how it was fitted and how well it agrees."""
    text = resources.files("rehearse.feedback.judge").joinpath("story_parts.json").read_text()
    data: Mapping[str, Any] = json.loads(text)
    return data


def missing_is_said(part: str) -> bool:
    """Whether a story may be told it has no ``part``: the classifier's "missing" was right
    (the part was indeed missing) in at least ``SAID_AT`` of the open students' stories
    and their versions, out of fold (``story_parts.json``; docs/judgement.md gives the
    locked students' figures)."""
    right: Mapping[str, float] = fitted()["missing_right_out_of_fold"]
    return right.get(part, 0.0) >= SAID_AT


@cache
def bundled_model() -> PartsModel:
    return PartsModel.from_dict(fitted()["model"])


def story_parts(
    sentences: Sequence[str],
    question: str,
    encoder: TextEncoder,
    model: PartsModel | None = None,
) -> tuple[PointVerdict, ...]:
    """Each STAR part, covered, partly or missing by the sentence most likely to tell it,
    which it quotes."""
    model = model or bundled_model()
    if not sentences:
        return tuple(PointVerdict(part, "missing", 0.0, "", {}) for part in PARTS)
    shares = model.probabilities(sentence_features(sentences, question, encoder))
    verdicts = []
    for column, part in enumerate(PARTS):
        best = int(np.argmax(shares[:, column]))
        strength = float(shares[best, column])
        status = status_of(strength, model.cuts[part])
        quote = sentences[best] if status != "missing" else ""
        evidence: dict[str, float | None] = {"told": round(strength, 4)}
        verdicts.append(PointVerdict(part, status, round(strength, 4), quote, evidence))
    return tuple(verdicts)
