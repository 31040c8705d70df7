"""The content evaluation of one answer: measurements with their evidence, and no scores.

Scores are made from these measurements elsewhere; everything here is something the answer
says or a similarity the model computed, with the sentences it rests on.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from rehearse.feedback.content.alignment import Alignment
from rehearse.feedback.content.clarity import Clarity
from rehearse.feedback.content.coverage import KeyPoints
from rehearse.feedback.content.forms import FormParts
from rehearse.feedback.content.question import AskedQuestion
from rehearse.feedback.content.relevance import Relevance
from rehearse.feedback.content.sentences import Sentence
from rehearse.feedback.content.specificity import Specificity
from rehearse.feedback.content.star import Star
from rehearse.feedback.content.tone import Tone

# Bumped whenever a measure, a cue list or a threshold changes, so stored evaluations say
# which rules produced them.
VERSION = "content-2"


@dataclass(frozen=True)
class ContentEvaluation:
    version: str
    encoder: str  # the sentence encoder behind the similarities, e.g. "all-MiniLM-L6-v2"
    question: AskedQuestion
    sentences: tuple[Sentence, ...]
    relevance: Relevance
    key_points: KeyPoints
    star: Star  # stories only (not applicable to other forms)
    parts: FormParts  # the parts of the other forms (introduction, motivation, ...)
    specificity: Specificity
    clarity: Clarity
    alignment: Alignment
    tone: Tone

    def to_dict(self) -> dict[str, Any]:
        """Plain dicts, lists, strings and numbers, ready for ``json.dumps``."""
        return asdict(self)
