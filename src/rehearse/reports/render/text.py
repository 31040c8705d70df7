"""The report's values as the words both renderings print: scores, measurements, dates, tokens.

Plain strings only, never markup: each renderer escapes and styles them its own way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from rehearse.feedback.measures import Measurement, Score, shown
from rehearse.feedback.report import (
    AnswerReport,
    CoachReview,
    Exchange,
    InterviewerTurn,
    Reply,
    TimedWord,
)
from rehearse.feedback.segments import clock

NOT_MEASURED = "not measured"
STAR_ORDER = ("situation", "task", "action", "result")
MOVES = {
    "question": "Question",
    "follow_up": "Follow-up",
    "clarify": "Clarification",
    "next": "Next question",
    "end": "End of the interview",
}


class Said(Protocol):
    """What the candidate said: a whole answer, or one reply of its conversation."""

    @property
    def text(self) -> str: ...

    @property
    def words(self) -> Sequence[TimedWord]: ...


@dataclass(frozen=True)
class Token:
    """A piece of the transcript: a word (maybe a filler, or said again), or a long pause
    before the next one."""

    text: str
    filler: bool = False
    pause: bool = False
    repeated: bool = False


def capital(text: str) -> str:
    """``text`` with its first letter upper-cased and the rest left alone."""
    return text[:1].upper() + text[1:]


def joined(*parts: str) -> str:
    """The non-empty parts with a middle dot between them: "Role · Candidate"."""
    return " \u00b7 ".join(part for part in parts if part)


def score_value(value: float | None) -> str:
    """A 0..100 score as a whole number, or "not measured"."""
    return NOT_MEASURED if value is None else f"{value:.0f}"


def number(value: float) -> str:
    """A measured value with the precision it deserves: 182, 3.8, 0.78."""
    if abs(value) >= 20:
        return f"{value:.0f}"
    if abs(value) >= 1:
        return f"{value:.1f}".removesuffix(".0")
    return f"{value:.2f}"


def measured(measurement: Measurement) -> str:
    """The value with its unit, e.g. "182 words/min", "68%", or "not measured"."""
    if measurement.value is None:
        return NOT_MEASURED
    return shown(measurement.value, measurement.unit)


def target(measurement: Measurement) -> str:
    """Its band in words: "target 120-160", or, for a band fitted to people's ratings that no
    coach would set (``Measurement.advised``), what it is: "best-rated answers: at least 29.2"."""
    said = "target" if measurement.advised else "best-rated answers:"
    return f"{said} {measurement.target}"


def earned(measurement: Measurement) -> str:
    """The points a measurement added to its score, e.g. "+27.1"."""
    return f"+{measurement.points:.1f}"


def lost(measurement: Measurement) -> str:
    """The points it left on the table, with a minus sign; "0" inside its band."""
    return f"\u2212{measurement.lost:.1f}" if measurement.lost > 0 else "0"


def top_measurements(score: Score, count: int = 3) -> list[Measurement]:
    """The measurements that moved the score most: most points lost first, then most earned."""
    taken = [m for m in score.measurements if m.value is not None]
    return sorted(taken, key=lambda m: (-m.lost, -m.points))[:count]


def when(iso: str) -> str:
    """An ISO 8601 time as "14 March 2025, 15:42 UTC" (the text itself if it does not parse)."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{moment.day} {moment:%B %Y, %H:%M} UTC"


def duration(seconds: float | None) -> str:
    """A duration as "1:05", or "" when unknown."""
    return "" if seconds is None else clock(seconds)


def gain(value: float) -> str:
    """A recommendation's expected gain, e.g. "+4.2 points"."""
    return f"+{value:.1f} points"


def parts_heading(star: dict[str, bool]) -> str:
    """ "STAR" for a story's parts, "Parts of the answer" for another form's."""
    return "STAR" if set(star) <= set(STAR_ORDER) else "Parts of the answer"


def star_parts(star: dict[str, bool]) -> list[tuple[str, bool]]:
    """The STAR parts in their usual order (then any others), capitalised, with presence."""
    order = [part for part in STAR_ORDER if part in star]
    order += [part for part in star if part not in STAR_ORDER]
    return [(capital(part), star[part]) for part in order]


@dataclass(frozen=True)
class JudgedPart:
    """A story's part as the content judge found it, with the answer's words that tell it."""

    name: str  # "Situation", "Task"...
    status: str  # covered, partly or missing
    quote: str  # "" when missing


def judged_parts(answer: AnswerReport) -> list[JudgedPart]:
    """The STAR parts the judge found in a story answer; empty for other answers."""
    star = (answer.judgement or {}).get("star") or []
    return [
        JudgedPart(capital(p["point"]), p["status"], p["quote"] if p["status"] != "missing" else "")
        for p in star
    ]


STRONGER_NOTE = (
    "Your own sentences in the order a strong answer takes; each marked gap is for you to "
    "fill from what really happened. Nothing here was made up for you."
)


def stronger_pieces(answer: AnswerReport) -> list[tuple[str, bool]]:
    """The judge's example stronger answer as (text, is_gap) pieces: the candidate's own words,
    and the bracketed gaps where a point is missing; empty without one."""
    stronger = str((answer.judgement or {}).get("stronger") or "")
    pieces = [piece for piece in re.split(r"(\[[^\]]*\])", stronger) if piece.strip()]
    return [(piece.strip(), piece.startswith("[")) for piece in pieces]


def transcript(said: Said) -> list[Token]:
    """What was said as tokens: timed words with fillers and long pauses, else the plain text."""
    if not said.words:
        return [Token(said.text)] if said.text.strip() else []
    return list(_timed_tokens(said))


