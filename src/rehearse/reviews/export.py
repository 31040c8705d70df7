"""A class's results as CSV (one row per member, for a spreadsheet) and a whole assignment as
JSON (its questions, rubric, every attempt's answers and what coaches said of each, so the
judge can later be checked against coaches)."""

from __future__ import annotations

import csv
import io
import uuid
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from rehearse.assignments.models import Assignment
from rehearse.interviews.models import Answer
from rehearse.reports.builder import COMPETENCIES
from rehearse.reviews.classview import MemberStanding, Scored
from rehearse.reviews.repository import SessionFeedback


def results_csv(assignment: Assignment, members: Sequence[MemberStanding]) -> str:
    """One row per member: status, attempts, the standing attempt's scores and the mean rubric
    level on each criterion."""
    criteria = [str(c["name"]) for c in assignment.rubric]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "member",
            "email",
            "assignment",
            "status",
            "attempts",
            "completed_at",
            "overall",
            *COMPETENCIES,
            *(f"rubric: {name}" for name in criteria),
        ]
    )
    for member in members:
        writer.writerow(
            [
                _cell(member.user.display_name),
                _cell(member.user.email),
                _cell(assignment.title),
                member.status,
                member.attempts,
                member.completed_at.isoformat(timespec="seconds") if member.completed_at else "",
                _number(member.overall),
                *(_number(member.scores.get(name)) for name in COMPETENCIES),
                *(_number(member.rubric.get(name)) for name in criteria),
            ]
        )
    return out.getvalue()


def assignment_json(
    assignment: Assignment,
    *,
    organisation: str,
    attempts: Sequence[Scored],
    members: Mapping[uuid.UUID, tuple[str, str]],
    answers: Mapping[uuid.UUID, Sequence[tuple[Answer, int, str]]],
    feedback: SessionFeedback,
) -> dict[str, Any]:
    """The assignment as one document. ``members`` names each author (name, e-mail);
    ``answers`` lists each attempt's answers with their question's position and text;
    ``feedback`` holds what coaches said of them."""
    said = _by_answer(feedback)
    return {
        "assignment": {
            "id": str(assignment.id),
            "organisation": organisation,
            "title": assignment.title,
            "instructions": assignment.instructions,
            "role": assignment.role,
            "due_at": assignment.due_at.isoformat(),
            "attempts_allowed": assignment.attempts_allowed,
            "video_required": assignment.video_required,
            "questions": assignment.questions,
            "rubric": assignment.rubric,
        },
        "attempts": [
            {
                "session_id": str(scored.attempt.id),
                "member": members[scored.attempt.user_id][0],
                "email": members[scored.attempt.user_id][1],
                "status": scored.attempt.status.value,
                "started_at": _time(scored.attempt.started_at),
                "completed_at": _time(scored.attempt.completed_at),
                "summary": scored.summary,
                "answers": [
                    {
                        "answer_id": str(answer.id),
                        "position": position,
                        "question": question,
                        "practice": answer.practice,
                        "said": answer.transcript or answer.text,
                        "duration_seconds": answer.duration_seconds,
                        **said.get(answer.id, _NOTHING_SAID),
                    }
                    for answer, position, question in answers.get(scored.attempt.id, [])
                ],
            }
            for scored in attempts
        ],
    }


_NOTHING_SAID: dict[str, list[dict[str, Any]]] = {"comments": [], "rubric": [], "flags": []}


def _by_answer(feedback: SessionFeedback) -> dict[uuid.UUID, dict[str, list[dict[str, Any]]]]:
    """What coaches said of each answer: comments, rubric levels and flagged verdicts."""
    said: dict[uuid.UUID, dict[str, list[dict[str, Any]]]] = defaultdict(
        lambda: {"comments": [], "rubric": [], "flags": []}
    )
    author = feedback.authors.get
    for c in feedback.comments:
        said[c.answer_id]["comments"].append(
            {
                "text": c.body,
                "at_seconds": c.at_seconds,
                "author": author(c.author_id, "") if c.author_id else "",
                "created_at": c.created_at.isoformat(),
            }
        )
    for r in feedback.scores:
        said[r.answer_id]["rubric"].append({"criterion": r.criterion, "level": r.level})
    for f in feedback.flags:
        said[f.answer_id]["flags"].append(
            {
                "verdict": f.verdict,
                "judged": f.judged,
                "reason": f.reason,
                "author": author(f.author_id, "") if f.author_id else "",
                "created_at": f.created_at.isoformat(),
            }
        )
    return said


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _cell(text: str) -> str:
    """Text a spreadsheet will not run as a formula (CSV injection)."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _time(value: Any) -> str | None:
    return value.isoformat() if value is not None else None
