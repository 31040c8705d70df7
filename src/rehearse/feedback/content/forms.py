"""What shape a good answer to a question has, and which of its parts an answer gives.

STAR is for stories ("tell me about a time you led"). Other interview questions have shapes
of their own, found from the question's wording (the bank files them all as behavioural):

=============  =========================================  ===================================
form           asked as                                   parts a strong answer gives
=============  =========================================  ===================================
story          a time you..., an example of..., projects  situation, task, action, result
introduction   tell me about yourself, your background    present, past, future
motivation     why this role/company, career goals        reason, specifics, fit
pitch          why should we hire you, your strengths     claim, evidence, fit to the role
weakness       your greatest weakness, what to change     weakness, its cost, what you do
explanation    technical, scenario and coding questions   (judged on length and steps)
=============  =========================================  ===================================

Present-past-future is the usual coaching shape of a self-introduction; claim, evidence and
fit that of a pitch; naming a real weakness, its cost and the remedy under way that of the
weakness question (e.g. Hoevemeyer, *High-Impact Interview Questions*, 2005). Each part is
found by cue phrases, readable below, in any sentence: they do not rely on punctuation, so
they work on unpunctuated spoken transcripts too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rehearse.feedback.content import cues
from rehearse.feedback.content.sentences import Sentence

AnswerForm = Literal["story", "introduction", "motivation", "pitch", "weakness", "explanation"]

STORY_KINDS: frozenset[str] = frozenset({"behavioural", "project"})

# A question that asks for an episode is a story, whatever else it mentions ("a time you
# were demotivated" is a story, not a motivation question).
_ASKS_FOR_STORY = re.compile(
    r"\b(?:a time|one time|an? (?:example|instance|situation|occasion|case|project|moment)|"
    r"the last time|describe (?:a|an|the)|walk me through (?:a|an|the))\b",
    re.IGNORECASE,
)
_ASKS_FOR = (
    (
        "weakness",
        re.compile(
            r"\bweakness(?:es)?\b|\bchange (?:one|on|a) thing\b|"
            r"\b(?:areas?|things?) (?:you|to) (?:need to )?(?:improve|work on)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "introduction",
        re.compile(
            r"\babout yourself\b|\byour (?:background|cv|résumé|resume)\b|"
            r"\bintroduce yourself\b|\bwho you are\b",
            re.IGNORECASE,
        ),
    ),
    (
        "pitch",
        re.compile(
            r"\bhire you\b|\b(?:you|I) should (?:get|have) (?:the|this) (?:job|role|position)|"
            r"\bget the job\b|\bwhy (?:are )?you (?:the|a) (?:right|best|good)\b|"
            r"\byour (?:greatest |biggest |main )?strengths?\b|\bset you apart\b|"
            r"\bwhy (?:should|would) we\b|\bget into\b",
            re.IGNORECASE,
        ),
    ),
    (
        "motivation",
        re.compile(
            r"\bwhy (?:are you|do you want|did you apply|this|our|us)\b|\bmade you apply\b|"
            r"\binterested in (?:this|the|our)\b|\bour company\b|\bcareer goals?\b|"
            r"\bwhere (?:do you see yourself|would you like your career)\b|"
            r"\b(?:in|next) (?:three|five|ten|\d+) years\b|\bwhat (?:drives|motivates) you\b",
            re.IGNORECASE,
        ),
    ),
)


def answer_form(question: str, kind: str) -> AnswerForm:
    """The shape a strong answer to ``question`` (of the bank's ``kind``) takes."""
    if kind not in STORY_KINDS:
        return "explanation"
    if kind == "project" or _ASKS_FOR_STORY.search(question):
        return "story"
    for form, asks in _ASKS_FOR:
        if asks.search(question):
            return form  # type: ignore[return-value]
    return "story"


def _any(patterns: Sequence[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE)


_I_AM = r"\bI(?:'m| am)\b"
_FUTURE = (
    r"\bI(?:'d| would) (?:like|love)\b|\bI (?:want|hope|plan|intend|aim)\b|"
    r"\b(?:looking|hoping|planning) (?:for|to)\b|\bin the future\b|\beventually\b|"
    r"\bafter (?:I graduate|graduat\w+|college|school|my degree)\b|\b(?:my )?(?:career )?goals?\b|"
    r"\bnext (?:step|year|summer)\b|\bI'll\b|\bI will\b|\bgoing to\b|\bdown the (?:road|line)\b"
)
_FIT = (
    r"\b(?:this|the|your) (?:role|position|job|company|team|firm|program|programme|school|"
    r"internship|opportunity)\b|\byou(?:'re| are) looking for\b|\bfits?\b|\bmatch(?:es)?\b|"
    r"\bcontribute\b|\bbring\b|\bvalue to\b|\bhelp (?:you|your|the company)\b"
)
# Each form's parts, in the order a strong answer gives them: (name, cue).
PARTS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "introduction": (
        (
            "present",
            _any(
                [
                    rf"{_I_AM} (?:a|an|currently|now|studying|majoring|working|in my|doing|"
                    r"from|the|\w+-year|junior|senior|sophomore|freshman)\b",
                    r"\bI (?:study|work|major|currently|lead|run|teach)\b",
                    r"\bcurrently\b|\bright now\b|\bthese days\b|\bmy major\b",
                ]
            ),
        ),
        (
            "past",
            _any(
                [
                    r"\bI(?:'ve| have) (?:been|worked|done|studied|spent|always|had|led|built)\b",
                    r"\bI (?:grew up|was born|started|began|moved|came|went|worked|studied|"
                    r"spent|joined|interned|graduated|did|got|decided|led|built)\b",
                    r"\b(?:before that|previously|last (?:year|summer)|in high school|"
                    r"growing up|back (?:home|in)|my (?:first|freshman|last) year)\b",
                ]
            ),
        ),
        ("future", _any([_FUTURE, r"\bwhy I(?:'m| am) here\b|\bwhich is why\b"])),
    ),
    "motivation": (
        (
            "reason",
            _any(
                [
                    r"\bbecause\b|\bthe reason\b|\bwhat (?:drew|draws|attracts|excites|"
                    r"interests) me\b|\bI(?:'m| am) (?:really |very )?(?:interested|excited|"
                    r"passionate|drawn)\b|\bI (?:love|enjoy|like|care about)\b|\bmotivat\w+\b",
                ]
            ),
        ),
        (
            "specifics",
            _any(
                [
                    r"\byour (?:product|mission|customers|team|work|platform|approach|"
                    r"culture|company|research|values)\b",
                    r"\b(?:I read|I saw|I talked|I spoke|I used|I met|I noticed|I learned)\b",
                    cues.QUANTITY.pattern,
                ]
            ),
        ),
        ("fit", _any([_FIT, _FUTURE, r"\bmy (?:experience|background|skills)\b"])),
    ),
    "pitch": (
        (
            "claim",
            _any(
                [
                    rf"{_I_AM} (?:a |an |very |really |extremely |highly )?\w+",
                    r"\bI (?:have|bring|can|offer)\b|\bmy (?:strengths?|skills?|experience)\b",
                    r"\bI(?:'m| am) (?:good|great|strong|able)\b",
                ]
            ),
        ),
        (
            "evidence",
            _any(
                [
                    cues.I_ACTION.pattern,
                    cues.EXAMPLE.pattern,
                    r"\bfor (?:example|instance)\b|\bwhen I\b|\bI(?:'ve| have) "
                    r"(?:\w+ )?(?:\w+ed|built|led|done|run|taught|won|made)\b",
                    cues.QUANTITY.pattern,
                ]
            ),
        ),
        ("fit", _any([_FIT])),
    ),
    "weakness": (
        (
            "weakness",
            _any(
                [
                    r"\bweakness(?:es)?\b",
                    r"\bI (?:struggle|tend to|sometimes|often|can be|find it)\b",
                    r"\bI(?:'m| am) (?:not (?:very |always |the )?(?:good|great|best)|too|a bit|"
                    r"sometimes|a perfectionist|shy|impatient)\b",
                    r"\bI have (?:trouble|difficulty|a hard time)\b|\b(?:hard|difficult) for me\b",
                    r"\bwork on\b|\bimprove (?:on|my)\b",
                ]
            ),
        ),
        (
            "cost",
            _any(
                [
                    r"\bwhich (?:meant|led|caused|made)\b|\b(?:led|leads|leading) to\b|"
                    r"\bcaus\w+\b|\bcost\b|\bhurt\b|\bso (?:I|it|that)\b|\bfor (?:example|"
                    r"instance)\b|\bone time\b|\bwhen I\b|\bbecause of (?:this|that|it)\b|"
                    r"\bproblem\b|\bmissed\b|\blate\b|\bstress\w*\b|\bI(?:'ve| have) noticed\b|"
                    r"\bI realized\b|\bI realised\b",
                ]
            ),
        ),
        (
            "remedy",
            _any(
                [
                    r"\bI(?:'m| am) (?:now |currently |actively )?(?:working|trying|learning|"
                    r"practi[sc]ing|making|going to|taking)\b",
                    r"\bI(?:'ve| have) (?:started|been|begun|learned|learnt|joined|taken)\b",
                    r"\b(?:to|I) (?:overcome|improve|fix|address|work on|deal with)\b",
                    r"\bnow I\b|\bI now\b|\bI (?:plan|try|make sure|force|set|started|began|"
                    r"joined|took|practi[sc]e|ask)\b|\bwhat I do\b|\bso I\b",
                ]
            ),
        ),
    ),
}


@dataclass(frozen=True)
class Part:
    name: str
    present: bool
    sentences: tuple[int, ...]  # indices of the sentences that carry the part


@dataclass(frozen=True)
class FormParts:
    """The parts of ``form`` the answer gives; empty for stories (see ``Star``) and
    explanations."""

    form: AnswerForm
    parts: tuple[Part, ...]

    @property
    def present(self) -> int:
        return sum(part.present for part in self.parts)

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(part.name for part in self.parts if not part.present)


def detect_parts(sentences: Sequence[Sentence], form: AnswerForm) -> FormParts:
    found = []
    for name, cue in PARTS.get(form, ()):
        carrying = tuple(s.index for s in sentences if cue.search(s.text))
        found.append(Part(name, bool(carrying), carrying))
    return FormParts(form, tuple(found))
