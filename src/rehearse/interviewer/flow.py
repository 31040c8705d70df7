"""The conversation, as a state machine: ask, hear the answer, decide what comes next.

After each answer the interviewer either asks a follow-up (the story misses a part, the
claim has no evidence, "we" hides the candidate), asks for clarification (too short, off the
question), or moves on; the candidate can skip or ask for a repeat; the interview ends when
the plan or the time budget runs out. Every decision carries its reason and its rule; no
rule is asked twice about one question.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from rehearse.interviewer.assess import SHORT_WORDS, AnswerReading, asks_again, read_answer
from rehearse.interviewer.plan import InterviewPlan
from rehearse.interviewer.planned import PlannedQuestion
from rehearse.interviewer.rewriting import Rewriter

MAX_FOLLOW_UPS = 2
_OFF_TOPIC = 0.12
_VAGUE_HEDGES = 3


# For answers that are not stories, the one part whose absence an interviewer asks about, as
# a STAR story is asked for its Result (the score judges every part; the conversation does
# not nag): form -> (the part, the follow-up, the reason).
_KEY_PART: dict[str, tuple[str, str, str]] = {
    "weakness": (
        "remedy",
        "What are you doing about it?",
        "The answer names a weakness but not what the candidate is doing about it.",
    ),
    "motivation": (
        "specifics",
        "What do you know about the role or the company that makes it stand out for you?",
        "The reason could fit any company: nothing specific about this one.",
    ),
    "pitch": (
        "evidence",
        "What have you done that shows it?",
        "The claim has no evidence: nothing the candidate did.",
    ),
}


class Move(StrEnum):
    FOLLOW_UP = "follow_up"
    CLARIFY = "clarify"
    NEXT = "next"
    END = "end"


@dataclass(frozen=True)
class Decision:
    move: Move
    say: str  # what the interviewer says next (empty when the interview ends)
    reason: str
    reading: AnswerReading | None = None
    rule: str = ""  # the rule that called for it ("result", "numbers"...); empty for next, end


def judge(
    question: PlannedQuestion,
    reading: AnswerReading,
    follow_ups_asked: int,
    latest: AnswerReading | None = None,
    asked: Collection[str] = (),
) -> Decision | None:
    """The follow-up or clarification this answer calls for, or None when it is complete.

    ``reading`` covers everything said about the question so far (so a Result given in reply
    to a follow-up completes the story); ``latest`` is the last reply alone, judged for
    hedging. Length and focus are judged on the first answer only: a short reply to a
    follow-up is normal. ``asked`` are the rules that already drew a follow-up on this
    question: each is asked once, so a reply that still misses a part moves the conversation
    on instead of in a circle.
    """
    calls = _calls_for(question, reading, follow_ups_asked, latest or reading)
    return next((call for call in calls if call.rule not in asked), None)


def _calls_for(
    question: PlannedQuestion, reading: AnswerReading, follow_ups_asked: int, latest: AnswerReading
) -> Iterator[Decision]:
    """Every clarification or follow-up the answer calls for, the most important first."""
    if latest.asks_again:
        yield Decision(
            Move.CLARIFY,
            f"Of course. {question.text}",
            "The candidate asked to hear the question again.",
            reading,
            "again",
        )
    if follow_ups_asked == 0 and (reading.declined or reading.words < SHORT_WORDS):
        yield Decision(
            Move.CLARIFY,
            "Take your time. Could you say a bit more? A concrete example from your own "
            "experience is the most useful.",
            f"The answer was {reading.words} words long; interviewers expect a developed example.",
            reading,
            "short",
        )
    if follow_ups_asked == 0 and reading.relevance < _OFF_TOPIC and reading.coverage == 0:
        yield Decision(
            Move.CLARIFY,
            f"Let me repeat the question, in case it was unclear: {question.text}",
            "The answer used almost none of the question's words or the points it asks about.",
            reading,
            "off_topic",
        )
    if follow_ups_asked >= MAX_FOLLOW_UPS:
        return
    story = reading.form == "story"
    if story and not reading.star["result"]:
        yield Decision(
            Move.FOLLOW_UP,
            "And how did it end? What was the result, and how did you know?",
            "The story has no Result: the outcome is what the example is meant to prove.",
            reading,
            "result",
        )
    if reading.form in _KEY_PART:
        part, say, why = _KEY_PART[reading.form]
        if not reading.parts.get(part, True):
            yield Decision(Move.FOLLOW_UP, say, why, reading, part)
    if story and reading.we_statements > 2 * max(reading.i_statements, 1) + 1:
        yield Decision(
            Move.FOLLOW_UP,
            "You said 'we' a lot. What did you personally do?",
            f"'We' came {reading.we_statements} times and 'I' {reading.i_statements}: the "
            "candidate's own part is unclear.",
            reading,
            "own_part",
        )
    if story and reading.numbers == 0:
        yield Decision(
            Move.FOLLOW_UP,
            "Can you put a number on it? How big was the change, or how did you measure success?",
            "The answer claims an outcome without any evidence: no numbers at all.",
            reading,
            "numbers",
        )
    if latest.hedges >= _VAGUE_HEDGES or (reading.coverage < 0.2 and latest.generic >= 2):
        hint = question.follow_ups[0] if question.follow_ups else "Can you be more specific?"
        yield Decision(
            Move.FOLLOW_UP,
            hint,
            f"The answer stays general ({latest.hedges} hedges, {latest.generic} generic "
            f"phrases) and touches {reading.coverage:.0%} of the points a strong answer covers.",
            reading,
            "vague",
        )


def respond(
    question: PlannedQuestion,
    replies: Sequence[str],
    rewriter: Rewriter,
    asked: Collection[str] = (),
) -> tuple[AnswerReading, Decision | None]:
    """Read everything said about ``question`` (``replies``, oldest first: the answer, then the
    replies to follow-ups) and return the follow-up or clarification it calls for, worded by
    ``rewriter``, or None when the answer is complete or the follow-ups are used up. ``asked``:
    the rules of the follow-ups already asked about it. A reply that only asked to hear the
    question again is not an answer: the reply after it is judged as the first (once a
    question, as the question is repeated once, so asking again and again cannot keep the
    interviewer on it)."""
    repeated = any(asks_again(reply) for reply in replies[:-1])
    follow_ups, whole = len(replies) - 1 - repeated, " ".join(replies)
    reading = read_answer(question, whole)
    latest = read_answer(question, replies[-1])
    decision = judge(question, reading, follow_ups, latest, asked)
    if decision is None or (decision.move is Move.CLARIFY and follow_ups >= MAX_FOLLOW_UPS):
        return reading, None
    if decision.move is Move.FOLLOW_UP:
        worded = rewriter.follow_up(question.text, whole, decision.reason, decision.say)
        decision = replace(decision, say=worded)
    return reading, decision


@dataclass
class Interview:
    """One interview in progress over a plan, with an optional time budget in seconds."""

    plan: InterviewPlan
    time_budget_seconds: float | None = None
    rewriter: Rewriter = field(default_factory=Rewriter)
    index: int = 0
    follow_ups_asked: int = 0
    elapsed_seconds: float = 0.0
    transcript: list[tuple[str, str]] = field(default_factory=list)  # (asked, answered)
    readings: list[tuple[PlannedQuestion, AnswerReading]] = field(default_factory=list)
    _asking: str = ""
    _asked: list[str] = field(default_factory=list)  # the rules followed up on this question

    @property
    def finished(self) -> bool:
        return self.index >= len(self.plan.questions)

    @property
    def current(self) -> PlannedQuestion:
        return self.plan.questions[self.index]

    def ask(self) -> str:
        """What the interviewer says now: the current question (or its follow-up)."""
        self._asking = self._asking or self.current.text
        return self._asking

    def answer(self, text: str, seconds: float = 0.0) -> Decision:
        question = self.current
        self.transcript.append((self.ask(), text))
        self.elapsed_seconds += seconds
        replies = [a for _, a in self.transcript[-1 - self.follow_ups_asked :]]
        if self._over_time():
            reading = read_answer(question, " ".join(replies))
            self.readings.append((question, reading))
            return self._advance("The time budget is used up.", reading)
        reading, decision = respond(question, replies, self.rewriter, self._asked)
        self.readings.append((question, reading))
        if decision is not None:
            self.follow_ups_asked += 1
            self._asked.append(decision.rule)
            self._asking = decision.say
            return decision
        return self._advance("The answer covers what the question asks; moving on.", reading)

    def record_graded(self, code: str, summary: str) -> Decision:
        """A coding answer, graded by its hidden tests: recorded, then the next question."""
        self.transcript.append((self.ask(), code))
        return self._advance(f"Graded by the hidden tests: {summary}", None)

    def skip(self) -> Decision:
        self.transcript.append((self.ask(), ""))
        return self._advance("The candidate chose to skip this question.", None)

    def repeat(self) -> str:
        return self.current.text

    def _over_time(self) -> bool:
        return (
            self.time_budget_seconds is not None
            and self.elapsed_seconds >= self.time_budget_seconds
        )

    def _advance(self, reason: str, reading: AnswerReading | None) -> Decision:
        self.index += 1
        self.follow_ups_asked = 0
        self._asking = ""
        self._asked = []
        if self.finished or self._over_time():
            self.index = len(self.plan.questions)
            return Decision(Move.END, "", reason + " That was the last question.", reading)
        return Decision(Move.NEXT, self.ask(), reason, reading)
