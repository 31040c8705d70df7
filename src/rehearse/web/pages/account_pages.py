"""The signed-out pages: sign in, sign up, forgot and reset password, confirm e-mail.

Their forms post to the account API from the page's script; the e-mailed links point here.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from rehearse.web.pages.auth import OptionalUser, safe_next
from rehearse.web.pages.templating import render

router = APIRouter(include_in_schema=False)

Next = Annotated[str | None, Query(alias="next")]
Token = Annotated[str, Query(max_length=256)]


@router.get("/signin")
def sign_in(request: Request, user: OptionalUser, after: Next = None) -> Response:
    if user is not None:
        return RedirectResponse(safe_next(after), status_code=303)
    return render(request, "signin.html", user=None, after=safe_next(after))


@router.get("/signup")
def sign_up(request: Request, user: OptionalUser) -> Response:
    if user is not None:
        return RedirectResponse("/", status_code=303)
    return render(request, "signup.html", user=None)


@router.get("/forgot-password")
def forgot_password(request: Request, user: OptionalUser) -> Response:
    return render(request, "forgot.html", user=user)


@router.get("/reset-password")
def reset_password(request: Request, user: OptionalUser, token: Token = "") -> Response:
    return render(request, "reset.html", user=user, token=token)


@router.get("/confirm-email")
def confirm_email(request: Request, user: OptionalUser, token: Token = "") -> Response:
    return render(request, "confirm.html", user=user, token=token)
