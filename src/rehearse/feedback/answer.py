"""One answer's scores: what was said (content, structure, clarity) and, for a recording,
how it was said (delivery, vocal confidence)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rehearse.feedback.answer_scores import clarity_score, content_score, structure_score
from rehearse.feedback.content.evaluate import evaluate_answer
from rehearse.feedback.content.evaluation import ContentEvaluation
from rehearse.feedback.content.question import AskedQuestion
from rehearse.feedback.delivery import confidence_score, delivery_score
from rehearse.feedback.fluency import fluency_score
from rehearse.feedback.measures import Score
from rehearse.feedback.presence import presence_score
from rehearse.interviewer.retrieval.encoder import TextEncoder


def score_answer(
    question: AskedQuestion,
    said: str,
    encoder: TextEncoder,
    *,
    speech: Mapping[str, Any] | None = None,
    video: Mapping[str, Any] | None = None,
    role_skills: Sequence[str] = (),
) -> tuple[ContentEvaluation, list[Score]]:
    """The content evaluation of ``said`` and every score it, ``speech`` and ``video`` support."""
    evaluation = evaluate_answer(question, said, encoder, role_skills=role_skills)
    return evaluation, scores_of(evaluation, speech=speech, video=video)


def scores_of(
    evaluation: ContentEvaluation,
    *,
    speech: Mapping[str, Any] | None = None,
    video: Mapping[str, Any] | None = None,
) -> list[Score]:
    """Every score an evaluated answer, its ``speech`` and its ``video`` support."""
    scores = [
        content_score(evaluation),
        structure_score(evaluation, speech),
        clarity_score(evaluation),
    ]
    if speech is not None:
        scores += [fluency_score(speech), delivery_score(speech), confidence_score(speech)]
    if video is not None:
        scores.append(presence_score(video))
    return scores
