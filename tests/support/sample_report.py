"""A realistic 10-answer session report, built by hand, for the benchmark and the render tests.

Behavioural, technical, project and situational questions; spoken answers with fillers, long
pauses and fast stretches; one typed answer (no timeline, no words), one skipped question
(``answered=False``, no scores) and no video, so presence is not measured. Spoken answers are
written as scripts and timed word by word; their timelines, moments and delivery scores come
from the same code the real report uses (``rehearse.feedback``).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, cast

from rehearse.analysis.bands import Band
from rehearse.feedback.answer import score_answer
from rehearse.feedback.content.question import AskedQuestion, QuestionKind
from rehearse.feedback.delivery import FILLERS, HEDGES, LONG_PAUSES, PACE, START, delivery_score
from rehearse.feedback.measures import Rule, Score, label_for, weighted_score
from rehearse.feedback.presence import presence_score
from rehearse.feedback.report import (
    AnswerReport,
    Exchange,
    InterviewerTurn,
    KeyPointCheck,
    MomentNote,
    Recommendation,
    Reflection,
    Reply,
    Report,
    ScoreBasis,
    StudyItem,
    TimedWord,
    TimelinePoint,
)
from rehearse.feedback.segments import clock, moments
from rehearse.interviewer.retrieval.encoder import MiniLMEncoder

WINDOW_SECONDS = 5.0
SPOKEN = ("delivery", "vocal confidence")  # scores measured on the first recording alone
HEDGE_PHRASES = ("i guess", "sort of", "kind of", "i think maybe")

KEY_POINTS = Rule(
    "key points covered",
    "%",
    "all",
    Band(100, 100, 25, 100),
    0.5,
    "The points a strong answer to this question makes (question bank).",
    "Name each key point explicitly; interviewers listen for them.",
)
RELEVANCE = Rule(
    "relevance",
    "similarity",
    "at least 0.8",
    Band(0.8, 1, 0.3, 1),
    0.3,
    "Cosine similarity of the answer to the question and its reference answer (MiniLM).",
    "Answer the question asked first, then add context.",
)
SPECIFICS = Rule(
    "specifics",
    "numbers and names",
    "at least 5",
    Band(5, 100, 0, 100),
    0.2,
    "Concrete numbers, names and outcomes make a claim checkable (coaching practice).",
    "Give one number for the scale and one for the result.",
)
STAR_PARTS = Rule(
    "STAR parts",
    "of 4",
    "4",
    Band(4, 4, 0, 4),
    0.6,
    "Situation, task, action and result: the structure behavioural interviewers score.",
    "Say the result out loud, with a number if you have one.",
)
LENGTH = Rule(
    "length",
    "seconds",
    "60-150",
    Band(60, 150, 15, 240),
    0.4,
    "Answers of one to two and a half minutes keep the interviewer's attention.",
    "Plan three points; stop after the result.",
)
PITCH_VARIATION = Rule(
    "pitch variation",
    "semitones",
    "2-6",
    Band(2, 6, 0, 12),
    0.2,
    "A monotone reads as disengaged; very wide swings as nervous.",
    "Lift your voice on the point that matters, then land the sentence.",
)
LOUDNESS = Rule(
    "loudness steadiness",
    "dB variation",
    "at most 8",
    Band(0, 8, 0, 14),
    0.15,
    "A voice that keeps its level sounds assured.",
    "Keep the same distance to the microphone and finish sentences at full voice.",
)
CONFIDENCE_RULES = (
    Rule("pace", "words/min", "120-160", Band(120, 160, 70, 210), 0.2, "", PACE.advice),
    Rule("fillers", "per 100 words", "at most 3", Band(0, 3, 0, 10), 0.25, "", FILLERS.advice),
    Rule("long pauses", "per minute", "at most 1", Band(0, 1, 0, 4), 0.2, "", LONG_PAUSES.advice),
    LOUDNESS,
    PITCH_VARIATION,
)
CONTENT_RESTS_ON = (
    "What you said against the question's key points and reference answer; not whether the "
    "facts are true."
)
STRUCTURE_RESTS_ON = "The STAR parts of a story and the answer's length; not its content."
CONFIDENCE_RESTS_ON = (
    "An estimate from how you spoke (pace, fillers, pauses, loudness, pitch), not from what "
    "you said and not from an emotion model."
)


@dataclass(frozen=True)
class Spoken:
    """One spoken answer: its words, timeline and the stored-analysis shape the scores read."""

    words: tuple[TimedWord, ...]
    timeline: tuple[TimelinePoint, ...]
    speech: dict[str, Any]

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)

    @property
    def duration(self) -> float:
        return float(self.speech["duration_seconds"])


def speak(script: Sequence[tuple[float, str]], first_word: float, pitch_hz: float) -> Spoken:
    """Time a script word by word: each phrase is (words per minute, text).

    In the text ``~um`` is a filler and ``[2.6]`` a silence of 2.6 s before the next word.
    """
    words: list[TimedWord] = []
    clock, pause = first_word, 0.0
    for wpm, phrase in script:
        step = 60.0 / wpm
        for token in phrase.split():
            if token.startswith("["):
                pause = float(token.strip("[]"))
                clock += pause
                continue
            filler = token.startswith("~")
            text = token.lstrip("~")
            words.append(
                TimedWord(text, round(clock, 2), round(clock + 0.8 * step, 2), filler, pause)
            )
            clock += step
            pause = 0.0
    duration = round(clock + 0.4, 2)
    timeline = _timeline(words, duration, pitch_hz)
    spoken = [w for w in words if not w.filler]
    fillers = [w for w in words if w.filler]
    pauses = [(w.start - w.pause_before, w.start) for w in words if w.pause_before]
    text = " ".join(w.text.lower() for w in words)
    speech: dict[str, Any] = {
        "status": "ok",
        "duration_seconds": duration,
        "words": [{"text": w.text, "start": w.start, "end": w.end} for w in words],
        "timeline": [
            {"start": p.start, "end": p.end, "words_per_minute": p.words_per_minute}
            for p in timeline
            if p.words_per_minute is not None
        ],
        "pause_spans": [{"start": start, "end": end} for start, end in pauses],
        "fillers": {
            "items": [{"text": w.text, "start": w.start, "end": w.end} for w in fillers],
            "per_100_words": round(100 * len(fillers) / len(words), 2),
        },
        "pace": {"words_per_minute": round(60 * len(spoken) / (duration - first_word), 1)},
        "pauses": {"long_count": len(pauses), "time_to_first_word_seconds": first_word},
        "hedges": [phrase for phrase in HEDGE_PHRASES for _ in range(text.count(phrase))],
        "pitch_semitones": _semitone_spread([p.pitch_hz for p in timeline if p.pitch_hz]),
    }
    return Spoken(tuple(words), timeline, speech)


def _timeline(
    words: Sequence[TimedWord], duration: float, pitch_hz: float
) -> tuple[TimelinePoint, ...]:
    points = []
    start = 0.0
    index = 0
    while start < duration - 1.0:
        end = min(start + WINDOW_SECONDS, duration)
        inside = [w for w in words if start <= w.start < end]
        paused = any(
            w.pause_before and w.start - w.pause_before < end and w.start > start for w in words
        )
        spoken = [w for w in inside if not w.filler]
        wave = 0.12 * math.sin(0.9 * index) + 0.05 * math.cos(2.3 * index)
        points.append(
            TimelinePoint(
                round(start, 2),
                round(end, 2),
                round(60 * len(spoken) / (end - start), 1) if inside else None,
                round(pitch_hz * (1 + wave), 1) if inside else None,
                sum(w.filler for w in inside),
                paused,
            )
        )
        start, index = end, index + 1
    return tuple(points)


def _semitone_spread(pitches: Sequence[float]) -> float | None:
    if len(pitches) < 2:
        return None
    middle = statistics.median(pitches)
    return round(statistics.pstdev([12 * math.log2(p / middle) for p in pitches]) * 2, 2)


def _moments(spoken: Spoken) -> tuple[MomentNote, ...]:
    return tuple(
        MomentNote(m.start, m.end, m.when, m.kind, m.what, m.advice) for m in moments(spoken.speech)
    )


def _content(points: Sequence[KeyPointCheck], relevance: float, specifics: float) -> Score:
    covered = 100 * sum(p.found for p in points) / len(points) if points else None
    return weighted_score(
        "content",
        [(KEY_POINTS, covered), (RELEVANCE, relevance), (SPECIFICS, specifics)],
        CONTENT_RESTS_ON,
    )


def _structure(star: dict[str, bool], seconds: float | None) -> Score:
    parts = float(sum(star.values())) if star else None
    return weighted_score("structure", [(STAR_PARTS, parts), (LENGTH, seconds)], STRUCTURE_RESTS_ON)


def _confidence(speech: dict[str, Any] | None, loudness: float | None) -> Score:
    if speech is None:
        readings: list[float | None] = [None] * len(CONFIDENCE_RULES)
    else:
        minutes = speech["duration_seconds"] / 60
        readings = [
            speech["pace"]["words_per_minute"],
            speech["fillers"]["per_100_words"],
            speech["pauses"]["long_count"] / minutes,
            loudness,
            speech["pitch_semitones"],
        ]
    return weighted_score(
        "vocal confidence", list(zip(CONFIDENCE_RULES, readings, strict=True)), CONFIDENCE_RESTS_ON
    )


def _presence() -> Score:
    """No video in this session: presence is measured from nothing, so it is "not measured"."""
    return presence_score({})


def _overall(scores: Sequence[Score]) -> float | None:
    values = [s.value for s in scores if s.value is not None]
    return round(statistics.fmean(values), 1) if values else None


def _star(situation: bool, task: bool, action: bool, result: bool) -> dict[str, bool]:
    return {"situation": situation, "task": task, "action": action, "result": result}


def _answer(
    position: int,
    question: str,
    kind: str,
    topic: str,
    spoken: Spoken,
    *,
    key_points: tuple[KeyPointCheck, ...],
    star: dict[str, bool],
    content: tuple[float, float],
    loudness: float,
    highlights: tuple[str, ...],
    warnings: tuple[str, ...] = (),
) -> AnswerReport:
    scores = (
        _content(key_points, *content),
        _structure(star, spoken.duration),
        delivery_score(spoken.speech),
        _confidence(spoken.speech, loudness),
    )
    return AnswerReport(
        position=position,
        question=question,
        kind=kind,
        topic=topic,
        answered=True,
        text=spoken.text,
        duration_seconds=spoken.duration,
        overall=_overall(scores),
        scores=scores,
        key_points=key_points,
        star=star,
        moments=_moments(spoken),
        words=spoken.words,
        timeline=spoken.timeline,
        highlights=highlights,
        warnings=warnings,
    )


def _kp(point: str, found: bool, sentence: str) -> KeyPointCheck:
    return KeyPointCheck(point, found, sentence)


def _disagreement() -> AnswerReport:
    spoken = speak(
        [
            (
                150,
                "Sure. ~So at Fintrack I was the tech lead for the payments ledger, and a "
                "senior colleague wanted to move our reconciliation jobs to a new streaming "
                "platform.",
            ),
            (
                150,
                "My task was to decide, with him, whether we could do that before the "
                "quarter-end audit.",
            ),
            (
                195,
                "~Um I thought it was too risky, because ~like the audit needed every "
                "transaction reconciled to the cent and the streaming platform had no "
                "exactly-once delivery in our setup, and we had seen duplicates in staging "
                "twice that month already.",
            ),
            (
                200,
                "~So I ~uh suggested we run both pipelines side by side for two weeks and "
                "compare the outputs every night.",
            ),
            (
                140,
                "[2.6] We found eleven mismatches in the first week, all of them from "
                "duplicate events.",
            ),
            (
                145,
                "He agreed to keep the batch jobs for the audit, and we moved reconciliation "
                "to streaming a month later with an idempotency key on every event.",
            ),
            (
                150,
                "The audit passed with no findings, and we still run small comparisons like "
                "that before every big design change.",
            ),
        ],
        first_word=1.4,
        pitch_hz=182.0,
    )
    return _answer(
        1,
        "Tell me about a time you disagreed with a teammate on a technical decision.",
        "behavioural",
        "conflict",
        spoken,
        key_points=(
            _kp(
                "Describes the disagreement and both positions",
                True,
                "a senior colleague wanted to move our reconciliation jobs to a new streaming "
                "platform.",
            ),
            _kp(
                "Resolves it with evidence, not authority",
                True,
                "I suggested we run both pipelines side by side for two weeks and compare the "
                "outputs every night.",
            ),
            _kp(
                "Keeps the working relationship",
                True,
                "He agreed to keep the batch jobs for the audit.",
            ),
            _kp("States a measurable result", True, "The audit passed with no findings."),
        ),
        star=_star(True, True, True, True),
        content=(0.78, 6),
        loudness=9.2,
        highlights=(
            "Resolved the disagreement with data: 'run both pipelines side by side for two "
            "weeks and compare the outputs every night'.",
            "A clear, checkable result: 'eleven mismatches in the first week'.",
        ),
    )


def _rate_limiter() -> AnswerReport:
    spoken = speak(
        [
            (
                160,
                "I would start with the requirements: how many requests per client, over what "
                "window, and whether the limit is per API key or per IP address.",
            ),
            (
                170,
                "For a public API I would use a sliding-window counter or a token bucket, "
                "stored in Redis so every instance of the service shares the same counts.",
            ),
            (
                215,
                "Each request does an atomic increment with an expiry, ~um ~like in a Lua script "
                "so the read and the write cannot interleave.",
            ),
            (
                210,
                "When the client is over the limit we return ~uh 429 with a Retry-After header "
                "~so well-behaved clients can back off.",
            ),
            (
                150,
                "[2.2] I guess I would also ~uh think about what happens when Redis is down. "
                "I would probably fail open for reads and fail closed for expensive writes.",
            ),
            (
                145,
                "And I would put the limits in configuration, with metrics on how often each "
                "client is limited.",
            ),
        ],
        first_word=2.1,
        pitch_hz=176.0,
    )
    return _answer(
        2,
        "How would you design a rate limiter for a public API?",
        "technical",
        "system design",
        spoken,
        key_points=(
            _kp(
                "Chooses an algorithm (token bucket or sliding window)",
                True,
                "I would use a sliding-window counter or a token bucket",
            ),
            _kp(
                "Shares state across instances",
                True,
                "stored in Redis so every instance of the service shares the same counts.",
            ),
            _kp(
                "Makes the check-and-increment atomic",
                True,
                "Each request does an atomic increment with an expiry, in a Lua script",
            ),
            _kp("Returns 429 with Retry-After", True, "we return 429 with a Retry-After header"),
            _kp(
                "Handles limits across regions",
                False,
                "I would put the limits in configuration, with metrics on how often each "
                "client is limited.",
            ),
        ),
        star={},
        content=(0.71, 4),
        loudness=7.1,
        highlights=(
            "Covered the failure mode: 'fail open for reads and fail closed for expensive writes'.",
        ),
    )


def _failure() -> AnswerReport:
    spoken = speak(
        [
            (140, "Two years ago I led a rewrite of our search indexer."),
            (
                125,
                "[3.4] ~Um the plan was to replace a nightly batch job with incremental "
                "updates, and I promised it in six weeks.",
            ),
            (
                135,
                "It took five months. I had not measured how many documents changed each day, "
                "and it turned out to be most of them.",
            ),
            (
                120,
                "[3.1] ~So what I did was stop the rewrite, ~uh write down what we had "
                "learned, and ship a smaller change: we made the batch job parallel, which "
                "cut it from six hours to forty minutes.",
            ),
            (
                125,
                "[2.4] What I learned is to measure the data before I commit to a design, and "
                "to give estimates as a range with the assumptions written next to them.",
            ),
            (130, "I now do a one-day spike before any estimate longer than two weeks."),
        ],
        first_word=3.8,
        pitch_hz=171.0,
    )
    return _answer(
        3,
        "Describe a project that failed. What did you learn?",
        "behavioural",
        "failure",
        spoken,
        key_points=(
            _kp("Owns the failure", True, "I promised it in six weeks. It took five months."),
            _kp(
                "Explains the cause", True, "I had not measured how many documents changed each day"
            ),
            _kp(
                "Shows what changed afterwards",
                True,
                "I now do a one-day spike before any estimate longer than two weeks.",
            ),
        ),
        star=_star(True, False, True, True),
        content=(0.82, 5),
        loudness=10.4,
        highlights=(
            "Owned the failure plainly and named the lesson with a habit that follows from it.",
        ),
        warnings=("Three silences over 2 s: the answer stalls before each new part.",),
    )


def _locking() -> AnswerReport:
    text = (
        "Pessimistic locking takes a lock before reading (SELECT ... FOR UPDATE), so nobody "
        "else can change the row until the transaction ends; it is safe under heavy contention "
        "but holds locks and can deadlock. Optimistic locking reads without a lock and checks "
        "a version column on write (UPDATE ... WHERE id = ? AND version = ?); if another "
        "writer got there first the update touches 0 rows and the application retries. I use "
        "optimistic locking when conflicts are rare, e.g. editing a user profile, and "
        "pessimistic when they are common, e.g. decrementing stock for a flash sale."
    )
    points = (
        _kp(
            "Pessimistic locks before reading",
            True,
            "Pessimistic locking takes a lock before reading (SELECT ... FOR UPDATE)",
        ),
        _kp(
            "Optimistic checks a version on write",
            True,
            "checks a version column on write (UPDATE ... WHERE id = ? AND version = ?)",
        ),
        _kp("When to choose which", True, "I use optimistic locking when conflicts are rare"),
        _kp("Mentions deadlocks or lock timeouts", True, "can deadlock"),
    )
    scores = (
        _content(points, 0.86, 4),
        _structure({}, None),
        delivery_score({"status": "typed"}),
        _confidence(None, None),
    )
    return AnswerReport(
        position=4,
        question="Explain the difference between optimistic and pessimistic locking.",
        kind="technical",
        topic="databases",
        answered=True,
        text=text,
        duration_seconds=None,
        overall=_overall(scores),
        scores=scores,
        key_points=points,
        star={},
        moments=(),
        words=(),
        timeline=(),
        highlights=("Precise and complete, with an example for each choice.",),
        warnings=("Typed answer: delivery and vocal confidence are not measured.",),
    )


def _feedback() -> AnswerReport:
    """A complete story that draws one follow-up, on the point it leaves out."""
    spoken = speak(
        [
            (
                150,
                "Last year a new engineer on my team, ~um Chloé, kept merging pull requests "
                "without tests, and two of them broke the nightly build.",
            ),
            (155, "I was her mentor, so it was my job to raise it."),
            (
                165,
                "~Um I ~uh booked half an hour with her, ~like the same afternoon, and I "
                "started with what I had seen: two merges, two broken builds, and a team "
                "that spent a morning on each.",
            ),
            (
                150,
                "Then I asked what was getting in the way. It turned out she did not know how "
                "to run the integration tests locally, and she was embarrassed to ask.",
            ),
            (
                145,
                "~So we paired on it for an hour, and ~um I added a section to the onboarding "
                "guide.",
            ),
            (
                150,
                "She has not broken the build since, and she wrote the next two sections of "
                "the guide herself.",
            ),
        ],
        first_word=1.1,
        pitch_hz=185.0,
    )
    answer = _answer(
        5,
        "Tell me about a time you had to give difficult feedback to a colleague.",
        "behavioural",
        "feedback",
        spoken,
        key_points=(
            _kp(
                "Gives the feedback privately and promptly",
                True,
                "I booked half an hour with her, the same afternoon",
            ),
            _kp(
                "Describes behaviour and impact, not character",
                True,
                "two merges, two broken builds, and a team that spent a morning on each.",
            ),
            _kp("Listens for the cause", True, "Then I asked what was getting in the way."),
            _kp("Follows up", False, "We paired on it for an hour"),
        ),
        star=_star(True, True, True, True),
        content=(0.74, 5),
        loudness=6.1,
        highlights=("Feedback stated as behaviour and impact: 'two merges, two broken builds'.",),
    )
    reply = speak(
        [
            (
                140,
                "I set a fifteen minute check in with her every Friday for a month, ~um and "
                "after that she asked for them herself.",
            ),
        ],
        first_word=0.8,
        pitch_hz=185.0,
    )
    return _followed_up(
        answer,
        spoken,
        InterviewerTurn(
            "follow_up",
            "How did you check in with her afterwards?",
            "The story does not say how the candidate followed up, a point a strong answer covers.",
            decided_on="live",
        ),
        reply,
    )


def _followed_up(
    answer: AnswerReport, first: Spoken, asked: InterviewerTurn, second: Spoken
) -> AnswerReport:
    """``answer`` as a conversation: the answer, one follow-up and its reply; the scores
    read both replies' words, delivery the first recording (as the report builder does)."""
    replies = [
        Reply(
            number,
            f"sample-reply-{number}",
            "analysed",
            spoken.text,
            True,
            spoken.duration,
            spoken.words,
            spoken.timeline,
            _moments(spoken),
        )
        for number, spoken in ((1, first), (2, second))
    ]
    words = len(first.words) + len(second.words)
    both = f"scored on both replies, {words} words"
    recording = (
        f"measured on reply 1's recording ({len(first.words)} words, {clock(first.duration)}); "
        "the recording of reply 2 is not part of it"
    )
    return replace(
        answer,
        text=f"{first.text} {second.text}",
        thread=(
            Exchange(InterviewerTurn("question", answer.question, ""), replies[0]),
            Exchange(asked, replies[1]),
        ),
        closing=InterviewerTurn("next", "", "The answer covers what the question asks."),
        scored_on=tuple(
            ScoreBasis(score.name, (1,) if score.name in SPOKEN else (1, 2), words, summary)
            for score in answer.scores
            for summary in [recording if score.name in SPOKEN else both]
        ),
    )


