"""The organisation pages: joining a class by an e-mailed invitation or a coach's code."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from rehearse.web.pages.auth import PageUser
from rehearse.web.pages.templating import render

router = APIRouter(include_in_schema=False)

Invite = Annotated[str, Query(max_length=256)]


@router.get("/join")
def join(request: Request, user: PageUser, invite: Invite = "") -> Response:
    """The invitation e-mail's link (accepted as the page opens) and the join-code form."""
    return render(request, "join.html", user=user, active="", invite=invite)
