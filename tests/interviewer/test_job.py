"""Job descriptions as people paste them: title, seniority, skills, responsibilities."""

from collections import Counter

import pytest

from rehearse.interviewer.job import parse_job
from rehearse.interviewer.skills import load_vocabulary
from tests.conftest import shared_fixture


@pytest.mark.parametrize(
    ("name", "title", "top_topic"),
    [
        ("software_engineer_login_gov.txt", "Login.gov - Application Engineer", "web-backend"),
        (
            "ai_data_specialist_gsa_coe.txt",
            "Centers of Excellence - Artificial Intelligence Specialist",
            "machine-learning",
        ),
        (
            "product_manager_cds_digital_credentials.txt",
            "Product Manager — Digital Credentials Team",
            "product-management",
        ),
        (
            "talent_acquisition_partner_tts.txt",
            "TTS Talent - Talent Acquisition Partner",
            "recruiting",
        ),
        (
            "business_services_officer_cds.txt",
            "Business Services Officer  — Internal Operations Team",
            "operations",
        ),
        (
            "technical_support_analyst_cds.txt",
            "Technical Support Analyst — Platform Support Team",
            "technical-support",
        ),
    ],
)
def test_each_posting_leads_to_its_own_topic(name: str, title: str, top_topic: str) -> None:
    job = parse_job(shared_fixture(f"jobs/{name}").read_text(encoding="utf-8"))
    assert job.title == title
    topics = load_vocabulary().topics_of(Counter(job.skill_weights))
    assert topics.most_common(1)[0][0] == top_topic
    assert "government" in job.domains


def test_responsibilities_are_the_bullets_under_their_heading() -> None:
    job = parse_job(
        shared_fixture("jobs/technical_support_analyst_cds.txt").read_text(encoding="utf-8")
    )
    assert (
        job.responsibilities[1]
        == "Take ownership of responding to inquiries, issues, and escalations."
    )


def test_a_pasted_posting_splits_required_from_nice_to_have() -> None:
    job = parse_job(
        """Senior Backend Engineer

About us: we build payments software for small shops and banking partners.

What you'll do:
• Design REST APIs in Python and Django
• Run PostgreSQL at scale

Requirements:
- 5+ years building backend services
- Strong SQL and Python

Nice to have:
- Kubernetes
- Experience with Kafka
"""
    )
    assert job.seniority == "senior"
    assert job.years_required == 5
    assert {"python", "django", "postgresql", "rest"} <= set(job.required_skills)
    assert set(job.nice_to_have_skills) == {"kubernetes", "kafka"}
    assert job.responsibilities == (
        "Design REST APIs in Python and Django",
        "Run PostgreSQL at scale",
    )
    assert "fintech" in job.domains


def test_a_posting_with_no_headings_still_gives_skills() -> None:
    job = parse_job("Junior data analyst. You will write SQL and build Tableau dashboards.")
    assert job.seniority == "junior"
    assert {"sql", "data-visualization"} <= set(job.required_skills)
