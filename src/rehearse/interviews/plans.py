"""Planning a session in three steps, so no database connection is held while it computes:
the brief is read (``InterviewService.plan_brief``), the plan drafted from it alone
(``draft_plan``: parsing, retrieval, the optional language model) and then stored
(``InterviewService.store_plan``). Also what is kept of a plan on its session: the focus and
notes (the questions become rows)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from rehearse.interviewer.documents import extract_text
from rehearse.interviewer.job import parse_job
from rehearse.interviewer.plan import InterviewPlan, make_plan, tailor_plan
from rehearse.interviewer.resume import Resume, parse_resume

if TYPE_CHECKING:
    from rehearse.runtime import Runtime


@dataclass(frozen=True)
class PlanBrief:
    """What a plan is drafted from, as read from the database."""

    job_description: str
    resume: tuple[str, str] | None  # the stored résumé's blob key and content type
    interview_type: str
    length: int
    mastery: Mapping[str, float]
    asked_before: tuple[str, ...]


@dataclass(frozen=True)
class DraftedPlan:
    plan: InterviewPlan
    resume: Resume | None


def document_text(runtime: Runtime, key: str, content_type: str) -> str:
    """The text of a stored document (PDF, DOCX or plain text)."""
    with runtime.blobs.open(key) as handle:
        data = handle.read()
    return extract_text(data, content_type)


def draft_plan(brief: PlanBrief, runtime: Runtime) -> DraftedPlan:
    """The plan for ``brief``; touches the blob store and the language model, never the
    database."""
    job = parse_job(brief.job_description)
    resume = parse_resume(document_text(runtime, *brief.resume)) if brief.resume else None
    plan = make_plan(
        job,
        resume,
        interview_type=brief.interview_type,
        length=brief.length,
        mastery=brief.mastery,
        asked_before=brief.asked_before,
        retriever=runtime.retriever,
    )
    return DraftedPlan(tailor_plan(plan, job, runtime.rewriter), resume)


def plan_summary(plan: InterviewPlan, resume: Resume | None) -> dict[str, Any]:
    summary: dict[str, Any] = {
        "role": plan.role,
        "seniority": plan.seniority,
        "interview_type": plan.interview_type,
        "focus": [asdict(focus) for focus in plan.focus],
        "notes": list(plan.notes),
    }
    if resume is not None:
        summary["resume"] = {
            "name": resume.name,
            "headline": resume.headline,
            "years_of_experience": resume.years_of_experience,
            "skills": list(resume.skills[:20]),
            "roles": [f"{role.title} at {role.employer}".strip() for role in resume.roles],
            "projects": [project.name for project in resume.projects],
        }
    return summary
