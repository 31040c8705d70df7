"""``rehearse practise SESSION QUESTION``: practise one question of a session again from the
terminal, with a recording or typed text, as the web app's "Practise this question again"
does (docs/practice.md). The attempt is stored beside the interview; its analysis, its code's
hidden tests and its judgement run here, and what changed since the interview's answer and
since the attempt before is printed. Without a question it lists the session's questions;
without a session, the account's sessions."""

from __future__ import annotations

import json
import sys
import uuid
from contextlib import suppress
from pathlib import Path

import typer
from sqlalchemy.orm import Session

from rehearse.accounts import repository as accounts
from rehearse.accounts.service import normalize_email
from rehearse.analysis.media import probe_recording
from rehearse.cli.common import fail, load_settings
from rehearse.cli.practice_jobs import run_question_jobs
from rehearse.cli.practice_report import render_compared
from rehearse.errors import Conflict, NotFound, RehearseError
from rehearse.feedback.judge.verdict import NOT_JUDGED
from rehearse.inputs import unstorable_reason
from rehearse.interviews import repository as interviews
from rehearse.interviews.models import InterviewSession, Question
from rehearse.interviews.service import InterviewService
from rehearse.practice.schemas import ComparedPublic
from rehearse.practice.service import PracticeService
from rehearse.runtime import Runtime
from rehearse.store import migrate


def practise(
    session: str = typer.Argument(
        None,
        metavar="SESSION",
        help="The session's id [default: list your sessions and their ids].",
    ),
    question: str = typer.Argument(
        None,
        metavar="QUESTION",
        help="The question's id, or its number in the session [default: list the session's "
        "questions].",
    ),
    recording: Path = typer.Option(
        None,
        "--recording",
        metavar="FILE",
        help="The attempt, recorded: WAV, WebM, Ogg, MP3, M4A, MP4, FLAC...",
    ),
    text: str = typer.Option(None, "--text", help="The attempt, typed (code, for a coding one)."),
    text_file: Path = typer.Option(
        None,
        "--text-file",
        metavar="FILE",
        help="The attempt, typed in a file ('-': standard input).",
    ),
    user: str = typer.Option(
        None,
        "--user",
        metavar="EMAIL",
        help="Whose sessions: an account's e-mail [default: the only account].",
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Print the comparison as the API's JSON (progress on stderr)."
    ),
) -> None:
    """Practise one question of a session again: the attempt is analysed and judged here, then
    compared with the interview's answer and your attempt before."""
    given = [option for option in (recording, text, text_file) if option is not None]
    if question is not None and len(given) != 1:
        raise fail("Give the attempt once: --recording FILE, --text TEXT or --text-file FILE.")
    if question is None and given:
        raise fail("Say which question the attempt answers: rehearse practise SESSION QUESTION.")
    typed = _typed(text, text_file)
    if recording is not None:
        _check_recording(recording)
    runtime = Runtime(load_settings(interactive=True))
    try:
        _practise(runtime, session, question, user, recording, typed, as_json)
    finally:
        runtime.close()


def _typed(text: str | None, text_file: Path | None) -> str:
    """The typed attempt, if any, checked as the API checks it."""
    typed = _read(text_file) if text_file is not None else text or ""
    reason = unstorable_reason(typed)
    if reason is not None:
        raise fail(reason)
    return typed


def _read(text_file: Path) -> str:
    try:
        typed = sys.stdin.read() if str(text_file) == "-" else text_file.read_text("utf-8")
    except OSError as exc:
        raise fail(f"Cannot read {exc.filename}: {exc.strerror}.") from exc
    except UnicodeDecodeError as exc:
        raise fail(f"{text_file} is not text (UTF-8): give a typed answer's file.") from exc
    if not typed.strip():
        raise fail(f"{text_file} is empty: write the answer in it first.")
    return typed


def _check_recording(path: Path) -> None:
    """Refuse a recording with the message ``rehearse analyze`` would give for it."""
    try:
        probe_recording(path)
    except RehearseError as exc:
        raise fail(exc.message) from exc


def _practise(
    runtime: Runtime,
    session: str | None,
    question: str | None,
    email: str | None,
    recording: Path | None,
    typed: str,
    as_json: bool,
) -> None:
    runtime.prepare_store()
    if not migrate.is_up_to_date(runtime.database):
        raise fail("The database schema is not up to date; run `rehearse db upgrade` first.")
    with runtime.database.transaction() as db:
        user_id, whose = _user(db, email)
        hint = f" --user {whose}" if email else ""
        if session is None:
            typer.echo(_sessions(db, user_id, whose, hint))
            return
        interview = _session(db, runtime, user_id, session, whose, hint)
        if question is None:
            typer.echo(_questions(db, interview, hint))
            return
        asked = _question(interview, question, hint)
        session_id, question_id = interview.id, asked.id
        if runtime.content_judge is not None and recording is not None:
            _warm_judge(runtime, asked)
    _attempt(runtime, user_id, session_id, question_id, recording, typed)
    run_question_jobs(runtime, user_id, question_id)
    _print_comparison(runtime, user_id, session_id, question_id, as_json)


