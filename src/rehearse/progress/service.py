"""Reflections on sessions and topic mastery, on behalf of their owner."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.orm import Session

from rehearse.errors import NotFound
from rehearse.interviews.service import InterviewService
from rehearse.progress import repository
from rehearse.progress.models import ReflectionNote, TopicMastery


class ProgressService:
    def __init__(self, session: Session, interviews: InterviewService) -> None:
        self.db = session
        self.interviews = interviews

    def reflections(self, session_id: uuid.UUID) -> Sequence[ReflectionNote]:
        return repository.reflections_in(self.db, self.interviews.get(session_id).id)

    def reflect(self, session_id: uuid.UUID, text: str) -> ReflectionNote:
        note = ReflectionNote(session_id=self.interviews.get(session_id).id, text=text)
        self.db.add(note)
        self.db.flush()
        return note

    def delete_reflection(self, session_id: uuid.UUID, reflection_id: uuid.UUID) -> None:
        note = repository.reflection_in(self.db, self.interviews.get(session_id).id, reflection_id)
        if note is None:
            raise NotFound("No such reflection in this session.")
        self.db.delete(note)

    def topic_mastery(self) -> Sequence[TopicMastery]:
        return repository.mastery_of(self.db, self.interviews.user_id)
