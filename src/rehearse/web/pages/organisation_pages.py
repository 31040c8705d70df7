"""The organisation pages ("classes" on the page): the ones you belong to, one class as its
coaches and members see it, and joining by an e-mailed invitation or a coach's code.

They read through ``OrganisationService``, as the API does, so a class you are not in is a 404
page and a member sees no coach's tools; the scripts call the API."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from rehearse.assignments.questions import bank_topics
from rehearse.assignments.service import AssignmentService
from rehearse.errors import NotFound
from rehearse.organisations.models import Role
from rehearse.organisations.service import OrganisationService
from rehearse.reviews.classes import ClassService
from rehearse.web.deps import RuntimeDep, SessionDep
from rehearse.web.pages.app_pages import not_found
from rehearse.web.pages.auth import PageUser
from rehearse.web.pages.templating import render
from rehearse.web.paging import Offset

router = APIRouter(include_in_schema=False)

Invite = Annotated[str, Query(max_length=256)]
MEMBERS_PER_PAGE = 50  # at most MAX_PAGE, as the API's pages
ASSIGNMENTS_SHOWN = 50
INVITES_SHOWN = 50  # the newest pending invitations


@router.get("/classes")
def classes(request: Request, user: PageUser, db: SessionDep, runtime: RuntimeDep) -> Response:
    mine = OrganisationService(db, runtime, user.id).mine()
    return render(request, "classes.html", user=user, active="classes", belongings=mine)


@router.get("/classes/{organisation_id}")
def one_class(
    organisation_id: str,
    request: Request,
    *,
    user: PageUser,
    db: SessionDep,
    runtime: RuntimeDep,
    offset: Offset = 0,
) -> Response:
    organisations = OrganisationService(db, runtime, user.id)
    try:
        belonging = organisations.get(uuid.UUID(organisation_id))
    except (ValueError, NotFound):
        return not_found(request, user)
    coach = belonging.role is Role.COACH
    assignments = AssignmentService(db, runtime, user.id)
    standings, _ = assignments.standings(
        belonging.organisation.id, offset=0, limit=ASSIGNMENTS_SHOWN
    )
    pending, pending_total = (
        organisations.invites(belonging.organisation.id, offset=0, limit=INVITES_SHOWN)
        if coach
        else ([], 0)
    )
    members, total = (
        organisations.members(belonging.organisation.id, offset=offset, limit=MEMBERS_PER_PAGE)
        if coach
        else ([], 0)
    )
    return render(
        request,
        "class.html",
        user=user,
        active="classes",
        organisation=belonging.organisation,
        coach=coach,
        members=members,
        total=total,
        offset=offset,
        per_page=MEMBERS_PER_PAGE,
        invites=pending,
        pending_total=pending_total,
        standings=standings,
        means=ClassService(db, runtime, user.id).means(belonging.organisation.id) if coach else {},
        topics=bank_topics() if coach else [],
    )


@router.get("/join")
def join(request: Request, user: PageUser, invite: Invite = "") -> Response:
    """The invitation e-mail's link (accepted as the page opens) and the join-code form."""
    return render(request, "join.html", user=user, active="classes", invite=invite)
