"""Progress over sessions: each competency's trend, and the best and worst answers so far.

Read from the sessions' report snapshots (``Report.to_dict()``), oldest first. A trend
compares the latest session with the mean of the (up to) three before it, so one unusual
session does not read as a change of level; a move of ``STEADY_POINTS`` or less is "steady".
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import fmean
from typing import Any

STEADY_POINTS = 3.0  # a change within ± this many points is noise, not progress
BASELINE_SESSIONS = 3
SHOWN_ANSWERS = 3


@dataclass(frozen=True)
class AnswerResult:
    session_id: str
    session_title: str
    when: str  # when the session took place (ISO 8601)
    position: int
    question: str
    topic: str
    overall: float


@dataclass(frozen=True)
class SessionResult:
    session_id: str
    title: str
    when: str
    overall: float | None
    scores: Mapping[str, float]  # competency → 0..100, only those measured
    answers: tuple[AnswerResult, ...]


@dataclass(frozen=True)
class TrendPoint:
    session_id: str
    when: str
    value: float


@dataclass(frozen=True)
class Trend:
    competency: str
    points: tuple[TrendPoint, ...]  # oldest first
    latest: float
    change: float | None  # latest minus the mean of the sessions before; None with one session
    direction: str  # "improving", "steady", "slipping" or "first session"


def session_result(report: Mapping[str, Any], when: str) -> SessionResult:
    """The parts of a stored report that progress reads; ``when`` the session took place."""
    session_id, title = report["session_id"], report["title"]
    return SessionResult(
        session_id,
        title,
        when,
        report.get("overall"),
        {s["name"]: s["value"] for s in report.get("scores", []) if s.get("value") is not None},
        tuple(
            AnswerResult(
                session_id, title, when, a["position"], a["question"], a["topic"], a["overall"]
            )
            for a in report.get("answers", [])
            if a.get("overall") is not None
        ),
    )


def trends(sessions: Sequence[SessionResult]) -> list[Trend]:
    """One trend per competency measured in any session (``sessions`` oldest first)."""
    names = list(dict.fromkeys(name for s in sessions for name in s.scores))
    names.append("overall")
    return [_trend(name, sessions) for name in names if _points(name, sessions)]


def _points(name: str, sessions: Sequence[SessionResult]) -> tuple[TrendPoint, ...]:
    values = ((s, s.overall if name == "overall" else s.scores.get(name)) for s in sessions)
    return tuple(TrendPoint(s.session_id, s.when, v) for s, v in values if v is not None)


def _trend(name: str, sessions: Sequence[SessionResult]) -> Trend:
    points = _points(name, sessions)
    latest = points[-1].value
    before = [p.value for p in points[:-1]][-BASELINE_SESSIONS:]
    if not before:
        return Trend(name, points, latest, None, "first session")
    change = round(latest - fmean(before), 1)
    direction = (
        "steady" if abs(change) <= STEADY_POINTS else "improving" if change > 0 else "slipping"
    )
    return Trend(name, points, latest, change, direction)


def best_and_worst(
    sessions: Sequence[SessionResult], shown: int = SHOWN_ANSWERS
) -> tuple[list[AnswerResult], list[AnswerResult]]:
    """Up to ``shown`` highest- and lowest-scored answers over all sessions; with few answers
    the upper half is the best and the rest the worst, so none is in both."""
    ranked = sorted(
        (a for s in sessions for a in s.answers), key=lambda a: (-a.overall, a.when, a.position)
    )
    split = min(shown, math.ceil(len(ranked) / 2))
    return ranked[:split], ranked[split:][::-1][:shown]
