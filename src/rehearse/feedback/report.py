"""The report: everything a candidate reads about one session, as one plain data model.

Rendered as JSON (``to_dict``), HTML and PDF by ``rehearse.reports``; built from the stored
session by ``rehearse.reports.builder``. Nothing here knows where the data came from.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from rehearse.feedback.measures import Score

# report-3 added each answer's thread, closing and scored_on; report-4 its model_rating;
# report-5 each score's agreement with people, the fluency score, off_topic and overall_note;
# report-7 the overall's agreement with people (overall_agreement); report-8 dropped the second
# language model's rationale and model_rating: the content judge's judgement is the one judgement;
# report-9 each answer's question_id and the practice section (practice attempts, compared);
# report-10 each timed word's repeated (said again at once, or a cut-off word started again);
# report-11 a filler heard in the sound that no word shows is a timed word of its own ("um")
# report-12 a coach's review of each answer of an assignment (AnswerReport.coach)
REPORT_VERSION = "report-12"


@dataclass(frozen=True)
class TimedWord:
    text: str
    start: float
    end: float
    filler: bool = False
    pause_before: float = 0.0  # seconds of silence before the word, when it is a long pause
    repeated: bool = False  # a saying again of a word or phrase, or a restart ("report-10")


@dataclass(frozen=True)
class TimelinePoint:
    start: float
    end: float
    words_per_minute: float | None
    pitch_hz: float | None
    fillers: int
    long_pause: bool
    eye_contact: float | None = None  # share of the window's face frames, when video exists


@dataclass(frozen=True)
class MomentNote:
    start: float
    end: float
    when: str  # "1:12-1:25"
    kind: str
    what: str
    advice: str


@dataclass(frozen=True)
class KeyPointCheck:
    point: str
    found: bool
    sentence: str  # the sentence that covers it (or comes nearest)
    # The content judge's verdict: covered, partly or missing; "" when the point was matched
    # by sentence similarity alone (the judge off or not done yet).
    status: str = ""


@dataclass(frozen=True)
class InterviewerTurn:
    """What the interviewer said in a question's conversation, and why."""

    move: str  # question, follow_up or clarify (asking); next or end (moving on)
    say: str  # the question, the follow-up, or the next question ("" at the end)
    reason: str  # why it was asked (for the question itself: why it was planned)
    decided_on: str | None = None  # the transcript the move was decided on, when recorded


@dataclass(frozen=True)
class Reply:
    """One answer the candidate gave in a question's conversation, with its own recording."""

    number: int  # 1 for the answer to the question, then 2, 3... for replies to follow-ups
    answer_id: str  # GET /api/sessions/{id}/answers/{answer_id}/media replays its recording
    status: str  # received, processing, analysed or failed
    text: str  # the transcript, or what was typed
    recorded: bool  # whether there is a recording to replay
    duration_seconds: float | None
    words: tuple[TimedWord, ...]
    timeline: tuple[TimelinePoint, ...]
    moments: tuple[MomentNote, ...]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Exchange:
    """The interviewer asks; the candidate replies (``None``: skipped, or not answered yet)."""

    asked: InterviewerTurn
    reply: Reply | None


@dataclass(frozen=True)
class ScoreBasis:
    """Which replies of the conversation one of the answer's scores rests on."""

    score: str  # the score's name
    replies: tuple[int, ...]  # Reply.number of each
    words: int  # the words of those replies the score read
    summary: str  # e.g. "scored on all 3 replies, 120 words"


@dataclass(frozen=True)
class CoachRemark:
    """A coach's comment on an answer, or on a moment of its recording."""

    text: str
    author: str
    created_at: str  # ISO 8601, UTC
    answer_id: str  # the reply or practice attempt it is about
    at_seconds: float | None = None  # the moment of the recording it is about
    when: str = ""  # that moment as "1:12"


@dataclass(frozen=True)
class RubricMark:
    """The level a coach gave the answer on one criterion of their own rubric."""

    criterion: str
    level: int  # 1 for the lowest level
    levels: int  # how many levels the criterion has
    label: str  # the level's name


@dataclass(frozen=True)
class FlaggedVerdict:
    """A judge's verdict a coach marked as wrong, with why."""

    verdict: str  # "content", "point:2" (the second key point), "star:result"
    judged: str  # what the judge's verdict said when it was flagged
    reason: str
    author: str


@dataclass(frozen=True)
class CoachReview:
    """What the coach of an assignment said about the answer: shown beside the judge's."""

    remarks: tuple[CoachRemark, ...] = ()
    rubric: tuple[RubricMark, ...] = ()
    flags: tuple[FlaggedVerdict, ...] = ()


