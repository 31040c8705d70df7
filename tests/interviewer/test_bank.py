"""The question bank's validator: schema, size, uniqueness and coverage."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from rehearse.interviewer.bank.schema import QUESTIONS_DIR, Bank, TopicArea, load_bank, topic_areas
from rehearse.interviewer.skills import load_vocabulary

REQUIRED_TOPICS = {
    "leadership",
    "conflict",
    "failure",
    "ownership",
    "python",
    "algorithms",
    "system-design",
    "databases",
    "web-backend",
    "frontend",
    "machine-learning",
    "data-analysis",
    "devops-cloud",
    "security",
    "testing",
    "product-management",
}


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank()


def _normalised(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", text.lower())


def test_the_bank_has_at_least_500_questions_in_20_topics(bank: Bank) -> None:
    assert len(bank.questions) >= 500
    assert len(bank.topics) >= 20


def test_the_topics_the_product_promises_are_there(bank: Bank) -> None:
    assert {topic.topic for topic in bank.topics} >= REQUIRED_TOPICS
    assert {topic.area for topic in bank.topics} == set(TopicArea)


def test_ids_and_texts_are_unique(bank: Bank) -> None:
    ids = Counter(question.id for question in bank.questions)
    texts = Counter(_normalised(question.text) for question in bank.questions)
    assert [i for i, n in ids.items() if n > 1] == []
    assert [t for t, n in texts.items() if n > 1] == []


def test_every_topic_spans_every_difficulty(bank: Bank) -> None:
    for topic in bank.topics:
        levels = Counter(question.difficulty for question in topic.questions)
        assert all(levels[level] >= 2 for level in range(1, 6)), (topic.topic, levels)


def test_key_points_are_distinct_within_a_question(bank: Bank) -> None:
    for question in bank.questions:
        assert len(set(question.key_points)) == len(question.key_points), question.id


def test_every_topic_the_skills_lead_to_exists(bank: Bank) -> None:
    topics = {topic.topic for topic in bank.topics}
    for skill in load_vocabulary().skills.values():
        assert set(skill.topics) <= topics, skill.id


def test_the_areas_read_from_the_file_heads_are_the_validated_banks(bank: Bank) -> None:
    assert topic_areas() == {topic.topic: topic.area for topic in bank.topics}


def test_a_topic_whose_area_follows_its_questions_is_read_whole(tmp_path: Path) -> None:
    lines = (QUESTIONS_DIR / "algorithms.yaml").read_text(encoding="utf-8").splitlines()
    area = next(line for line in lines if line.startswith("area:"))
    (tmp_path / "algorithms.yaml").write_text(
        "\n".join([line for line in lines if line != area] + [area]) + "\n", encoding="utf-8"
    )
    assert topic_areas(tmp_path) == {"algorithms": TopicArea.TECHNICAL}
