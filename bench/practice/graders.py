"""``python -m bench.practice.graders ANSWERS.csv [--part all]``: how one human grader does
on the practice comparison's bar, the ceiling beside the judge's figures.

ANSWERS.csv has Mohler's columns (``bench.judgement.answers``) and two or more grader columns
(``score_grader1``, ``score_grader2``, ...; ``score_mean`` is not a grader). For each grader A
and each other grader B, pairs are built as ``bench.practice.pairs`` builds them, from B's
scores alone (clear: B's two scores 1.5 points apart or more; close: 0.5 or less), and A's
difference says better, worse or the same, its margin chosen by the judge's rule out of fold
by question (``agreement.out_of_fold``; A's scores times 20, the judge's 0-100 scale). So A plays
the judge and B the graders, and B's verdicts never decide A's. For reference, A is also
scored on the benchmark's own pairs (the graders' mean), of which A's scores are a part: that
figure is not a ceiling, only how far a grader's own scores flatter it.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from bench.judgement.answers import GradedAnswer, in_part, read_answers
from bench.practice.agreement import Rates, Verdict, out_of_fold, rates
from bench.practice.pairs import Pair, built_pairs

MEAN = "score_mean"
PER_QUESTION = 5  # as ``bench.practice.pairs`` builds the judge's pairs
TO_JUDGES_SCALE = 20  # a 0-5 grade as the judge's 0-100 score


def grader_columns(answers: Sequence[GradedAnswer]) -> list[str]:
    """The score columns every answer has, the graders' mean left out."""
    common = set.intersection(*(set(a.grades) for a in answers)) if answers else set()
    return sorted(common - {MEAN})


def graded_by(answers: Sequence[GradedAnswer], column: str) -> list[GradedAnswer]:
    """``answers`` as if ``column`` were their only grade."""
    return [replace(a, grades={MEAN: a.grades[column]}) for a in answers]


def grader_says(answers: Sequence[GradedAnswer], column: str) -> Callable[[Pair, float], Verdict]:
    """A pair verdict at a margin from ``column``'s scores of the pair's two answers."""
    grade = {a.answer_id: a.grades[column] * TO_JUDGES_SCALE for a in answers}

    def verdict_at(pair: Pair, margin: float) -> Verdict:
        first, second = pair.pair_id.split("|")
        change = grade[second] - grade[first]
        return "better" if change > margin else "worse" if change < -margin else "same"

    return verdict_at


def as_the_judge(
    answers: Sequence[GradedAnswer], grader: str, truth: str | None
) -> tuple[Rates, list[float], Rates]:
    """``grader`` as the judge against ``truth``'s pairs (the graders' mean when None): out
    of fold at the margins chosen, the margins, and at no margin."""
    pairs = built_pairs(answers if truth is None else graded_by(answers, truth), PER_QUESTION)
    verdict_at = grader_says(answers, grader)
    found, margins = out_of_fold(pairs, verdict_at)
    return found, margins, rates(pairs, [verdict_at(p, 0.0) for p in pairs])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.practice.graders", description=__doc__)
    parser.add_argument("answers", type=Path)
    parser.add_argument("--part", choices=("open", "locked", "all"), default="all")
    args = parser.parse_args(argv)
    try:
        answers = in_part(read_answers(args.answers), args.part)
    except (OSError, ValueError) as error:
        print(f"cannot read {args.answers}: {error}", file=sys.stderr)
        return 2
    graders = grader_columns(answers)
    if len(graders) < 2:
        print(f"{args.answers} needs two grader columns; it has {graders}", file=sys.stderr)
        return 2
    print(f"{len(answers)} answers, part {args.part}, graders {', '.join(graders)}")
    for grader, other in itertools.permutations(graders, 2):
        found, margins, plain = as_the_judge(answers, grader, other)
        print(f"\n{grader} as the judge, {other} as the graders:")
        print(f"  out of fold (margins {margins}): {found.shown()}")
        print(f"  at no margin: {plain.shown()}")
    for grader in graders:
        found, margins, _ = as_the_judge(answers, grader, None)
        print(f"\n{grader} against the graders' mean, of which it is a part (not a ceiling):")
        print(f"  out of fold (margins {margins}): {found.shown()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
