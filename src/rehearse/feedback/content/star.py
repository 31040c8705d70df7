"""The STAR structure of a story: which sentences set the Situation and the Task, describe the
candidate's Actions and state the Result.

Each part is found by the cue phrases of ``cues`` (a sentence may carry several parts), and by
position where cues are silent:

- a story's first sentence sets the scene when it is told in the past tense and carries no
  action or result cue ("The checkout page kept timing out for customers.");
- a story's last sentence states the result when it is told in the past tense and names an
  outcome word ("it worked", "he was promoted").

STAR applies to behavioural and project questions; for other kinds it is reported as not
applicable, with no parts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rehearse.feedback.content import cues
from rehearse.feedback.content.sentences import Sentence

_OUTCOME_WORD = re.compile(
    r"\b(?:worked|fixed|solved|resolved|succeeded|improved|better|faster|happier|pleased|"
    r"thanked|praised|promoted|adopted|approved|accepted|still)\b",
    re.IGNORECASE,
)
_MIN_STORY_SENTENCES = 3  # below this, position says nothing about a sentence's role


@dataclass(frozen=True)
class StarPart:
    present: bool
    sentences: tuple[int, ...]  # indices of the sentences that carry the part


@dataclass(frozen=True)
class Star:
    applicable: bool
    situation: StarPart
    task: StarPart
    action: StarPart
    result: StarPart

    @property
    def parts_present(self) -> int:
        return sum(part.present for part in (self.situation, self.task, self.action, self.result))


_ABSENT = StarPart(present=False, sentences=())


def _part(indices: Sequence[int]) -> StarPart:
    ordered = tuple(sorted(set(indices)))
    return StarPart(present=bool(ordered), sentences=ordered)


def _carrying(pattern: re.Pattern[str], sentences: Sequence[Sentence]) -> list[int]:
    return [sentence.index for sentence in sentences if pattern.search(sentence.text)]


def detect_star(sentences: Sequence[Sentence], *, applicable: bool) -> Star:
    if not applicable:
        return Star(False, _ABSENT, _ABSENT, _ABSENT, _ABSENT)
    situation = _carrying(cues.SITUATION, sentences)
    task = _carrying(cues.TASK, sentences)
    action = _carrying(cues.I_ACTION, sentences)
    result = _carrying(cues.RESULT, sentences)
    if len(sentences) >= _MIN_STORY_SENTENCES:
        first, last = sentences[0], sentences[-1]
        if (
            not situation
            and cues.PAST_TENSE.search(first.text)
            and first.index not in action + result
        ):
            situation.append(first.index)
        if not result and cues.PAST_TENSE.search(last.text) and _OUTCOME_WORD.search(last.text):
            result.append(last.index)
    return Star(True, _part(situation), _part(task), _part(action), _part(result))
