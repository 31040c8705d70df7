"""All SQL about reflections and topic mastery."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

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
