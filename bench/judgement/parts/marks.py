"""The hand marks of the stories' parts (``marks.json``, made as ``MARKING.md`` says).

A mark gives each sentence of a story one letter (``S``, ``T``, ``A``, ``R`` or ``-``) and each
part a verdict for the whole story. It carries the story's fingerprint (a short hash of each
sentence), so a change to the sentence split or the transcripts is caught, not misread.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bench.judgement.parts.stories import Story
from rehearse.feedback.judge.story import PARTS

MARKS = Path(__file__).with_name("marks.json")
LETTERS: Mapping[str, str] = {"S": "situation", "T": "task", "A": "action", "R": "result"}


class StaleMark(ValueError):
    """A mark whose story's sentences are no longer the ones it was made on."""


@dataclass(frozen=True)
class Mark:
    story_id: str
    fingerprint: tuple[str, ...]
    labels: str  # one letter per sentence
    verdicts: Mapping[str, str]  # part -> covered / partly / missing

    def sentences_of(self, part: str) -> tuple[int, ...]:
        """The indices of the sentences that tell ``part``."""
        return tuple(i for i, letter in enumerate(self.labels) if LETTERS.get(letter) == part)

    def check(self, story: Story) -> None:
        if tuple(story.fingerprint()) != self.fingerprint:
            raise StaleMark(f"{self.story_id}: its sentences changed since it was marked")


def read_marks(path: Path = MARKS) -> dict[str, Mark]:
    data = json.loads(path.read_text(encoding="utf-8"))
    marks = {}
    for story_id, mark in data["stories"].items():
        verdicts = {part: mark["verdicts"][part] for part in PARTS}
        marks[story_id] = Mark(story_id, tuple(mark["fingerprint"]), mark["labels"], verdicts)
    return marks
