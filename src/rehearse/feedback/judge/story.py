"""A story's STAR parts, found sentence by sentence.

Asked whether a whole answer "gives the result", the small model says yes to nearly every
story: on the rated interviews the judge called 98 % of parts present, and its verdicts followed
the answer's length more than its content (issue 46). Asked which part each sentence tells, it
answered "task" for most sentences of every story (docs/judgement.md). So each sentence is read
by a small classifier fitted to hand marks of real stories (``bench/judgement/parts``): how
close its all-mpnet-base-v2 embedding lies to short examples of each part (``EXAMPLES``) and
to the mean sentence of each part in the marked stories, its cosine with the question, its
length and the STAR cue phrases (``content/cues.py``) give the probability that it tells the
situation, the task, an action, the result, or none of them. A part's
strength is its best sentence's probability, and that sentence is the part's quote: a real
span of the answer by construction. Remove the sentences that tell the result and no sentence
is left to carry it; a sentence reads the same wherever it stands.

The weights, the cuts and how well the verdicts agree with the hand marks (each story read by
the model fitted without its student) are in ``story_parts.json``, written by ``python -m
bench.judgement.parts.fit``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
from numpy.typing import NDArray

from rehearse.feedback.content import cues
from rehearse.feedback.judge.points import STAR_PARTS
from rehearse.feedback.judge.verdict import PointVerdict, status_of
from rehearse.interviewer.retrieval.encoder import MPNetEncoder, TextEncoder

Floats = NDArray[np.float64]
PARTS = tuple(STAR_PARTS)
LABELS = (*PARTS, "none")  # the classes, in the order of the weights' columns
# How often "missing" must be right for "your story has no result" to be said (declared);
# below it, the advice says the story tells little of the part, which is right more often.
SAID_AT = 0.8

# A few sentences of each kind, written once before they were measured. A sentence is read by
# its cosine with each, not by its embedding's dimensions: fitted to 132 spoken stories,
# those read a written story's result ("the timeouts stopped and we took 30 percent more
# orders") as an action, and at the declared penalty told a removed part from a kept one less
# well out of fold (docs/judgement.md).
EXAMPLES: Mapping[str, tuple[str, ...]] = {
    "situation": (
        "It was during my internship last summer, when our team was working on a new product.",
        "At the time I was a student and the president of a club.",
        "The company was growing fast and our system kept failing.",
    ),
    "task": (
        "My job was to fix the problem before the deadline.",
        "I was responsible for organising the event and getting everyone to agree.",
        "The goal was to finish the project on time with a smaller budget.",
    ),
    "action": (
        "I set up a meeting with each person and listened to their concerns.",
        "I wrote a script to test every case and then rewrote the slow part.",
        "So I split the work into pieces and assigned each one to a teammate.",
    ),
    "result": (
        "In the end we finished two days early and the client was very happy.",
        "As a result, sales went up by twenty percent.",
        "It worked out well, and I learned how important communication is.",
    ),
    "none": (
        "Um, yeah, that's about it.",
        "I think I'm a hard-working person who likes challenges.",
        "That's a good question.",
    ),
}

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


_EXAMPLES_READ: dict[str, Floats] = {}  # by the encoder's name: the same model, the same vectors


def _examples_read_by(encoder: TextEncoder) -> Floats:
    """``EXAMPLES``' vectors, one row each in order, encoded once per encoder model."""
    if encoder.name not in _EXAMPLES_READ:
        texts = [canonical_sentence(text) for kind in EXAMPLES.values() for text in kind]
        _EXAMPLES_READ[encoder.name] = np.asarray(encoder.encode(texts), dtype=float)
    return _EXAMPLES_READ[encoder.name]


def label_means(vectors: Floats, labels: NDArray[np.int_]) -> Floats:
    """Each label's mean sentence vector, made unit length: one row per ``LABELS``. Every
    label needs a sentence: a mean of none would read every sentence as unlike it and fit a
    model of nothing."""
    absent = [LABELS[k] for k in range(len(LABELS)) if not (labels == k).any()]
    if absent:
        raise ValueError(f"no sentence is marked {' or '.join(absent)}: each label needs one")
    found = np.asarray([vectors[labels == k].mean(axis=0) for k in range(len(LABELS))])
    unit: Floats = found / np.linalg.norm(found, axis=1, keepdims=True)
    return unit


