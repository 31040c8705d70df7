"""A vocal confidence estimate built in the open from delivery cues, never a black box.

Each cue is scored 0..1 against a target band (docs/speech-analysis.md gives the source of
each band), weighted, and reported with the points it contributed. Cues that could not be
measured are left out and the weights renormalised. This is an estimate of how confident
the delivery sounds from prosody and fluency alone; no emotion model is involved.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rehearse.analysis.bands import Band


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


Scorer = Callable[[float], float]
_CUES: tuple[tuple[str, str, str, float, Scorer, str], ...] = (
    # name, unit, target text, weight, scorer, explanation
    (
        "pace",
        "words/min",
        "120-160",
        0.2,
        Band(120, 160, 70, 210).score,
        "Conversational pace sounds composed; rushing or dragging sounds nervous or unsure.",
    ),
    (
        "fillers",
        "per 100 words",
        "at most 3",
        0.25,
        Band(0, 3, 0, 10).score,
        "Frequent um/uh and 'like' read as hesitation.",
    ),
    (
        "long pauses",
        "per minute",
        "at most 1",
        0.2,
        Band(0, 1, 0, 4).score,
        "Silences over 2 s in mid-answer sound like losing the thread.",
    ),
    (
        "loudness steadiness",
        "dB variation",
        "at most 8",
        0.15,
        Band(0, 8, 0, 14).score,
        "A voice that keeps its level sounds assured; fading or surging does not.",
    ),
    (
        "pitch variation",
        "semitones",
        "2-6",
        0.2,
        Band(2, 6, 0.5, 10).score,
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
