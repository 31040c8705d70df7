"""Fluency: how often a spoken answer stumbles (filled pauses, "like", restarts), the score
fitted to human interviewers' "uses no fillers" ratings (``feedback.fitted``).

Delivery keeps its own fillers measure against the coaching band (at most 3 per 100 words);
this score is the one learned from people, who heard both how dense the fillers were and how
many there were in all.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rehearse.feedback.answer_measures import disfluencies, less_certain
from rehearse.feedback.fitted import fitted_score
from rehearse.feedback.measures import Score

_RESTS_ON = (
    "Fitted to human interviewers' 'uses no fillers' ratings: the filled pauses ('um', 'uh') "
    "per 100 words and in the whole answer, and 'like' used as a filler. Counted from the "
    "transcript and the acoustic filled-pause detector; Whisper drops some short fillers, so "
    "the counts are lower bounds."
)


def fluency_score(speech: Mapping[str, Any]) -> Score:
    """The fluency of a spoken answer, from its stored speech analysis."""
    return fitted_score("fluency", disfluencies(speech), _RESTS_ON + less_certain(speech))
