"""Résumés parsed into roles, years of experience, projects and skills."""

from __future__ import annotations

from datetime import date

import pytest

from rehearse.interviewer.documents import DOCX, PDF, extract_text
from rehearse.interviewer.resume import Resume, parse_resume, split_sections
from tests.conftest import shared_fixture
from tests.support.media import docx_bytes

TODAY = date(2026, 11, 21)


def _fixture(name: str) -> Resume:
    data = shared_fixture(f"resumes/{name}").read_bytes()
    return parse_resume(extract_text(data, PDF), today=TODAY)


def test_a_single_column_resume_has_its_roles_and_projects() -> None:
    resume = _fixture("resume-matcher_john_doe_senior_swe.pdf")
    assert [(r.title, r.employer) for r in resume.roles] == [
        ("Senior Software Engineer", "Stripe"),
        ("Software Engineer", "Figma"),
        ("Software Engineer", "Notion"),
    ]
    assert resume.roles[0].end is None
    assert resume.years_of_experience == pytest.approx(7.3, abs=0.2)
    assert [p.name for p in resume.projects] == ["DevFlow", "Real-time Transit Prediction App"]
    assert {"go", "kafka", "postgresql", "kubernetes", "python"} <= set(resume.skills)


def test_a_moderncv_resume_has_its_roles_and_projects() -> None:
    resume = _fixture("resume-matcher_harvey_dent_mle.pdf")
    assert resume.name == "Harvey Dent"
    assert resume.headline == "Machine Learning Engineer"
    assert [(r.title, r.employer) for r in resume.roles] == [
        ("Machine Learning Engineer", "OpenAI"),
        ("Data Scientist", "Uber"),
        ("Junior Data Analyst", "Facebook"),
    ]
    assert resume.years_of_experience == pytest.approx(10.9, abs=0.2)
    (project,) = resume.projects
    assert project.name == "Predictive Stock Trading Model"
    assert {"deep-learning", "docker"} <= set(project.skills)
    assert resume.skills[:2] == ("machine-learning", "deep-learning")


def test_a_long_career_counts_every_year() -> None:
    resume = _fixture("resume-matcher_alfred_pennyworth_pm.pdf")
    assert len(resume.roles) == 5
    assert resume.roles[0].title == "Product Manager"
    assert resume.years_of_experience > 20
    assert "product-management" in resume.skills


def test_a_docx_resume_is_parsed_like_a_pdf() -> None:
    text = "\n".join(
        [
            "Priya Sharma",
            "Backend Engineer",
            "Experience",
            "Backend Engineer, Shopify, Toronto",
            "Mar 2020 - Present",
            "- Built the inventory service with Kafka and PostgreSQL",
            "Education",
            "BSc Computer Science, University of Waterloo",
        ]
    )
    resume = parse_resume(extract_text(docx_bytes(text), DOCX), today=TODAY)
    assert resume.name == "Priya Sharma"
    assert {"kafka", "postgresql"} <= set(resume.skills)
    assert resume.years_of_experience == pytest.approx(6.7, abs=0.1)


def test_overlapping_roles_count_once() -> None:
    text = "Experience\nEngineer, A\nJan 2020 - Dec 2021\nAdvisor, B\nJan 2021 - Dec 2021"
    assert parse_resume(text, today=TODAY).years_of_experience == pytest.approx(1.9, abs=0.1)


def test_sections_are_found_by_their_headings() -> None:
    sections = split_sections("Jane\nSUMMARY\nHello\nWork Experience\nRole\nTechnical Skills:\nGo")
    assert set(sections) == {"header", "summary", "experience", "skills"}