def _user(db: Session, email: str | None) -> tuple[uuid.UUID, str]:
    """The account whose sessions are practised: ``email``'s, else the store's only one."""
    if email is not None:
        found = accounts.user_by_email(db, normalize_email(email))
        if found is None:
            raise fail(f"No account {email} here: check the address, or leave out --user.")
        return found.id, found.email
    users = accounts.some_users(db, limit=2)
    if not users:
        raise fail(
            "There are no accounts yet: sign up in the web app (rehearse serve) or create one "
            "with `rehearse users create EMAIL`."
        )
    if len(users) > 1:
        raise fail("This store has several accounts: say whose sessions with --user EMAIL.")
    return users[0].id, users[0].email


def _sessions(db: Session, user_id: uuid.UUID, whose: str, hint: str) -> str:
    found = interviews.sessions_of(db, user_id)
    if not found:
        return f"{whose} has no interview sessions yet: start one in the web app."
    lines = [f"Interview sessions of {whose}:"]
    for interview in found:
        day = interview.created_at.date().isoformat()
        count = len(interview.questions)
        questions = f"{count} question{'s' if count != 1 else ''}"
        lines.append(f"  {interview.id}  {day}  {interview.title} ({questions})")
    lines.append(f"\nList a session's questions: rehearse practise SESSION{hint}")
    return "\n".join(lines)


def _session(
    db: Session, runtime: Runtime, user_id: uuid.UUID, session: str, whose: str, hint: str
) -> InterviewSession:
    listing = f"list them with `rehearse practise{hint}`"
    try:
        return InterviewService(db, runtime, user_id).get(uuid.UUID(session))
    except ValueError as exc:
        raise fail(f"'{session}' is not a session id: {listing}.") from exc
    except NotFound as exc:
        raise fail(f"No session {session} for {whose}: {listing}.") from exc


def _questions(db: Session, interview: InterviewSession, hint: str) -> str:
    if not interview.questions:
        return f"{interview.title} has no questions yet: plan the interview first."
    lines = [f"{interview.title}: its questions (number, id, kind, what was answered)"]
    for asked in interview.questions:
        answered = "answered" if interviews.answers_to(db, asked.id) else "not answered"
        attempts = len(interviews.attempts_at(db, asked.id))
        practised = f", practised {attempts}x" if attempts else ""
        kind = "coding" if asked.coding_problem is not None else asked.kind.value
        lines.append(f"  {asked.position}. {asked.id}  [{kind}] ({answered}{practised})")
        lines.append(f"     {asked.text}")
    lines.append(
        f"\nPractise one: rehearse practise {interview.id} NUMBER (--recording FILE | "
        f"--text TEXT | --text-file FILE){hint}"
    )
    return "\n".join(lines)


def _question(interview: InterviewSession, question: str, hint: str) -> Question:
    """``question`` by its id or its number in the session."""
    for asked in interview.questions:
        if question in (str(asked.id), str(asked.position)):
            return asked
    raise fail(
        f"No question {question} in the session {interview.title}: list its questions with "
        f"`rehearse practise {interview.id}{hint}`."
    )


def _warm_judge(runtime: Runtime, asked: Question) -> None:
    """Start the judge's server while the recording is analysed; a judge that cannot run says
    why in the judgement's record. A coding answer is graded by its tests, not judged."""
    judge = runtime.content_judge
    if judge is None or asked.coding_problem is not None:
        return

    def warm() -> None:
        with suppress(RehearseError):
            judge.warm_up()

    runtime.warmup.start({"judge": warm})


def _attempt(
    runtime: Runtime,
    user_id: uuid.UUID,
    session_id: uuid.UUID,
    question_id: uuid.UUID,
    recording: Path | None,
    typed: str,
) -> None:
    """Store the attempt and queue its jobs (committed, so that they can run)."""
    try:
        with runtime.database.transaction() as db:
            practice = PracticeService(db, runtime, InterviewService(db, runtime, user_id))
            if recording is None:
                practice.practise(session_id, question_id, text=typed, media=None)
            else:
                with recording.open("rb") as media:
                    practice.practise(
                        session_id, question_id, text="", media=media, filename=recording.name
                    )
    except OSError as exc:
        raise fail(f"Cannot read {exc.filename}: {exc.strerror}.") from exc
    except RehearseError as exc:
        raise fail(exc.message) from exc
    typer.echo("Attempt saved.", err=True)


def _print_comparison(
    runtime: Runtime, user_id: uuid.UUID, session_id: uuid.UUID, question_id: uuid.UUID,
    as_json: bool,
) -> None:  # fmt: skip
    with runtime.database.transaction() as db:
        interview = InterviewService(db, runtime, user_id)
        try:
            compared = PracticeService(db, runtime, interview).compared(session_id, question_id)
        except Conflict:
            typer.echo(
                "Saved as the first attempt at a question not answered in the interview: "
                "practise it once more to see what changed."
            )
            return
        public = ComparedPublic.model_validate(compared)
    if as_json:
        typer.echo(json.dumps(public.model_dump(mode="json"), indent=2))
        return
    against = "the interview's answer" if compared.from_interview else "your first attempt"
    first, before = (note.removeprefix(NOT_JUDGED) for note in compared.notes)
    typer.echo(render_compared(public, f"Against {against}", (first, before)))
