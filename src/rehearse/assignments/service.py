"""What coaches and members do with assignments. Services flush but never commit.

Who may see what follows the organisation (``OrganisationService``): an assignment exists,
for an account, only if the account belongs to its organisation (a 404 otherwise); a member
asking for a coach's work gets a 403.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from rehearse.assignments import questions, repository
from rehearse.assignments.models import Assignment
from rehearse.assignments.schemas import (
    AssignmentCreate,
    AssignmentUpdate,
    Criterion,
    FromBank,
    FromJob,
)
from rehearse.assignments.status import Status, attempt_status
from rehearse.errors import Conflict, NotFound, ValidationFailed
from rehearse.interviews.models import (
    InterviewSession,
    InterviewType,
    Question,
    QuestionKind,
    SessionStatus,
)
from rehearse.organisations.models import Organisation, Role
from rehearse.organisations.service import OrganisationService
from rehearse.reports.judging import queue_warm_up
from rehearse.store.base import utcnow

if TYPE_CHECKING:
    from rehearse.runtime import Runtime

_KINDS = {kind.value for kind in QuestionKind}


@dataclass(frozen=True)
class Assigned:
    """An assignment as one account sees it: its organisation and the account's role there."""

    assignment: Assignment
    organisation: Organisation
    role: Role


@dataclass(frozen=True)
class Standing:
    """Where a member stands with one assignment."""

    assignment: Assignment
    organisation_name: str
    status: Status
    attempts: list[InterviewSession]


class AssignmentService:
    """Everything ``user_id`` does with assignments, over one database session."""

    def __init__(self, session: Session, runtime: Runtime, user_id: uuid.UUID) -> None:
        self.session = session
        self.runtime = runtime
        self.user_id = user_id
        self.organisations = OrganisationService(session, runtime, user_id)

    # Coaches.

    def create(self, organisation_id: uuid.UUID, data: AssignmentCreate) -> Assigned:
        organisation = self.organisations.coached(organisation_id)
        if data.due_at <= utcnow():
            raise ValidationFailed("The due date has passed: choose a date in the future.")
        _check_rubric(data.rubric)
        source = data.questions
        if isinstance(source, FromBank):
            chosen = questions.from_bank(source.topics, source.difficulty, source.count)
        elif isinstance(source, FromJob):
            chosen = questions.from_job(
                self.runtime, source.job_description, source.interview_type.value, source.count
            )
        else:
            chosen = questions.written(source.questions)
        if not chosen:
            raise ValidationFailed("An assignment needs at least one question.")
        assignment = Assignment(
            organisation_id=organisation.id,
            title=_title(data.title),
            instructions=data.instructions.strip(),
            role=data.role.strip(),
            job_description=source.job_description if isinstance(source, FromJob) else "",
            interview_type=_interview_type(source, chosen),
            questions=chosen,
            due_at=data.due_at,
            attempts_allowed=data.attempts_allowed,
            video_required=data.video_required,
            rubric=[criterion.model_dump() for criterion in data.rubric],
            created_by_id=self.user_id,
        )
        self.session.add(assignment)
        self.session.flush()
        return Assigned(assignment, organisation, Role.COACH)

    def coached(self, assignment_id: uuid.UUID) -> Assigned:
        """The assignment, if this account coaches its organisation (a 403 for members)."""
        assigned = self.get(assignment_id)
        self.organisations.coached(assigned.organisation.id)
        return assigned

    def update(self, assignment_id: uuid.UUID, changes: AssignmentUpdate) -> Assigned:
        """A new title, instructions, due date (in the future), attempts allowed or video
        rule; the questions and rubric stay as the attempts were answered against them."""
        assigned = self.coached(assignment_id)
        assignment = assigned.assignment
        given = changes.model_dump(exclude_unset=True)
        if any(value is None for value in given.values()):
            raise ValidationFailed("A field to change cannot be null: leave it out instead.")
        if changes.due_at is not None and changes.due_at <= utcnow():
            raise ValidationFailed("The due date has passed: choose a date in the future.")
        if changes.title is not None:
            given["title"] = _title(changes.title)
        if changes.instructions is not None:
            given["instructions"] = changes.instructions.strip()
        for field, value in given.items():
            setattr(assignment, field, value)
        self.session.flush()
        return assigned

    def delete(self, assignment_id: uuid.UUID) -> None:
        """The assignment goes; the members' attempts stay theirs, as their own practice."""
        self.session.delete(self.coached(assignment_id).assignment)
        self.session.flush()

    # Everyone in the organisation.

    def get(self, assignment_id: uuid.UUID) -> Assigned:
        """The assignment, if this account belongs to its organisation (a 404 otherwise)."""
        assignment = self.session.get(Assignment, assignment_id)
        if assignment is None:
            raise NotFound("No such assignment.")
        try:
            belonging = self.organisations.get(assignment.organisation_id)
        except NotFound:
            raise NotFound("No such assignment.") from None
        return Assigned(assignment, belonging.organisation, belonging.role)

    def of_organisation(
        self, organisation_id: uuid.UUID, *, offset: int, limit: int
    ) -> tuple[list[Assigned], int]:
        belonging = self.organisations.get(organisation_id)
        rows, total = repository.page_of(self.session, organisation_id, offset=offset, limit=limit)
        return [Assigned(a, belonging.organisation, belonging.role) for a in rows], total

    # Members.

    def mine(self, *, offset: int, limit: int) -> tuple[list[Standing], int]:
        """One page of the assignments of the organisations this account is a member of,
        soonest due first, with where it stands with each."""
        rows, total = repository.assigned_to(self.session, self.user_id, offset=offset, limit=limit)
        return self._standings(rows), total

    def standings(
        self, organisation_id: uuid.UUID, *, offset: int, limit: int
    ) -> tuple[list[Standing], int]:
        """One page of one organisation's assignments, with where this account stands."""
        assigned, total = self.of_organisation(organisation_id, offset=offset, limit=limit)
        return self._standings([(a.assignment, a.organisation.name) for a in assigned]), total

    def standing(self, assignment_id: uuid.UUID) -> Standing:
        assigned = self.get(assignment_id)
        return self._standings([(assigned.assignment, assigned.organisation.name)])[0]

    def _standings(self, rows: list[tuple[Assignment, str]]) -> list[Standing]:
        attempts = repository.attempts_of(
            self.session, [assignment.id for assignment, _ in rows], [self.user_id]
        )
        now = utcnow()
        standings = []
        for assignment, name in rows:
            tried = attempts.get((assignment.id, self.user_id), [])
            status = attempt_status(tried, assignment.due_at, now)
            standings.append(Standing(assignment, name, status, tried))
        return standings

    def start(self, assignment_id: uuid.UUID) -> InterviewSession:
        """A new attempt: an interview session of the caller's own with the assignment's
        questions, ready to take (refused once the attempts allowed are used)."""
        assignment = self.get(assignment_id).assignment
        used = repository.attempt_count(self.session, assignment.id, self.user_id)
        if used >= assignment.attempts_allowed:
            raise Conflict(
                f"You have used all {assignment.attempts_allowed} attempts this assignment "
                "allows: open your last attempt's report, or ask your coach for another."
            )
        interview = InterviewSession(
            user_id=self.user_id,
            title=assignment.title,
            role=assignment.role,
            job_description=assignment.job_description,
            interview_type=InterviewType(assignment.interview_type),
            question_count=len(assignment.questions),
            plan=_plan_of(assignment),
            status=SessionStatus.READY,
            assignment_id=assignment.id,
        )
        self.session.add(interview)
        self.session.flush()
        for position, row in enumerate(assignment.questions, start=1):
            self.session.add(_question(interview.id, position, row))
        self.session.flush()
        if self.runtime.settings.llm != "off":
            queue_warm_up(self.session, self.runtime.queue, self.user_id)
        return interview


