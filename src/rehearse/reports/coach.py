"""The coach's review of each answer of an assignment, put beside the judge's in the report."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy.orm import Session

from rehearse.feedback.report import (
    AnswerReport,
    CoachRemark,
    CoachReview,
    FlaggedVerdict,
    RubricMark,
)
from rehearse.feedback.segments import clock
from rehearse.interviews.models import InterviewSession
from rehearse.reviews.repository import SessionFeedback, feedback_in


def with_coach_reviews(
    db: Session, interview: InterviewSession, answers: Sequence[AnswerReport], rubric: Sequence[Any]
) -> list[AnswerReport]:
    """``answers`` with what coaches said about each question's answers. The member keeps
    reading it after leaving the organisation, or after the assignment is deleted (then
    without the rubric's marks: the rubric went with it)."""
    feedback = feedback_in(db, [interview.id])
    if not (feedback.comments or feedback.scores or feedback.flags):
        return list(answers)
    reviews = reviews_by_question(feedback, rubric)
    return [
        replace(answer, coach=reviews[uuid.UUID(answer.question_id)])
        if answer.question_id and uuid.UUID(answer.question_id) in reviews
        else answer
        for answer in answers
    ]


def reviews_by_question(
    feedback: SessionFeedback, rubric: Sequence[Mapping[str, Any]]
) -> dict[uuid.UUID, CoachReview]:
    """Each question's review: its answers' comments (by moment, then the rest), rubric marks
    (in the rubric's order) and flagged verdicts."""
    criteria = {str(c["name"]): list(c.get("levels", [])) for c in rubric}
    order = {name: i for i, name in enumerate(criteria)}
    remarks: dict[uuid.UUID, list[CoachRemark]] = defaultdict(list)
    marks: dict[uuid.UUID, dict[str, RubricMark]] = defaultdict(dict)
    flags: dict[uuid.UUID, list[FlaggedVerdict]] = defaultdict(list)
    author = feedback.authors.get
    for comment in feedback.comments:
        at = comment.at_seconds
        remarks[feedback.question_of[comment.answer_id]].append(
            CoachRemark(
                text=comment.body,
                author=author(comment.author_id, "") if comment.author_id else "",
                created_at=comment.created_at.isoformat(timespec="seconds"),
                answer_id=str(comment.answer_id),
                at_seconds=at,
                when=clock(at) if at is not None else "",
            )
        )
    for score in sorted(feedback.scores, key=lambda s: s.updated_at):
        levels = criteria.get(score.criterion)
        if levels is None or not 1 <= score.level <= len(levels):
            continue  # a criterion the rubric no longer has
        marks[feedback.question_of[score.answer_id]][score.criterion] = RubricMark(
            score.criterion, score.level, len(levels), str(levels[score.level - 1]["label"])
        )
    for flag in feedback.flags:
        flags[feedback.question_of[flag.answer_id]].append(
            FlaggedVerdict(
                flag.verdict,
                flag.judged,
                flag.reason,
                author(flag.author_id, "") if flag.author_id else "",
            )
        )
    return {
        question: CoachReview(
            tuple(remarks[question]),
            tuple(sorted(marks[question].values(), key=lambda m: order[m.criterion])),
            tuple(flags[question]),
        )
        for question in {*remarks, *marks, *flags}
    }
