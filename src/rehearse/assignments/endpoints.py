"""Assignment routes: made in ``/api/organisations/{id}/assignments``, then
``/api/assignments/...``.

Every route needs a signed-in account. An assignment of an organisation the caller does not
belong to is a 404; a member asking for a coach's work gets a 403.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Response, status

from rehearse.assignments.models import Assignment
from rehearse.assignments.questions import bank_topics
from rehearse.assignments.schemas import (
    AssignmentCreate,
    AssignmentPage,
    AssignmentPublic,
    AssignmentUpdate,
    BankTopic,
    MyAssignment,
    MyAssignmentPage,
)
from rehearse.assignments.service import Assigned, AssignmentService, Standing
from rehearse.interviews.schemas import SessionPublic
from rehearse.web.deps import CurrentUser, RuntimeDep, SessionDep
from rehearse.web.paging import Limit, Offset

router = APIRouter(tags=["assignments"])


async def get_assignments(
    session: SessionDep, runtime: RuntimeDep, user: CurrentUser
) -> AssignmentService:
    return AssignmentService(session, runtime, user.id)


Assignments = Annotated[AssignmentService, Depends(get_assignments)]


def public(assigned: Assigned) -> AssignmentPublic:
    return public_of(assigned.assignment, assigned.organisation.name)


def public_of(assignment: Assignment, organisation_name: str) -> AssignmentPublic:
    return AssignmentPublic(
        id=assignment.id,
        organisation_id=assignment.organisation_id,
        organisation_name=organisation_name,
        title=assignment.title,
        instructions=assignment.instructions,
        role=assignment.role,
        interview_type=assignment.interview_type,
        questions=assignment.questions,
        due_at=assignment.due_at,
        attempts_allowed=assignment.attempts_allowed,
        video_required=assignment.video_required,
        rubric=assignment.rubric,
        created_at=assignment.created_at,
    )


def _standing(standing: Standing) -> MyAssignment:
    return MyAssignment(
        assignment=public_of(standing.assignment, standing.organisation_name),
        status=standing.status,
        attempts_used=len(standing.attempts),
        latest_session_id=standing.attempts[-1].id if standing.attempts else None,
    )


@router.post(
    "/api/organisations/{organisation_id}/assignments",
    status_code=status.HTTP_201_CREATED,
    summary="Give the organisation an assignment (coaches)",
)
def create(
    organisation_id: uuid.UUID, body: AssignmentCreate, assignments: Assignments
) -> AssignmentPublic:
    return public(assignments.create(organisation_id, body))


@router.get(
    "/api/organisations/{organisation_id}/assignments",
    summary="The organisation's assignments, soonest due first, a page at a time",
)
def of_organisation(
    organisation_id: uuid.UUID, assignments: Assignments, offset: Offset = 0, limit: Limit = 50
) -> AssignmentPage:
    rows, total = assignments.of_organisation(organisation_id, offset=offset, limit=limit)
    return AssignmentPage(items=[public(r) for r in rows], total=total, offset=offset, limit=limit)


@router.get(
    "/api/assignments",
    summary="Your assignments in every organisation you are a member of, with your status",
)
def mine(assignments: Assignments, offset: Offset = 0, limit: Limit = 50) -> MyAssignmentPage:
    rows, total = assignments.mine(offset=offset, limit=limit)
    return MyAssignmentPage(
        items=[_standing(r) for r in rows], total=total, offset=offset, limit=limit
    )


@router.get("/api/assignments/topics", summary="The question bank's topics, to assign from")
def topics(user: CurrentUser) -> list[BankTopic]:
    return [BankTopic(**topic) for topic in bank_topics()]


@router.get("/api/assignments/{assignment_id}", summary="One assignment of your organisations")
def get(assignment_id: uuid.UUID, assignments: Assignments) -> AssignmentPublic:
    return public(assignments.get(assignment_id))


@router.patch(
    "/api/assignments/{assignment_id}",
    summary="Change an assignment's title, instructions, due date, attempts or video rule "
    "(coaches)",
)
def update(
    assignment_id: uuid.UUID, body: AssignmentUpdate, assignments: Assignments
) -> AssignmentPublic:
    return public(assignments.update(assignment_id, body))


@router.delete(
    "/api/assignments/{assignment_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete an assignment (coaches); the members keep their attempts as their own",
)
def delete(assignment_id: uuid.UUID, assignments: Assignments) -> Response:
    assignments.delete(assignment_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/api/assignments/{assignment_id}/attempts",
    status_code=status.HTTP_201_CREATED,
    summary="Start an attempt: an interview session of your own with its questions",
)
def start(assignment_id: uuid.UUID, assignments: Assignments) -> SessionPublic:
    return SessionPublic.model_validate(assignments.start(assignment_id))
