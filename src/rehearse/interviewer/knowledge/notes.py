"""The knowledge base: a few reference notes per bank topic, stored as YAML and validated."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from rehearse.interviewer.yaml_data import load_yaml

NOTES_DIR = Path(__file__).parent / "notes"


class Note(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9-]+-n\d{2}$")
    title: str = Field(min_length=3, max_length=120)
    text: str = Field(min_length=200, max_length=1500)
    source: str = Field(min_length=3)


class TopicNotes(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    topic: str = Field(pattern=r"^[a-z0-9-]+$")
    notes: tuple[Note, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids_belong_to_the_topic(self) -> TopicNotes:
        for note in self.notes:
            if not note.id.startswith(f"{self.topic}-n"):
                raise ValueError(f"note {note.id} should start with '{self.topic}-n'")
        return self


@lru_cache(maxsize=1)
def load_notes(directory: Path = NOTES_DIR) -> dict[str, tuple[Note, ...]]:
    """Every topic's notes, validated; raises on the first invalid file, naming it."""
    by_topic: dict[str, tuple[Note, ...]] = {}
    for path in sorted(directory.glob("*.yaml")):
        try:
            with path.open(encoding="utf-8") as handle:
                topic = TopicNotes.model_validate(load_yaml(handle))
        except (ValueError, yaml.YAMLError) as exc:
            raise ValueError(f"{path.name}: {exc}") from exc
        by_topic[topic.topic] = topic.notes
    return by_topic
