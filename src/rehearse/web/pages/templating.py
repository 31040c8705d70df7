"""Rendering the pages: Jinja2 templates from ``rehearse/web/templates``, autoescaped and strict.

Every page is sent with a Content-Security-Policy that allows scripts, styles and connections
from this server only, so nothing is fetched from elsewhere and injected markup cannot run.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined, select_autoescape

from rehearse import __version__
from rehearse.feedback.measures import label_for
from rehearse.feedback.segments import clock
from rehearse.interviewer.mastery import POINTS_PER_LEVEL, START
from rehearse.reports.render.html import TEMPLATE_HELPERS

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",  # inline style attributes: score bars' widths
        "img-src 'self' data: blob:",
        "media-src 'self' blob:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
PAGE_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Cache-Control": "no-store",
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}


def day(moment: datetime | str | None) -> str:
    """A date (or an ISO 8601 text) as "14 Mar 2025"; "" when there is none."""
    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment)
        except ValueError:
            return str(moment)
    return "" if moment is None else f"{moment.day} {moment:%b %Y}"


def mastery_level(rating: float) -> float:
    """A topic rating on the question bank's difficulty scale, 1 to 5 (see interviewer.mastery)."""
    return min(5.0, max(1.0, 3.0 + (rating - START) / POINTS_PER_LEVEL))


def static_url(path: str) -> str:
    """The address of a file in ``static/``, tagged with the version so upgrades are fetched."""
    return f"/static/{path}?v={__version__}"


@cache
def environment() -> Environment:
    env = Environment(
        # The report's templates too: the dashboard draws its charts with the same marks.
        loader=ChoiceLoader(
            [
                PackageLoader("rehearse.web", "templates"),
                PackageLoader("rehearse.reports.render", "templates"),
            ]
        ),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        TEMPLATE_HELPERS,
        static=static_url,
        day=day,
        mastery_level=mastery_level,
        version=__version__,
        label_for=label_for,
        clock=clock,
    )
    return env


def render(
    request: Request, template: str, *, status_code: int = 200, **context: Any
) -> HTMLResponse:
    """``template`` rendered with ``context`` (and the request) as an HTML response."""
    page = environment().get_template(template).render(request=request, **context)
    return HTMLResponse(page, status_code=status_code, headers=PAGE_HEADERS)