def sentence_features(
    sentences: Sequence[str], question: str, encoder: TextEncoder, means: Floats
) -> Floats:
    """One row per sentence: its cosine with each of ``EXAMPLES`` and with each label's mean
    sentence ``means``, its length, its cosine with the question and which cues it carries.
    Not its place in the answer nor its neighbours: with the place, the last sentence was read
    as the result whatever it said, so removing the result made the sentence before it one
    (out of fold on the open students, the removed result was called not covered in 52 % of
    stories with the place and 65 % without)."""
    read = [canonical_sentence(s) for s in sentences]
    vectors = np.asarray(encoder.encode([question, *read]), dtype=float)
    asked, embedded = vectors[0], vectors[1:]
    likeness = embedded @ _examples_read_by(encoder).T
    closeness = embedded @ means.T
    rows = []
    for text, vector, near, close in zip(read, embedded, likeness, closeness, strict=True):
        shape = [min(len(text.split()), 40) / 40, float(vector @ asked)]
        rows.append([*near, *close, *shape, *(bool(cue.search(text)) for cue in _CUES)])
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
    label_means: Floats  # each label's mean training sentence, by ``encoder``
    encoder: str  # the name of the encoder whose vectors it reads

    def with_cuts(self, cuts: Mapping[str, tuple[float, float]]) -> PartsModel:
        return replace(self, cuts=cuts)

    def probabilities(self, features: Floats) -> Floats:
        logits = ((features - self.mean) / self.scale) @ self.weights + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        shares: Floats = exp / exp.sum(axis=1, keepdims=True)
        return shares

    def to_dict(self) -> dict[str, Any]:
        return {
            "labels": list(LABELS),
            "encoder": self.encoder,
            "cuts": {part: list(cut) for part, cut in self.cuts.items()},
            "weights": np.round(self.weights, 6).tolist(),
            "bias": np.round(self.bias, 6).tolist(),
            "mean": np.round(self.mean, 6).tolist(),
            "scale": np.round(self.scale, 6).tolist(),
            "label_means": np.round(self.label_means, 6).tolist(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PartsModel:
        cuts = {part: (float(low), float(high)) for part, (low, high) in data["cuts"].items()}
        weights, bias, mean, scale, means = (
            np.asarray(data[key], dtype=float)
            for key in ("weights", "bias", "mean", "scale", "label_means")
        )
        return cls(weights, bias, mean, scale, cuts, means, data["encoder"])


@cache
def fitted() -> Mapping[str, Any]:
    """``story_parts.json``: the model, how it was fitted and how well it agrees."""
    text = resources.files("rehearse.feedback.judge").joinpath("story_parts.json").read_text()
    data: Mapping[str, Any] = json.loads(text)
    return data


def missing_is_said(part: str) -> bool:
    """Whether a story may be told it has no ``part``: the classifier's "missing" was right
    (the part was indeed missing) in at least ``SAID_AT`` of the marked stories and their
    versions, each read by the model fitted without its student (``story_parts.json``;
    docs/judgement.md gives the figures with their intervals)."""
    right: Mapping[str, Mapping[str, float] | None] = fitted()["missing_right_out_of_fold"]
    found = right.get(part)
    return found is not None and found["share"] >= SAID_AT


@cache
def bundled_model() -> PartsModel:
    return PartsModel.from_dict(fitted()["model"])


@cache
def bundled_encoder() -> TextEncoder:
    """The encoder the bundled model reads with."""
    return MPNetEncoder()


def story_parts(
    sentences: Sequence[str],
    question: str,
    model: PartsModel | None = None,
    encoder: TextEncoder | None = None,
) -> tuple[PointVerdict, ...]:
    """Each STAR part, covered, partly or missing by the sentence most likely to tell it,
    which it quotes; read by ``model`` (the bundled one) with ``encoder`` (its own)."""
    model = model or bundled_model()
    encoder = encoder or bundled_encoder()
    if encoder.name != model.encoder:
        raise ValueError(f"the model reads {model.encoder}'s vectors, not {encoder.name}'s")
    if not sentences:
        return tuple(PointVerdict(part, "missing", 0.0, "", {}) for part in PARTS)
    features = sentence_features(sentences, question, encoder, model.label_means)
    shares = model.probabilities(features)
    verdicts = []
    for column, part in enumerate(PARTS):
        best = int(np.argmax(shares[:, column]))
        strength = float(shares[best, column])
        status = status_of(strength, model.cuts[part])
        quote = sentences[best] if status != "missing" else ""
        evidence: dict[str, float | None] = {"told": round(strength, 4)}
        verdicts.append(PointVerdict(part, status, round(strength, 4), quote, evidence))
    return tuple(verdicts)
