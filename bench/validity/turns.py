"""An interview transcript split into the interviewer's questions and the candidate's answers.

The transcript is turns separated by ``|``, each ``Interviewer: ...`` or ``Interviewee: ...``;
a turn with neither prefix continues the previous speaker, and a turn in brackets
(``[laughter]``) is no one's words. An interviewer turn that asks an interview question opens
an exchange; small talk ("how are you doing today?") opens one that is left out; anything
else the interviewer says (a back-channel "mm-hmm", "can you be more specific?") keeps the
current exchange open, so the candidate's consecutive turns, and replies to follow-ups, join
into one answer, as the product joins a follow-up's reply to its question. A question that
follows a reply that did not yet answer (a bare yes or no, "Mmmhmm.", or a request to hear
the question again) goes on with the same exchange: in the product the candidate says those
inside the recording of their answer, so they are judged with it, not as an answer of their
own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rehearse.interviewer.assess import asks_again

_INTERVIEWER = "interviewer:"
_CANDIDATE = "interviewee:"

# What an interview question is about: the candidate, their past, their fit, their future.
_QUESTION = re.compile(
    r"\b(?:yourself|your background|a time|an example|leader(?:ship)?|team|weakness(?:es)?|"
    r"strengths?|hire you|get the job|why (?:do|did|should|would|are)|extracurriculars?|"
    r"interests|career|goals?|describe|walk me through)\b",
    re.IGNORECASE,
)
# Pleasantries around the interview: "how are you doing today?", "thank you".
_SMALL_TALK = re.compile(
    r"\b(?:how (?:are|is|was|were) (?:you|it|your)|how you doing|how's it going|"
    r"thank(?:s| you)|nice to meet)\b",
    re.IGNORECASE,
)
_BRACKETED = re.compile(r"^[\[(].*[\])]$")
# A reply that only says yes or no ("Mmmhmm.", "Oh, definitely! Um", "Not really."): the
# answer is still to come.
_NOD = re.compile(
    r"^(?:\W*\b(?:m+-?h+m+|uh-huh|yes|yeah|yep|sure|definitely|absolutely|of course|oh|"
    r"um+|uh+|i do|i think so|right|okay|ok|no|nope|not really|i don'?t)\b\W*)+$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Exchange:
    """One interview question and everything the candidate said in reply to it."""

    question: str
    answer: str


# The transcripts lost their commas: each left a double space behind ("you know  the storm").
_LOST_COMMA = re.compile(r"(?<=[\w'])[ \t]{2,}(?=\S)")


def _tidy(text: str) -> str:
    """The turn's words single-spaced, with the commas its double spaces stand for put back,
    so the lexicon sees the pauses the transcriber marked ("like, a", "you know, the")."""
    return " ".join(_LOST_COMMA.sub(", ", text).split())


def turns_of(transcript: str) -> list[tuple[str, str]]:
    """(speaker, words) for every turn, speaker ``interviewer`` or ``candidate``; unlabelled
    turns continue the previous speaker and bracketed ones are dropped."""
    turns: list[tuple[str, str]] = []
    speaker = ""
    for raw in transcript.split("|"):
        text = _tidy(raw)
        lowered = text.lower()
        if lowered.startswith(_INTERVIEWER):
            speaker, text = "interviewer", text[len(_INTERVIEWER) :].strip()
        elif lowered.startswith(_CANDIDATE):
            speaker, text = "candidate", text[len(_CANDIDATE) :].strip()
        if not text or _BRACKETED.match(text) or not speaker:
            continue
        turns.append((speaker, text))
    return turns


def is_question(said: str) -> bool:
    """Whether an interviewer's turn asks an interview question (not small talk or a nod)."""
    return bool(_QUESTION.search(said))


def split_interview(transcript: str) -> list[Exchange]:
    """The interview questions in order, each with the candidate's joined answer; questions
    the candidate did not answer are left out."""
    exchanges: list[tuple[list[str], list[str]]] = []
    current: list[str] | None = None  # None while in small talk
    replied: list[str] = []  # what the candidate said since the interviewer's last question
    for speaker, said in turns_of(transcript):
        if speaker == "interviewer":
            if is_question(said) and replied and not answers_yet(" ".join(replied)):
                exchanges[-1][0].append(said)
                replied = []
            elif is_question(said):
                current, replied = [], []
                exchanges.append(([said], current))
            elif _SMALL_TALK.search(said):
                current, replied = None, []
        elif current is not None:
            current.append(said)
            replied.append(said)
    return [
        Exchange(" ".join(question), " ".join(answer)) for question, answer in exchanges if answer
    ]


def answers_yet(reply: str) -> bool:
    """Whether the candidate's reply to a question answers it: more than a nod, and not a
    request to hear the question again (as the interviewer reads one: ``asks_again``)."""
    return not _NOD.match(reply) and not asks_again(reply)
