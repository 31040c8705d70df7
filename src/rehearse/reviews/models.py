"""What a coach says about one answer: comments, rubric scores and flagged judge verdicts.

Each belongs to the answer, so it goes when the answer goes; the member keeps reading it in
their report after leaving the organisation (the coach can no longer see the answer).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from rehearse.store.base import Base, IdMixin, utcnow


class CoachComment(IdMixin, Base):
    """A comment on the whole answer, or on a moment of its recording (``at_seconds``)."""

    __tablename__ = "coach_comments"

    answer_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("answers.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)
    at_seconds: Mapped[float | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class RubricScore(IdMixin, Base):
    """The level a coach gave an answer on one criterion of the assignment's rubric."""

    __tablename__ = "rubric_scores"
    __table_args__ = (UniqueConstraint("answer_id", "criterion"),)

    answer_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("answers.id", ondelete="CASCADE"), index=True
    )
    criterion: Mapped[str] = mapped_column(String(120))
    level: Mapped[int]  # 1 for the criterion's lowest level, up to its number of levels
    author_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class VerdictFlag(IdMixin, Base):
    """A coach's "the judge got this wrong" on one verdict of the answer's report, with what
    the judge said then, so the judge can later be checked against coaches."""

    __tablename__ = "verdict_flags"
    __table_args__ = (UniqueConstraint("answer_id", "verdict"),)

    answer_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("answers.id", ondelete="CASCADE"), index=True
    )
    verdict: Mapped[str] = mapped_column(String(40))  # "content", "point:2", "star:result"
    judged: Mapped[str] = mapped_column(Text)  # what the judge's verdict said
    reason: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
