"""The report's practice section as the words both renderings print: each attempt's row, the
comparison's points, content, delivery and length lines, and the link that practises a
question again.

Plain strings only, never markup, as in ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass

from rehearse.feedback.measures import shown
from rehearse.feedback.report import (
    MeasureMove,
    PointMove,
    PracticeAttempt,
    PracticeComparison,
    QuestionPractice,
)
from rehearse.reports.render import palette
from rehearse.reports.render.text import capital, duration, joined, when

PRACTISE = "Practise this question again"
ABOUT = (
    "Questions answered again after the interview. Attempts are practice: the interview's "
    "scores above are what an interviewer would have seen; each attempt has its own."
)
CHANGES = {"better": "better", "worse": "worse", "same": "about the same", None: "not compared"}
MEASURE_UNITS = {"pace": "words/min", "fillers": "per 100 words", "long pauses": "a minute"}
EYE_CONTACT = "eye contact"  # a share of the frames with a face, compared when both were filmed
NOTHING_YET = (
    "Nothing to compare yet: this question was not answered in the interview, so its first "
    "attempt is the baseline. Practise it once more to see what changed."
)


def practise_link(session_id: str, question_id: str) -> str:
    """The app's page that practises the question again, relative to the app's root: it opens
    in Rehearse when the report is read there, and is a dead link in a saved copy."""
    return f"/sessions/{session_id}/questions/{question_id}/practise" if question_id else ""


def practice_meta(item: QuestionPractice) -> str:
    """ "3 attempts · the latest compared with your answer in the interview"."""
    count = f"{len(item.attempts)} attempt{'s' if len(item.attempts) != 1 else ''}"
    if item.compared is None:
        return count
    return joined(count, f"the latest compared with {baseline_name(item)}")


def shows_previous(item: QuestionPractice) -> bool:
    """Whether the latest attempt against the one before says something the comparison with
    the baseline does not: not when the attempt before is the baseline (the second attempt
    at a question skipped in the interview)."""
    if item.previous is None:
        return False
    return not (item.baseline == "first attempt" and len(item.attempts) == 2)


def baseline_name(item: QuestionPractice) -> str:
    return "your answer in the interview" if item.baseline == "interview" else "your first attempt"


def change_word(change: str | None) -> str:
    """ "better", "worse", "about the same", or "not compared"."""
    return CHANGES.get(change, change or CHANGES[None])


def change_colour(change: str | None) -> str:
    """Green for better, red for worse, muted otherwise."""
    return {"better": palette.FOUND, "worse": palette.MISSING}.get(change or "", palette.MUTED)


@dataclass(frozen=True)
class AttemptRow:
    """One attempt in the attempts table."""

    name: str  # "Attempt 2"
    when: str
    length: str  # "48 words · 0:21", "48 words · typed"
    content: str  # "62", "0 (off topic)" or "not judged"
    pace: str
    fillers: str
    pauses: str


ATTEMPT_HEADER = ("Attempt", "When", "Length", "Content", "Pace", "Fillers", "Long pauses")


def attempt_row(attempt: PracticeAttempt) -> AttemptRow:
    return AttemptRow(
        f"Attempt {attempt.number}",
        when(attempt.created_at),
        joined(_words(attempt.words), duration(attempt.duration_seconds) or _how(attempt)),
        _content(attempt),
        *(_measure(attempt, name) for name in MEASURE_UNITS),
    )


def attempt_notes(item: QuestionPractice) -> list[str]:
    """Why an attempt's content has no score, one line per attempt that has a note."""
    return [f"Attempt {a.number}: {a.note}" for a in item.attempts if a.note]


def quote_label(status: str) -> str:
    """What a quote is to its point: for a point not made, the nearest sentence said, never
    evidence of the point ("nearest: "); otherwise the words that make it ("")."""
    return "nearest: " if status == "missing" else ""


def point_name(move: PointMove) -> str:
    """A story part capitalised ("Result"), a key point as written."""
    return capital(move.point)


def point_line(move: PointMove) -> str:
    """ "Result: missing → covered (better)"."""
    return f"{point_name(move)}: {move.before} \u2192 {move.after} ({change_word(move.change)})"


def content_line(comparison: PracticeComparison) -> str:
    """The judged content's change (a coding question's hidden tests passed), or why it is
    not compared."""
    if comparison.tests is not None:
        before, after = comparison.tests.before, comparison.tests.after
        change = change_word(comparison.tests.change) if comparison.tests.change else ""
        return (
            f"Hidden tests passed: {before.passed} of {before.total} \u2192 {after.passed} of "
            f"{after.total}" + (f" ({change})" if change else " (the problem's tests changed)")
        )
    if comparison.content is not None:
        return f"Content (the judge's score): {change_word(comparison.content)}"
    if comparison.judging:
        return "Content: still being judged"
    return "Content: not compared (an attempt was not judged)"


def measure_line(move: MeasureMove) -> str:
    """ "Pace: 96 → 141 words/min (better)", "Eye contact: 55 % → 80 % (better)"."""
    if move.name == EYE_CONTACT:
        before, after = f"{move.first:.0%}", f"{move.second:.0%}"
    else:
        unit = MEASURE_UNITS.get(move.name, "")
        before, after = _shown(move.first, unit), _shown(move.second, unit)
    return f"{capital(move.name)}: {before} \u2192 {after} ({change_word(move.change)})"


def length_line(comparison: PracticeComparison) -> str:
    """ "Length: 12 → 58 words, 0:05 → 0:24"."""
    (first, second), seconds = comparison.words, comparison.seconds
    line = f"Length: {first} \u2192 {second} words"
    if None not in seconds:
        line += f", {duration(seconds[0])} \u2192 {duration(seconds[1])}"
    return line


def _words(count: int) -> str:
    return f"{count} word{'s' if count != 1 else ''}"


def _how(attempt: PracticeAttempt) -> str:
    return "typed" if not attempt.recorded and attempt.text else ""


def _content(attempt: PracticeAttempt) -> str:
    if attempt.content is None:
        return "not judged"
    return f"{attempt.content:.0f}" + (" (off topic)" if attempt.on_topic is False else "")


def _measure(attempt: PracticeAttempt, name: str) -> str:
    value = attempt.delivery.get(name)
    return "" if value is None else _shown(value, MEASURE_UNITS[name])


def _shown(value: float, unit: str) -> str:
    """ "141 words/min", "2.5 per 100 words", "0 a minute" (not "0.00")."""
    return shown(value, unit) if value else f"0 {unit}"