def _skipped() -> AnswerReport:
    return AnswerReport(
        position=6,
        question=(
            "Walk me through how you would migrate a monolith's database to PostgreSQL with "
            "zero downtime."
        ),
        kind="technical",
        topic="databases",
        answered=False,
        text="",
        duration_seconds=None,
        overall=None,
        scores=(),
        key_points=(),
        star={},
        moments=(),
        words=(),
        timeline=(),
        highlights=(),
        warnings=("Skipped: practise this one next time (see the study plan).",),
    )


def _url() -> AnswerReport:
    spoken = speak(
        [
            (
                170,
                "The browser parses the URL and checks its caches, then resolves the host name "
                "through DNS: the operating system, the resolver, and down from the root if "
                "nothing is cached.",
            ),
            (
                225,
                "Then it opens a TCP connection, ~um does the ~uh TLS handshake, checks the "
                "certificate chain, and sends the HTTP request with its headers and "
                "cookies, and ~like the server, maybe behind a load balancer and a CDN, "
                "sends back the response.",
            ),
            (
                230,
                "The browser parses the HTML, ~like builds the DOM, fetches the CSS and the "
                "scripts, builds the render tree, does layout and paint, and runs the "
                "JavaScript.",
            ),
            (160, "HTTP/2 or HTTP/3 changes the connection part, but the steps are the same."),
        ],
        first_word=0.9,
        pitch_hz=179.0,
    )
    return _answer(
        7,
        "What happens, step by step, when you type a URL into a browser and press Enter?",
        "technical",
        "networking",
        spoken,
        key_points=(
            _kp("DNS resolution", True, "resolves the host name through DNS"),
            _kp(
                "TCP and TLS handshakes", True, "it opens a TCP connection, does the TLS handshake"
            ),
            _kp("HTTP request and response", True, "sends the HTTP request with its headers"),
            _kp(
                "Rendering: DOM, CSSOM, layout, paint",
                True,
                "builds the DOM, fetches the CSS and the scripts, builds the render tree",
            ),
            _kp("Caching at each layer", False, "The browser parses the URL and checks its caches"),
        ),
        star={},
        content=(0.8, 3),
        loudness=9.8,
        highlights=("Complete and in order, from DNS to paint.",),
    )


