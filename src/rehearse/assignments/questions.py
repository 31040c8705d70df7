"""An assignment's question set, fixed when it is made, from one of three sources: the bank
(by topic and difficulty), a job description and role (planned as an interview is, with no
résumé), or the coach's own questions with their key points."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rehearse.errors import ValidationFailed
from rehearse.interviewer.bank.schema import BankQuestion, QuestionType, load_bank
from rehearse.interviewer.planned import PlannedQuestion
from rehearse.interviews.plans import PlanBrief, draft_plan

if TYPE_CHECKING:
    from rehearse.assignments.schemas import WrittenQuestion
    from rehearse.runtime import Runtime

_KIND_OF_TYPE = {
    QuestionType.BEHAVIOURAL: "behavioural",
    QuestionType.TECHNICAL: "technical",
    QuestionType.SCENARIO: "scenario",
    QuestionType.CODING: "technical",  # a bank "coding" question is talked through, not run
}


def bank_topics() -> list[dict[str, str]]:
    """The topics a coach can draw questions from, by title."""
    topics = sorted(load_bank().topics, key=lambda topic: topic.title)
    return [{"topic": t.topic, "title": t.title, "area": t.area.value} for t in topics]


def from_bank(topics: Sequence[str], difficulty: int, count: int) -> list[dict[str, Any]]:
    """``count`` questions of ``topics``, taken in turn from each, nearest ``difficulty``
    first (then by id, so the same request always gives the same set)."""
    bank = {topic.topic: topic for topic in load_bank().topics}
    unknown = [topic for topic in topics if topic not in bank]
    if unknown:
        raise ValidationFailed(f"The question bank has no topic {', '.join(unknown)}.")
    if not topics:
        raise ValidationFailed("Choose at least one topic of the question bank.")
    queues = [
        sorted(bank[topic].questions, key=lambda q: (abs(q.difficulty - difficulty), q.id))
        for topic in dict.fromkeys(topics)
    ]
    chosen: list[tuple[str, BankQuestion]] = []
    while len(chosen) < count and any(queues):
        for topic, queue in zip(dict.fromkeys(topics), queues, strict=True):
            if queue and len(chosen) < count:
                chosen.append((topic, queue.pop(0)))
    return [
        {
            "text": question.text,
            "kind": _KIND_OF_TYPE[question.type],
            "topic": topic,
            "difficulty": question.difficulty,
            "reason": f"Chosen by your coach from the bank's {bank[topic].title} questions.",
            "source": f"bank:{question.id}",
            "key_points": list(question.key_points),
        }
        for topic, question in chosen
    ]


def from_job(
    runtime: Runtime, job_description: str, interview_type: str, count: int
) -> list[dict[str, Any]]:
    """The questions an interview for this job would ask, planned with no résumé."""
    if not job_description.strip():
        raise ValidationFailed("Paste the job description: the questions are planned from it.")
    brief = PlanBrief(
        job_description=job_description,
        resume=None,
        interview_type=interview_type,
        length=count,
        mastery={},
        asked_before=(),
    )
    return [_planned(question) for question in draft_plan(brief, runtime).plan.questions]


def written(questions: Sequence[WrittenQuestion]) -> list[dict[str, Any]]:
    return [
        {
            "text": q.text,
            "kind": q.kind.value,
            "topic": q.topic,
            "difficulty": q.difficulty,
            "reason": "Written by your coach.",
            "source": "coach",
            "key_points": list(q.key_points),
        }
        for q in questions
    ]


def _planned(question: PlannedQuestion) -> dict[str, Any]:
    return {
        "text": question.text,
        "kind": question.kind,
        "topic": question.topic,
        "difficulty": question.difficulty,
        "reason": question.reason,
        "source": question.source,
        "key_points": list(question.key_points),
    }
