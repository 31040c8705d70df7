"""Progress on behalf of its owner: reflections on sessions (with the coach's response), topic
mastery, and trends and best and worst answers read from the sessions' report snapshots."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from rehearse.errors import NotFound
from rehearse.feedback.coaching import coach_reflection
from rehearse.feedback.measures import Score
from rehearse.feedback.progress import AnswerResult, Trend, best_and_worst, session_result, trends
from rehearse.interviews.models import InterviewSession
from rehearse.interviews.service import InterviewService
from rehearse.progress import repository
from rehearse.progress.models import ReflectionNote, TopicMastery
from rehearse.reports.service import snapshot_of, snapshots_of


class ProgressService:
    def __init__(self, session: Session, interviews: InterviewService) -> None:
        self.db = session
        self.interviews = interviews

    def reflections(self, session_id: uuid.UUID) -> Sequence[ReflectionNote]:
        return repository.reflections_in(self.db, self.interviews.get(session_id).id)

    def reflect(self, session_id: uuid.UUID, text: str) -> ReflectionNote:
        """Keep the note with a coaching response to it, from the session's latest report."""
        interview = self.interviews.get(session_id)
        snapshot = snapshot_of(self.db, interview.id)
        scores = [Score.from_dict(s) for s in (snapshot.data.get("scores", []) if snapshot else [])]
        note = ReflectionNote(
            session_id=interview.id, text=text, coach_response=coach_reflection(text, scores)
        )
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

    def overview(self) -> Overview:
        """Every session, oldest first, with what its report says; trends over those reported."""
        sessions = sorted(self.interviews.all(), key=_when)
        snapshots = snapshots_of(self.db, sessions)
        results = [
            session_result(snapshots[s.id], _when(s).isoformat())
            for s in sessions
            if s.id in snapshots
        ]
        best, worst = best_and_worst(results)
        return Overview(
            sessions=[
                SessionAt(
                    s.id, s.title, s.status.value, _when(s), snapshots.get(s.id, {}).get("overall")
                )
                for s in sessions
            ],
            trends=trends(results),
            best=best,
            worst=worst,
            topics=list(self.topic_mastery()),
        )


@dataclass(frozen=True)
class SessionAt:
    id: uuid.UUID
    title: str
    status: str
    when: datetime
    overall: float | None  # the report's overall score; None until it has a report


@dataclass(frozen=True)
class Overview:
    sessions: list[SessionAt]  # oldest first
    trends: list[Trend]
    best: list[AnswerResult]
    worst: list[AnswerResult]
    topics: list[TopicMastery]


def _when(session: InterviewSession) -> datetime:
    return session.completed_at or session.started_at or session.created_at
