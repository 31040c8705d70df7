"""Request and response bodies of the account routes."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from rehearse.inputs import InputModel

Password = Field(min_length=1, max_length=1024)


class SignUp(InputModel):
    email: EmailStr
    password: str = Password
    display_name: str = Field(default="", max_length=120)


class Credentials(InputModel):
    email: EmailStr
    password: str = Password


class TokenBody(InputModel):
    token: str = Field(min_length=1, max_length=256)


class RefreshBody(InputModel):
    refresh_token: str = Field(min_length=1, max_length=256)


class ForgotPassword(InputModel):
    email: EmailStr


class ResetPassword(InputModel):
    token: str = Field(min_length=1, max_length=256)
    new_password: str = Password


class ChangePassword(InputModel):
    current_password: str = Password
    new_password: str = Password


class ProfileUpdate(InputModel):
    display_name: str = Field(min_length=1, max_length=120)


class DeleteAccount(InputModel):
    password: str = Password


class UserPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    email: str
    display_name: str
    email_confirmed: bool
    is_admin: bool
    created_at: datetime


class TokenPairPublic(BaseModel):
    token_type: str = "bearer"  # noqa: S105 (the OAuth token type)
    access_token: str
    access_expires_at: datetime
    refresh_token: str
    refresh_expires_at: datetime


class BrowserLoginPublic(BaseModel):
    user: UserPublic
    csrf_token: str
    expires_at: datetime
