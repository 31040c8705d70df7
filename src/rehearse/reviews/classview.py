"""The coach's view of a class's work on one assignment: where each member stands, the
scores across the class and the questions the class finds hardest. Read from each attempt's
report summary (``reports.summary``), never from whole reports, in a fixed number of queries
whatever the class's size."""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from statistics import fmean
from typing import Any

from rehearse.accounts.models import User
from rehearse.assignments.models import Assignment
from rehearse.assignments.status import Status, attempt_status
from rehearse.interviews.models import InterviewSession, SessionStatus

HARDEST_SHOWN = 5
STATUSES: tuple[Status, ...] = ("not_started", "in_progress", "done", "late")


@dataclass(frozen=True)
class Scored:
    """One attempt and its report summary (None before its report was made)."""

    attempt: InterviewSession
    summary: Mapping[str, Any] | None


@dataclass(frozen=True)
class MemberStanding:
    user: User
    status: Status
    attempts: int
    latest_session_id: uuid.UUID | None
    completed_at: datetime | None
    overall: float | None  # the attempt that stands: the latest completed one, else the latest
    scores: Mapping[str, float | None]
    first_overall: float | None  # the first attempt's, when there are more (the trend)
    rubric: Mapping[str, float]  # the mean level given on each criterion


@dataclass(frozen=True)
class HardQuestion:
    position: int
    question: str
    answered: int  # members whose standing attempt answered it
    content: float | None  # the mean judged (or measured) content score
    missed: list[tuple[str, int]]  # key points, with how many answers missed each
    parts_missing: list[tuple[str, int]]  # story parts, with how many answers lacked each


@dataclass(frozen=True)
class ClassView:
    assignment: Assignment
    organisation: str
    total: int  # members
    counts: Mapping[Status, int]
    means: Mapping[str, float]  # "overall" and each competency, over the standing attempts
    hardest: list[HardQuestion]
    members: list[MemberStanding] = field(default_factory=list)  # one page


def by_member(attempts: Sequence[Scored]) -> dict[uuid.UUID, list[Scored]]:
    """Each member's attempts, in the order given."""
    grouped: dict[uuid.UUID, list[Scored]] = defaultdict(list)
    for scored in attempts:
        grouped[scored.attempt.user_id].append(scored)
    return grouped


def standing_attempt(scored: Sequence[Scored]) -> Scored | None:
    """The attempt that stands for a member: the latest completed one, else the latest."""
    completed = [s for s in scored if s.attempt.status is SessionStatus.COMPLETED]
    chosen = completed or list(scored)
    return chosen[-1] if chosen else None


def class_view(
    assignment: Assignment,
    *,
    organisation: str,
    total: int,
    attempts: Sequence[Scored],
    page: Sequence[User],
    rubric: Mapping[uuid.UUID, Mapping[str, Sequence[int]]],
    now: datetime,
) -> ClassView:
    """The whole class's figures from every member's ``attempts``, and the standing of each
    member of ``page``."""
    tried_by = by_member(attempts)
    counts: Counter[Status] = Counter()
    for tried in tried_by.values():
        counts[attempt_status([s.attempt for s in tried], assignment.due_at, now)] += 1
    counts[attempt_status([], assignment.due_at, now)] += total - len(tried_by)
    standing = [s for tried in tried_by.values() if (s := standing_attempt(tried)) is not None]
    summaries = [s.summary for s in standing if s.summary]
    return ClassView(
        assignment=assignment,
        organisation=organisation,
        total=total,
        counts={status: counts[status] for status in STATUSES},
        means=_means(summaries),
        hardest=hardest_questions(summaries)[:HARDEST_SHOWN],
        members=[
            member_standing(user, tried_by.get(user.id, []), assignment.due_at, rubric, now)
            for user in page
        ],
    )


def member_standing(
    user: User,
    tried: Sequence[Scored],
    due_at: datetime,
    rubric: Mapping[uuid.UUID, Mapping[str, Sequence[int]]],
    now: datetime,
) -> MemberStanding:
    stands = standing_attempt(tried)
    summary = (stands.summary if stands else None) or {}
    first = tried[0].summary if len(tried) > 1 else None
    levels = rubric.get(stands.attempt.id, {}) if stands else {}
    return MemberStanding(
        user=user,
        status=attempt_status([s.attempt for s in tried], due_at, now),
        attempts=len(tried),
        latest_session_id=stands.attempt.id if stands else None,
        completed_at=stands.attempt.completed_at if stands else None,
        overall=summary.get("overall"),
        scores=dict(summary.get("scores", {})),
        first_overall=(first or {}).get("overall"),
        rubric={criterion: fmean(given) for criterion, given in levels.items() if given},
    )


def hardest_questions(summaries: Sequence[Mapping[str, Any]]) -> list[HardQuestion]:
    """The assignment's questions, hardest first: lowest mean content score, then the most
    key points missed."""
    content: dict[int, list[float]] = defaultdict(list)
    answered: Counter[int] = Counter()
    texts: dict[int, str] = {}
    missed: dict[int, Counter[str]] = defaultdict(Counter)
    parts: dict[int, Counter[str]] = defaultdict(Counter)
    for summary in summaries:
        for question in summary.get("questions", []):
            position = int(question["position"])
            texts[position] = str(question.get("question", ""))
            if not question.get("answered"):
                continue
            answered[position] += 1
            if question.get("content") is not None:
                content[position].append(float(question["content"]))
            missed[position].update(question.get("missed", []))
            parts[position].update(question.get("parts_missing", []))
    questions = [
        HardQuestion(
            position=position,
            question=texts[position],
            answered=answered[position],
            content=fmean(content[position]) if content[position] else None,
            missed=missed[position].most_common(3),
            parts_missing=parts[position].most_common(),
        )
        for position in sorted(texts)
    ]
    return sorted(
        questions,
        key=lambda q: (
            q.content is None,
            q.content if q.content is not None else 0.0,
            -sum(n for _, n in q.missed),
        ),
    )


def _means(summaries: Sequence[Mapping[str, Any]]) -> dict[str, float]:
    values: dict[str, list[float]] = defaultdict(list)
    for summary in summaries:
        if summary.get("overall") is not None:
            values["overall"].append(float(summary["overall"]))
        for name, value in summary.get("scores", {}).items():
            if value is not None:
                values[name].append(float(value))
    return {name: round(fmean(given), 1) for name, given in values.items()}
