"""All SQL about reflections and topic mastery."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from rehearse.interviewer.mastery import START, update_rating
from rehearse.progress.models import ReflectionNote, TopicMastery


def reflections_in(db: Session, session_id: uuid.UUID) -> Sequence[ReflectionNote]:
    return db.scalars(
        select(ReflectionNote)
        .where(ReflectionNote.session_id == session_id)
        .order_by(ReflectionNote.created_at)
    ).all()


def reflection_in(
    db: Session, session_id: uuid.UUID, reflection_id: uuid.UUID
) -> ReflectionNote | None:
    return db.scalar(
        select(ReflectionNote).where(
            ReflectionNote.id == reflection_id, ReflectionNote.session_id == session_id
        )
    )


def mastery_of(db: Session, user_id: uuid.UUID) -> Sequence[TopicMastery]:
    return db.scalars(
        select(TopicMastery).where(TopicMastery.user_id == user_id).order_by(TopicMastery.topic)
    ).all()


def record_mastery(
    db: Session,
    user_id: uuid.UUID,
    topic: str,
    difficulty: int,
    score: float,
    *,
    practice: bool = False,
) -> TopicMastery:
    """Move the user's rating in ``topic`` after an answer graded ``score`` (0..1); with
    ``practice``, a practice attempt's."""
    row = db.scalar(
        select(TopicMastery).where(TopicMastery.user_id == user_id, TopicMastery.topic == topic)
    )
    if row is None:
        row = TopicMastery(
            user_id=user_id, topic=topic, rating=START, answers=0, practice_attempts=0
        )
        db.add(row)
    row.rating = update_rating(row.rating, difficulty, score)
    row.answers += 1
    row.practice_attempts += practice
    return row