def _title(text: str) -> str:
    title = " ".join(text.split())
    if not title:
        raise ValidationFailed("Give the assignment a title.")
    return title


def _check_rubric(rubric: list[Criterion]) -> None:
    names = [" ".join(criterion.name.split()).casefold() for criterion in rubric]
    if len(set(names)) != len(names):
        raise ValidationFailed("Two rubric criteria have the same name: give each its own.")
    for criterion in rubric:
        if len(criterion.levels) < 2:
            raise ValidationFailed(
                f"The rubric criterion {criterion.name!r} needs at least two levels "
                "(from the lowest up), so a score on it means something."
            )


def _interview_type(source: Any, chosen: list[dict[str, Any]]) -> str:
    if isinstance(source, FromJob):
        return source.interview_type.value
    kinds = {row["kind"] for row in chosen}
    if kinds <= {"behavioural"}:
        return InterviewType.BEHAVIOURAL.value
    return (
        InterviewType.TECHNICAL.value if "behavioural" not in kinds else InterviewType.MIXED.value
    )


def _plan_of(assignment: Assignment) -> dict[str, Any]:
    notes = [assignment.instructions] if assignment.instructions else []
    return {
        "role": assignment.role,
        "interview_type": assignment.interview_type,
        "focus": [],
        "notes": notes,
        "assignment": {"id": str(assignment.id), "title": assignment.title},
    }


def _question(session_id: uuid.UUID, position: int, row: dict[str, Any]) -> Question:
    kind = row.get("kind", "")
    return Question(
        session_id=session_id,
        position=position,
        text=row["text"],
        kind=QuestionKind(kind if kind in _KINDS else "technical"),
        topic=row.get("topic", ""),
        difficulty=int(row.get("difficulty", 3)),
        reason=row.get("reason", ""),
        source=row.get("source", ""),
        key_points=list(row.get("key_points", [])),
    )