def _event_sourcing() -> AnswerReport:
    spoken = speak(
        [
            (
                145,
                "At Fintrack we stored every change to an account as an event, and built the "
                "balances by replaying them.",
            ),
            (150, "It gave us a perfect audit trail, which the regulator loved."),
            (
                140,
                "[2.3] What I would do differently is ~um the projections. We rebuilt them "
                "from the start of time on every deploy, and by the second year that took "
                "three hours.",
            ),
            (
                150,
                "Next time I would snapshot the projections daily and version the event "
                "schemas from day one, because we had four incompatible versions of the same "
                "event by the end.",
            ),
            (
                145,
                "I would also keep event sourcing to the ledger, where it paid off, and use "
                "plain tables for everything else.",
            ),
        ],
        first_word=1.6,
        pitch_hz=174.0,
    )
    return _answer(
        8,
        "Your résumé mentions event sourcing at Fintrack — what would you do differently "
        "next time?",
        "project",
        "architecture",
        spoken,
        key_points=(
            _kp(
                "Says why event sourcing was chosen",
                True,
                "It gave us a perfect audit trail, which the regulator loved.",
            ),
            _kp("Names a concrete problem", True, "by the second year that took three hours."),
            _kp(
                "Proposes specific changes",
                True,
                "snapshot the projections daily and version the event schemas from day one",
            ),
        ),
        star=_star(True, False, True, True),
        content=(0.84, 5),
        loudness=5.2,
        highlights=(
            "Honest about the cost of the design, with numbers: 'three hours', 'four versions'.",
        ),
    )


