"""Skills and technologies named in an answer, without everyday English counted as tools."""

from __future__ import annotations

from rehearse.feedback.content.skills import named_skills, named_technologies, technology_ids


def test_technologies_lead_to_technical_topics() -> None:
    technologies = technology_ids()
    assert {"postgresql", "kubernetes", "python"} <= technologies
    assert not {"collaboration", "budgeting", "recruiting"} & technologies


def test_soft_skills_are_named_but_are_not_technologies() -> None:
    text = "I am a team player and I used Postgres."
    assert named_skills(text)["collaboration"] == 1
    assert named_technologies(text) == ("postgresql",)


def test_the_most_named_technology_comes_first() -> None:
    text = "Redis in front of Postgres; Postgres for the orders, psql for the rest."
    assert named_technologies(text) == ("postgresql", "redis")


def test_the_rest_of_the_year_is_not_rest() -> None:
    assert "rest" not in named_skills("He owned the payments code for the rest of the year.")


def test_a_rest_api_is_rest() -> None:
    assert "rest" in named_skills("We exposed it through a REST API.")


def test_expressing_a_concern_is_not_express() -> None:
    assert "node.js" not in named_skills("I wanted to express my concern early.")
    assert "node.js" in named_skills("The API ran on Express.")
