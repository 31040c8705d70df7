"""The few figures of a report a class view reads, kept beside the report so a class of
hundreds is read without loading a single whole report."""

from __future__ import annotations

from typing import Any

from rehearse.feedback.report import AnswerReport, Report


def summary_of(report: Report) -> dict[str, Any]:
    """The overall and competency scores, and per question its judged content, key points
    missed and story parts missing."""
    return {
        "overall": report.overall,
        "scores": {score.name: score.value for score in report.scores},
        "questions": [_question(answer) for answer in report.answers],
    }


def _question(answer: AnswerReport) -> dict[str, Any]:
    content = next((s.value for s in answer.scores if s.name == "content"), None)
    return {
        "position": answer.position,
        "question_id": answer.question_id,
        "question": answer.question,
        "answered": answer.answered,
        "content": content,
        "judged": answer.judgement is not None,
        "points": len(answer.key_points),
        "missed": [point.point for point in answer.key_points if not point.found],
        "parts_missing": [part for part, present in answer.star.items() if not present],
    }
