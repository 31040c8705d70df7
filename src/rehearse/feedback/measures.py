"""A score that explains itself: the measurements it rests on, their bands, and their points.

A score is the weighted mean of its measurements' band scores, on 0..100. Each measurement
reports the points it earned and the points it left on the table, so "what moved the score"
is a list, not a story. A measurement that could not be taken is left out and the weights
of the others renormalised; a score with no measurements is ``None`` ("not measured").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rehearse.analysis.bands import Band


@dataclass(frozen=True)
class Rule:
    """How one measurement is judged: its target band, its weight, and where the band comes from."""

    name: str
    unit: str
    target: str  # the band in words, e.g. "120-160"
    band: Band
    weight: float
    source: str  # the evidence for the band (docs/scoring.md lists them all)
    advice: str  # what to do when the measurement is outside its band
    # False for a band fitted to people's ratings whose target no coach would set (a length
    # of 253 words): evidence behind the score, never a recommendation or a goal.
    advised: bool = True


@dataclass(frozen=True)
class Measurement:
    name: str
    value: float | None
    unit: str
    target: str
    score: float | None  # 0..1 against the band
    weight: float  # after renormalisation over the measurements taken
    points: float  # what it added to the score (0..100 scale)
    lost: float  # what it would add more inside its band
    source: str
    advice: str
    advised: bool = True  # a target to aim at; False: evidence only (``Rule.advised``)


@dataclass(frozen=True)
class Score:
    name: str
    value: float | None  # 0..100, None when nothing could be measured
    label: str
    measurements: tuple[Measurement, ...]
    rests_on: str  # what the score is, and what it is not
    # How far the score agrees with human interviewers, and whether that is enough to grade
    # a candidate (``feedback.fitted``); a score that is not graded is a coaching check.
    agreement: str = ""
    graded: bool = True

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Score:
        """A score read back from its JSON form (``dataclasses.asdict``), as stored in reports."""
        return cls(
            data["name"],
            data["value"],
            data["label"],
            tuple(Measurement(**item) for item in data["measurements"]),
            data["rests_on"],
            data.get("agreement", ""),
            data.get("graded", True),
        )


COACHING_CHECK = "coaching check"  # the label of a score that is not a grade (feedback.fitted)


def label_for(value: float | None) -> str:
    if value is None:
        return "not measured"
    return "strong" if value >= 80 else "good" if value >= 65 else "fair" if value >= 50 else "weak"


def weighted_score(
    name: str, readings: Sequence[tuple[Rule, float | None]], rests_on: str
) -> Score:
    """The score of ``readings`` (each rule with its measured value, or None if not measured)."""
    taken = [(rule, value) for rule, value in readings if value is not None]
    total = sum(rule.weight for rule, _ in taken)
    measurements = []
    for rule, value in readings:
        if value is None or total == 0:
            measurements.append(
                Measurement(
                    rule.name,
                    None,
                    rule.unit,
                    rule.target,
                    None,
                    0.0,
                    0.0,
                    0.0,
                    rule.source,
                    rule.advice,
                    rule.advised,
                )
            )
            continue
        band_score = rule.band.score(value)
        weight = rule.weight / total
        measurements.append(
            Measurement(
                rule.name,
                round(value, 3),
                rule.unit,
                rule.target,
                round(band_score, 3),
                round(weight, 3),
                round(100 * weight * band_score, 1),
                round(100 * weight * (1 - band_score), 1),
                rule.source,
                rule.advice,
                rule.advised,
            )
        )
    value = round(sum(m.points for m in measurements), 1) if taken else None
    return Score(name, value, label_for(value), tuple(measurements), rests_on)


def number_at(data: Mapping[str, Any], *path: str) -> float | None:
    """A number inside a stored analysis (``data[path[0]][path[1]]...``), or None where any
    step is missing."""
    node: Any = data
    for key in path:
        if not isinstance(node, Mapping) or node.get(key) is None:
            return None
        node = node[key]
    return float(node)


def shown(value: float, unit: str) -> str:
    """A measured value as a reader sees it: "131 words/min", "45 %" (a share), "0.52 index"."""
    if unit == "share":
        return f"{100 * value:.0f} %"
    number = (
        f"{value:.0f}"
        if abs(value) >= 20
        else f"{value:.1f}".removesuffix(".0")
        if abs(value) >= 1
        else f"{value:.2f}"
    )
    return f"{number} {unit}".rstrip()


def target_shown(target: str, unit: str) -> str:
    """A band in words with its unit where the words lack one: "120-160 words/min"."""
    return target if unit == "share" or "%" in target else f"{target} {unit}".rstrip()
