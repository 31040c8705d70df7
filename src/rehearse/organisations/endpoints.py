"""Organisation routes: ``/api/organisations/...``.

Every route needs a signed-in account. An organisation the caller does not belong to is a 404
(its existence does not leak); a member asking for a coach's work gets a 403.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response, status

from rehearse.organisations.models import Invite, Role
from rehearse.organisations.schemas import (
    InviteAccept,
    InviteCreate,
    InvitePage,
    InvitePublic,
    JoinCodeCreate,
    JoinCodePublic,
    JoinRequest,
    MemberPage,
    MemberPublic,
    OrganisationCreate,
    OrganisationPage,
    OrganisationPublic,
    RoleUpdate,
)
from rehearse.organisations.service import Belonging, MemberRow, OrganisationService
from rehearse.web.deps import CurrentUser, RuntimeDep, SessionDep, client_ip
from rehearse.web.paging import Limit, Offset

router = APIRouter(prefix="/api/organisations", tags=["organisations"])


async def get_organisations(
    session: SessionDep, runtime: RuntimeDep, user: CurrentUser
) -> OrganisationService:
    return OrganisationService(session, runtime, user.id)


Organisations = Annotated[OrganisationService, Depends(get_organisations)]


def _public(belonging: Belonging) -> OrganisationPublic:
    organisation, role = belonging.organisation, belonging.role
    return OrganisationPublic(
        id=organisation.id,
        name=organisation.name,
        role=role,
        created_at=organisation.created_at,
        join_code_expires_at=organisation.join_code_expires_at if role is Role.COACH else None,
    )


def _member(row: MemberRow) -> MemberPublic:
    return MemberPublic(
        user_id=row.user.id,
        display_name=row.user.display_name,
        email=row.user.email,
        role=row.membership.role,
        joined_at=row.membership.joined_at,
    )


def _invite(invite: Invite) -> InvitePublic:
    return InvitePublic(
        id=invite.id,
        email=invite.email,
        role=invite.role,
        created_at=invite.created_at,
        expires_at=invite.expires_at,
    )


@router.post(
    "", status_code=status.HTTP_201_CREATED, summary="Create an organisation; you are its coach"
)
def create(body: OrganisationCreate, organisations: Organisations) -> OrganisationPublic:
    return _public(organisations.create(body.name))


@router.get("", summary="The organisations you belong to, with your role in each, a page at a time")
def mine(organisations: Organisations, offset: Offset = 0, limit: Limit = 50) -> OrganisationPage:
    items = [_public(belonging) for belonging in organisations.mine(offset=offset, limit=limit)]
    total = organisations.count_mine()
    return OrganisationPage(items=items, total=total, offset=offset, limit=limit)


@router.post("/join", summary="Join an organisation as a member with its join code")
def join(body: JoinRequest, request: Request, organisations: Organisations) -> OrganisationPublic:
    return _public(organisations.join(body.code, client_ip=client_ip(request)))


@router.post("/invites/accept", summary="Accept an invitation e-mailed to your account's address")
def accept(body: InviteAccept, organisations: Organisations) -> OrganisationPublic:
    return _public(organisations.accept(body.token))


@router.get("/{organisation_id}", summary="One of your organisations")
def get(organisation_id: uuid.UUID, organisations: Organisations) -> OrganisationPublic:
    return _public(organisations.get(organisation_id))


@router.patch("/{organisation_id}", summary="Rename an organisation (coaches)")
def rename(
    organisation_id: uuid.UUID, body: OrganisationCreate, organisations: Organisations
) -> OrganisationPublic:
    return _public(organisations.rename(organisation_id, body.name))


@router.delete(
    "/{organisation_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete an organisation (coaches): its coaches' access ends; members keep their "
    "own sessions",
)
def delete(organisation_id: uuid.UUID, organisations: Organisations) -> Response:
    organisations.delete(organisation_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/{organisation_id}/members", summary="The members, a page at a time (coaches)")
def members(
    organisation_id: uuid.UUID,
    organisations: Organisations,
    offset: Offset = 0,
    limit: Limit = 50,
) -> MemberPage:
    rows, total = organisations.members(organisation_id, offset=offset, limit=limit)
    return MemberPage(items=[_member(r) for r in rows], total=total, offset=offset, limit=limit)


@router.patch(
    "/{organisation_id}/members/{user_id}", summary="Make a member a coach, or back (coaches)"
)
def set_role(
    organisation_id: uuid.UUID, user_id: uuid.UUID, body: RoleUpdate, organisations: Organisations
) -> MemberPublic:
    return _member(organisations.set_role(organisation_id, user_id, body.role))


@router.delete(
    "/{organisation_id}/members/{user_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Remove a member (coaches), or leave (your own id); the last coach cannot leave",
)
def remove(
    organisation_id: uuid.UUID, user_id: uuid.UUID, organisations: Organisations
) -> Response:
    organisations.remove(organisation_id, user_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/{organisation_id}/invites",
    status_code=status.HTTP_201_CREATED,
    summary="E-mail an invitation link (coaches)",
)
def invite(
    organisation_id: uuid.UUID, body: InviteCreate, organisations: Organisations
) -> InvitePublic:
    return _invite(organisations.invite(organisation_id, str(body.email), body.role))


@router.get(
    "/{organisation_id}/invites", summary="The pending invitations, a page at a time (coaches)"
)
def invites(
    organisation_id: uuid.UUID,
    organisations: Organisations,
    offset: Offset = 0,
    limit: Limit = 50,
) -> InvitePage:
    rows, total = organisations.invites(organisation_id, offset=offset, limit=limit)
    return InvitePage(items=[_invite(i) for i in rows], total=total, offset=offset, limit=limit)


@router.delete(
    "/{organisation_id}/invites/{invite_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Withdraw an invitation (coaches)",
)
def revoke(
    organisation_id: uuid.UUID, invite_id: uuid.UUID, organisations: Organisations
) -> Response:
    organisations.revoke(organisation_id, invite_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/{organisation_id}/join-code",
    status_code=status.HTTP_201_CREATED,
    summary="A new join code, shown this once; the one before stops working (coaches)",
)
def new_join_code(
    organisation_id: uuid.UUID, body: JoinCodeCreate, organisations: Organisations
) -> JoinCodePublic:
    made = organisations.new_join_code(organisation_id, body.days)
    return JoinCodePublic(code=made.code, expires_at=made.expires_at)


@router.delete(
    "/{organisation_id}/join-code",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Stop the join code working (coaches)",
)
def end_join_code(organisation_id: uuid.UUID, organisations: Organisations) -> Response:
    organisations.end_join_code(organisation_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
