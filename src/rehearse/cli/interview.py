"""``rehearse interview``: a mock interview in the terminal, from a résumé and a job posting."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from rehearse.blobs.sniff import SNIFF_BYTES, FileKind, accepted_type
from rehearse.cli.common import fail, load_settings
from rehearse.cli.interview_judging import InterviewJudging
from rehearse.errors import RehearseError
from rehearse.interviewer.coding.problems import grade
from rehearse.interviewer.documents import extract_text
from rehearse.interviewer.flow import Interview, Move
from rehearse.interviewer.job import parse_job
from rehearse.interviewer.mastery import START, update_rating
from rehearse.interviewer.plan import INTERVIEW_TYPES, InterviewPlan, make_plan, tailor_plan
from rehearse.interviewer.resume import Resume, parse_resume
from rehearse.interviewer.retrieval.retriever import Retriever
from rehearse.runtime import Runtime

if TYPE_CHECKING:
    from rehearse.analysis.speech.analyzer import SpeechAnalyzer

_COMMANDS = (
    "Type your answer; end it with an empty line (code: end it with a line /end). "
    "Commands: /skip, /repeat, /quit."
)
_CODE_START = ("def ", "class ", "import ", "from ")
_RECORDING_SUFFIXES = {".wav", ".webm", ".ogg", ".mp3", ".m4a", ".mp4", ".flac"}


def _read_document(path: Path) -> str:
    data = path.read_bytes()
    return extract_text(data, accepted_type(data[:SNIFF_BYTES], FileKind.DOCUMENT))


def _typed_answers() -> Iterator[str]:
    """Answers from the terminal (or a pipe): lines until an empty one."""
    while True:
        lines: list[str] = []
        code = False
        for line in sys.stdin:
            if not lines and line.startswith("/"):
                lines.append(line.strip())  # a command acts at once
                break
            code = code or (not lines and line.startswith(_CODE_START))
            if (code and line.strip() == "/end") or (not code and not line.strip()):
                break
            lines.append(line.rstrip("\n"))
        else:
            if not lines:
                return
        yield "\n".join(lines) if code else " ".join(lines).strip()


def _spoken_answers(folder: Path, analyzer: SpeechAnalyzer) -> Iterator[str]:
    """Answers from recordings in ``folder`` (in name order), transcribed offline."""
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in _RECORDING_SUFFIXES):
        result = analyzer.apply(path)
        pace = f"{result.pace.words_per_minute:.0f} wpm" if result.pace else "no speech"
        typer.echo(f"  [{path.name}: {pace}] {result.transcript}")
        yield result.transcript


def _print_plan(plan: InterviewPlan, resume: Resume | None, show_questions: bool) -> None:
    typer.secho(
        f"\nMock interview: {plan.role} ({plan.seniority}, {plan.interview_type})", bold=True
    )
    if resume:
        typer.echo(
            f"Candidate: {resume.name or 'unnamed'}, {resume.years_of_experience:g} years, "
            f"{len(resume.roles)} roles, {len(resume.projects)} projects."
        )
    typer.echo("Focus:")
    for focus in plan.focus[:5]:
        typer.echo(f"  - {focus.topic} ({focus.kind}): {focus.reason}")
    for note in plan.notes:
        typer.echo(f"Note: {note}")
    if show_questions:
        for number, question in enumerate(plan.questions, start=1):
            typer.echo(
                f"  {number}. [{question.topic}, difficulty {question.difficulty}] {question.text}"
            )
            typer.echo(f"     why: {question.reason}")


def interview(
    job: Path = typer.Option(..., "--job", help="The job description (text, PDF or DOCX)."),
    resume: Path = typer.Option(None, "--resume", help="Your résumé (PDF, DOCX or text)."),
    kind: str = typer.Option(None, "--type", help=f"One of {', '.join(INTERVIEW_TYPES)}."),
    length: int = typer.Option(8, min=1, max=30, help="How many questions."),
    answers: Path = typer.Option(None, help="A folder of recorded answers, used in name order."),
    show_plan: bool = typer.Option(False, help="Print every planned question and why first."),
) -> None:
    """Run a mock interview in the terminal: planned questions, follow-ups, and why each."""
    runtime = Runtime(load_settings(interactive=True))
    if kind is not None and kind not in INTERVIEW_TYPES:
        raise fail(f"--type must be one of {', '.join(INTERVIEW_TYPES)}.")
    try:
        posting = parse_job(_read_document(job))
        candidate = parse_resume(_read_document(resume)) if resume else None
    except RehearseError as exc:
        raise fail(exc.message) from exc
    except OSError as exc:
        raise fail(f"Cannot read {exc.filename}: {exc.strerror}.") from exc
    rewriter = runtime.rewriter
    planned = make_plan(
        posting, candidate, interview_type=kind, length=length, retriever=runtime.retriever
    )
    plan = tailor_plan(planned, posting, rewriter)
    _print_plan(plan, candidate, show_plan)
    typer.echo(f"Questions and follow-ups: {rewriter.name}")
    session = Interview(plan, rewriter=rewriter)
    replies = _spoken_answers(answers, runtime.speech_analyzer) if answers else _typed_answers()
    if not answers:
        typer.echo(f"\n{_COMMANDS}")
    judge = runtime.content_judge
    judging = InterviewJudging(judge) if judge is not None else None
    _converse(session, replies, judging)
    _print_mastery(session, runtime.retriever)
    if judging is not None:
        judging.print_verdicts()


def _converse(
    session: Interview, replies: Iterator[str], judging: InterviewJudging | None = None
) -> None:
    """Ask, take each reply, and say what happens next and why, until the end; each question
    answered goes to ``judging`` once the interviewer leaves it."""
    number = 1
    said: list[str] = []
    typer.secho(f"\nQ{number}. {session.ask()}", fg=typer.colors.CYAN)
    for reply in replies:
        if reply == "/quit":
            break
        if reply == "/repeat":
            typer.secho(f"Q{number}. {session.repeat()}", fg=typer.colors.CYAN)
            continue
        question = session.current
        if reply == "/skip":
            decision = session.skip()
        elif question.kind == "coding":
            result = grade(question.source.removeprefix("coding:"), reply)
            decision = session.record_graded(reply, result.summary)
        else:
            said.append(reply)
            decision = session.answer(reply)
        typer.secho(f"  ({decision.move.value}: {decision.reason})", dim=True)
        if decision.move not in (Move.NEXT, Move.END):  # a follow-up or a clarification
            typer.secho(f"  Follow-up: {decision.say}", fg=typer.colors.CYAN)
            continue
        if judging is not None:
            judging.submit(number, question, " ".join(said))
        number, said = number + 1, []
        if decision.move is Move.END:
            return
        typer.secho(f"\nQ{number}. {decision.say}", fg=typer.colors.CYAN)
    if judging is not None and said:  # quit while answering: what was said is judged
        judging.submit(number, session.current, " ".join(said))


def _print_mastery(session: Interview, retriever: Retriever) -> None:
    """The per-topic level this interview suggests (Elo-style, from 1000), and what to read
    for the topics below the starting level."""
    ratings: dict[str, float] = {}
    for question, reading in session.readings:
        rating = ratings.get(question.topic, START)
        ratings[question.topic] = update_rating(rating, question.difficulty, reading.quality)
    if not ratings:
        typer.echo("\nNo answers were given.")
        return
    typer.secho("\nTopic levels after this interview (1000 is the starting point):", bold=True)
    for topic, rating in sorted(ratings.items(), key=lambda pair: -pair[1]):
        typer.echo(f"  {topic:<24}{rating:6.0f}")
    # A question followed up on has a reading per reply; its last is where it was left.
    last = {question.text: (question, reading) for question, reading in session.readings}
    for question, reading in last.values():
        if ratings.get(question.topic, START) < START and reading.quality < 0.5:
            found = retriever.notes_for(question.text, topic=question.topic, k=2)
            titles = "; ".join(f"{item.note.title} ({item.note.source})" for item in found)
            if titles:
                typer.echo(f"  Study for '{question.text[:60]}…': {titles}")
