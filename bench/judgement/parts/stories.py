"""The rated interviews' stories, each cut into the sentences the marks refer to.

A story is an interview answer whose form is ``story`` (``answer_form``: "tell me about a
time you demonstrated leadership", "...a challenge in a team"), joined over follow-ups as
the product joins them (``bench.validity.turns``). Its sentences are the product's own split
(``content.sentences.split_sentences``), so a mark ("the result is told by sentences 7 and
8") names the same words on every machine. The marks keep only indices and a short hash of
each sentence, never the words: the transcripts may not be copied into the repository.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from bench.judgement.locked import is_locked
from bench.validity.judged import KIND
from bench.validity.stats import student_of
from bench.validity.turns import split_interview
from rehearse.feedback.content.forms import answer_form
from rehearse.feedback.content.sentences import split_sentences


@dataclass(frozen=True)
class Story:
    """One story: ``story_id`` is the participant and the question's place among the
    interview's stories (``p7/1``), ``sentences`` the answer's sentences in order."""

    story_id: str
    participant: str
    question: str
    sentences: tuple[str, ...]

    def of(self, students: str) -> bool:
        """Whether the story's student is among ``students``: locked, open or all."""
        locked = is_locked(student_of(self.participant))
        return students == "all" or locked == (students == "locked")

    @property
    def answer(self) -> str:
        return " ".join(self.sentences)

    def fingerprint(self) -> list[str]:
        """A short hash of each sentence: a mark checks its story has not changed."""
        return [hashlib.sha256(s.encode()).hexdigest()[:8] for s in self.sentences]


def stories_of(rows: Sequence[dict[str, str]]) -> Iterator[Story]:
    """Every story of every interview in ``rows`` (the ratings CSV's rows), in order."""
    for row in rows:
        participant = row["Participant"]
        told = 0
        for exchange in split_interview(row["Transcript"]):
            if answer_form(exchange.question, KIND) != "story":
                continue
            told += 1
            sentences = tuple(s.text for s in split_sentences(exchange.answer))
            if sentences:
                yield Story(f"{participant}/{told}", participant, exchange.question, sentences)
