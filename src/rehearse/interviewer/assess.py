"""A first reading of an answer, enough to decide the interviewer's next move.

Measured cues only: length, numbers, first-person actions versus "we", the parts the
question's form asks for (a STAR story's, or those of a self-introduction, a motivation, a
pitch or a weakness), hedging and generic words, and how much of the question and its key
points the answer touches. The parts are found by the feedback's own detectors
(``feedback/content/star.py`` and ``forms.py``), so the interviewer's follow-up and the report
never disagree about what an answer gave. The content evaluation goes further; this is what
an interviewer notices in the moment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rehearse.feedback.content.forms import AnswerForm, answer_form, detect_parts
from rehearse.feedback.content.sentences import split_sentences
from rehearse.feedback.content.star import detect_star
from rehearse.interviewer.planned import PlannedQuestion

_WORD = re.compile(r"[a-z][a-z'-]*|\d+(?:[.,]\d+)?%?", re.IGNORECASE)
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|"
    r"hundred|thousand|million|half|double|triple|percent)\b",
    re.IGNORECASE,
)
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
# A request to hear the question again or to have it explained ("sorry, could you repeat
# the question?", "I'm confused, do I need to introduce myself again?").
_ASKS_AGAIN = re.compile(
    r"\b(?:(?:could|can|would) you (?:please )?(?:repeat|say (?:that|it) again|ask (?:that|it) "
    r"again)|repeat the question|what (?:was|is) the question|(?:didn'?t|did not) (?:catch|hear) "
    r"(?:the|that|your) question|i'?m (?:a bit |just |so )?confused|do (?:i|you) (?:need|want) "
    r"(?:me )?to)\b",
    re.IGNORECASE,
)
ASKS_AGAIN_WORDS = 40  # a longer reply that asks for the question again has begun to answer


def asks_again(reply: str) -> bool:
    """Whether ``reply`` asks to hear the question again (or what it means) instead of
    answering it: a short reply with such a request."""
    return len(_WORD.findall(reply)) <= ASKS_AGAIN_WORDS and bool(_ASKS_AGAIN.search(reply))


SHORT_WORDS = 25


@dataclass(frozen=True)
class AnswerReading:
    words: int
    numbers: int
    i_statements: int
    we_statements: int
    form: AnswerForm  # the shape the question asks for (feedback/content/forms.py)
    star: dict[str, bool]  # a story's STAR parts; empty for the other forms
    parts: dict[str, bool]  # the other forms' parts; empty for stories and explanations
    hedges: int
    generic: int
    relevance: float  # share of the question's content words the answer uses (0..1)
    coverage: float  # share of the key points the answer touches (0..1)
    declined: bool
    asks_again: bool = False  # a short reply asking to hear the question again

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
    form = answer_form(question.text, question.kind)
    sentences = split_sentences(answer)
    star = detect_star(sentences, applicable=form == "story")
    parts = detect_parts(sentences, form)
    touched = sum(
        1 for point in points if point and len(point & answer_words) >= min(2, len(point))
    )
    return AnswerReading(
        words=len(words),
        numbers=len(_NUMBER.findall(answer)),
        i_statements=len(re.findall(r"\bi\b(?! think| guess| mean| suppose)", lowered)),
        we_statements=len(re.findall(r"\bwe\b", lowered)),
        form=form,
        star=(
            {
                "situation": star.situation.present,
                "task": star.task.present,
                "action": star.action.present,
                "result": star.result.present,
            }
            if star.applicable
            else {}
        ),
        parts={part.name: part.present for part in parts.parts},
        hedges=len(_HEDGES.findall(answer)),
        generic=len(_GENERIC.findall(answer)),
        relevance=len(asked & answer_words) / len(asked) if asked else 1.0,
        coverage=touched / len(points) if points else 1.0,
        declined=bool(_DONT_KNOW.search(answer)) and len(words) < 15,
        asks_again=asks_again(answer),
    )
