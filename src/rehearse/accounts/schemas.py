"""Request and response bodies of the account routes."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, EmailStr, Field

Password = Field(min_length=1, max_length=1024)


class SignUp(BaseModel):
    email: EmailStr
    password: str = Password
    display_name: str = Field(default="", max_length=120)


class Credentials(BaseModel):
    email: EmailStr
    password: str = Password


class TokenBody(BaseModel):
    token: str = Field(min_length=1, max_length=256)


class RefreshBody(BaseModel):
    refresh_token: str = Field(min_length=1, max_length=256)


class ForgotPassword(BaseModel):
    email: EmailStr


class ResetPassword(BaseModel):
    token: str = Field(min_length=1, max_length=256)
    new_password: str = Password


class ChangePassword(BaseModel):
    current_password: str = Password
    new_password: str = Password


class ProfileUpdate(BaseModel):
    display_name: str = Field(min_length=1, max_length=120)


class DeleteAccount(BaseModel):
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
