"""Interview sessions and what is recorded in them, always on behalf of their owner.

Another user's session, question or answer is reported as not found, never as forbidden,
so ids leak nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, BinaryIO

from sqlalchemy.orm import Session

from rehearse.analysis.media import probe_recording
from rehearse.assignments.models import Assignment
from rehearse.blobs import service as blobs
from rehearse.blobs.models import Blob
from rehearse.blobs.sniff import FileKind
from rehearse.errors import Conflict, NotFound, ValidationFailed
from rehearse.inputs import storable
from rehearse.interviews import repository
from rehearse.interviews.models import (
    Answer,
    InterviewSession,
    InterviewType,
    Question,
    QuestionKind,
    SessionStatus,
)
from rehearse.interviews.plans import (
    DraftedPlan,
    PlanBrief,
    document_text,
    draft_plan,
    plan_summary,
)
from rehearse.interviews.schemas import QuestionCreate, SessionCreate, SessionUpdate
from rehearse.interviews.tasks import ANALYZE_ANSWER, GRADE_CODE
from rehearse.interviews.turns import Turn, take_turn
from rehearse.jobs.service import enqueue
from rehearse.progress.repository import mastery_of
from rehearse.reports.judging import queue_judgement, queue_warm_up
from rehearse.store.base import utcnow

MAX_CALIBRATION_BYTES = 20 * 1024 * 1024  # a few seconds of camera are a few megabytes

if TYPE_CHECKING:
    from rehearse.runtime import Runtime


_KINDS = {kind.value for kind in QuestionKind}


class InterviewService:
    def __init__(self, session: Session, runtime: Runtime, user_id: uuid.UUID) -> None:
        self.db = session
        self.runtime = runtime
        self.user_id = user_id

    # Sessions.

    def create(self, data: SessionCreate) -> InterviewSession:
        interview = InterviewSession(user_id=self.user_id, **data.model_dump())
        self.db.add(interview)
        self.db.flush()
        return interview

    def all(self) -> Sequence[InterviewSession]:
        return repository.sessions_of(self.db, self.user_id)

    def get(self, session_id: uuid.UUID) -> InterviewSession:
        interview = repository.session_of(self.db, self.user_id, session_id)
        if interview is None:
            raise NotFound("No such interview session.")
        return interview

    def update(self, session_id: uuid.UUID, changes: SessionUpdate) -> InterviewSession:
        interview = self.get(session_id)
        for field, value in changes.model_dump(exclude_unset=True).items():
            if value is None:
                raise ValidationFailed(f"{field} cannot be null.")
            setattr(interview, field, value)
        self.db.flush()
        return interview

    def delete(self, session_id: uuid.UUID) -> None:
        """Delete a session with its questions, answers, reports and stored files."""
        interview = self.get(session_id)
        for blob in repository.blobs_of_session(self.db, interview):
            blobs.delete_blob(self.db, self.runtime.blobs, blob)
        self.db.delete(interview)

    # The résumé.

    def attach_resume(
        self, session_id: uuid.UUID, stream: BinaryIO, filename: str
    ) -> InterviewSession:
        interview = self.get(session_id)
        blob = blobs.store_upload(
            self.db,
            self.runtime.blobs,
            owner_id=self.user_id,
            stream=stream,
            filename=storable(filename),
            kind=FileKind.DOCUMENT,
            max_bytes=self.runtime.settings.max_document_bytes,
        )
        # Read now, so a document that cannot be read is refused here (and the earlier
        # résumé kept: this transaction rolls back) rather than when the interview is planned.
        self._document_text(blob)
        previous = interview.resume
        interview.resume = blob
        if previous is not None:
            blobs.delete_blob(self.db, self.runtime.blobs, previous)
        self.db.flush()
        return interview

    def resume(self, session_id: uuid.UUID) -> Blob:
        interview = self.get(session_id)
        if interview.resume is None:
            raise NotFound("This session has no résumé yet.")
        return interview.resume

    def remove_resume(self, session_id: uuid.UUID) -> None:
        interview = self.get(session_id)
        if interview.resume is not None:
            blobs.delete_blob(self.db, self.runtime.blobs, interview.resume)
            interview.resume = None

    # The camera.

    def calibrate(self, session_id: uuid.UUID, clip: BinaryIO) -> InterviewSession:
        """Learn where the candidate's eyes point when they look at the lens, from a few
        seconds of them doing so; every later video answer of the session is judged by it."""
        interview = self.get(session_id)
        footage = clip.read(MAX_CALIBRATION_BYTES + 1)
        if len(footage) > MAX_CALIBRATION_BYTES:
            raise ValidationFailed(
                "The calibration clip is too long: record about 3 seconds of looking at the camera."
            )
        calibration = self.runtime.video_analyzer.calibrate(footage)
        if calibration is None:
            raise ValidationFailed(
                "Your eyes could not be seen clearly enough to calibrate. Face the camera in "
                "good light, look into the lens for 3 seconds, and try again."
            )
        interview.gaze_calibration = asdict(calibration)
        return interview

    # The plan.

    def prepare(
        self, session_id: uuid.UUID, *, interview_type: str | None = None, length: int | None = None
    ) -> InterviewSession:
        """Plan the interview from the job description and the résumé, replacing any earlier
        plan; questions the user was asked in earlier sessions are not asked again. (The API
        route takes the same three steps with no connection held while it drafts.)"""
        brief = self.plan_brief(session_id, interview_type=interview_type, length=length)
        return self.store_plan(session_id, draft_plan(brief, self.runtime))

    def plan_brief(
        self, session_id: uuid.UUID, *, interview_type: str | None = None, length: int | None = None
    ) -> PlanBrief:
        """What planning the session needs from the database, checked for a plan to be made."""
        interview = self.get(session_id)
        if not interview.job_description.strip():
            raise ValidationFailed("Paste the job description first: the plan is built from it.")
        self._refuse_if_answered(interview)
        resume = interview.resume
        return PlanBrief(
            job_description=interview.job_description,
            resume=(resume.key, resume.content_type) if resume is not None else None,
            interview_type=interview_type or interview.interview_type.value,
            length=length or interview.question_count,
            mastery={row.topic: row.rating for row in mastery_of(self.db, self.user_id)},
            asked_before=tuple(repository.bank_questions_asked(self.db, self.user_id)),
        )

    def store_plan(self, session_id: uuid.UUID, drafted: DraftedPlan) -> InterviewSession:
        """Replace the session's questions with the drafted plan's (refused if it has been
        answered since the plan was drafted)."""
        interview = self.get(session_id)
        self._refuse_if_answered(interview)
        plan = drafted.plan
        for question in list(interview.questions):
            self.db.delete(question)
        self.db.flush()
        for position, planned in enumerate(plan.questions, start=1):
            self.db.add(
                Question(
                    session_id=interview.id,
                    position=position,
                    text=planned.text,
                    kind=QuestionKind(planned.kind if planned.kind in _KINDS else "technical"),
                    topic=planned.topic,
                    difficulty=planned.difficulty,
                    reason=planned.reason,
                    source=planned.source,
                    key_points=list(planned.key_points),
                )
            )
        interview.plan = plan_summary(plan, drafted.resume)
        interview.interview_type = InterviewType(plan.interview_type)
        interview.status = SessionStatus.READY
        self.db.flush()
        self.db.expire(interview, ["questions"])
        if self.runtime.settings.llm != "off":
            queue_warm_up(self.db, self.runtime.queue, self.user_id)
        return interview

    def _refuse_if_answered(self, interview: InterviewSession) -> None:
        if repository.answers_in(self.db, interview.id):
            raise Conflict("This session already has answers; start a new session to plan again.")

    def _document_text(self, blob: Blob) -> str:
        return document_text(self.runtime, blob.key, blob.content_type)

    # Questions.

    def questions(self, session_id: uuid.UUID) -> list[Question]:
        return list(self.get(session_id).questions)

    def add_question(self, session_id: uuid.UUID, data: QuestionCreate) -> Question:
        interview = self.get(session_id)
        question = Question(
            session_id=interview.id,
            position=repository.next_position(self.db, interview.id),
            reason="Added by the candidate.",
            **data.model_dump(),
        )
        self.db.add(question)
        self.db.flush()
        return question

    def question(self, session_id: uuid.UUID, question_id: uuid.UUID) -> Question:
        question = repository.question_in(self.db, self.get(session_id).id, question_id)
        if question is None:
            raise NotFound("No such question in this session.")
        return question

    # Answers.

    def record_answer(
        self,
        session_id: uuid.UUID,
        question_id: uuid.UUID,
        *,
        text: str,
        media: BinaryIO | None,
        filename: str = "",
        practice: bool = False,
    ) -> Answer:
        """Store a spoken (media) or typed (text) answer to one question; with ``practice``, an
        attempt to practise it again, outside the interview (docs/practice.md)."""
        question = self.question(session_id, question_id)
        if media is None and not text.strip():
            raise ValidationFailed("Send a recording, a typed answer, or both.")
        blob, has_video = None, False
        if media is not None:
            blob = blobs.store_upload(
                self.db,
                self.runtime.blobs,
                owner_id=self.user_id,
                stream=media,
                filename=storable(filename),
                kind=FileKind.MEDIA,
                max_bytes=self.runtime.settings.max_upload_bytes,
            )
            # Its type is known now; its sound is checked before the answer is recorded, as
            # the calibration clip is, so a file that cannot be decoded is refused here (its
            # bytes go with the rolled-back transaction), not when its analysis job runs.
            has_video = probe_recording(media)
        self._check_assignment(question, has_video=has_video, practice=practice)
        answer = Answer(
            question_id=question.id, session_id=question.session_id, text=text, media=blob,
            practice=practice,
        )  # fmt: skip
        self.db.add(answer)
        interview = question.session
        if not practice and interview.status in (SessionStatus.DRAFT, SessionStatus.READY):
            interview.status, interview.started_at = SessionStatus.IN_PROGRESS, utcnow()
        self.db.flush()
        # Code is graded by its hidden tests; a recording is transcribed and measured.
        coding = question.coding_problem is not None and bool(text.strip())
        kind = GRADE_CODE if coding else ANALYZE_ANSWER if blob is not None else None
        if kind is not None:
            job = enqueue(
                self.db,
                self.runtime.queue,
                kind=kind,
                payload={"answer_id": str(answer.id)},
                user_id=self.user_id,
            )
            answer.analysis_job_id = job.id
        elif text.strip():  # a typed answer: judged now (a recording, once transcribed)
            attempt = answer.id if practice else None
            queue_judgement(self.db, self.runtime.queue, question.id, self.user_id, attempt)
        return answer

    def _check_assignment(self, question: Question, *, has_video: bool, practice: bool) -> None:
        """An attempt at an assignment keeps to its rules: video when it asks for video (a
        coding question's code excepted), and no more tries at a question than it allows."""
        assignment_id = question.session.assignment_id
        assignment = self.db.get(Assignment, assignment_id) if assignment_id else None
        if assignment is None:
            return
        if assignment.video_required and not has_video and question.coding_problem is None:
            raise ValidationFailed(
                "This assignment asks for video: turn on your camera and record the answer again."
            )
        tries = 1 + len(repository.attempts_at(self.db, question.id))
        if practice and tries >= assignment.attempts_allowed:
            raise Conflict(
                f"This assignment allows {assignment.attempts_allowed} attempts at each "
                "question, and this one has had them all."
            )

    def answers(self, session_id: uuid.UUID) -> Sequence[Answer]:
        return repository.answers_in(self.db, self.get(session_id).id)

    def answer(self, session_id: uuid.UUID, answer_id: uuid.UUID) -> Answer:
        answer = repository.answer_in(self.db, self.get(session_id).id, answer_id)
        if answer is None:
            raise NotFound("No such answer in this session.")
        return answer

    def turn(
        self, session_id: uuid.UUID, answer_id: uuid.UUID, live_id: uuid.UUID | None = None
    ) -> Turn:
        """What the interviewer says after this answer: a follow-up, or the next question."""
        answer = self.answer(session_id, answer_id)
        if answer.practice:
            raise Conflict("A practice attempt is not part of the interview: it has no turn.")
        return take_turn(self.db, self.runtime.rewriter, self.user_id, answer, live_id)

    def answer_media(self, session_id: uuid.UUID, answer_id: uuid.UUID) -> Blob:
        answer = self.answer(session_id, answer_id)
        if answer.media is None:
            raise NotFound("This answer has no recording.")
        return answer.media

    def delete_answer(self, session_id: uuid.UUID, answer_id: uuid.UUID) -> None:
        answer = self.answer(session_id, answer_id)
        if answer.media is not None:
            blobs.delete_blob(self.db, self.runtime.blobs, answer.media)
        self.db.delete(answer)