def _on_call() -> AnswerReport:
    spoken = speak(
        [
            (
                150,
                "First I would acknowledge the page so the team knows someone is on it, and "
                "check the dashboard to see whether customers are affected.",
            ),
            (
                145,
                "If they are, I would follow the runbook for that service, and if there is "
                "none, I would page the owning team's on-call rather than change a system I "
                "don't know.",
            ),
            (
                155,
                "~Um while I wait I would open an incident channel, write down what I see "
                "with timestamps, and check whether anything was deployed recently, since "
                "that is the most common cause.",
            ),
            (
                150,
                "Afterwards I would make sure the alert is routed to the right team, so it "
                "does not wake the wrong person again.",
            ),
        ],
        first_word=1.3,
        pitch_hz=178.0,
    )
    return _answer(
        9,
        "An alert fires at 2 a.m. for a service your team does not own. What do you do?",
        "situational",
        "operations",
        spoken,
        key_points=(
            _kp(
                "Acknowledges and assesses impact",
                True,
                "I would acknowledge the page so the team knows someone is on it",
            ),
            _kp("Escalates to the owners", True, "I would page the owning team's on-call"),
            _kp("Communicates in the open", True, "I would open an incident channel"),
            _kp(
                "Fixes the routing afterwards",
                True,
                "I would make sure the alert is routed to the right team",
            ),
        ),
        star=_star(True, True, True, False),
        content=(0.79, 2),
        loudness=6.0,
        highlights=("Safe and methodical: escalates instead of changing a system you do not own.",),
    )


