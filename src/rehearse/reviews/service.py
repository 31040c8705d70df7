"""What a coach does with a member's attempt at an assignment: read its report, watch an
answer, comment (on the answer or at a moment of its recording), score the rubric and flag a
judge's verdict. Services flush but never commit.

A coach reaches an attempt only through an assignment of an organisation they coach, and only
while its author is a member there: anyone else, and a coach after the member left, gets a
404; a member gets a 403 (``AssignmentService.coached``).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from rehearse.accounts.models import User
from rehearse.assignments.service import Assigned, AssignmentService
from rehearse.blobs.models import Blob
from rehearse.errors import NotFound, ValidationFailed
from rehearse.feedback.report import Report
from rehearse.interviews.models import Answer, InterviewSession
from rehearse.interviews.repository import answer_in
from rehearse.interviews.service import InterviewService
from rehearse.mail.tasks import queue_mail
from rehearse.reports.service import ReportService, snapshot_of
from rehearse.reviews import emails
from rehearse.reviews.models import CoachComment, RubricScore, VerdictFlag
from rehearse.reviews.repository import flags_on, is_member, last_reviewed_at, scores_on
from rehearse.reviews.verdicts import verdict_said
from rehearse.store.base import utcnow

if TYPE_CHECKING:
    from rehearse.runtime import Runtime

TELL_EVERY = timedelta(minutes=30)  # at most one e-mail an attempt in this long


@dataclass(frozen=True)
class Attempt:
    """A member's attempt, as a coach of its assignment reaches it."""

    assigned: Assigned
    interview: InterviewSession


