"""Request and response bodies of the organisation routes."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, EmailStr, Field

from rehearse.inputs import InputModel
from rehearse.organisations.models import Role
from rehearse.organisations.service import JOIN_CODE_DAYS, MAX_JOIN_CODE_DAYS


class OrganisationCreate(InputModel):
    name: str = Field(min_length=1, max_length=120)


class OrganisationPublic(BaseModel):
    id: uuid.UUID
    name: str
    role: Role  # the caller's own
    created_at: datetime
    join_code_expires_at: datetime | None  # shown to coaches; None for members


class MemberPublic(BaseModel):
    user_id: uuid.UUID
    display_name: str
    email: str
    role: Role
    joined_at: datetime


class OrganisationPage(BaseModel):
    items: list[OrganisationPublic]
    total: int
    offset: int
    limit: int


class MemberPage(BaseModel):
    items: list[MemberPublic]
    total: int
    offset: int
    limit: int


class RoleUpdate(InputModel):
    role: Role


class InviteCreate(InputModel):
    email: EmailStr
    role: Role = Role.MEMBER


class InvitePublic(BaseModel):
    id: uuid.UUID
    email: str
    role: Role
    created_at: datetime
    expires_at: datetime


class InvitePage(BaseModel):
    items: list[InvitePublic]
    total: int
    offset: int
    limit: int


class InviteAccept(InputModel):
    token: str = Field(min_length=1, max_length=200)


class JoinCodeCreate(InputModel):
    days: int = Field(default=JOIN_CODE_DAYS, ge=1, le=MAX_JOIN_CODE_DAYS)


class JoinCodePublic(BaseModel):
    code: str  # shown this once: only its hash is kept
    expires_at: datetime


class JoinRequest(InputModel):
    code: str = Field(min_length=1, max_length=40)