def _motivation() -> AnswerReport:
    spoken = speak(
        [
            (
                150,
                "~Um ~so I ~like really like platform work, ~um because ~like you make "
                "everybody else faster.",
            ),
            (
                140,
                "[2.7] ~Uh I read your engineering blog post about moving to Kubernetes and "
                "~um I kind of liked how honest it was about the problems.",
            ),
            (
                150,
                "And I think maybe my experience with the payments ledger would sort of help "
                "with the reliability work you mentioned.",
            ),
        ],
        first_word=2.6,
        pitch_hz=188.0,
    )
    return _answer(
        10,
        "Why do you want to join our platform team?",
        "behavioural",
        "motivation",
        spoken,
        key_points=(
            _kp(
                "Knows what the team does",
                True,
                "I read your engineering blog post about moving to Kubernetes",
            ),
            _kp(
                "Connects own experience to the role",
                True,
                "my experience with the payments ledger would sort of help",
            ),
            _kp(
                "Says what they want to learn or build",
                False,
                "I really like platform work, because you make everybody else faster.",
            ),
        ),
        star={},
        content=(0.66, 1),
        loudness=11.3,
        highlights=("Did research: refers to the team's blog post.",),
        warnings=("Short answer (30 s) with 7 fillers: the start sounds unprepared.",),
    )


