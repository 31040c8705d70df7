"""How the answer was spoken: the delivery score and the vocal confidence score.

Both read the speech analysis as stored (``SpeechAnalysis.to_dict()``), so a report can be
rebuilt from the database without the audio. Bands and their sources: docs/scoring.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rehearse.analysis.bands import Band
from rehearse.feedback.answer_measures import less_certain
from rehearse.feedback.measures import (
    Measurement,
    Rule,
    Score,
    label_for,
    number_at,
    weighted_score,
)

PACE = Rule(
    "pace",
    "words/min",
    "120-160",
    Band(120, 160, 70, 210),
    0.3,
    "Conversational English runs 150-160 wpm; presenters are advised 120-160 "
    "(Tauroza & Allison 1990).",
    "Aim for 120-160 words a minute: pause at the end of each point instead of rushing on.",
)
FILLERS = Rule(
    "fillers",
    "per 100 words",
    "at most 3",
    Band(0, 3, 0, 10),
    0.3,
    "Spontaneous speech averages about 6 disfluencies per 100 words (Bortfeld et al. 2001); "
    "coaching aims at half that.",
    "Replace 'um' and 'like' with a silent pause: silence sounds deliberate, fillers do not.",
)
LONG_PAUSES = Rule(
    "long pauses",
    "per minute",
    "at most 1",
    Band(0, 1, 0, 4),
    0.2,
    "Silences over 2 s mid-answer are read as losing the thread; one now and then is rhetorical.",
    "Outline the answer (situation, action, result) before you start so you never stall mid-way.",
)
HEDGES = Rule(
    "hedges",
    "per 100 words",
    "at most 1",
    Band(0, 1, 0, 5),
    0.1,
    "Hedges ('I guess', 'sort of') weaken claims (Hosman 1989, powerless language).",
    "State what you did plainly: 'I decided', not 'I guess I kind of decided'.",
)
START = Rule(
    "time to first word",
    "seconds",
    "at most 3",
    Band(0, 3, 0, 10),
    0.1,
    "A short pause to think is normal; over about 3 s reads as unprepared (coaching practice).",
    "Buy time out loud ('Let me think of a good example') rather than in silence.",
)

_DELIVERY_RESTS_ON = (
    "Measured from the recording's transcript and sound: pace, fillers, long pauses, hedges "
    "and the time before the first word. Whisper drops some short fillers, so filler counts "
    "are lower bounds."
)


def delivery_score(speech: Mapping[str, Any]) -> Score:
    """Pace, fillers, long pauses, hedges and start, from a stored speech analysis."""
    words = len(speech.get("words") or [])
    hedges = len(speech.get("hedges") or [])
    spoke = speech.get("status") == "ok" and words > 0
    return weighted_score(
        "delivery",
        [
            (PACE, number_at(speech, "pace", "words_per_minute") if spoke else None),
            (FILLERS, number_at(speech, "fillers", "per_100_words") if spoke else None),
            (LONG_PAUSES, long_pauses_per_minute(speech) if spoke else None),
            (HEDGES, 100 * hedges / words if spoke else None),
            (START, number_at(speech, "pauses", "time_to_first_word_seconds") if spoke else None),
        ],
        _DELIVERY_RESTS_ON + less_certain(speech),
    )


def long_pauses_per_minute(speech: Mapping[str, Any]) -> float | None:
    """Pauses over 2 s per minute of the recording; None without pauses or a duration."""
    count = number_at(speech, "pauses", "long_count")
    minutes = (number_at(speech, "duration_seconds") or 0.0) / 60
    return count / minutes if count is not None and minutes > 0 else None


def confidence_score(speech: Mapping[str, Any]) -> Score:
    """The speech analysis's open vocal-confidence estimate, as a score with its cues."""
    estimate = speech.get("confidence") or {}
    cues = estimate.get("cues", [])
    total = sum(cue["weight"] for cue in cues if cue["score"] is not None) or 1.0
    measurements = tuple(
        Measurement(
            cue["name"],
            cue["value"],
            cue["unit"],
            cue["target"],
            cue["score"],
            round(cue["weight"] / total, 3) if cue["score"] is not None else 0.0,
            cue["points"],
            round(100 * cue["weight"] / total * (1 - cue["score"]), 1)
            if cue["score"] is not None
            else 0.0,
            "docs/speech-analysis.md, 'Vocal confidence'",
            cue["why"],
        )
        for cue in cues
    )
    value = estimate.get("score")
    return Score(
        "vocal confidence",
        value,
        label_for(value),
        measurements,
        estimate.get("caveat", "An estimate from delivery cues, not from an emotion model."),
    )
