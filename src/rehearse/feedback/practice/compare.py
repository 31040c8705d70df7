"""Two attempts at one question side by side: each key point and story part, the content, how
it was spoken, and what changed, led by a coach's sentence.

A point or part is said to be gained or lost only as the advice may say it (``advice``: a part
is "missing" only where the judge's "missing" is right often enough), with the words each
attempt used; content and delivery (eye contact too, when both attempts were filmed) change
only beyond their margins (``content``, ``delivery``). The lead says what improved, then what
got worse, then what is still missing: "This time you gave the result; you still don't say
what you did yourself". A coding question is compared by its hidden tests passed, where any
change is real: the sandbox runs the same tests the same way each time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rehearse.feedback.judge.advice import said_point_status, said_status
from rehearse.feedback.judge.verdict import ContentJudgement
from rehearse.feedback.practice.content import Change, content_change
from rehearse.feedback.practice.delivery import (
    MeasureChange,
    delivery_changes,
    eye_contact_change,
)

_RANK = {"missing": 0, "partly": 1, "covered": 2}
_PART_TOLD = {
    "situation": "set the scene",
    "task": "said what you had to achieve",
    "action": "said what you did yourself",
    "result": "gave the result",
}
_PART_UNTOLD = {
    "situation": "don't set the scene",
    "task": "don't say what you had to achieve",
    "action": "don't say what you did yourself",
    "result": "don't give the result",
}
_DELIVERY_BETTER = {
    "pace": "spoke at a pace nearer 120-160 words a minute",
    "fillers": "used fewer fillers",
    "long pauses": "stalled in long pauses less often",
    "eye contact": "looked into the camera more",
}
_DELIVERY_WORSE = {
    "pace": "spoke at a pace further from 120-160 words a minute",
    "fillers": "used more fillers",
    "long pauses": "stalled in long pauses more often",
    "eye contact": "looked into the camera less",
}


@dataclass(frozen=True)
class Graded:
    """How many of a coding question's hidden tests an attempt's code passed."""

    passed: int
    total: int


@dataclass(frozen=True)
class Attempt:
    """One attempt as stored: what was said, its judgement, its speech and video analyses
    (dicts as ``ContentJudgement.to_dict``, ``SpeechAnalysis.to_dict`` and
    ``VideoAnalysis.to_dict`` give them; None when there is none, e.g. a typed answer has no
    speech, an answer without the camera no video)."""

    text: str
    judgement: Mapping[str, Any] | None = None
    speech: Mapping[str, Any] | None = None
    judging: bool = False  # its judgement is still being made (a job is queued or running)
    video: Mapping[str, Any] | None = None
    watching: bool = False  # its video is still being analysed
    tests: Graded | None = None  # a coding answer's hidden tests, once its code has run


@dataclass(frozen=True)
class CodeChange:
    """A coding question's hidden tests passed before and after. No noise margin: the
    sandbox runs the same tests on the code each time, so one test more is a real change."""

    before: Graded
    after: Graded

    @property
    def change(self) -> Change | None:
        """None when the attempts ran different tests (the problem's tests changed)."""
        if self.before.total != self.after.total:
            return None
        step = self.after.passed - self.before.passed
        return "better" if step > 0 else "worse" if step < 0 else "same"


@dataclass(frozen=True)
class PointChange:
    point: str  # the key point, or the story part's name
    is_part: bool  # a story's part (situation, task, action, result), else a key point
    before: str  # covered / partly / missing, as the advice may say it
    after: str
    before_quote: str
    after_quote: str

    @property
    def change(self) -> Change:
        step = _RANK.get(self.after, 0) - _RANK.get(self.before, 0)
        return "better" if step > 0 else "worse" if step < 0 else "same"


@dataclass(frozen=True)
class AttemptComparison:
    points: tuple[PointChange, ...]
    content: Change | None  # None when either attempt was not judged
    on_topic: tuple[bool | None, bool | None]
    delivery: tuple[MeasureChange, ...]
    words: tuple[int, int]
    seconds: tuple[float | None, float | None]
    lead: str  # what improved, what got worse, what is still missing
    judging: bool = False  # either attempt's judgement is still being made
    watching: bool = False  # either attempt's video is still being analysed
    tests: CodeChange | None = None  # a coding question once both attempts' code has run


def compare_attempts(first: Attempt, second: Attempt) -> AttemptComparison:
    """``second`` against ``first``."""
    points = _point_changes(first.judgement, second.judgement)
    content = None
    if first.judgement is not None and second.judgement is not None:
        content = content_change(
            ContentJudgement.from_dict(dict(first.judgement)),
            ContentJudgement.from_dict(dict(second.judgement)),
        )
    delivery = delivery_changes(first.speech or {}, second.speech or {})
    eyes = eye_contact_change(first.video, second.video)
    if eyes is not None:
        delivery += (eyes,)
    on_topic = (_on_topic(first), _on_topic(second))
    tests = None
    if first.tests is not None and second.tests is not None:
        tests = CodeChange(first.tests, second.tests)
    return AttemptComparison(
        points,
        content,
        on_topic,
        delivery,
        (len(first.text.split()), len(second.text.split())),
        (_seconds(first), _seconds(second)),
        _lead(points, delivery, on_topic, content, tests) if second.text.strip() else NO_SPEECH,
        first.judging or second.judging,
        first.watching or second.watching,
        tests,
    )


def _on_topic(attempt: Attempt) -> bool | None:
    return None if attempt.judgement is None else attempt.judgement.get("on_topic")


def _seconds(attempt: Attempt) -> float | None:
    return None if attempt.speech is None else attempt.speech.get("duration_seconds")


def _point_changes(
    first: Mapping[str, Any] | None, second: Mapping[str, Any] | None
) -> tuple[PointChange, ...]:
    """Each point both judgements name, in the later one's order: the story's parts, then the
    key points."""
    if first is None or second is None:
        return ()
    changes = []
    for field, is_part in (("star", True), ("points", False)):
        said = said_status if is_part else said_point_status
        before = {item["point"]: item for item in first.get(field) or ()}
        for item in second.get(field) or ():
            earlier = before.get(item["point"])
            if earlier is not None:
                changes.append(
                    PointChange(
                        item["point"],
                        is_part,
                        said(earlier),
                        said(item),
                        earlier.get("quote") or "",
                        item.get("quote") or "",
                    )
                )
    return tuple(changes)


NOTHING_COMPARED = (
    "Nothing could be compared yet: content is compared once both attempts are judged, and "
    "delivery when both were spoken."
)
NO_SPEECH = (
    "Nothing was heard in this attempt, so it is not compared: answer out loud, closer to "
    "the microphone."
)


def _lead(
    points: Sequence[PointChange],
    delivery: Sequence[MeasureChange],
    on_topic: tuple[bool | None, bool | None],
    content: Change | None,
    tests: CodeChange | None,
) -> str:
    if content is None and not points and not delivery and tests is None:
        return NOTHING_COMPARED
    if on_topic[1] is False:
        return "This attempt did not address the question."
    told_before = on_topic[0] is not False
    gained = [] if told_before else ["answered the question"]
    gained += [_told(p) for p in points if p.change == "better" and p.after == "covered"]
    gained += [_DELIVERY_BETTER[m.name] for m in delivery if m.change == "better"]
    lost = [_untold(p) for p in points if p.change == "worse" and p.after == "missing"]
    lost = lost if told_before else []
    lost += [_DELIVERY_WORSE[m.name] for m in delivery if m.change == "worse"]
    still = [_untold(p) for p in points if p.after == "missing" and p.before == "missing"]
    sentences = []
    if gained:
        sentences.append(f"this time you {_joined(gained)}")
    if lost:
        sentences.append(f"this time you {_joined(lost)}")
    if still:
        sentences.append(f"you still {_joined(still)}")
    coded = _tests_said(tests) if tests is not None else ""
    if not sentences:
        return coded or (
            "About the same as before: no point, part or measure changed beyond its noise."
        )
    lead = "; ".join(sentences) + "."
    return " ".join(filter(None, (coded, lead[0].upper() + lead[1:])))


def _tests_said(tests: CodeChange) -> str:
    """What the hidden tests say: "This time your code passed all 5 tests."."""
    after, before = tests.after, tests.before
    passed = _passed(after)
    if tests.change is None:
        return (
            f"Your code passed {passed}; the problem's tests have changed since the "
            f"{before.passed} of {before.total} before, so the two are not compared."
        )
    if tests.change == "same":
        again = " again" if after.passed == after.total else ", as before"
        return f"Your code passed {passed}{again}."
    if after.passed == after.total:
        return f"This time your code passed {passed}."
    step = after.passed - before.passed
    more = f"{step} more" if step > 0 else f"{-step} fewer"
    return f"This time your code passed {passed}, {more} than before."


def _passed(graded: Graded) -> str:
    """How many passed, in words: all 5 tests, none of the 5 tests, 3 of 5 tests."""
    if graded.passed == graded.total:
        return f"all {graded.total} tests"
    if not graded.passed:
        return f"none of the {graded.total} tests"
    return f"{graded.passed} of {graded.total} tests"


def _told(point: PointChange) -> str:
    if point.is_part:
        return _PART_TOLD.get(point.point, f"told the {point.point}")
    return f"made the point “{point.point.rstrip('.')}”"


def _untold(point: PointChange) -> str:
    if point.is_part:
        return _PART_UNTOLD.get(point.point, f"don't tell the {point.point}")
    return f"don't make the point “{point.point.rstrip('.')}”"


def _joined(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
