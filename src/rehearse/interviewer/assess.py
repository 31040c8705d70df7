"""A first reading of an answer, enough to decide the interviewer's next move.

Measured cues only: length, numbers, first-person actions versus "we", the parts of a STAR
story, hedging and generic words, and how much of the question and its key points the answer
touches. The content evaluation of the feedback issue goes further; this is what an
interviewer notices in the moment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rehearse.interviewer.planned import PlannedQuestion

_WORD = re.compile(r"[a-z][a-z'-]*|\d+(?:[.,]\d+)?%?", re.IGNORECASE)
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|"
    r"hundred|thousand|million|half|double|triple|percent)\b",
    re.IGNORECASE,
)
_STAR = {
    "situation": r"\b(?:when i|when we|at my (?:last|previous)|in my (?:last|previous)|our team|"
    r"the situation|the context|we had|there was|i was working|back in|last year)\b",
    "task": r"\b(?:my (?:goal|job|task|role) was|i was (?:responsible|asked|tasked)|i needed to|"
    r"i had to|we needed to|the goal was|the challenge was|the problem was)\b",
    "action": r"\b(?:i (?:decided|built|wrote|led|proposed|set up|created|designed|talked|spoke|"
    r"met|organi[sz]ed|started|changed|introduced|suggested|worked|ran|took|asked|called|reviewed|"
    r"analy[sz]ed|implemented|migrated|fixed|rewrote|scheduled|pushed|convinced|negotiated))\b",
    "result": r"\b(?:as a result|the result|in the end|which (?:meant|led)|resulted|outcome|"
    r"reduced|increased|improved|cut|saved|grew|launched|shipped|delivered|won|learned|lesson|"
    r"since then|afterwards)\b",
}
_HEDGES = re.compile(
    r"\b(?:i guess|kind of|sort of|maybe|probably|i think|somehow|stuff|things like that|etc)\b",
    re.I,
)
_GENERIC = re.compile(
    r"\b(?:various|a lot of|many things|stuff|etc|in general|generally|usually)\b", re.I
)
_STOPWORDS = frozenset(
    """a an the and or but so of to in on at for with by from as is are was were be it this that
    i me my we our you your they them their he she his her do did what how why when where who
    which tell about time would could should have has had not no yes if then than there
    here""".split()
)
_DONT_KNOW = re.compile(r"\b(?:i don'?t know|no idea|not sure|pass|skip)\b", re.IGNORECASE)

SHORT_WORDS = 25
STORY_KINDS = ("behavioural", "project")


@dataclass(frozen=True)
class AnswerReading:
    words: int
    numbers: int
    i_statements: int
    we_statements: int
    star: dict[str, bool]
    hedges: int
    generic: int
    relevance: float  # share of the question's content words the answer uses (0..1)
    coverage: float  # share of the key points the answer touches (0..1)
    declined: bool

    @property
    def quality(self) -> float:
        """A rough 0..1 grade for adaptive difficulty (the feedback issue grades properly)."""
        if self.declined or self.words < 5:
            return 0.0
        score = 0.25 * min(self.words / 120, 1.0) + 0.25 * self.coverage + 0.2 * self.relevance
        score += 0.15 * (self.numbers > 0) + 0.15 * (self.i_statements > 0)
        return round(min(score, 1.0), 3)


_STEM = 5  # words compared by their first letters: "disagreed" meets "disagreement"


def _content_words(text: str) -> set[str]:
    return {
        word.lower()[:_STEM]
        for word in _WORD.findall(text)
        if word.lower() not in _STOPWORDS and len(word) > 2
    }


def read_answer(question: PlannedQuestion, answer: str) -> AnswerReading:
    words = _WORD.findall(answer)
    lowered = answer.lower()
    answer_words = _content_words(answer)
    asked = _content_words(question.text)
    points = [_content_words(point) for point in question.key_points]
    touched = sum(
        1 for point in points if point and len(point & answer_words) >= min(2, len(point))
    )
    return AnswerReading(
        words=len(words),
        numbers=len(_NUMBER.findall(answer)),
        i_statements=len(re.findall(r"\bi\b(?! think| guess| mean| suppose)", lowered)),
        we_statements=len(re.findall(r"\bwe\b", lowered)),
        star={part: bool(re.search(pattern, lowered)) for part, pattern in _STAR.items()},
        hedges=len(_HEDGES.findall(answer)),
        generic=len(_GENERIC.findall(answer)),
        relevance=len(asked & answer_words) / len(asked) if asked else 1.0,
        coverage=touched / len(points) if points else 1.0,
        declined=bool(_DONT_KNOW.search(answer)) and len(words) < 15,
    )
