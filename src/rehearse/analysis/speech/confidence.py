"""A vocal confidence estimate built in the open from delivery cues, never a black box.

Each cue is scored 0..1 against a target band (docs/speech-analysis.md gives the source of
each band), weighted, and reported with the points it contributed. Cues that could not be
measured are left out and the weights renormalised. This is an estimate of how confident
the delivery sounds from prosody and fluency alone; no emotion model is involved.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Cue:
    name: str
    value: float | None
    unit: str
    target: str
    score: float | None
    weight: float
    points: float
    why: str


@dataclass(frozen=True)
class ConfidenceEstimate:
    score: float | None
    label: str
    cues: list[Cue]
    rests_on: list[str]
    caveat: str = (
        "An estimate from how you spoke (pace, fillers, pauses, loudness, pitch), not from "
        "what you said and not from an emotion model."
    )


def _band(
    value: float, ideal_low: float, ideal_high: float, zero_low: float, zero_high: float
) -> float:
    """1 inside [ideal_low, ideal_high], falling linearly to 0 at zero_low / zero_high."""
    if ideal_low <= value <= ideal_high:
        return 1.0
    if value < ideal_low:
        return (
            max(0.0, (value - zero_low) / (ideal_low - zero_low)) if ideal_low > zero_low else 0.0
        )
    return (
        max(0.0, (zero_high - value) / (zero_high - ideal_high)) if zero_high > ideal_high else 0.0
    )


Scorer = Callable[[float], float]
_CUES: tuple[tuple[str, str, str, float, Scorer, str], ...] = (
    # name, unit, target text, weight, scorer, explanation
    (
        "pace",
        "words/min",
        "120-160",
        0.2,
        lambda v: _band(v, 120, 160, 70, 210),
        "Conversational pace sounds composed; rushing or dragging sounds nervous or unsure.",
    ),
    (
        "fillers",
        "per 100 words",
        "at most 3",
        0.25,
        lambda v: _band(v, 0, 3, 0, 10),
        "Frequent um/uh and 'like' read as hesitation.",
    ),
    (
        "long pauses",
        "per minute",
        "at most 1",
        0.2,
        lambda v: _band(v, 0, 1, 0, 4),
        "Silences over 2 s in mid-answer sound like losing the thread.",
    ),
    (
        "loudness steadiness",
        "dB variation",
        "at most 8",
        0.15,
        lambda v: _band(v, 0, 8, 0, 14),
        "A voice that keeps its level sounds assured; fading or surging does not.",
    ),
    (
        "pitch variation",
        "semitones",
        "2-6",
        0.2,
        lambda v: _band(v, 2, 6, 0.5, 10),
        "Some melody sounds engaged; a flat voice sounds monotone or flat.",
    ),
)


def estimate_confidence(measures: Mapping[str, float | None]) -> ConfidenceEstimate:
    """``measures`` maps each cue name to its measured value (None when not measurable)."""
    scores: dict[str, float | None] = {}
    for name, *_, scorer, _why in _CUES:
        value = measures.get(name)
        scores[name] = scorer(value) if value is not None else None
    total_weight = sum(weight for name, _u, _t, weight, *_ in _CUES if scores[name] is not None)
    cues = []
    for name, unit, target, weight, _scorer, why in _CUES:
        score = scores[name]
        points = 100 * weight * score / total_weight if score is not None and total_weight else 0.0
        cues.append(
            Cue(name, measures.get(name), unit, target, score, weight, round(points, 1), why)
        )
    if not total_weight:
        return ConfidenceEstimate(None, "not measurable", cues, [])
    value = round(sum(cue.points for cue in cues), 1)
    label = "confident" if value >= 75 else "mostly confident" if value >= 55 else "hesitant"
    return ConfidenceEstimate(
        value, label, cues, [cue.name for cue in cues if cue.score is not None]
    )
