"""The optional language model's rating, measured the way the product's scores are: each answer
judged as a report judges it (``reports.judge``: the question, the answer and its measured
scores go to ``LLMProvider.judge``), and the ratings averaged over the interview.

The model is the one configured for the product (``REHEARSE_LLM_BASE_URL``,
``REHEARSE_LLM_MODEL``...); nothing is fitted, so there is nothing to cross-validate.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import mean

from bench.validity.score import EvaluatedInterview
from bench.validity.turns import Exchange
from rehearse.feedback.answer import scores_of
from rehearse.interviewer.llm import LLMProvider, evidence_of


def interview_rating(
    llm: LLMProvider, exchanges: Sequence[Exchange], interview: EvaluatedInterview
) -> tuple[float | None, int]:
    """The mean of the model's ratings (1-10) of the interview's answers, None when it rated
    none, and how many answers it could not rate (no usable reply)."""
    ratings: list[int] = []
    for exchange, answer in zip(exchanges, interview.answers, strict=True):
        measured = scores_of(answer.evaluation, speech=answer.speech)
        judgement = llm.judge(exchange.question, exchange.answer, evidence_of(measured))
        if judgement is not None:
            ratings.append(judgement.rating)
    unrated = len(interview.answers) - len(ratings)
    return (mean(ratings) if ratings else None), unrated
