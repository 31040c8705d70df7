"""An assignment: the interview a coach hands an organisation, and by when."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from rehearse.store.base import Base, IdMixin, TimestampMixin


class Assignment(IdMixin, TimestampMixin, Base):
    """Its questions are fixed when it is made (each a dict of a question row's fields), so
    every member answers the same ones; each attempt is an interview session of the member's
    own (``InterviewSession.assignment_id``)."""

    __tablename__ = "assignments"

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    instructions: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(String(200), default="")
    job_description: Mapped[str] = mapped_column(Text, default="")
    interview_type: Mapped[str] = mapped_column(String(32), default="mixed")
    questions: Mapped[list[Any]] = mapped_column(default=list)
    due_at: Mapped[datetime]
    attempts_allowed: Mapped[int] = mapped_column(default=1)
    video_required: Mapped[bool] = mapped_column(default=False)
    # The coach's own criteria, each {"name", "description", "levels": [{"label", "description"}]}
    # with its levels from the lowest up; shown beside the judge's scores.
    rubric: Mapped[list[Any]] = mapped_column(default=list)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
