"""Plans built from the fixture résumés and job descriptions are about that job and résumé."""

from __future__ import annotations

from datetime import date

import pytest

from rehearse.interviewer.bank.schema import load_bank
from rehearse.interviewer.documents import PDF, extract_text
from rehearse.interviewer.job import JobDescription, parse_job
from rehearse.interviewer.plan import InterviewPlan, make_plan, relevance_to
from rehearse.interviewer.resume import Resume, parse_resume
from rehearse.interviewer.retrieval.retriever import Retriever
from tests.conftest import shared_fixture


def _resume(name: str) -> Resume:
    text = extract_text(shared_fixture(f"resumes/{name}").read_bytes(), PDF)
    return parse_resume(text, today=date(2026, 11, 21))


def _job(name: str) -> JobDescription:
    return parse_job(shared_fixture(f"jobs/{name}").read_text(encoding="utf-8"))


def _topics(plan: InterviewPlan) -> set[str]:
    return {question.topic for question in plan.questions}


@pytest.mark.parametrize(
    ("resume", "job", "job_topics", "project"),
    [
        (
            "resume-matcher_john_doe_senior_swe.pdf",
            "software_engineer_login_gov.txt",
            {"web-backend", "security"},
            "Stripe",
        ),
        (
            "resume-matcher_harvey_dent_mle.pdf",
            "ai_data_specialist_gsa_coe.txt",
            {"machine-learning"},
            "Predictive Stock Trading Model",
        ),
        (
            "resume-matcher_alfred_pennyworth_pm.pdf",
            "product_manager_cds_digital_credentials.txt",
            {"product-management"},
            "Google",
        ),
    ],
)
def test_a_plan_is_about_this_job_and_this_resume(
    resume: str, job: str, job_topics: set[str], project: str
) -> None:
    plan = make_plan(_job(job), _resume(resume), length=8)
    assert len(plan.questions) == 8
    assert job_topics <= _topics(plan)
    projects = [q for q in plan.questions if q.kind == "project"]
    assert projects
    assert any(project in q.text for q in projects)
    assert all(q.reason for q in plan.questions)
    assert len({q.text for q in plan.questions}) == 8


@pytest.mark.parametrize(
    ("job", "topic"),
    [
        ("talent_acquisition_partner_tts.txt", "recruiting"),
        ("business_services_officer_cds.txt", "operations"),
        ("technical_support_analyst_cds.txt", "technical-support"),
    ],
)
def test_a_plan_without_a_resume_still_fits_the_job(job: str, topic: str) -> None:
    plan = make_plan(_job(job), length=6)
    assert topic in _topics(plan)
    assert "No résumé" in plan.notes[0]
    assert all(q.kind != "project" for q in plan.questions)


def test_gaps_and_strengths_are_told_apart() -> None:
    plan = make_plan(
        _job("software_engineer_login_gov.txt"), _resume("resume-matcher_john_doe_senior_swe.pdf")
    )
    kinds = {focus.topic: focus.kind for focus in plan.focus}
    assert kinds["devops-cloud"] == "strength"  # Docker, Kubernetes and AWS on both sides
    assert any(kind == "gap" for kind in kinds.values())


def test_higher_mastery_raises_the_difficulty() -> None:
    job = _job("software_engineer_login_gov.txt")
    plain = make_plan(job, length=8)
    strong = make_plan(job, length=8, mastery={"web-backend": 1400, "security": 1400})
    level = {q.topic: q.difficulty for q in plain.questions}
    for question in strong.questions:
        if question.topic in {"web-backend", "security"}:
            assert question.difficulty >= level[question.topic]


def test_questions_asked_before_are_not_asked_again() -> None:
    job = _job("technical_support_analyst_cds.txt")
    first = make_plan(job, length=6)
    again = make_plan(
        job, length=6, asked_before=[q.source.removeprefix("bank:") for q in first.questions]
    )
    assert not {q.text for q in first.questions} & {q.text for q in again.questions}


def test_a_coding_interview_asks_coding_problems_for_the_job() -> None:
    plan = make_plan(_job("software_engineer_login_gov.txt"), interview_type="coding", length=5)
    coding = [q for q in plan.questions if q.kind == "coding"]
    assert len(coding) == 3
    assert all(q.source.startswith("coding:") and "For example" in q.text for q in coding)
    assert {q.kind for q in plan.questions} == {"coding", "behavioural"}


def test_retrieval_picks_questions_nearer_the_job(retriever: Retriever) -> None:
    job = _job("software_engineer_login_gov.txt")
    resume = _resume("resume-matcher_john_doe_senior_swe.pdf")
    plain = make_plan(job, resume, length=10)
    ranked = make_plan(job, resume, length=10, retriever=retriever)
    relevance = relevance_to(retriever, load_bank(), job, resume)

    def mean_relevance(plan: InterviewPlan) -> float:
        chosen = [
            q.source.removeprefix("bank:") for q in plan.questions if q.source.startswith("bank:")
        ]
        return sum(relevance[i] for i in chosen) / len(chosen)

    assert _topics(ranked) == _topics(plain)  # retrieval chooses within topics, not the topics
    assert mean_relevance(ranked) > mean_relevance(plain)
