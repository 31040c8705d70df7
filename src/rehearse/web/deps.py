"""Dependencies shared by the routes: the runtime, a transactional session, the current user.

Dependencies that only build or pick an object (no I/O) are ``async def``: FastAPI runs them
on the event loop, while every ``def`` dependency costs a trip through the thread pool, which
under a burst means queueing behind the requests that do database work.

A route lists a CPU turn (``CpuTurn``, ``ComputeTurn``) before anything that opens its
transaction: FastAPI resolves dependencies in that order, so the request queues for the CPU
holding no database slot, and releases the slot before the turn."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from typing import Annotated, TypeVar

from fastapi import Depends, Request
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from rehearse.accounts.models import BrowserSession, User
from rehearse.accounts.service import AccountService
from rehearse.errors import NotAuthenticated
from rehearse.runtime import Runtime
from rehearse.web.admission import Gate

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
    gate: Gate = request.app.state.database_gate
    async with gate.admitted():
        yield


DatabaseSlot = Annotated[None, Depends(hold_database_slot, scope="function")]


async def take_cpu_turn(request: Request) -> AsyncIterator[None]:
    """Wait for a turn at short CPU-bound work: hashing or checking a password (argon2, a
    fifth of a second of a core), reading an uploaded document."""
    gate: Gate = request.app.state.cpu_gate
    async with gate.admitted():
        yield


CpuTurn = Annotated[None, Depends(take_cpu_turn, scope="function")]


async def take_compute_turn(request: Request) -> AsyncIterator[None]:
    """Wait for a turn at the long computations: planning an interview, building a report."""
    gate: Gate = request.app.state.compute_gate
    async with gate.admitted():
        yield


ComputeTurn = Annotated[None, Depends(take_compute_turn, scope="function")]

T = TypeVar("T")


async def in_transaction(request: Request, work: Callable[[Session], T]) -> T:
    """``work(session)`` in a transaction of its own, on a thread, once a database slot is
    free: for routes that hold no connection between their reads and their writes."""
    runtime: Runtime = request.app.state.runtime
    gate: Gate = request.app.state.database_gate

    def run() -> T:
        with runtime.database.transaction() as session:
            return work(session)

    async with gate.admitted():
        return await run_in_threadpool(run)


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


BearerDep = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
CookieDep = Annotated[str | None, Depends(_cookie)]


def get_caller(
    request: Request, accounts: AccountsDep, bearer: BearerDep, cookie: CookieDep
) -> Caller:
    """A bearer access token, or else the session cookie (with CSRF checked on writes)."""
    return identify(request, accounts, bearer, cookie)


def identify(
    request: Request,
    accounts: AccountService,
    bearer: HTTPAuthorizationCredentials | None,
    cookie: str | None,
) -> Caller:
    """Who sent ``request``: by its bearer token, or else its session cookie."""
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


async def get_caller_id(
    request: Request, runtime: RuntimeDep, bearer: BearerDep, cookie: CookieDep
) -> uuid.UUID:
    """The signed-in user's id, checked in a short transaction of its own, for routes that
    must not hold a connection while they compute."""

    def check(session: Session) -> uuid.UUID:
        return identify(request, AccountService(session, runtime), bearer, cookie).user.id

    return await in_transaction(request, check)


CallerId = Annotated[uuid.UUID, Depends(get_caller_id)]


async def get_current_user(caller: CallerDep) -> User:
    return caller.user


CurrentUser = Annotated[User, Depends(get_current_user)]


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"
