"""An interview session, its questions, the answers given and what analysis found in them."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from rehearse.store.base import Base, IdMixin, TimestampMixin, utcnow
from rehearse.store.enums import enum_column

if TYPE_CHECKING:
    from rehearse.blobs.models import Blob


class SessionStatus(StrEnum):
    DRAFT = "draft"
    READY = "ready"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"


class InterviewType(StrEnum):
    BEHAVIOURAL = "behavioural"
    TECHNICAL = "technical"
    MIXED = "mixed"
    CODING = "coding"


class QuestionKind(StrEnum):
    BEHAVIOURAL = "behavioural"
    TECHNICAL = "technical"
    SCENARIO = "scenario"
    PROJECT = "project"
    CODING = "coding"
    FOLLOW_UP = "follow_up"
    CLARIFICATION = "clarification"


class AnswerStatus(StrEnum):
    RECEIVED = "received"
    PROCESSING = "processing"
    ANALYSED = "analysed"
    FAILED = "failed"

    @property
    def analysing(self) -> bool:
        """Whether the answer's recording is still to be analysed (received, or being)."""
        return self in (AnswerStatus.RECEIVED, AnswerStatus.PROCESSING)


class InterviewSession(IdMixin, TimestampMixin, Base):
    __tablename__ = "interview_sessions"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    company: Mapped[str] = mapped_column(String(200), default="")
    job_description: Mapped[str] = mapped_column(Text, default="")
    resume_blob_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("blobs.id", ondelete="SET NULL")
    )
    interview_type: Mapped[InterviewType] = mapped_column(
        enum_column(InterviewType), default=InterviewType.MIXED
    )
    question_count: Mapped[int] = mapped_column(default=8)
    plan: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[SessionStatus] = mapped_column(
        enum_column(SessionStatus), default=SessionStatus.DRAFT
    )
    started_at: Mapped[datetime | None]
    completed_at: Mapped[datetime | None]
    # Where this candidate's eyes point when they look at the lens (video/gaze.py), from the
    # "look at the camera for 3 seconds" step; None until they take it.
    gaze_calibration: Mapped[dict[str, Any] | None] = mapped_column(default=None)
    # The organisation's assignment this session is an attempt at (docs/architecture.md,
    # "Assignments"); None for the candidate's own practice. Its coaches see the session only
    # while the candidate is a member, and never when this is None.
    assignment_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("assignments.id", ondelete="SET NULL"), index=True
    )

    resume: Mapped[Blob | None] = relationship(lazy="joined")
    questions: Mapped[list[Question]] = relationship(
        back_populates="session", order_by="Question.position", passive_deletes=True
    )


class Question(IdMixin, Base):
    __tablename__ = "questions"
    __table_args__ = (UniqueConstraint("session_id", "position"),)

    session_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("interview_sessions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[QuestionKind] = mapped_column(enum_column(QuestionKind))
    topic: Mapped[str] = mapped_column(String(80), default="")
    difficulty: Mapped[int] = mapped_column(default=3)
    reason: Mapped[str] = mapped_column(Text, default="")
    # Where the question came from: "bank:<id>", "coding:<id>", "project", "candidate" or "llm".
    source: Mapped[str] = mapped_column(String(80), default="", server_default="")
    key_points: Mapped[list[Any]] = mapped_column(default=list)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    session: Mapped[InterviewSession] = relationship(back_populates="questions")

    @property
    def coding_problem(self) -> str | None:
        """The coding problem it asks to solve (``source`` "coding:<id>"); None otherwise."""
        return self.source.removeprefix("coding:") if self.source.startswith("coding:") else None


class Answer(IdMixin, TimestampMixin, Base):
    """One attempt at a question: a recording, typed text, or both, and what was heard."""

    __tablename__ = "answers"

    question_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    session_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("interview_sessions.id", ondelete="CASCADE"), index=True
    )
    media_blob_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("blobs.id", ondelete="SET NULL")
    )
    text: Mapped[str] = mapped_column(Text, default="")
    transcript: Mapped[str] = mapped_column(Text, default="")
    words: Mapped[list[Any]] = mapped_column(default=list)
    duration_seconds: Mapped[float | None]
    status: Mapped[AnswerStatus] = mapped_column(
        enum_column(AnswerStatus), default=AnswerStatus.RECEIVED
    )
    error: Mapped[str] = mapped_column(Text, default="")
    analysis_job_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("jobs.id", ondelete="SET NULL")
    )
    # Given to practise the question again (docs/practice.md): analysed and judged on its own,
    # never part of the interview's conversation or scores (the report shows it apart).
    practice: Mapped[bool] = mapped_column(default=False, server_default=false())

    media: Mapped[Blob | None] = relationship(lazy="joined")


class AnalysisResult(IdMixin, Base):
    """What one analyzer (speech, video, content) found in one answer, as a JSON document."""

    __tablename__ = "analysis_results"
    __table_args__ = (UniqueConstraint("answer_id", "kind"),)

    answer_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("answers.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    version: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class LiveTranscript(IdMixin, Base):
    """What the live captions read while a question was answered out loud, kept until the
    answer's turn claims it (then it becomes the answer's "live" analysis and this row goes).

    Written by the server from the candidate's own authenticated socket, never sent by a
    client; the id is the token that socket was given, claimable only by the same user for an
    answer to the same question.
    """

    __tablename__ = "live_transcripts"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    words: Mapped[list[Any]] = mapped_column(default=list)
    heard_seconds: Mapped[float]
    model: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
