"""What carries over between sessions: the candidate's reflections and their mastery per topic."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from rehearse.store.base import Base, IdMixin, TimestampMixin, utcnow


class ReflectionNote(IdMixin, TimestampMixin, Base):
    __tablename__ = "reflection_notes"

    session_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("interview_sessions.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    coach_response: Mapped[str] = mapped_column(Text, default="")


class TopicMastery(IdMixin, Base):
    """The adaptive estimate of a user's level in one topic (an Elo-style rating)."""

    __tablename__ = "topic_mastery"
    __table_args__ = (UniqueConstraint("user_id", "topic"),)

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    topic: Mapped[str] = mapped_column(String(80))
    rating: Mapped[float] = mapped_column(default=1000.0)
    answers: Mapped[int] = mapped_column(default=0)  # every answer that moved it, practice too
    # Of ``answers``, the practice attempts (docs/practice.md, "Progress counts practice").
    practice_attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
