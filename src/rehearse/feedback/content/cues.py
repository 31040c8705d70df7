"""Cue phrases that mark the parts of a story, concrete actions, outcomes and quantities.

Plain word lists compiled into case-insensitive regular expressions, so a reader can see (and
extend) exactly what counts. The STAR detector and the specificity counts share them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def _any(patterns: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE)


def _words(words: str) -> str:
    return "|".join(sorted(set(words.split()), key=lambda word: (-len(word), word)))


# Things a person does, in the past tense: "I built", "I quickly wrote", "I also set up".
ACTION_VERBS = _words(
    """added analysed analyzed approached argued asked assigned automated benchmarked booked
    brought built called caught changed checked chose cleaned coached collected compared
    configured contacted convinced coordinated created cut debugged decided defined delegated
    delivered deployed designed documented drafted drove emailed escalated estimated explained
    facilitated fixed flagged focused followed found gathered gave handled helped hired identified
    implemented improved interviewed introduced investigated launched led made managed mapped
    measured mentored met migrated modelled modeled monitored moved negotiated offered opened
    organised organized paired persuaded pitched planned prepared presented prioritised
    prioritized profiled proposed prototyped published pulled pushed put raised ran reached
    rebuilt recommended recruited redesigned refactored reorganised reorganized replaced reported
    researched resolved restored restructured reverted reviewed rewrote rolled rotated sat
    scheduled scoped sent set shipped showed simplified sketched spent split spoke started
    stepped streamlined suggested summarised summarized supported surveyed talked taught tested
    told took tracked trained traced tried updated volunteered walked wrote"""
)
# At most one word between the subject and the verb: "I also set up", "I quickly wrote".
_ADVERB = r"(?:(?:also|then|first|immediately|eventually|finally|just|\w+ly)\s+)?"

# "I" + a past-tense action verb: what the candidate did.
I_ACTION = re.compile(rf"\bI\s+{_ADVERB}(?:{ACTION_VERBS})\b", re.IGNORECASE)
# "we" + the same verbs: what the team did (interviewers ask which part was yours).
WE_ACTION = re.compile(rf"\bwe\s+{_ADVERB}(?:{ACTION_VERBS})\b", re.IGNORECASE)
# "I'd check", "I would ask", "I will split": a step of a plan, in answers to hypotheticals.
_NOT_A_STEP = "be have think feel like say guess need want hope mean suppose probably"
PLANNED_ACTION = re.compile(
    rf"\bI(?:['\u2019]d| would|['\u2019]ll| will)\s+"
    r"(?:(?:also|then|first|just|probably|start by)\s+)?"
    rf"(?!(?:{_words(_NOT_A_STEP)})\b)[a-z]+",
    re.IGNORECASE,
)

SITUATION = _any(
    [
        r"\b(?:last|this|that|one|my first|my second) (?:year|spring|summer|autumn|fall|winter|"
        r"month|week|semester|term|quarter|job|role|internship)\b",
        r"\bin my (?:last|previous|first|second|third|final|old|current|\w+-year) "
        r"(?:job|role|team|company|year|month|week|internship|position|semester|project)\b",
        r"\b(?:during|at) (?:my|our|a|the) (?:\w+[- ])?(?:job|role|company|internship|placement|"
        r"startup|project|course|degree|university|college|school|team|module)\b",
        r"\b(?:when|while) (?:I|we) (?:was|were|worked|joined|started)\b",
        r"\bat the time\b",
        r"\bback (?:in|when)\b",
        r"\bI was (?:working|a|an|the|on)\b",
        r"\b(?:we|our \w+) (?:were|had)\b",
        r"\bour (?:team|group|company|client|project|product|startup) (?:was|had|used|needed)\b",
        r"\bthere (?:was|were)\b",
        r"\bthe (?:situation|context|background|setting) was\b",
        r"\bone time\b",
        r"\bin (?:19|20)\d\d\b",
    ]
)
TASK = _any(
    [
        r"\bmy (?:goal|job|task|role|responsibility|aim|brief|assignment|part) (?:was|is)\b",
        r"\bI was (?:responsible|asked|tasked|in charge|supposed|expected|hired|brought in)\b",
        r"\b(?:I|we) (?:needed|had|wanted|were asked) to\b",
        r"\bthe (?:goal|aim|task|challenge|problem|issue|objective|requirement|ask) was\b",
        r"\b(?:needed|had) to be\b",
        r"\b(?:due in|deadline|due date)\b",
        r"\b(?:no ?one|nobody) (?:owned|was|had|knew)\b",
    ]
)
RESULT = _any(
    [
        r"\bas a result\b",
        r"\bin the end\b",
        r"\bwhich (?:led|meant|resulted|allowed|let|saved|cut|reduced|brought|made)\b",
        r"\bresult(?:ed|s)? in\b",
        r"\bthe (?:result|outcome|impact|upshot|effect) (?:was|is)\b",
        r"\b(?:since then|from then on|ever since|afterwards|to this day)\b",
        r"\bI (?:learned|learnt|realised|realized) (?:that|how|to)\b",
        # A change measured: "from 2.4 seconds to 180 milliseconds", "by 30 percent".
        r"\bfrom\s+[$£€]?\d[^.;]*?\bto\s+[$£€]?\d",
        r"\b(?:reduc|increas|improv|cut|dropp|fell|grew|sav|doubl|halv|boost|lower|shrank|"
        r"shrunk|rais|sped)\w*\b[^.;]{0,40}?\bby\s+(?:about\s+|around\s+|over\s+)?\d",
        r"\b(?:on time|ahead of schedule|on schedule|under budget|\w+ (?:days?|weeks?) early)\b",
        r"\b(?:we|I|he|she|they|it|the team|the group) (?:\w+ )?(?:shipped|launched|delivered|"
        r"finished|completed|won|passed|handed|submitted|released|demoed|went live|got)\b",
    ]
)

# Quantities: digits (with units, money and percentages), spelled numbers and durations.
# "one" alone is left out: "the one that", "one of them" are rarely quantities.
_NUMBER_WORDS = _words(
    """two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred thousand million billion dozen half twice double triple tenfold"""
)
_UNITS = _words(
    """millisecond milliseconds second seconds minute minutes hour hours day days week weeks
    month months year years sprint sprints quarter quarters afternoon morning evening weekend"""
)
QUANTITY = _any(
    [
        r"[$£€]\s?\d(?:[\d,.]*\d)?\s?(?:k|m|bn|million|billion)?\b",
        rf"(?<![\w.])\d(?:[\d,.]*\d)?(?:\s?(?:%|percent\b|per cent\b|k\b|m\b|ms\b|x\b))?"
        rf"(?:\s(?:{_UNITS})\b)?",
        rf"\b(?:{_NUMBER_WORDS})\b(?:[- ](?:{_NUMBER_WORDS}|one|percent)\b)*"
        rf"(?:\s(?:{_UNITS})\b)?",
        rf"\b(?:an?|one) (?:{_UNITS})\b",
    ]
)

# Examples that make an explanation concrete: "for example", "such as", "like a boolean flag".
EXAMPLE = _any(
    [
        r"\bfor (?:example|instance)\b",
        r"\be\.g\.",
        r"\bsuch as\b",
        r"\blike (?:a|an|the|when|if)\b",
        r"\bI once\b",
    ]
)

# A story told in the past tense: a regular "-ed" verb or one of the common irregular ones.
_IRREGULAR_PAST = """was were had did went got took made kept began came left lost broke became
    knew felt thought saw said told gave found built ran wrote led brought bought caught chose
    fell grew heard held hid meant met paid rose sent sold spent spoke
    stood stuck taught understood woke won"""
PAST_TENSE = re.compile(rf"\b(?:{_words(_IRREGULAR_PAST)}|\w{{3,}}ed)\b", re.IGNORECASE)
