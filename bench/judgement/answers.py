"""Graded short answers read from a CSV: ``question_id, question, reference_answer, answer_id,
answer`` and, when present, grader columns (``score*``) that only agreement reads."""

from __future__ import annotations

import csv
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.judgement.locked import is_locked

REQUIRED = ("question_id", "question", "reference_answer", "answer_id", "answer")
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class GradedAnswer:
    question_id: str
    question: str
    reference: str
    answer_id: str
    answer: str
    grades: dict[str, float]  # every score column present, by name; empty when none

    @property
    def human(self) -> float | None:
        """The graders' mean: ``score_mean`` when given, else the mean of the score columns."""
        if "score_mean" in self.grades:
            return self.grades["score_mean"]
        return sum(self.grades.values()) / len(self.grades) if self.grades else None


def plain(text: str) -> str:
    """Text without the HTML some data sets keep (``<br>``), entities decoded, single-spaced."""
    return " ".join(html.unescape(_TAG.sub(" ", text)).split())


def read_answers(path: Path) -> list[GradedAnswer]:
    """Every row of ``path``; ValueError naming the missing columns. A byte-order mark (as
    spreadsheet programs write) is not part of the first column's name."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in REQUIRED if c not in (reader.fieldnames or ())]
        if missing:
            raise ValueError(f"{path} lacks the columns {', '.join(missing)}")
        score_columns = [c for c in reader.fieldnames or () if c.startswith("score")]
        return [
            GradedAnswer(
                row["question_id"],
                plain(row["question"]),
                plain(row["reference_answer"]),
                row["answer_id"],
                plain(row["answer"]),
                {c: float(row[c]) for c in score_columns if row[c].strip()},
            )
            for row in reader
        ]


def in_part(answers: Sequence[GradedAnswer], part: str) -> list[GradedAnswer]:
    """The answers to the questions of ``part``: "locked" (``locked.py``), "open" or "all"."""
    return [a for a in answers if part == "all" or is_locked(a.question_id) == (part == "locked")]


def swapped(answers: Sequence[GradedAnswer], per_question: int) -> list[GradedAnswer]:
    """The first ``per_question`` answers to each question, each paired with the question
    (and reference) of another question of the set: the one ``len(questions) // 2`` places
    further in the sorted order, so no answer meets its own question and the pairing is the
    same in every run."""
    questions = sorted({a.question_id: a for a in answers}.items())
    order = {qid: index for index, (qid, _) in enumerate(questions)}
    shift = max(1, len(questions) // 2)
    paired: list[GradedAnswer] = []
    taken: dict[str, int] = {}
    for item in answers:
        taken[item.question_id] = taken.get(item.question_id, 0) + 1
        if taken[item.question_id] > per_question:
            continue
        _, other = questions[(order[item.question_id] + shift) % len(questions)]
        paired.append(
            GradedAnswer(other.question_id, other.question, other.reference,
                         f"{item.answer_id}~{other.question_id}", item.answer, {})
        )  # fmt: skip
    return paired
