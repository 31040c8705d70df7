"""The two ways of judging a story's parts that the benchmark sets side by side.

- ``ClassifierJudge``: the product's (``rehearse.feedback.judge.story``): each sentence
  classified, a part as strong as its best sentence; each story by the model fitted without
  its student (the shipped model has seen every marked story).
- ``WholeAnswerJudge``: the judge before issue 46: the model's "yes" to "does the answer make
  the key point" for each part over the whole answer, the quote chosen by cue phrases and
  MiniLM (``_closest_sentences`` as it was), cuts ``MODEL_CUTS``. Kept here, not in the
  product, as the baseline.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

import numpy as np

from bench.judgement.parts.stories import Story
from bench.validity.stats import student_of
from rehearse.feedback.content.sentences import split_sentences
from rehearse.feedback.content.star import detect_star
from rehearse.feedback.judge import prompts
from rehearse.feedback.judge.judge import MODEL_CUTS, canonical
from rehearse.feedback.judge.points import STAR_PARTS
from rehearse.feedback.judge.reader import Reader, share_of
from rehearse.feedback.judge.story import PartsModel, story_parts
from rehearse.feedback.judge.verdict import PointVerdict, status_of
from rehearse.interviewer.retrieval.encoder import TextEncoder


class PartsJudge(Protocol):
    name: str

    def parts(self, story: Story, sentences: Sequence[str]) -> tuple[PointVerdict, ...]:
        """The verdicts on ``sentences``: ``story`` as a version tells it."""
        ...


def _key(*texts: str) -> str:
    return hashlib.sha256("\x00".join(texts).encode()).hexdigest()[:20]


class WholeAnswerJudge:
    """Story parts as the judge gave them before: one "yes" per part over the whole answer."""

    def __init__(self, reader: Reader, encoder: TextEncoder, saved: dict[str, Any]) -> None:
        self.reader, self.encoder, self.saved = reader, encoder, saved
        self.name = f"{reader.name} / whole answer (judge-4)"

    def parts(self, story: Story, sentences: Sequence[str]) -> tuple[PointVerdict, ...]:
        question, answer = story.question, " ".join(sentences)
        key = _key(prompts.SYSTEM, prompts.MAKES_POINT, question, answer)
        if key not in self.saved:
            self.saved[key] = self._judged(question, answer)
        found = self.saved[key]
        verdicts = []
        for name in STAR_PARTS:
            yes, quote = found[name]["yes"], found[name]["quote"]
            status = status_of(yes, MODEL_CUTS)
            verdicts.append(PointVerdict(name, status, yes, quote, {"yes": yes}))
        return tuple(verdicts)

    def _judged(self, question: str, answer: str) -> dict[str, dict[str, Any]]:
        text, _ = canonical(answer)
        reading = prompts.Reading(question, text)
        split = split_sentences(answer)
        vectors = self.encoder.encode([*STAR_PARTS.values(), *(s.text for s in split)])
        similarity = vectors[: len(STAR_PARTS)] @ vectors[len(STAR_PARTS) :].T
        star = detect_star(split, applicable=True)
        carrying = {
            "situation": star.situation.sentences, "task": star.task.sentences,
            "action": star.action.sentences, "result": star.result.sentences,
        }  # fmt: skip
        found = {}
        for row, (name, point) in zip(similarity, STAR_PARTS.items(), strict=True):
            asked = reading.asking(prompts.MAKES_POINT, point)
            yes = share_of(self.reader.first_token(prompts.SYSTEM, asked), "yes", "no") or 0.0
            among = carrying[name] or range(len(split))
            best = max(among, key=lambda i: float(np.asarray(row)[i]))
            found[name] = {"yes": yes, "quote": split[best].text if split else ""}
        return found


class ClassifierJudge:
    """Story parts as the product finds them (``story.py``), each story read by its student's
    model: ``models`` maps a student to the model fitted without them (``fit.out_of_fold``)."""

    def __init__(self, encoder: TextEncoder, models: Mapping[str, PartsModel]) -> None:
        self.encoder, self.models = encoder, models
        self.name = "sentence classifier (story_parts.json), out of fold by student"

    def parts(self, story: Story, sentences: Sequence[str]) -> tuple[PointVerdict, ...]:
        model = self.models[student_of(story.participant)]
        return story_parts(sentences, story.question, model, self.encoder)
