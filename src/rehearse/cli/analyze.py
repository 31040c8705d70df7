"""``rehearse analyze``: the speech analysis of one recording, offline, as text or JSON."""

from __future__ import annotations

import json
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import cast

import typer

from rehearse.analysis.speech.analyzer import SpeechAnalysis, SpeechAnalyzer
from rehearse.analysis.speech.recognition import Recognizer
from rehearse.cli.common import fail, load_settings
from rehearse.cli.speech_report import render_feedback, render_text
from rehearse.errors import RehearseError
from rehearse.feedback.answer import score_answer
from rehearse.feedback.content.question import AskedQuestion, QuestionKind
from rehearse.feedback.measures import Score
from rehearse.feedback.segments import moments
from rehearse.interviewer.retrieval.encoder import MiniLMEncoder


def analyze(
    answer: Path = typer.Argument(..., help="A recording: WAV, WebM, Ogg, MP3, M4A, MP4, FLAC..."),
    question: str = typer.Option(
        "", help="The question answered: adds the content evaluation and explained scores."
    ),
    kind: str = typer.Option(
        "behavioural", help="The question's kind: behavioural, technical, scenario or project."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the full result as JSON."),
    model: str = typer.Option(None, help="Speech model [default: REHEARSE_SPEECH_MODEL]."),
    max_minutes: float = typer.Option(None, help="Refuse longer recordings [default: 30]."),
) -> None:
    """Transcribe a spoken answer and measure its delivery: pace, pauses, fillers, voice."""
    settings = load_settings(speech_model=model, max_recording_minutes=max_minutes)
    analyzer = SpeechAnalyzer(
        Recognizer(settings.speech_model, language=settings.speech_language),
        max_seconds=settings.max_recording_minutes * 60,
    )
    try:
        if as_json:
            result = analyzer.apply(answer)
        else:
            with typer.progressbar(length=100, label="Analysing", file=None) as bar:
                done = 0

                def advance(fraction: float, _stage: str) -> None:
                    nonlocal done
                    bar.update(int(fraction * 100) - done)
                    done = int(fraction * 100)

                result = analyzer.apply(answer, progress=advance)
    except RehearseError as exc:
        raise fail(exc.message) from exc
    if kind not in KINDS:
        raise fail(f"--kind must be one of {', '.join(KINDS)}.")
    _print(result, question, cast(QuestionKind, kind), as_json)


KINDS = ("behavioural", "technical", "scenario", "project")


def _print(result: SpeechAnalysis, question: str, kind: QuestionKind, as_json: bool) -> None:
    speech = result.to_dict()
    scores: list[Score] = []
    if question and result.status == "ok":
        asked = AskedQuestion(question, kind, "")
        _, scores = score_answer(asked, result.transcript, MiniLMEncoder(), speech=speech)
    if as_json:
        feedback = {"scores": [asdict(score) for score in scores], "moments": moments(speech)}
        payload = {"question": question or None, **speech, "feedback": feedback}
        typer.echo(json.dumps(payload, indent=2, default=_plain))
        return
    typer.echo(render_text(result, question))
    if scores:
        typer.echo("\n" + render_feedback(scores, moments(speech)))


def _plain(value: object) -> object:
    return asdict(value) if is_dataclass(value) and not isinstance(value, type) else str(value)
