"""Request and response bodies of the progress routes."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class ReflectionCreate(BaseModel):
    text: str = Field(min_length=1, max_length=20_000)


class ReflectionPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    session_id: uuid.UUID
    text: str
    coach_response: str
    created_at: datetime


class TopicMasteryPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    topic: str
    rating: float
    answers: int
    updated_at: datetime
