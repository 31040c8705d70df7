"""What is kept of a plan on its session: the focus and notes (the questions become rows)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from rehearse.interviewer.plan import InterviewPlan
from rehearse.interviewer.resume import Resume


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
