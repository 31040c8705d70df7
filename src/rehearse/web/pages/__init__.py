"""The web app's pages: server-rendered Jinja2 templates with small ES-module scripts.

``install_pages(app)`` adds the page routes, the static files under ``/static`` and the
redirect of signed-out visitors to the sign-in page.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import RedirectResponse

from rehearse.web.pages.account_pages import router as account_router
from rehearse.web.pages.app_pages import router as app_router
from rehearse.web.pages.assignment_pages import router as assignment_router
from rehearse.web.pages.auth import SignInRequired, sign_in_redirect
from rehearse.web.pages.organisation_pages import router as organisation_router
from rehearse.web.pages.static_files import StaticAssets
from rehearse.web.pages.templating import static_url

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


def install_pages(app: FastAPI) -> None:
    app.mount("/static", StaticAssets(directory=STATIC_DIR), name="static")
    app.add_exception_handler(SignInRequired, sign_in_redirect)
    app.include_router(account_router)
    app.include_router(app_router)
    app.include_router(organisation_router)
    app.include_router(assignment_router)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> RedirectResponse:
        return RedirectResponse(static_url("favicon.svg"), status_code=301)
