"""The question an answer is evaluated against, whoever asked it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

QuestionKind = Literal["behavioural", "technical", "scenario", "project", "coding"]

# Kinds whose answers are stories about the candidate's own past: STAR structure applies, and
# their key points describe qualities of a story rather than facts it should state.
STORY_KINDS: frozenset[str] = frozenset({"behavioural", "project"})


@dataclass(frozen=True)
class AskedQuestion:
    """What was asked and what a strong answer covers; callers convert their own types."""

    text: str
    kind: QuestionKind
    topic: str
    key_points: tuple[str, ...] = ()

    @property
    def is_story(self) -> bool:
        return self.kind in STORY_KINDS
