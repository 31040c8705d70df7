"""Pairs of answers to one question, read from a CSV or built from graded answers.

``python -m bench.practice.pairs ANSWERS.csv --part open|locked --out PAIRS.csv`` builds pairs
from graded short answers (Mohler's columns: ``question_id, question, reference_answer,
answer_id, answer`` and grader columns): for each question of the part (the locked test part
by question, ``bench/judgement/locked.py``, or the rest), up to ``--per-question`` pairs whose
graders' means differ by 1.5 points or more ("clear"), as many that differ by 0.5 or less
("close") and two in between, drawn with a fixed seed and each put in a random order, so the
first answer is as often the better one as the worse. The graders' means go to
``first_score, second_score``, which the benchmark reads only to print its agreement.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.judgement.answers import GradedAnswer, in_part, read_answers

COLUMNS = (
    "question_id",
    "question",
    "reference_answer",
    "pair_id",
    "first_answer",
    "second_answer",
)
CLEAR, CLOSE = 1.5, 0.5  # graders' mean difference: at least / at most
IN_BETWEEN = 2  # pairs per question neither clear nor close
SEED = 46


@dataclass(frozen=True)
class Pair:
    question_id: str
    question: str
    reference: str
    pair_id: str
    first: str
    second: str
    first_score: float | None = None  # the graders' means, when the file has them
    second_score: float | None = None

    @property
    def graded_change(self) -> float | None:
        """Second minus first, by the graders; None without grades."""
        if self.first_score is None or self.second_score is None:
            return None
        return self.second_score - self.first_score


def read_pairs(path: Path) -> list[Pair]:
    """Every row of ``path``; ValueError naming the missing columns."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise ValueError(f"{path} lacks the columns {', '.join(missing)}")
        return [
            Pair(
                row["question_id"],
                row["question"],
                row["reference_answer"],
                row["pair_id"],
                row["first_answer"],
                row["second_answer"],
                _number(row.get("first_score")),
                _number(row.get("second_score")),
            )
            for row in reader
        ]


def _number(text: str | None) -> float | None:
    return float(text) if text is not None and text.strip() else None


def built_pairs(answers: Sequence[GradedAnswer], per_question: int) -> list[Pair]:
    """Clear, close and in-between pairs of each question's answers (module docstring)."""
    by_question: dict[str, list[GradedAnswer]] = {}
    for answer in answers:
        if answer.human is not None:
            by_question.setdefault(answer.question_id, []).append(answer)
    draw = random.Random(SEED)  # noqa: S311 (a fixed draw, not a secret)
    pairs = []
    for question_id in sorted(by_question):
        combos = list(itertools.combinations(by_question[question_id], 2))
        draw.shuffle(combos)
        gap = [abs(a.human - b.human) for a, b in combos]  # type: ignore[operator]
        chosen = (
            [c for c, g in zip(combos, gap, strict=True) if g >= CLEAR][:per_question]
            + [c for c, g in zip(combos, gap, strict=True) if g <= CLOSE][:per_question]
            + [c for c, g in zip(combos, gap, strict=True) if CLOSE < g < CLEAR][:IN_BETWEEN]
        )
        for a, b in chosen:
            first, second = (b, a) if draw.random() < 0.5 else (a, b)
            pairs.append(
                Pair(
                    question_id,
                    first.question,
                    first.reference,
                    f"{first.answer_id}|{second.answer_id}",
                    first.answer,
                    second.answer,
                    first.human,
                    second.human,
                )
            )
    return pairs


def write_pairs(pairs: Sequence[Pair], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([*COLUMNS, "first_score", "second_score"])
        for p in pairs:
            writer.writerow(
                [
                    p.question_id,
                    p.question,
                    p.reference,
                    p.pair_id,
                    p.first,
                    p.second,
                    p.first_score,
                    p.second_score,
                ]
            )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.practice.pairs", description=__doc__)
    parser.add_argument("answers", type=Path)
    parser.add_argument("--part", choices=("open", "locked", "all"), required=True)
    parser.add_argument("--per-question", type=int, default=5)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    try:
        answers = read_answers(args.answers)
    except (OSError, ValueError) as error:
        print(f"cannot read {args.answers}: {error}", file=sys.stderr)
        return 2
    pairs = built_pairs(in_part(answers, args.part), args.per_question)
    write_pairs(pairs, args.out)
    print(f"{len(pairs)} pairs of {len({p.question_id for p in pairs})} questions to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
