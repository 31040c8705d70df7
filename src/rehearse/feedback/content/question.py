"""The question an answer is evaluated against, whoever asked it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rehearse.feedback.content.forms import STORY_KINDS, AnswerForm, answer_form

QuestionKind = Literal["behavioural", "technical", "scenario", "project", "coding"]

# ``STORY_KINDS``: kinds whose answers are about the candidate's own past; their key points
# describe qualities of an answer rather than facts it should state. Which of them are
# stories proper (STAR applies) is the question's ``form``.


@dataclass(frozen=True)
class AskedQuestion:
    """What was asked and what a strong answer covers; callers convert their own types."""

    text: str
    kind: QuestionKind
    topic: str
    key_points: tuple[str, ...] = ()

    @property
    def is_story(self) -> bool:
        """About the candidate's own past (behavioural and project questions)."""
        return self.kind in STORY_KINDS

    @property
    def form(self) -> AnswerForm:
        """The shape a strong answer takes: a STAR story, a self-introduction, ... (forms.py)."""
        return answer_form(self.text, self.kind)
