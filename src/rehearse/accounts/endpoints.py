"""Account routes: ``/api/auth/*`` and ``/api/me``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from fastapi import APIRouter, Request, Response, status
from fastapi.responses import StreamingResponse

from rehearse.accounts.schemas import (
    BrowserLoginPublic,
    ChangePassword,
    Credentials,
    DeleteAccount,
    ForgotPassword,
    ProfileUpdate,
    RefreshBody,
    ResetPassword,
    SignUp,
    TokenBody,
    TokenPairPublic,
    UserPublic,
)
from rehearse.accounts.service import TokenPair
from rehearse.errors import NotAuthenticated
from rehearse.store.base import utcnow
from rehearse.web.deps import (
    CSRF_COOKIE,
    SESSION_COOKIE,
    AccountsDep,
    CallerDep,
    CpuTurn,
    CurrentUser,
    RuntimeDep,
    client_ip,
)

router = APIRouter(prefix="/api", tags=["accounts"])


def _pair(pair: TokenPair) -> TokenPairPublic:
    return TokenPairPublic(
        access_token=pair.access_token,
        access_expires_at=pair.access_expires_at,
        refresh_token=pair.refresh_token,
        refresh_expires_at=pair.refresh_expires_at,
    )


@router.post(
    "/auth/signup",
    status_code=status.HTTP_201_CREATED,
    summary="Create an account; a confirmation link is e-mailed",
)
def sign_up(body: SignUp, _turn: CpuTurn, accounts: AccountsDep) -> UserPublic:
    user = accounts.sign_up(
        email=body.email, password=body.password, display_name=body.display_name
    )
    return UserPublic.model_validate(user)


@router.post("/auth/confirm-email", summary="Confirm an e-mail address with the mailed token")
def confirm_email(body: TokenBody, accounts: AccountsDep) -> UserPublic:
    return UserPublic.model_validate(accounts.confirm_email(body.token))


@router.post(
    "/auth/confirm-email/resend",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Send the confirmation e-mail again",
)
def resend_confirmation(user: CurrentUser, accounts: AccountsDep) -> dict[str, str]:
    accounts.send_confirmation(user)
    return {"status": "sent" if not user.email_confirmed else "already_confirmed"}


@router.post("/auth/token", summary="Sign in as an API client: an access and a refresh token")
def issue_tokens(
    body: Credentials, request: Request, _turn: CpuTurn, accounts: AccountsDep
) -> TokenPairPublic:
    user = accounts.authenticate(
        email=body.email, password=body.password, client_ip=client_ip(request)
    )
    return _pair(accounts.issue_token_pair(user))


@router.post("/auth/refresh", summary="Trade a refresh token for a new pair (rotation)")
def refresh_tokens(body: RefreshBody, accounts: AccountsDep) -> TokenPairPublic:
    return _pair(accounts.refresh(body.refresh_token))


@router.post(
    "/auth/revoke",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Sign an API client out: revoke its refresh token chain",
)
def revoke_tokens(body: RefreshBody, accounts: AccountsDep) -> None:
    accounts.revoke_refresh_token(body.refresh_token)


@router.post(
    "/auth/login",
    summary="Sign in a browser: sets an HttpOnly session cookie and returns the CSRF token",
)
def browser_login(
    body: Credentials,
    request: Request,
    response: Response,
    _turn: CpuTurn,
    accounts: AccountsDep,
    runtime: RuntimeDep,
) -> BrowserLoginPublic:
    user = accounts.authenticate(
        email=body.email, password=body.password, client_ip=client_ip(request)
    )
    login = accounts.open_browser_session(user, user_agent=request.headers.get("user-agent", ""))
    secure = runtime.settings.secure_cookies
    max_age = runtime.settings.browser_session_days * 86400
    response.set_cookie(
        SESSION_COOKIE,
        login.cookie_token,
        max_age=max_age,
        httponly=True,
        secure=secure,
        samesite="lax",
        path="/",
    )
    # Readable by the page's script, which echoes it in the X-CSRF-Token header.
    response.set_cookie(
        CSRF_COOKIE,
        login.csrf_token,
        max_age=max_age,
        httponly=False,
        secure=secure,
        samesite="lax",
        path="/",
    )
    return BrowserLoginPublic(
        user=UserPublic.model_validate(user),
        csrf_token=login.csrf_token,
        expires_at=login.expires_at,
    )


@router.post("/auth/logout", status_code=status.HTTP_204_NO_CONTENT, summary="Sign a browser out")
def browser_logout(caller: CallerDep, response: Response, accounts: AccountsDep) -> None:
    if caller.browser_session is None:
        raise NotAuthenticated(
            "Only a browser session signs out here; API clients use /api/auth/revoke."
        )
    accounts.close_browser_session(caller.browser_session)
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.delete_cookie(CSRF_COOKIE, path="/")


@router.post(
    "/auth/password/forgot",
    status_code=status.HTTP_202_ACCEPTED,
    summary="E-mail a password reset link (the answer is the same for unknown addresses)",
)
def forgot_password(
    body: ForgotPassword, request: Request, accounts: AccountsDep
) -> dict[str, str]:
    accounts.request_password_reset(email=body.email, client_ip=client_ip(request))
    return {"status": "If an account exists for this address, a reset link is on its way."}


@router.post(
    "/auth/password/reset",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Set a new password with the mailed token; signs out every session",
)
def reset_password(body: ResetPassword, _turn: CpuTurn, accounts: AccountsDep) -> None:
    accounts.reset_password(token=body.token, new_password=body.new_password)


@router.post(
    "/auth/password/change",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Change the password; other sessions and all API tokens stop working",
)
def change_password(
    body: ChangePassword, _turn: CpuTurn, caller: CallerDep, accounts: AccountsDep
) -> None:
    accounts.change_password(
        caller.user,
        current_password=body.current_password,
        new_password=body.new_password,
        keep_browser_session=caller.browser_session.id if caller.browser_session else None,
    )


@router.get("/me", summary="The signed-in user")
def me(user: CurrentUser) -> UserPublic:
    return UserPublic.model_validate(user)


@router.patch("/me", summary="Change your display name")
def update_me(body: ProfileUpdate, user: CurrentUser, accounts: AccountsDep) -> UserPublic:
    return UserPublic.model_validate(accounts.rename(user, body.display_name))


def _chunks(handle: IO[bytes]) -> Iterator[bytes]:
    with handle:
        while chunk := handle.read(1 << 16):
            yield chunk


@router.get(
    "/me/export",
    summary="Download everything you own as a ZIP: sessions, questions, answers, analyses, "
    "reports and reflections as JSON, and your uploaded files",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/zip": {}}}},
)
def export_me(user: CurrentUser, accounts: AccountsDep) -> StreamingResponse:
    archive = accounts.export(user)
    size = archive.seek(0, 2)
    archive.seek(0)
    name = f"rehearse-export-{utcnow():%Y-%m-%d}.zip"
    return StreamingResponse(
        _chunks(archive),
        media_type="application/zip",
        headers={
            "Content-Length": str(size),
            "Content-Disposition": f'attachment; filename="{name}"',
        },
    )


@router.delete(
    "/me",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete your account and everything in it (confirm with your password)",
)
def delete_me(
    body: DeleteAccount,
    _turn: CpuTurn,
    user: CurrentUser,
    response: Response,
    accounts: AccountsDep,
) -> None:
    accounts.delete_account(user, password=body.password)
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.delete_cookie(CSRF_COOKIE, path="/")