@dataclass(frozen=True)
class AnswerReport:
    position: int
    question: str
    kind: str
    topic: str
    answered: bool
    text: str  # the transcript, or the typed answer
    duration_seconds: float | None
    overall: float | None
    scores: tuple[Score, ...]
    key_points: tuple[KeyPointCheck, ...]
    # The parts of the answer's form: STAR for a story, present/past/future for a
    # self-introduction...; empty for explanations.
    star: dict[str, bool]
    moments: tuple[MomentNote, ...]
    words: tuple[TimedWord, ...]
    timeline: tuple[TimelinePoint, ...]
    highlights: tuple[str, ...]  # what went well, with its evidence
    warnings: tuple[str, ...] = ()
    content: dict[str, Any] | None = None  # the full content evaluation (ContentEvaluation)
    video: dict[str, Any] | None = None  # the video analysis's summaries, when video exists
    # The conversation about the question: the question and its answer, then each follow-up
    # or clarification with its reply. The fields above describe the whole conversation
    # (text, scores) or, for the timeline, words and moments, the recording delivery was
    # measured on; each reply carries its own.
    thread: tuple[Exchange, ...] = ()
    closing: InterviewerTurn | None = None  # how the interviewer moved on after the last reply
    scored_on: tuple[ScoreBasis, ...] = ()
    off_topic: bool = False  # did not address its question: counts as 0 in the overall
    # The content judge's verdict (feedback.judge.verdict.ContentJudgement as a dict): score,
    # on-topic verdict, each key point with its status and quote, the judge that scored.
    judgement: dict[str, Any] | None = None
    question_id: str = ""  # /api/sessions/{id}/questions/{question_id}/...; "" before report-9
    coach: CoachReview | None = None  # an assignment's answer that a coach reviewed


@dataclass(frozen=True)
class PracticeAttempt:
    """One practice attempt at a question, with its own scores (never the interview's)."""

    number: int  # 1 for the first attempt, then 2, 3...
    answer_id: str  # GET /api/sessions/{id}/answers/{answer_id}/media replays its recording
    created_at: str  # ISO 8601, UTC
    status: str  # received, processing, analysed or failed
    text: str  # the transcript, or what was typed
    recorded: bool
    words: int
    duration_seconds: float | None  # of its recording's speech; None when typed
    # The content judge's score, 0 when off topic (as the comparison counts it); None while it
    # is being judged, when the judge is off or could not judge (``note`` says which).
    content: float | None
    on_topic: bool | None
    # Its delivery measures, those the comparison reads: "pace" (words a minute), "fillers"
    # (per 100 words), "long pauses" (a minute); empty for a typed attempt.
    delivery: dict[str, float]
    note: str = ""  # why ``content`` is None


@dataclass(frozen=True)
class PointMove:
    """A key point or story part in both attempts, as the comparison lays it out."""

    point: str
    is_part: bool  # a story's part (situation, task, action, result), else a key point
    before: str  # covered / partly / missing, as the advice may say it
    after: str
    before_quote: str
    after_quote: str
    change: str  # better, worse or same


@dataclass(frozen=True)
class MeasureMove:
    name: str  # "pace", "fillers", "long pauses"
    first: float
    second: float
    change: str | None  # better, worse, same; None: not compared (a recording heard in noise)


@dataclass(frozen=True)
class HiddenTests:
    passed: int  # of a coding question's hidden tests
    total: int


@dataclass(frozen=True)
class HiddenTestsMove:
    """A coding question's hidden tests passed before and after (``compare.CodeChange``)."""

    before: HiddenTests
    after: HiddenTests
    change: str | None  # better, worse, same; None: the problem's tests changed between them


@dataclass(frozen=True)
class PracticeComparison:
    """One attempt against an earlier one (``feedback.practice.compare.AttemptComparison``)."""

    lead: str  # what improved, what got worse, what is still missing
    points: tuple[PointMove, ...]
    content: str | None  # better, worse or same; None when either attempt was not judged
    on_topic: tuple[bool | None, bool | None]
    delivery: tuple[MeasureMove, ...]
    words: tuple[int, int]
    seconds: tuple[float | None, float | None]
    judging: bool  # either attempt's content is still being judged
    watching: bool = False  # either attempt's video is still being analysed
    tests: HiddenTestsMove | None = None  # a coding question's hidden tests passed


@dataclass(frozen=True)
class QuestionPractice:
    """A question practised at least once: its attempts, and the latest against the baseline
    (the interview's answer, or the first attempt at a question skipped in the interview)."""

    position: int
    question: str
    question_id: str
    attempts: tuple[PracticeAttempt, ...]  # oldest first
    baseline: str  # "interview" or "first attempt"
    # None while there is nothing to compare (one attempt at a question skipped in the interview)
    compared: PracticeComparison | None
    previous: PracticeComparison | None = None  # the latest against the attempt before it


@dataclass(frozen=True)
class Recommendation:
    priority: int
    competency: str
    title: str
    evidence: str
    action: str
    gain: float  # points the session's overall score would gain


@dataclass(frozen=True)
class StudyItem:
    topic: str
    why: str
    notes: tuple[str, ...]  # reference notes to read: "title (source)"
    practice: tuple[str, ...]  # bank questions to practise next


@dataclass(frozen=True)
class Reflection:
    text: str  # the candidate's note
    response: str  # the coach's answer, held against the measurements


@dataclass(frozen=True)
class Report:
    session_id: str
    title: str
    role: str
    candidate: str
    created_at: str  # ISO 8601, UTC
    overall: float | None
    scores: tuple[Score, ...]  # the session's competency scores
    answers: tuple[AnswerReport, ...]
    recommendations: tuple[Recommendation, ...]
    next_session: tuple[str, ...]  # the improvement plan: goals with target values
    study_plan: tuple[StudyItem, ...]
    reflections: tuple[Reflection, ...] = ()
    caveats: tuple[str, ...] = ()
    overall_note: str = ""  # why the overall is lowered or not graded (answers off topic)
    overall_agreement: str = ""  # how far the overall agrees with human interviewers
    # The questions practised again, in the interview's order: outside the interview, never in
    # its scores (docs/practice.md)
    practice: tuple[QuestionPractice, ...] = ()
    version: str = field(default=REPORT_VERSION)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
