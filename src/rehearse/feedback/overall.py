"""From answers to a session: each competency averaged over the answers, and the overall score.

A session's competency keeps the answers' measurements: each measurement's value, points and
lost points are averaged over the answers where it was taken, so the session score is still
the sum of its measurements' points and still says what moved it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from statistics import fmean

from rehearse.feedback.fitted import overall_weights
from rehearse.feedback.measures import Measurement, Score, label_for

# How much each competency counts in the overall score; renormalised over those measured.
# Fitted to human interviewers' overall ratings (``feedback.fitted``). A score counts only
# when it is graded: its own measure agrees with people (the fitted one, or the content
# judge's on the questions it was checked on); a coaching check counts for nothing.
WEIGHTS: Mapping[str, float] = overall_weights()


def session_score(name: str, answers: Sequence[Score]) -> Score:
    """The competency ``name`` over the answers that measured it."""
    measured = [score for score in answers if score.value is not None]
    if not measured:
        rests_on = answers[0].rests_on if answers else "Nothing was measured."
        return Score(name, None, label_for(None), (), rests_on)
    by_name: dict[str, list[Measurement]] = {}
    for score in measured:
        for item in score.measurements:
            if item.value is not None:
                by_name.setdefault(item.name, []).append(item)
    share = {key: len(items) / len(measured) for key, items in by_name.items()}
    measurements = tuple(
        Measurement(
            key,
            round(fmean(m.value for m in items if m.value is not None), 3),
            items[0].unit,
            items[0].target,
            round(fmean(m.score or 0.0 for m in items), 3),
            round(fmean(m.weight for m in items) * share[key], 3),
            round(sum(m.points for m in items) / len(measured), 1),
            round(sum(m.lost for m in items) / len(measured), 1),
            items[0].source,
            items[0].advice,
            items[0].advised,
        )
        for key, items in by_name.items()
    )
    value = round(fmean(score.value for score in measured if score.value is not None), 1)
    return Score(name, value, label_for(value), measurements, measured[0].rests_on)


def overall_score(scores: Sequence[Score]) -> float | None:
    """The weighted mean of the measured competencies (0..100), or None if none was measured;
    a score shown as a coaching check (``graded`` False) weighs nothing."""
    measured = [
        (WEIGHTS.get(s.name, 0.0) if s.graded else 0.0, s.value)
        for s in scores
        if s.value is not None
    ]
    total = sum(weight for weight, _ in measured)
    if not total:
        return None
    return round(sum(weight * value for weight, value in measured if value is not None) / total, 1)


def competency_weight(name: str, scores: Sequence[Score]) -> float:
    """``name``'s share of the overall score, given which competencies were measured."""
    counted = {s.name for s in scores if s.value is not None and s.graded}
    total = sum(WEIGHTS.get(counted_name, 0.0) for counted_name in counted)
    return WEIGHTS.get(name, 0.0) / total if total and name in counted else 0.0


def gated_overall(value: float | None, answered: int, off_topic: int) -> tuple[float | None, str]:
    """The session's overall once answers that did not address their question are counted:
    each counts as 0 (the overall is scaled by the share of answers on their question), and
    with more than half of them off topic the session is not graded. Returns the overall and
    the reason shown with it ("" when every answer addressed its question)."""
    if value is None or not off_topic or not answered:
        return value, ""
    said = f"{off_topic} of {answered} answers did not address their question"
    if 2 * off_topic > answered:
        return None, f"Not graded: {said}. Answer the question you are asked, then practise again."
    scaled = round(value * (answered - off_topic) / answered, 1)
    return (
        scaled,
        f"{said}; each counts as 0 in the overall (it would be {value:.0f} without them).",
    )
