"""``rehearse analyze``: the speech analysis of one recording, offline, as text or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from rehearse.analysis.speech.analyzer import SpeechAnalysis, SpeechAnalyzer
from rehearse.analysis.speech.recognition import Recognizer
from rehearse.cli.common import fail, load_settings
from rehearse.cli.speech_report import render_text
from rehearse.errors import RehearseError


def analyze(
    answer: Path = typer.Argument(..., help="A recording: WAV, WebM, Ogg, MP3, M4A, MP4, FLAC..."),
    question: str = typer.Option("", help="The question answered, shown with the results."),
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
    _print(result, question, as_json)


def _print(result: SpeechAnalysis, question: str, as_json: bool) -> None:
    if as_json:
        payload = {"question": question or None, **result.to_dict()}
        typer.echo(json.dumps(payload, indent=2, default=str))
    else:
        typer.echo(render_text(result, question))
