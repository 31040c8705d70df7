"""``rehearse analyze``: the speech (and, with a camera, video) analysis of one recording,
offline, as text or JSON; given the question, what the answer says too, judged by the content
judge (docs/judgement.md)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict, is_dataclass
from functools import partial
from pathlib import Path
from typing import cast

import typer

from rehearse.analysis.errors import NoAudioTrack
from rehearse.analysis.speech.analyzer import ProgressHook, SpeechAnalysis, SpeechAnalyzer
from rehearse.analysis.speech.recognition import Recognizer
from rehearse.analysis.video.analyzer import VideoAnalysis, VideoAnalyzer
from rehearse.analysis.video.frames import has_picture
from rehearse.cli.common import fail, load_settings
from rehearse.cli.content_report import render_judgement
from rehearse.cli.speech_report import render_feedback, render_text
from rehearse.cli.video_report import render_video
from rehearse.config import Settings
from rehearse.errors import RehearseError
from rehearse.feedback.answer import score_answer
from rehearse.feedback.content.evaluate import warm_up
from rehearse.feedback.content.forms import answer_form
from rehearse.feedback.content.question import AskedQuestion, QuestionKind
from rehearse.feedback.judge.judge import ContentJudge, JudgeInput
from rehearse.feedback.judge.points import key_points_for
from rehearse.feedback.judge.score import judged_content
from rehearse.feedback.judge.verdict import Verdict, not_judged
from rehearse.feedback.measures import Score
from rehearse.feedback.presence import presence_score
from rehearse.feedback.segments import moments, video_moments
from rehearse.interviewer.retrieval.encoder import MiniLMEncoder
from rehearse.jobs.priority import lower_this_thread
from rehearse.llm.configured import configured_client
from rehearse.llm.kept import kept_readings
from rehearse.warmup import ModelWarmup


def analyze(
    answer: Path = typer.Argument(
        ..., help="A recording: WAV, WebM, Ogg, MP3, M4A, MP4, MOV, FLAC... (with or without video)"
    ),
    question: str = typer.Option(
        "",
        help="The question answered: adds what the answer says (judged against the key points "
        "of a strong answer) and explained scores.",
    ),
    kind: str = typer.Option(
        "behavioural", help="The question's kind: behavioural, technical, scenario or project."
    ),
    key_points: list[str] = typer.Option(
        [],
        "--key-point",
        help="A point a strong answer to the question makes (repeat for more) [default: those "
        "a strong answer of its form makes].",
    ),
    use_judge: bool = typer.Option(
        True,
        "--judge/--no-judge",
        help="With --question, judge what the answer says with the content judge, a local "
        "language model (also off with REHEARSE_LLM=off).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the full result as JSON."),
    video: bool = typer.Option(
        True, "--video/--no-video", help="Also analyse the camera footage, if there is any."
    ),
    model: str = typer.Option(None, help="Speech model [default: REHEARSE_SPEECH_MODEL]."),
    max_minutes: float = typer.Option(None, help="Refuse longer recordings [default: 30]."),
) -> None:
    """Measure a recorded answer: transcript, pace, pauses, fillers and voice; with video, eye
    contact, head pose, blinks, expression and posture."""
    if kind not in KINDS:
        raise fail(f"--kind must be one of {', '.join(KINDS)}.")
    if key_points and not question:
        raise fail("--key-point needs --question: the points are those of its strong answer.")
    settings = load_settings(
        interactive=True, speech_model=model, max_recording_minutes=max_minutes
    )
    analyzer = SpeechAnalyzer(
        Recognizer(settings.speech_model, language=settings.speech_language),
        max_seconds=settings.max_recording_minutes * 60,
        enhancement=settings.speech_enhancement,
    )
    # Transcription waits for the speech model, so it starts loading first; the content
    # evaluation's models and the judge's server, needed only at the end, load meanwhile at a
    # lower priority.
    analyzer.recognizer.start_loading()
    asked = (
        AskedQuestion(question, cast(QuestionKind, kind), "", tuple(key_points))
        if question
        else None
    )
    language_model = configured_client(settings) if asked is not None and use_judge else None
    judge = (
        ContentJudge(
            language_model, MiniLMEncoder(), readings=kept_readings(language_model, settings)
        )
        if language_model
        else None
    )
    if asked is not None:
        steps: dict[str, Callable[[], object]] = {"content": _warm_content}
        if judge is not None:
            steps["judge"] = partial(_warm_judge, judge)
        _CONTENT_MODELS.start(steps)
    try:
        filmed = video and has_picture(answer)
        speech = _speech(analyzer, answer, quiet=as_json, filmed=filmed)
        footage = _video(answer, settings, quiet=as_json) if filmed else None
    except RehearseError as exc:
        raise fail(exc.message) from exc  # a judge's server started meanwhile ends with us
    said = speech.transcript if speech is not None and speech.status == "ok" else ""
    verdict = None
    if judge is not None and asked is not None and said:
        verdict = _judged(judge, asked, said, quiet=as_json)
    _print(speech, footage, asked, verdict, as_json)


KINDS = ("behavioural", "technical", "scenario", "project")
_CONTENT_MODELS = ModelWarmup()  # started once per process
CONTENT_WARMUP_NICENESS = 10


def _warm_content() -> None:
    """Load the content evaluation's models, at a lower priority: they are needed only once the
    speech is analysed, and on two cores every moment they take from it shows in the wait."""
    lower_this_thread(CONTENT_WARMUP_NICENESS)
    warm_up(MiniLMEncoder())


def _warm_judge(judge: ContentJudge) -> None:
    """Start the judge (its local server) and cache its prompts while the speech is analysed;
    a judge that cannot run says why when it is asked to judge."""
    with suppress(RehearseError):
        judge.warm_up()


def _judged(judge: ContentJudge, asked: AskedQuestion, said: str, *, quiet: bool) -> Verdict:
    """``judge``'s verdict on ``said`` as the answer to ``asked`` (its key points, else its
    form's); the judge's server is stopped after."""
    points = key_points_for(asked.text, asked.kind, asked.key_points)
    item = JudgeInput(asked.text, points, said, answer_form(asked.text, asked.kind))
    if not quiet:
        typer.echo("Judging what the answer says (a local language model: up to 15 s a minute)")
    _CONTENT_MODELS.wait()
    try:
        return Verdict(judge.apply(item))
    except RehearseError as exc:
        return Verdict(None, not_judged(exc))
    finally:
        judge.close()


def _speech(
    analyzer: SpeechAnalyzer, answer: Path, *, quiet: bool, filmed: bool
) -> SpeechAnalysis | None:
    """The speech analysis; None for footage without a sound track."""
    try:
        with _progress("Analysing speech", quiet) as advance:
            return analyzer.apply(answer, progress=advance)
    except NoAudioTrack:
        if filmed:
            return None
        raise


def _video(answer: Path, settings: Settings, *, quiet: bool) -> VideoAnalysis:
    analyzer = VideoAnalyzer(
        fps=settings.video_fps,
        pose=settings.video_posture,
        max_seconds=settings.max_recording_minutes * 60,
    )
    with _progress("Analysing video", quiet) as advance:
        return analyzer.apply(answer, progress=advance)


@contextmanager
def _progress(label: str, quiet: bool) -> Iterator[ProgressHook]:
    """A progress bar on the terminal (none with ``quiet``), fed 0..1 fractions."""
    if quiet:
        yield lambda _fraction, _stage: None
        return
    with typer.progressbar(length=100, label=label, file=None) as bar:
        done = 0

        def advance(fraction: float, _stage: str) -> None:
            nonlocal done
            bar.update(int(fraction * 100) - done)
            done = int(fraction * 100)

        yield advance


def _print(
    speech: SpeechAnalysis | None,
    video: VideoAnalysis | None,
    asked: AskedQuestion | None,
    verdict: Verdict | None,
    as_json: bool,
) -> None:
    spoken = speech.to_dict() if speech else None
    filmed = video.to_dict() if video else None
    judgement = verdict.judgement if verdict else None
    scores: list[Score] = []
    if asked is not None and speech is not None and speech.status == "ok":
        _, scores = score_answer(
            asked, speech.transcript, MiniLMEncoder(), speech=spoken, video=filmed
        )
        if judgement is not None and judgement.score is not None:
            scores = [judged_content(judgement) if s.name == "content" else s for s in scores]
    elif filmed is not None:
        scores = [presence_score(filmed)]
    found = [*(moments(spoken) if spoken else []), *(video_moments(filmed) if filmed else [])]
    found.sort(key=lambda moment: moment.start)
    if as_json:
        feedback = {
            "scores": [asdict(score) for score in scores],
            "moments": found,
            "judgement": judgement.to_dict() if judgement else None,
            "judgement_note": verdict.note if verdict and verdict.note else None,
        }
        payload = {
            "question": asked.text if asked else None,
            **(spoken or {}),
            "video": filmed,
            "feedback": feedback,
        }
        typer.echo(json.dumps(payload, indent=2, default=_plain))
        return
    if speech is not None:
        typer.echo(render_text(speech, asked.text if asked else ""))
    if video is not None:
        typer.echo(("\n" if speech is not None else "") + render_video(video))
    if judgement is not None and asked is not None:
        typer.echo("\n" + render_judgement(judgement, asked.text))
    elif verdict is not None and verdict.note:
        typer.echo(f"\n! {verdict.note}")
    if scores or found:
        typer.echo("\n" + render_feedback(scores, found))


def _plain(value: object) -> object:
    return asdict(value) if is_dataclass(value) and not isinstance(value, type) else str(value)
