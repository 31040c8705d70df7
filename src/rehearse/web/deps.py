"""Dependencies shared by the routes: the runtime, a transactional session, the current user.

Dependencies that only build or pick an object (no I/O) are ``async def``: FastAPI runs them
on the event loop, while every ``def`` dependency costs a trip through the thread pool, which
under a burst means queueing behind the requests that do database work."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from rehearse.accounts.models import BrowserSession, User
from rehearse.accounts.service import AccountService
from rehearse.errors import NotAuthenticated
from rehearse.runtime import Runtime
from rehearse.web.admission import DatabaseGate

SESSION_COOKIE = "rehearse_session"
CSRF_COOKIE = "rehearse_csrf"
CSRF_HEADER = "X-CSRF-Token"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


async def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


async def hold_database_slot(request: Request) -> AsyncIterator[None]:
    """Wait (on the event loop, holding no thread) for a turn at the database."""
    gate: DatabaseGate = request.app.state.database_gate
    async with gate.admitted():
        yield


DatabaseSlot = Annotated[None, Depends(hold_database_slot, scope="function")]


def get_session(runtime: RuntimeDep, _slot: DatabaseSlot) -> Iterator[Session]:
    """One transaction per request, committed before the response is sent. It starts only
    once the request has a database slot, so it always finds a free connection."""
    with runtime.database.transaction() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session, scope="function")]


async def get_accounts(session: SessionDep, runtime: RuntimeDep) -> AccountService:
    return AccountService(session, runtime)


AccountsDep = Annotated[AccountService, Depends(get_accounts)]


@dataclass(frozen=True)
class Caller:
    """Who is calling, and through which browser session if it is a browser."""

    user: User
    browser_session: BrowserSession | None = None


_bearer = HTTPBearer(auto_error=False, description="An access token from /api/auth/token")
_cookie = APIKeyCookie(
    name=SESSION_COOKIE, auto_error=False, description="Set by /api/auth/login; writes need CSRF"
)


def get_caller(
    request: Request,
    accounts: AccountsDep,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    cookie: Annotated[str | None, Depends(_cookie)],
) -> Caller:
    """A bearer access token, or else the session cookie (with CSRF checked on writes)."""
    if bearer is not None:
        return Caller(accounts.user_for_access_token(bearer.credentials))
    if cookie:
        user, record = accounts.user_for_browser_session(
            cookie,
            csrf_header=request.headers.get(CSRF_HEADER),
            unsafe_method=request.method not in _SAFE_METHODS,
        )
        return Caller(user, record)
    raise NotAuthenticated(
        "Sign in first: send 'Authorization: Bearer <access token>' or the session cookie."
    )


CallerDep = Annotated[Caller, Depends(get_caller)]


async def get_current_user(caller: CallerDep) -> User:
    return caller.user


CurrentUser = Annotated[User, Depends(get_current_user)]


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"