def _timed_tokens(said: Said) -> Iterable[Token]:
    for word in said.words:
        if word.pause_before > 0:
            yield Token(f"[{word.pause_before:.1f} s]", pause=True)
        text = word.text.strip()
        if text:
            yield Token(text, filler=word.filler, repeated=word.repeated)


COACH_HEADING = "From your coach"


def coach_lines(review: CoachReview | None) -> list[str]:
    """What the coach said of an answer, one line each: comments (at their moment), rubric
    levels, then the judge's verdicts they disagree with."""
    if review is None:
        return []
    lines = [
        f"{f'At {remark.when}: ' if remark.when else ''}{remark.text}{_by(remark.author)}"
        for remark in review.remarks
    ]
    lines += [
        f"{mark.criterion}: {mark.label} (level {mark.level} of {mark.levels})"
        for mark in review.rubric
    ]
    lines += [
        f"Your coach disagrees with the judge on \u201c{flag.judged}\u201d"
        + (f": {flag.reason}" if flag.reason else ".")
        for flag in review.flags
    ]
    return lines


def _by(author: str) -> str:
    return f" \u2014 {author}" if author else ""


def meta(answer: AnswerReport) -> str:
    """The answer's kind, topic and length, e.g. "Behavioural · conflict · 1:05"."""
    parts = [capital(answer.kind), answer.topic, duration(answer.duration_seconds)]
    if answer.answered and not answer.words and answer.text.strip():
        parts.append("typed")
    return joined(*parts)


def conversation(answer: AnswerReport) -> tuple[Exchange, ...]:
    """The answer's exchanges; a report made without them (an older snapshot, a hand-built
    sample) reads as the question and the answer alone."""
    if answer.thread:
        return answer.thread
    reply = Reply(
        1,
        "",
        "analysed",
        answer.text,
        bool(answer.words),
        answer.duration_seconds,
        answer.words,
        answer.timeline,
        answer.moments,
    )
    return (
        Exchange(
            InterviewerTurn("question", answer.question, ""), reply if answer.answered else None
        ),
    )


def move(turn: InterviewerTurn) -> str:
    """What kind of turn it was, e.g. "Follow-up"."""
    return MOVES.get(turn.move, capital(turn.move.replace("_", " ")))


def decided_on(turn: InterviewerTurn) -> str:
    """ "Decided on the live transcript" when the turn records it, else ""."""
    if not turn.decided_on:
        return ""
    source = turn.decided_on.replace("_", " ")
    return f"Decided on the {source}" + ("" if "transcript" in source else " transcript")


def why(turn: InterviewerTurn) -> str:
    """ "Why: <reason>", or "" without one."""
    return f"Why: {turn.reason}" if turn.reason.strip() else ""


def reply_meta(reply: Reply) -> str:
    """ "Reply 2 · 0:14", with "typed" or the analysis's state when it matters."""
    state = {"received": "still being analysed", "processing": "still being analysed"}
    parts = [f"Reply {reply.number}", duration(reply.duration_seconds)]
    if reply.status == "failed":
        parts.append("could not be analysed")
    elif reply.recorded and reply.status in state:
        parts.append(state[reply.status])
    elif not reply.recorded and reply.text:
        parts.append("typed")
    return joined(*parts)


def closing(turn: InterviewerTurn) -> str:
    """How the interviewer moved on, e.g. "Then the next question. Why: ..."."""
    then = "Then the next question." if turn.move == "next" else "Then the interview ended."
    return joined(f"{then} {why(turn)}".strip(), decided_on(turn))


def scored_on(answer: AnswerReport) -> list[str]:
    """Which replies the scores rest on, one line per basis shared by several scores:
    "Content, structure and clarity: scored on both replies, 62 words."."""
    groups: dict[str, list[str]] = {}
    for basis in answer.scored_on:
        groups.setdefault(basis.summary, []).append(basis.score)
    return [f"{capital(_listing(names))}: {summary}." for summary, names in groups.items()]


def _listing(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def on_camera(video: Mapping[str, Any] | None) -> list[str]:
    """What the video analysis saw, one sentence per aspect; [] without video."""
    if not video:
        return []
    lines = []
    gaze, blinks, head = video.get("gaze") or {}, video.get("blinks") or {}, video.get("head")
    if gaze.get("eye_contact_ratio") is not None:
        how = "calibrated" if gaze.get("calibrated") else "estimated without calibration"
        lines.append(
            f"Eye contact {_percent(gaze['eye_contact_ratio'])} of the time ({how}); looked "
            f"away {gaze.get('aversions', 0)} times for {gaze.get('aversion_seconds', 0):.1f} s."
        )
    if head:
        lines.append(
            f"Head turned {head['yaw_std']:.0f}° side to side and {head['pitch_std']:.0f}° up "
            "and down (spread)."
        )
    if blinks.get("per_minute") is not None:
        lines.append(f"Blinks: {blinks['per_minute']:.0f} a minute.")
    posture = video.get("posture")
    if posture:
        fidget = posture.get("fidget_ratio")
        lines.append(
            f"Slouching {_percent(posture['slouch_ratio'])} of the time"
            + (f", fidgeting {_percent(fidget)}." if fidget is not None else ".")
        )
    expression = video.get("expression") or {}
    if expression.get("smile_ratio") is not None:
        lines.append(f"Smiling {_percent(expression['smile_ratio'])} of the time.")
    mood = expression.get("mood")
    if mood:
        top = sorted(mood.items(), key=lambda item: -item[1])[:2]
        read = ", ".join(f"{label} {_percent(share)}" for label, share in top)
        lines.append(f"Mood signal: {read}. {expression.get('note', '')}".strip())
    return lines


def _percent(share: float) -> str:
    return f"{100 * share:.0f} %"
