"""Skills normalised to one vocabulary, so different spellings of a skill match."""

from __future__ import annotations

from rehearse.interviewer.skills import load_vocabulary


def test_spellings_of_a_skill_are_one_skill() -> None:
    found = load_vocabulary().find("Postgres at work, PostgreSQL at home, psql for admin.")
    assert found == {"postgresql": 3}


def test_the_language_go_is_not_the_verb_go() -> None:
    vocabulary = load_vocabulary()
    assert vocabulary.find("Services in Go and Python.")["go"] == 1
    assert vocabulary.find("We go to the office on Mondays.")["go"] == 0


def test_symbols_in_skill_names_are_matched_whole() -> None:
    found = load_vocabulary().find("C++, C# and Node.js; CI/CD with GitHub Actions.")
    assert {"c++", "c#", "node.js", "ci-cd"} <= set(found)


def test_skills_lead_to_bank_topics() -> None:
    vocabulary = load_vocabulary()
    topics = vocabulary.topics_of(vocabulary.find("Kubernetes, Terraform and PagerDuty"))
    assert topics.most_common(1)[0][0] == "devops-cloud"
