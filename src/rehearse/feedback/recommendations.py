"""Recommendations, biggest gain first, each tied to its evidence; and the next session's goals.

A measurement outside its band leaves points on the table; the session's overall score would
gain those points times the competency's weight. That product orders the recommendations, so
the first one is the change that would move the overall score most.
"""

from __future__ import annotations

from collections.abc import Sequence

from rehearse.feedback.measures import Measurement, Score, shown, target_shown
from rehearse.feedback.overall import competency_weight
from rehearse.feedback.report import Recommendation

# A coaching check (a competency not graded, feedback.fitted) weighs nothing in the overall,
# but its advice still counts: its lost points rank as a competency of this weight would.
CHECK_WEIGHT = 0.1
MAX_RECOMMENDATIONS = 5
MIN_GAIN = 0.5  # points of overall score; below this a change is not worth a line
GOALS = 3


def _ranked(session: Sequence[Score]) -> list[tuple[float, str, Measurement]]:
    """Every measurement outside a band a coach would set, worth a line: (gain, competency,
    measurement), best first. A band fitted to people's ratings that no coach would set
    (``Measurement.advised``) explains its score but is not advice."""
    found = []
    for score in session:
        weight = competency_weight(score.name, session) or CHECK_WEIGHT
        for item in score.measurements:
            gain = round(item.lost * weight, 1)
            if item.value is not None and item.advised and gain >= MIN_GAIN:
                found.append((gain, score.name, item))
    return sorted(found, key=lambda entry: -entry[0])[:MAX_RECOMMENDATIONS]


def recommend(
    session: Sequence[Score], answers: Sequence[tuple[int, Sequence[Score]]]
) -> list[Recommendation]:
    """Prioritised recommendations from the session's scores and each answer's (by position)."""
    return [
        Recommendation(
            rank,
            competency,
            _title(item),
            _evidence(competency, item, answers),
            item.advice,
            gain,
        )
        for rank, (gain, competency, item) in enumerate(_ranked(session), start=1)
    ]


def _title(item: Measurement) -> str:
    value = shown(item.value, item.unit) if item.value is not None else "not measured"
    return f"{item.name.capitalize()}: {value}, target {target_shown(item.target, item.unit)}"


def _evidence(
    competency: str, item: Measurement, answers: Sequence[tuple[int, Sequence[Score]]]
) -> str:
    """Which answers were outside the band, with their values."""
    outside = [
        (position, m.value)
        for position, scores in answers
        for score in scores
        if score.name == competency
        for m in score.measurements
        if m.name == item.name and m.value is not None and (m.score or 0.0) < 1.0
    ]
    if not outside:
        return f"Across the session: {shown(item.value or 0.0, item.unit)}."
    listed = ", ".join(
        f"answer {position}: {shown(value, item.unit)}" for position, value in outside[:6]
    )
    more = f" and {len(outside) - 6} more" if len(outside) > 6 else ""
    return f"Outside the target in {len(outside)} answer(s) ({listed}{more})."


def next_session_goals(session: Sequence[Score]) -> list[str]:
    """The improvement plan: the top recommendations as measurable goals for next time."""
    return [
        f"{item.name.capitalize()}: from {shown(item.value or 0.0, item.unit)} to "
        f"{target_shown(item.target, item.unit)} ({competency}). {item.advice}"
        for _, competency, item in _ranked(session)[:GOALS]
    ]