def _pooled(name: str, scores: Sequence[Score], rules: Sequence[Rule], rests_on: str) -> Score:
    """The session's score: each measurement's mean over the answers that measured it."""
    readings: list[tuple[Rule, float | None]] = []
    for rule in rules:
        values = [
            m.value
            for s in scores
            for m in s.measurements
            if s.name == name and m.name == rule.name and m.value is not None
        ]
        readings.append((rule, statistics.fmean(values) if values else None))
    return weighted_score(name, readings, rests_on)


def sample_report() -> Report:
    """A realistic report of a 10-answer backend interview, built without a database."""
    answers = (
        _disagreement(),
        _rate_limiter(),
        _failure(),
        _locking(),
        _feedback(),
        _skipped(),
        _url(),
        _event_sourcing(),
        _on_call(),
        _motivation(),
    )
    scores = [s for a in answers for s in a.scores]
    session = (
        _pooled("content", scores, (KEY_POINTS, RELEVANCE, SPECIFICS), CONTENT_RESTS_ON),
        _pooled("structure", scores, (STAR_PARTS, LENGTH), STRUCTURE_RESTS_ON),
        _pooled(
            "delivery", scores, (PACE, FILLERS, LONG_PAUSES, HEDGES, START), scores[2].rests_on
        ),
        _pooled("vocal confidence", scores, CONFIDENCE_RULES, CONFIDENCE_RESTS_ON),
        _presence(),
    )
    assert session[-1].label == label_for(None)
    return Report(
        session_id="7f3c2a9e-4b1d-4c8e-9a6f-2d5e8b1c0f47",
        title="Backend engineer interview",
        role="Senior software engineer, Platform",
        candidate="Renée Okafor",
        created_at="2025-03-14T15:42:07Z",
        overall=_overall(session),
        scores=session,
        answers=answers,
        recommendations=(
            Recommendation(
                1,
                "delivery",
                "Slow down when you explain technical steps",
                "Questions 1, 2 and 7 each have stretches above 180 wpm (up to 210 wpm at "
                "0:10-0:30 in question 7), all while listing steps.",
                "Finish each step, then pause for a beat before the next; aim for 120-160 "
                "words a minute.",
                4.2,
            ),
            Recommendation(
                2,
                "delivery",
                "Replace fillers with silent pauses",
                "7 fillers in 30 s in question 10 (um, so, like, uh); 3.8 per 100 words over "
                "the session against a target of at most 3.",
                "When you feel an 'um' coming, close your mouth and pause instead: silence "
                "sounds deliberate.",
                3.1,
            ),
            Recommendation(
                3,
                "structure",
                "Say the task and the result out loud",
                "Questions 3 and 8 have no task; question 9 has no result.",
                "End every story with what changed, with a number if you have one: 'the audit "
                "passed with no findings'.",
                2.4,
            ),
            Recommendation(
                4,
                "content",
                "Prepare your motivation answer",
                "Question 10 covered 2 of 3 key points and gave 1 specific; it opened with "
                "4 fillers in the first 6 seconds.",
                "Write three sentences: what the team does, what you bring (one number), what "
                "you want to learn there. Say them aloud twice.",
                1.8,
            ),
        ),
        next_session=(
            "Pace: every 5-second window between 120 and 160 wpm (this session: 6 windows "
            "above 180).",
            "Fillers: at most 3 per 100 words (this session: 3.8).",
            "Long pauses: at most 1 a minute (this session: 2.4 a minute in question 3).",
            "Structure: all four STAR parts in every story (this session: 2 of 5 stories).",
            "Answer question 6 (zero-downtime database migration) instead of skipping it.",
        ),
        study_plan=(
            StudyItem(
                "databases",
                "You skipped the zero-downtime migration question, and it is in the job "
                "description ('PostgreSQL at scale').",
                (
                    "Expand and contract schema changes (Rehearse notes)",
                    "Logical replication for migrations (PostgreSQL documentation)",
                ),
                (
                    "How would you add a NOT NULL column to a table with 500 million rows?",
                    "Walk me through a blue-green database cut-over.",
                ),
            ),
            StudyItem(
                "system design",
                "Rate-limiter answer missed multi-region limits.",
                ("Distributed rate limiting (Rehearse notes)",),
                ("How would you enforce a global quota across three regions?",),
            ),
            StudyItem(
                "motivation",
                "The weakest answer of the session (content 53).",
                ("Answering 'why us?' (Rehearse notes)",),
                ("What would you want to achieve in your first 90 days?",),
            ),
        ),
        reflections=(
            Reflection(
                "I rushed the technical answers when I was not sure of the next step.",
                "You felt you spoke too fast, and the recording agrees: your pace was 171 "
                "words/min (target 120-160). The change that would help most: pause at the end "
                "of each point instead of rushing on.",
            ),
        ),
        caveats=(
            "No video was recorded, so presence is not measured.",
            "Whisper drops some short fillers, so filler counts are lower bounds.",
            "Question 4 was typed: its delivery and vocal confidence are not measured.",
            "Scores compare you with target bands, not with other candidates.",
        ),
    )


def score_all(report: Report, encoder: MiniLMEncoder) -> None:
    """Evaluate and score every answered question of ``report`` from its text."""
    for answer in report.answers:
        if answer.answered:
            kind = cast(QuestionKind, answer.kind)
            score_answer(AskedQuestion(answer.question, kind, answer.topic), answer.text, encoder)
