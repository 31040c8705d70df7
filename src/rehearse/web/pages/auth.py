"""Who is looking at a page: the browser session cookie, or a redirect to the sign-in page."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import Depends, Request
from fastapi.responses import RedirectResponse

from rehearse.accounts.models import User
from rehearse.errors import NotAuthenticated
from rehearse.web.deps import SESSION_COOKIE, AccountsDep


class SignInRequired(Exception):
    """Raised by ``page_user`` for a signed-out visitor; answered with a redirect."""

    def __init__(self, after: str) -> None:
        super().__init__(after)
        self.after = after


def safe_next(path: str | None, default: str = "/") -> str:
    """``path`` if it is a path on this site (never another host), else ``default``."""
    if not path or not path.startswith("/") or path.startswith("//") or "\\" in path:
        return default
    return path


def optional_user(request: Request, accounts: AccountsDep) -> User | None:
    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie:
        return None
    try:
        user, _ = accounts.user_for_browser_session(cookie, csrf_header=None, unsafe_method=False)
    except NotAuthenticated:
        return None
    return user


OptionalUser = Annotated[User | None, Depends(optional_user)]


def page_user(request: Request, user: OptionalUser) -> User:
    if user is None:
        path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise SignInRequired(path)
    return user


PageUser = Annotated[User, Depends(page_user)]


def sign_in_redirect(_request: Request, exc: Exception) -> RedirectResponse:
    assert isinstance(exc, SignInRequired)
    query = "" if exc.after == "/" else f"?{urlencode({'next': exc.after})}"
    return RedirectResponse(f"/signin{query}", status_code=303)
