"""What a topic file and a question must contain. ``load_bank`` validates every file."""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from rehearse.interviewer.yaml_data import load_yaml

QUESTIONS_DIR = Path(__file__).parent / "questions"


class TopicArea(StrEnum):
    BEHAVIOURAL = "behavioural"
    TECHNICAL = "technical"
    ROLE = "role"  # role skills outside engineering: product, support, recruiting, operations


class QuestionType(StrEnum):
    BEHAVIOURAL = "behavioural"
    TECHNICAL = "technical"
    SCENARIO = "scenario"
    CODING = "coding"


class BankQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9-]+-\d{3}$")
    text: str = Field(min_length=15, max_length=600)
    type: QuestionType
    difficulty: int = Field(ge=1, le=5)
    key_points: tuple[str, ...] = Field(min_length=3, max_length=8)
    follow_ups: tuple[str, ...] = Field(min_length=1, max_length=4)
    skills: tuple[str, ...] = ()

    @field_validator("text")
    @classmethod
    def _is_a_question_or_request(cls, text: str) -> str:
        if not text.rstrip().endswith(("?", ".")):
            raise ValueError("a question ends with '?' or '.'")
        return text.strip()

    @field_validator("skills")
    @classmethod
    def _lower_case_skills(cls, skills: tuple[str, ...]) -> tuple[str, ...]:
        if any(skill != skill.lower().strip() or not skill for skill in skills):
            raise ValueError("skills are lower-case keywords")
        return skills


class Topic(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    topic: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str
    area: TopicArea
    description: str = Field(min_length=20)
    questions: tuple[BankQuestion, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids_belong_to_the_topic(self) -> Topic:
        for question in self.questions:
            if not question.id.startswith(f"{self.topic}-"):
                raise ValueError(f"question {question.id} should start with '{self.topic}-'")
        return self


class Bank(BaseModel):
    topics: tuple[Topic, ...]

    @property
    def questions(self) -> list[BankQuestion]:
        return [question for topic in self.topics for question in topic.questions]


def load_topic(path: Path) -> Topic:
    with path.open(encoding="utf-8") as handle:
        return Topic.model_validate(load_yaml(handle))


@lru_cache(maxsize=1)
def load_bank(directory: Path = QUESTIONS_DIR) -> Bank:
    """Every topic file, validated; raises on the first invalid one, naming it."""
    topics = []
    for path in sorted(directory.glob("*.yaml")):
        try:
            topics.append(load_topic(path))
        except (ValueError, yaml.YAMLError) as exc:
            raise ValueError(f"{path.name}: {exc}") from exc
    return Bank(topics=tuple(topics))


@lru_cache(maxsize=1)
def topic_areas(directory: Path = QUESTIONS_DIR) -> dict[str, TopicArea]:
    """Each topic's area, from the keys that head its file, before its questions.

    The content evaluation needs only these; parsing the whole bank for them (560 questions,
    0.26 s) was the largest part of the first evaluation of every process. A file whose head
    does not say is read whole."""
    areas: dict[str, TopicArea] = {}
    for path in sorted(directory.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        head = load_yaml(text.partition("\nquestions:")[0])
        if isinstance(head, dict) and "topic" in head and "area" in head:
            areas[str(head["topic"])] = TopicArea(head["area"])
        else:
            topic = load_topic(path)
            areas[topic.topic] = topic.area
    return areas