class ReviewService:
    """Everything the coach ``user_id`` does with members' attempts."""

    def __init__(self, session: Session, runtime: Runtime, user_id: uuid.UUID) -> None:
        self.session = session
        self.runtime = runtime
        self.user_id = user_id
        self.assignments = AssignmentService(session, runtime, user_id)

    def attempt(self, assignment_id: uuid.UUID, session_id: uuid.UUID) -> Attempt:
        assigned = self.assignments.coached(assignment_id)
        interview = self.session.get(InterviewSession, session_id)
        if (
            interview is None
            or interview.assignment_id != assigned.assignment.id
            or not is_member(self.session, assigned.organisation.id, interview.user_id)
        ):
            raise NotFound("No such attempt at this assignment.")
        return Attempt(assigned, interview)

    def report(self, assignment_id: uuid.UUID, session_id: uuid.UUID) -> Report:
        """The attempt's report as its member reads it (and kept as theirs is)."""
        return self._reports(self.attempt(assignment_id, session_id)).report(session_id)

    def answer(
        self, assignment_id: uuid.UUID, session_id: uuid.UUID, answer_id: uuid.UUID
    ) -> tuple[Attempt, Answer]:
        attempt = self.attempt(assignment_id, session_id)
        answer = answer_in(self.session, attempt.interview.id, answer_id)
        if answer is None:
            raise NotFound(
                "This answer is not in the attempt: its member may have deleted it. Reload "
                "the attempt's report."
            )
        return attempt, answer

    def media(self, assignment_id: uuid.UUID, session_id: uuid.UUID, answer_id: uuid.UUID) -> Blob:
        _, answer = self.answer(assignment_id, session_id, answer_id)
        if answer.media is None:
            raise NotFound("This answer has no recording: it was typed.")
        return answer.media

    # Comments.

    def comment(
        self,
        assignment_id: uuid.UUID,
        session_id: uuid.UUID,
        answer_id: uuid.UUID,
        *,
        body: str,
        at_seconds: float | None,
    ) -> CoachComment:
        """A comment on the answer, or on the moment ``at_seconds`` into its recording; the
        member is told by e-mail."""
        attempt, answer = self.answer(assignment_id, session_id, answer_id)
        text = body.strip()
        if not text:
            raise ValidationFailed("Write the comment first.")
        if at_seconds is not None:
            if answer.media is None:
                raise ValidationFailed(
                    "This answer was typed: comment on the answer, not on a moment of it."
                )
            length = answer.duration_seconds
            if at_seconds < 0 or (length is not None and at_seconds > length + 1):
                raise ValidationFailed(
                    f"The moment {at_seconds:.0f} s is outside the recording"
                    + (f" ({length:.0f} s long)." if length is not None else ".")
                )
        told_lately = self._told_lately(attempt)
        comment = CoachComment(
            answer_id=answer.id, author_id=self.user_id, body=text, at_seconds=at_seconds
        )
        self.session.add(comment)
        self.session.flush()
        if not told_lately:
            self._tell_member(attempt, "left a comment")
        return comment

    def delete_comment(
        self,
        assignment_id: uuid.UUID,
        session_id: uuid.UUID,
        answer_id: uuid.UUID,
        comment_id: uuid.UUID,
    ) -> None:
        _, answer = self.answer(assignment_id, session_id, answer_id)
        comment = self.session.get(CoachComment, comment_id)
        if comment is None or comment.answer_id != answer.id:
            raise NotFound("No such comment on this answer.")
        self.session.delete(comment)
        self.session.flush()

    # The rubric.

    def score(
        self,
        assignment_id: uuid.UUID,
        session_id: uuid.UUID,
        answer_id: uuid.UUID,
        levels: Mapping[str, int | None],
    ) -> list[RubricScore]:
        """Set the answer's level on each named criterion (None clears it); the others stay.
        Returns every score the answer has now."""
        attempt, answer = self.answer(assignment_id, session_id, answer_id)
        rubric = {c["name"]: len(c["levels"]) for c in attempt.assigned.assignment.rubric}
        if not rubric:
            raise ValidationFailed("This assignment has no rubric to score.")
        for criterion, level in levels.items():
            if criterion not in rubric:
                raise ValidationFailed(f"The rubric has no criterion {criterion!r}.")
            if level is not None and not 1 <= level <= rubric[criterion]:
                raise ValidationFailed(
                    f"{criterion!r} has levels 1 to {rubric[criterion]}; {level} is not one."
                )
        kept = {s.criterion: s for s in scores_on(self.session, answer.id)}
        for criterion, level in levels.items():
            existing = kept.get(criterion)
            if level is None:
                if existing is not None:
                    self.session.delete(existing)
                    del kept[criterion]
            elif existing is None:
                kept[criterion] = RubricScore(
                    answer_id=answer.id, criterion=criterion, level=level, author_id=self.user_id
                )
                self.session.add(kept[criterion])
            else:
                existing.level, existing.author_id, existing.updated_at = (
                    level,
                    self.user_id,
                    utcnow(),
                )
        self.session.flush()
        return list(kept.values())

    # Flags.

    def flag(
        self,
        assignment_id: uuid.UUID,
        session_id: uuid.UUID,
        answer_id: uuid.UUID,
        *,
        verdict: str,
        reason: str,
    ) -> VerdictFlag:
        """Mark one of the judge's verdicts on the answer as wrong, keeping what it said; the
        member is told, and sees it beside the verdict."""
        attempt, answer = self.answer(assignment_id, session_id, answer_id)
        judged = verdict_said(self._answer_report(attempt, answer), verdict)
        flag = next(
            (f for f in flags_on(self.session, answer.id) if f.verdict == verdict), None
        ) or VerdictFlag(answer_id=answer.id, verdict=verdict)
        flag.judged, flag.reason, flag.author_id = judged, reason.strip(), self.user_id
        told_lately = self._told_lately(attempt)
        self.session.add(flag)
        self.session.flush()
        if not told_lately:
            self._tell_member(attempt, "marked a verdict of the content judge as wrong")
        return flag

    def unflag(
        self,
        assignment_id: uuid.UUID,
        session_id: uuid.UUID,
        answer_id: uuid.UUID,
        flag_id: uuid.UUID,
    ) -> None:
        _, answer = self.answer(assignment_id, session_id, answer_id)
        flag = self.session.get(VerdictFlag, flag_id)
        if flag is None or flag.answer_id != answer.id:
            raise NotFound("No such flag on this answer.")
        self.session.delete(flag)
        self.session.flush()

    # Helpers.

    def _reports(self, attempt: Attempt) -> ReportService:
        interviews = InterviewService(self.session, self.runtime, attempt.interview.user_id)
        return ReportService(self.session, self.runtime, interviews)

    def _answer_report(self, attempt: Attempt, answer: Answer) -> dict[str, object]:
        """The answer's question in the attempt's kept report (made now if it has none)."""
        stored = snapshot_of(self.session, attempt.interview.id)
        data = (
            stored.data if stored else self._reports(attempt).report(attempt.interview.id).to_dict()
        )
        for item in data.get("answers", []):
            if item.get("question_id") == str(answer.question_id):
                return dict(item)
        raise ValidationFailed(
            "Only an answer to one of the attempt's questions has verdicts to flag."
        )

    def _told_lately(self, attempt: Attempt) -> bool:
        """Whether the member was told of a comment or flag on this attempt within
        ``TELL_EVERY``: a coach's review of a whole attempt sends one e-mail, not one each."""
        last = last_reviewed_at(self.session, attempt.interview.id)
        return last is not None and utcnow() - last < TELL_EVERY

    def _tell_member(self, attempt: Attempt, what: str) -> None:
        member = self.session.get_one(User, attempt.interview.user_id)
        coach = self.session.get_one(User, self.user_id)
        settings = self.runtime.settings
        assignment = attempt.assigned.assignment
        queue_mail(
            self.session,
            self.runtime.queue,
            to=member.email,
            subject=emails.FEEDBACK_SUBJECT.format(assignment=assignment.title),
            text=emails.feedback_text(
                coach.display_name,
                assignment.title,
                attempt.assigned.organisation.name,
                what,
                f"{settings.resolved_public_url}/sessions/{attempt.interview.id}",
            ),
            sender=settings.mail_from,
            user_id=self.user_id,
        )
