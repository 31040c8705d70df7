"""A short coaching response to the candidate's own notes on a session.

The candidate writes how it felt ("I rushed", "I went blank", "I rambled"); the coach answers
by holding each feeling up against what was measured, says plainly whether the recording
agrees, and points at the one change that would help most. Feelings and measurements often
disagree (nervous speakers rarely sound as rushed as they feel), and saying so is coaching.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rehearse.feedback.delivery import FILLERS, LONG_PAUSES, PACE
from rehearse.feedback.measures import Measurement, Rule, Score, shown, target_shown
from rehearse.feedback.recommendations import recommend

MAX_THEMES = 2
GOOD = 65  # a competency score from here up is "good" (measures.label_for)


@dataclass(frozen=True)
class Theme:
    """Something candidates say about themselves, and what checks it: a measurement's band
    (``rule``, with the side of the band the feeling points to) or else the competency's score."""

    felt: str  # completes "You felt ..."
    cues: re.Pattern[str]
    competency: str
    rule: Rule | None = None
    too_high: bool = True  # the feeling means the value is above the band (else below)


def _cues(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")", re.IGNORECASE)


THEMES = (
    Theme(
        "you spoke too fast",
        _cues(r"rush", r"(?:too |very |so )fast", r"hurr", r"gabbl", r"spoke fast"),
        "delivery",
        PACE,
    ),
    Theme(
        "you spoke too slowly",
        _cues(r"too slow", r"(?:very |so )slowly", r"dragg"),
        "delivery",
        PACE,
        too_high=False,
    ),
    Theme(
        "you used a lot of fillers",
        _cues(r"umm*s?\b", r"uhh*s?\b", r"erms?\b", r"filler", r"said like"),
        "delivery",
        FILLERS,
    ),
    Theme(
        "you stalled or went blank",
        _cues(r"blank", r"froze", r"freez", r"stall", r"long paus", r"lost my (?:train|thread)"),
        "delivery",
        LONG_PAUSES,
    ),
    Theme(
        "your answers wandered",
        _cues(r"rambl", r"all over the place", r"went on", r"too long", r"waffl", r"tangent"),
        "clarity",
    ),
    Theme(
        "your stories lacked structure",
        _cues(r"structur", r"star\b", r"no result", r"forgot the result"),
        "structure",
    ),
    Theme(
        "you were not sure of the material",
        _cues(r"didn'?t know", r"did not know", r"forgot", r"unsure", r"not sure", r"unprepared"),
        "content",
    ),
    Theme(
        "you were nervous",
        _cues(r"nerv", r"anxi", r"stress", r"shak", r"confiden", r"scared"),
        "vocal confidence",
    ),
)


def coach_reflection(text: str, session: Sequence[Score]) -> str:
    """A few sentences answering ``text`` with the session's measured ``session`` scores."""
    measured = [score for score in session if score.value is not None]
    if not measured:
        return (
            "Thanks for writing this down. Once your answers are analysed, your notes will be "
            "compared with what the recording shows."
        )
    themes = [theme for theme in THEMES if theme.cues.search(text)][:MAX_THEMES]
    lines = [_check(theme, measured) for theme in themes]
    if not themes:
        best = max(measured, key=lambda score: score.value or 0.0)
        lines.append(f"Your strongest area this session was {best.name} ({best.value:.0f}/100).")
    top = recommend(measured, ())
    if top:
        lines.append(f"The change that would help most: {top[0].action}")
    else:
        lines.append("Every measurement was inside its target: keep practising this way.")
    return " ".join(lines)


def _check(theme: Theme, session: Sequence[Score]) -> str:
    score = next((s for s in session if s.name == theme.competency), None)
    if score is None or score.value is None:
        return f"You felt {theme.felt}; this session has no measurement of that yet."
    item = _measurement(score, theme.rule)
    if theme.rule is None or item is None or item.value is None:
        if score.value < GOOD:
            return (
                f"You felt {theme.felt}, and your {score.name} score agrees: {score.value:.0f}/100."
            )
        return (
            f"You felt {theme.felt}, yet your {score.name} score was {score.value:.0f}/100: "
            "it went better than it felt."
        )
    band = theme.rule.band
    target = target_shown(item.target, item.unit)
    reading = f"your {item.name} was {shown(item.value, item.unit)} (target {target})"
    above, below = item.value > band.ideal_high, item.value < band.ideal_low
    if (above and theme.too_high) or (below and not theme.too_high):
        return f"You felt {theme.felt}, and the recording agrees: {reading}."
    if above or below:
        return f"You felt {theme.felt}, but the recording shows the opposite: {reading}."
    return (
        f"You felt {theme.felt}, but the recording disagrees: {reading}. "
        "It came across better than it felt."
    )


def _measurement(score: Score, rule: Rule | None) -> Measurement | None:
    return next((m for m in score.measurements if rule and m.name == rule.name), None)
