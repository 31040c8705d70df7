"""Interview routes: ``/api/sessions/...``."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Header, Request, UploadFile, status
from fastapi.responses import Response, StreamingResponse
from pydantic import AfterValidator
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from rehearse.inputs import check_storable
from rehearse.interviews.plans import draft_plan
from rehearse.interviews.schemas import (
    AnswerPublic,
    PlanRequest,
    QuestionCreate,
    QuestionPublic,
    SessionCreate,
    SessionPublic,
    SessionUpdate,
    TurnPublic,
    TurnRequest,
)
from rehearse.interviews.service import InterviewService
from rehearse.web.deps import (
    CallerId,
    ComputeTurn,
    CpuTurn,
    CurrentUser,
    RuntimeDep,
    SessionDep,
    in_transaction,
)
from rehearse.web.files import blob_response

router = APIRouter(prefix="/api/sessions", tags=["interviews"])


async def get_interviews(
    session: SessionDep, runtime: RuntimeDep, user: CurrentUser
) -> InterviewService:
    return InterviewService(session, runtime, user.id)


Interviews = Annotated[InterviewService, Depends(get_interviews)]


@router.post("", status_code=status.HTTP_201_CREATED, summary="Start setting up an interview")
def create_session(body: SessionCreate, interviews: Interviews) -> SessionPublic:
    return SessionPublic.model_validate(interviews.create(body))


@router.get("", summary="The signed-in user's interview sessions, newest first")
def list_sessions(interviews: Interviews) -> list[SessionPublic]:
    return [SessionPublic.model_validate(item) for item in interviews.all()]


@router.get("/{session_id}", summary="One interview session")
def get_session(session_id: uuid.UUID, interviews: Interviews) -> SessionPublic:
    return SessionPublic.model_validate(interviews.get(session_id))


@router.patch("/{session_id}", summary="Change a session's set-up")
def update_session(
    session_id: uuid.UUID, body: SessionUpdate, interviews: Interviews
) -> SessionPublic:
    return SessionPublic.model_validate(interviews.update(session_id, body))


@router.delete(
    "/{session_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a session with everything recorded in it",
)
def delete_session(session_id: uuid.UUID, interviews: Interviews) -> None:
    interviews.delete(session_id)


@router.put(
    "/{session_id}/resume",
    summary="Upload the résumé (PDF, DOCX or plain text), replacing any earlier one",
)
def upload_resume(
    session_id: uuid.UUID,
    file: Annotated[UploadFile, File()],
    _turn: CpuTurn,  # the document is read here, to refuse one that cannot be
    interviews: Interviews,
) -> SessionPublic:
    interview = interviews.attach_resume(session_id, file.file, file.filename or "resume")
    return SessionPublic.model_validate(interview)


@router.get("/{session_id}/resume", summary="Download the résumé", response_class=StreamingResponse)
def download_resume(session_id: uuid.UUID, interviews: Interviews, runtime: RuntimeDep) -> Response:
    return blob_response(runtime, interviews.resume(session_id))


@router.delete(
    "/{session_id}/resume", status_code=status.HTTP_204_NO_CONTENT, summary="Remove the résumé"
)
def delete_resume(session_id: uuid.UUID, interviews: Interviews) -> None:
    interviews.remove_resume(session_id)


@router.put(
    "/{session_id}/calibration",
    summary="Calibrate eye contact from about 3 seconds of video of looking into the camera",
)
def calibrate_gaze(
    session_id: uuid.UUID, file: Annotated[UploadFile, File()], interviews: Interviews
) -> SessionPublic:
    return SessionPublic.model_validate(interviews.calibrate(session_id, file.file))


@router.post(
    "/{session_id}/plan",
    summary="Plan the interview from the job description and résumé (replaces the questions)",
)
async def plan_session(
    session_id: uuid.UUID,
    body: PlanRequest,
    request: Request,
    user_id: CallerId,
    _turn: ComputeTurn,
    runtime: RuntimeDep,
) -> SessionPublic:
    """Read what the plan needs, draft it holding no database connection (it takes seconds,
    and the optional language model longer), then store it."""

    def service(session: Session) -> InterviewService:
        return InterviewService(session, runtime, user_id)

    kind = body.interview_type.value if body.interview_type else None
    brief = await in_transaction(
        request,
        lambda session: service(session).plan_brief(
            session_id, interview_type=kind, length=body.length
        ),
    )
    drafted = await run_in_threadpool(draft_plan, brief, runtime)
    return await in_transaction(
        request,
        lambda session: SessionPublic.model_validate(
            service(session).store_plan(session_id, drafted)
        ),
    )


@router.get("/{session_id}/questions", summary="The session's questions in order")
def list_questions(session_id: uuid.UUID, interviews: Interviews) -> list[QuestionPublic]:
    return [QuestionPublic.model_validate(item) for item in interviews.questions(session_id)]


@router.post(
    "/{session_id}/questions",
    status_code=status.HTTP_201_CREATED,
    summary="Add a question of the candidate's own",
)
def add_question(
    session_id: uuid.UUID, body: QuestionCreate, interviews: Interviews
) -> QuestionPublic:
    return QuestionPublic.model_validate(interviews.add_question(session_id, body))


@router.post(
    "/{session_id}/questions/{question_id}/answers",
    status_code=status.HTTP_201_CREATED,
    summary="Answer a question: a recording (audio or video), typed text, or both",
)
def record_answer(
    session_id: uuid.UUID,
    question_id: uuid.UUID,
    interviews: Interviews,
    media: Annotated[UploadFile | None, File()] = None,
    text: Annotated[str, Form(max_length=100_000), AfterValidator(check_storable)] = "",
) -> AnswerPublic:
    answer = interviews.record_answer(
        session_id,
        question_id,
        text=text,
        media=media.file if media is not None else None,
        filename=(media.filename or "answer") if media is not None else "",
    )
    return AnswerPublic.model_validate(answer)


@router.get("/{session_id}/answers", summary="Every answer given in the session")
def list_answers(session_id: uuid.UUID, interviews: Interviews) -> list[AnswerPublic]:
    return [AnswerPublic.model_validate(item) for item in interviews.answers(session_id)]


@router.get("/{session_id}/answers/{answer_id}", summary="One answer")
def get_answer(session_id: uuid.UUID, answer_id: uuid.UUID, interviews: Interviews) -> AnswerPublic:
    return AnswerPublic.model_validate(interviews.answer(session_id, answer_id))


@router.post(
    "/{session_id}/answers/{answer_id}/turn",
    summary="The interviewer's reply to an answer: a follow-up, a clarification or the next "
    "question, with the reason (decided once; a recording must be transcribed first, unless "
    "its live transcript is given)",
)
def take_turn(
    session_id: uuid.UUID,
    answer_id: uuid.UUID,
    interviews: Interviews,
    body: TurnRequest | None = None,
) -> TurnPublic:
    live_id = body.live_transcript_id if body is not None else None
    return TurnPublic.model_validate(interviews.turn(session_id, answer_id, live_id))


@router.get(
    "/{session_id}/answers/{answer_id}/media",
    summary="Download an answer's recording",
    response_class=StreamingResponse,
)
def download_answer_media(
    session_id: uuid.UUID,
    answer_id: uuid.UUID,
    interviews: Interviews,
    runtime: RuntimeDep,
    wanted: Annotated[str | None, Header(alias="range", description="bytes=START-END")] = None,
) -> Response:
    return blob_response(runtime, interviews.answer_media(session_id, answer_id), wanted)


@router.delete(
    "/{session_id}/answers/{answer_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete an answer and its recording",
)
def delete_answer(session_id: uuid.UUID, answer_id: uuid.UUID, interviews: Interviews) -> None:
    interviews.delete_answer(session_id, answer_id)
