"""The hand marks of key points in graded short answers (``marks.json``, made as
``MARKING.md`` says), and the versions of each marked answer the benchmark judges.

A question's mark splits its reference answer into key points; an answer's mark gives, for
each point, the stretches of the answer that make it and a verdict for the whole answer. The
file holds character offsets into ``answers.plain`` of the texts and a short hash of each
text, never the words (the data may not be copied here): the texts come from the data set at
run time, and a text whose hash changed is left out, not misread.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.judgement.answers import GradedAnswer, plain

MARKS = Path(__file__).with_name("marks.json")
Span = tuple[int, int]


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class MarkedAnswer:
    """One marked answer with its question's key points, as texts."""

    answer: GradedAnswer
    points: tuple[str, ...]
    spans: tuple[tuple[Span, ...], ...]  # per point: where the answer makes it
    verdicts: tuple[str, ...]  # per point: covered / partly / missing

    @property
    def text(self) -> str:
        return plain(self.answer.answer)


@dataclass(frozen=True)
class Version:
    """An answer as the judge reads it, and what each point's verdict should be."""

    marked: MarkedAnswer
    text: str
    removed: int | None  # the point whose words were taken out; None: the whole answer
    expected: tuple[str, ...]


def read_marked(answers: Iterable[GradedAnswer], path: Path = MARKS) -> list[MarkedAnswer]:
    """Every marked answer found in ``answers`` whose texts still match their hashes."""
    data = json.loads(path.read_text(encoding="utf-8"))
    questions: Mapping[str, Mapping[str, object]] = data["questions"]
    marks: Mapping[str, Mapping[str, object]] = data["answers"]
    found = []
    for answer in answers:
        mark = marks.get(f"{answer.question_id}/{answer.answer_id}") or marks.get(answer.answer_id)
        if mark is None or mark["question_id"] != answer.question_id:
            continue
        question = questions[answer.question_id]
        reference, text = plain(answer.reference), plain(answer.answer)
        if question["reference"] != fingerprint(reference) or mark["answer"] != fingerprint(text):
            continue
        points = tuple(reference[start:end] for start, end in question["points"])  # type: ignore[attr-defined]
        spans = tuple(tuple((s, e) for s, e in point) for point in mark["spans"])  # type: ignore[attr-defined]
        verdicts = tuple(str(v) for v in mark["verdicts"])  # type: ignore[attr-defined]
        found.append(MarkedAnswer(answer, points, spans, verdicts))
    return found


def without(text: str, spans: Sequence[Span]) -> str:
    """``text`` with the characters of ``spans`` taken out, spaces made single."""
    kept, at = [], 0
    for start, end in sorted(spans):
        kept.append(text[at:start])
        at = max(at, end)
    kept.append(text[at:])
    return " ".join("".join(kept).split())


def versions(marked: MarkedAnswer) -> list[Version]:
    """The whole answer, then, for each point it makes, the answer without that point's
    words: that point should be missing, the others as marked."""
    made = [Version(marked, marked.text, None, marked.verdicts)]
    for point, spans in enumerate(marked.spans):
        if not spans:
            continue
        expected = tuple(
            "missing" if i == point else verdict for i, verdict in enumerate(marked.verdicts)
        )
        made.append(Version(marked, without(marked.text, spans), point, expected))
    return made
