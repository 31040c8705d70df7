"""Progress on behalf of its owner: reflections on sessions (with the coach's response), topic
mastery, trends and best and worst answers read from the sessions' report snapshots, and the
questions to practise again, chosen by the judge's verdict on each one's latest attempt."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from rehearse.errors import NotFound
from rehearse.feedback.coaching import coach_reflection
from rehearse.feedback.measures import Score
from rehearse.feedback.practice.content import counted_score
from rehearse.feedback.practice.to_practise import Reason, to_practise
from rehearse.feedback.progress import AnswerResult, Trend, best_and_worst, session_result, trends
from rehearse.interviews import repository as interviews_repository
from rehearse.interviews.models import Answer, InterviewSession, Question
from rehearse.interviews.service import InterviewService
from rehearse.progress import repository
from rehearse.progress.models import ReflectionNote, TopicMastery
from rehearse.reports.judging import OFF, content_verdict
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

    def questions_to_practise(self) -> Practising:
        """Across the user's sessions, each question whose latest attempt (its latest practice
        attempt, else the interview's answer) the judge found off topic, weak or missing a key
        point or a story's part, weakest first; and those whose latest attempt is not judged
        (the judge off, still judging, or unable to run), newest session first. Coding questions are
        graded by their tests, not by the judge, and are not among them."""
        listed: list[QuestionToPractise] = []
        unjudged: list[QuestionToPractise] = []
        for interview in self.interviews.all():
            answers = interviews_repository.answers_in(self.db, interview.id)
            for question in interview.questions:
                given = [a for a in answers if a.question_id == question.id]
                if question.coding_problem is not None or not any(map(_heard, given)):
                    continue
                item = self._latest(interview, question, given)
                if item.score is None:
                    unjudged.append(item)
                elif item.reasons:
                    listed.append(item)
        listed.sort(key=lambda item: (item.score, -item.when.timestamp()))
        return Practising(listed, unjudged)

    def _latest(
        self, interview: InterviewSession, question: Question, given: Sequence[Answer]
    ) -> QuestionToPractise:
        """The question with the judge's verdict on its latest attempt."""
        attempts = [a for a in given if a.practice]
        heard = [a for a in attempts if _heard(a)]
        latest = heard[-1:] or [a for a in given if not a.practice]
        verdict = content_verdict(self.db, self.interviews.runtime, question, latest)
        judged = verdict.judgement if verdict is not None else None
        why = to_practise(judged) if judged is not None else None
        note = OFF if verdict is None else verdict.note or (judged.note if judged else "")
        return QuestionToPractise(
            session_id=interview.id,
            session_title=interview.title,
            question_id=question.id,
            question=question.text,
            topic=question.topic,
            position=question.position,
            latest="practice" if heard else "interview",
            attempts=len(attempts),
            when=latest[-1].created_at,
            score=counted_score(judged) if judged is not None else None,
            reasons=why.reasons if why is not None else (),
            missing=why.missing if why is not None else (),
            note=note,
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


@dataclass(frozen=True)
class QuestionToPractise:
    session_id: uuid.UUID
    session_title: str
    question_id: uuid.UUID
    question: str
    topic: str
    position: int
    latest: str  # "practice": a practice attempt; "interview": the interview's answer
    attempts: int  # practice attempts so far
    when: datetime  # when the latest attempt was given
    score: float | None  # the judge's content score as counted; None: not judged
    reasons: tuple[Reason, ...]  # empty: strong enough, or not judged
    missing: tuple[str, ...]  # the parts and key points said missing
    note: str  # why there is no judgement yet; "" when judged

    @property
    def practise(self) -> str:
        """The page that practises the question again."""
        return f"/sessions/{self.session_id}/questions/{self.question_id}/practise"


@dataclass(frozen=True)
class Practising:
    questions: list[QuestionToPractise]  # to practise, weakest first
    not_judged: list[QuestionToPractise]  # their latest attempt not judged (yet)


def _heard(answer: Answer) -> bool:
    """Whether an attempt says something to judge, or may once transcribed: a recording
    that failed with nothing typed, or a silent one, is no attempt at the content."""
    coming = answer.media is not None and answer.status.analysing
    return coming or bool((answer.text or answer.transcript).strip())


def _when(session: InterviewSession) -> datetime:
    return session.completed_at or session.started_at or session.created_at
