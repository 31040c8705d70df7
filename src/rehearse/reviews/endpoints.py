"""Review routes: ``/api/assignments/{id}/class...`` and ``.../attempts/{session_id}/...``.

Coaches only: an assignment of an organisation the caller does not belong to, or an attempt of
someone who is no longer a member, is a 404; a member gets a 403.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Response, status
from fastapi.responses import JSONResponse

from rehearse.assignments.endpoints import public_of
from rehearse.feedback.report import Report
from rehearse.reviews.classes import ClassService
from rehearse.reviews.classview import ClassView
from rehearse.reviews.models import CoachComment, VerdictFlag
from rehearse.reviews.schemas import (
    ClassViewPublic,
    CommentCreate,
    CommentPublic,
    FlagCreate,
    FlagPublic,
    HardQuestionPublic,
    MemberStandingPublic,
    RubricScorePublic,
    RubricUpdate,
)
from rehearse.reviews.service import ReviewService
from rehearse.web.deps import CallerId, ComputeTurn, CurrentUser, RuntimeDep, SessionDep
from rehearse.web.files import blob_response
from rehearse.web.paging import Limit, Offset

router = APIRouter(prefix="/api/assignments/{assignment_id}", tags=["reviews"])
ATTEMPT = "/attempts/{session_id}"
ANSWER = f"{ATTEMPT}/answers/{{answer_id}}"


async def get_reviews(session: SessionDep, runtime: RuntimeDep, user: CurrentUser) -> ReviewService:
    return ReviewService(session, runtime, user.id)


async def get_classes(session: SessionDep, runtime: RuntimeDep, user: CurrentUser) -> ClassService:
    return ClassService(session, runtime, user.id)


Reviews = Annotated[ReviewService, Depends(get_reviews)]
Classes = Annotated[ClassService, Depends(get_classes)]


def _class(view: ClassView, offset: int, limit: int) -> ClassViewPublic:
    return ClassViewPublic(
        assignment=public_of(view.assignment, view.organisation),
        total=view.total,
        counts=dict(view.counts),
        means=dict(view.means),
        hardest=[HardQuestionPublic(**vars(question)) for question in view.hardest],
        members=[
            MemberStandingPublic(
                user_id=m.user.id,
                display_name=m.user.display_name,
                email=m.user.email,
                status=m.status,
                attempts=m.attempts,
                latest_session_id=m.latest_session_id,
                completed_at=m.completed_at,
                overall=m.overall,
                scores=dict(m.scores),
                first_overall=m.first_overall,
                rubric=dict(m.rubric),
            )
            for m in view.members
        ],
        offset=offset,
        limit=limit,
    )


def _comment(comment: CoachComment) -> CommentPublic:
    return CommentPublic(
        id=comment.id,
        answer_id=comment.answer_id,
        body=comment.body,
        at_seconds=comment.at_seconds,
        author_id=comment.author_id,
        created_at=comment.created_at,
    )


def _flag(flag: VerdictFlag) -> FlagPublic:
    return FlagPublic(
        id=flag.id,
        answer_id=flag.answer_id,
        verdict=flag.verdict,
        judged=flag.judged,
        reason=flag.reason,
        created_at=flag.created_at,
    )


@router.get("/class", summary="The class's work on the assignment, a page of members at a time")
def class_view(
    assignment_id: uuid.UUID,
    classes: Classes,
    offset: Offset = 0,
    limit: Limit = 50,
) -> ClassViewPublic:
    return _class(classes.view(assignment_id, offset=offset, limit=limit), offset, limit)


@router.get(
    "/results.csv",
    summary="The class's results as CSV: one row per member, scores and rubric",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}},
)
def results_csv(assignment_id: uuid.UUID, classes: Classes) -> Response:
    text, name = classes.results_csv(assignment_id)
    return Response(
        text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get(
    "/export",
    summary="The whole assignment as JSON: questions, rubric, every attempt's answers and "
    "what coaches said of each",
)
def export(assignment_id: uuid.UUID, classes: Classes) -> dict[str, Any]:
    return classes.export(assignment_id)


@router.get(
    f"{ATTEMPT}/report",
    summary="A member's attempt's report, as the member reads it",
    responses={200: {"model": Report}},
)
def attempt_report(
    assignment_id: uuid.UUID,
    session_id: uuid.UUID,
    _caller: CallerId,
    _turn: ComputeTurn,
    reviews: Reviews,
) -> JSONResponse:
    return JSONResponse(reviews.report(assignment_id, session_id).to_dict())


@router.get(
    f"{ANSWER}/media",
    summary="Watch or download an answer's recording",
    response_class=Response,
)
def answer_media(
    assignment_id: uuid.UUID,
    session_id: uuid.UUID,
    answer_id: uuid.UUID,
    *,
    reviews: Reviews,
    runtime: RuntimeDep,
    wanted: Annotated[str | None, Header(alias="range", description="bytes=START-END")] = None,
) -> Response:
    return blob_response(runtime, reviews.media(assignment_id, session_id, answer_id), wanted)


@router.post(
    f"{ANSWER}/comments",
    status_code=status.HTTP_201_CREATED,
    summary="Comment on an answer, or on a moment of its recording; the member is e-mailed",
)
def comment(
    assignment_id: uuid.UUID,
    session_id: uuid.UUID,
    answer_id: uuid.UUID,
    body: CommentCreate,
    reviews: Reviews,
) -> CommentPublic:
    made = reviews.comment(
        assignment_id, session_id, answer_id, body=body.body, at_seconds=body.at_seconds
    )
    return _comment(made)


@router.delete(
    f"{ANSWER}/comments/{{comment_id}}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a comment",
)
def delete_comment(
    assignment_id: uuid.UUID,
    session_id: uuid.UUID,
    answer_id: uuid.UUID,
    comment_id: uuid.UUID,
    reviews: Reviews,
) -> Response:
    reviews.delete_comment(assignment_id, session_id, answer_id, comment_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.put(f"{ANSWER}/rubric", summary="Score an answer on the assignment's rubric")
def score(
    assignment_id: uuid.UUID,
    session_id: uuid.UUID,
    answer_id: uuid.UUID,
    body: RubricUpdate,
    reviews: Reviews,
) -> list[RubricScorePublic]:
    scores = reviews.score(assignment_id, session_id, answer_id, body.levels)
    return [RubricScorePublic(criterion=s.criterion, level=s.level) for s in scores]


@router.post(
    f"{ANSWER}/flags",
    status_code=status.HTTP_201_CREATED,
    summary="Mark a verdict of the content judge on an answer as wrong; the member is e-mailed",
)
def flag(
    assignment_id: uuid.UUID,
    session_id: uuid.UUID,
    answer_id: uuid.UUID,
    body: FlagCreate,
    reviews: Reviews,
) -> FlagPublic:
    made = reviews.flag(
        assignment_id, session_id, answer_id, verdict=body.verdict, reason=body.reason
    )
    return _flag(made)


@router.delete(
    f"{ANSWER}/flags/{{flag_id}}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Withdraw a flag",
)
def unflag(
    assignment_id: uuid.UUID,
    session_id: uuid.UUID,
    answer_id: uuid.UUID,
    flag_id: uuid.UUID,
    reviews: Reviews,
) -> Response:
    reviews.unflag(assignment_id, session_id, answer_id, flag_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
