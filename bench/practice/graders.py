"""``python -m bench.practice.graders ANSWERS.csv [--part all] [--judge]``: how one human
grader does on the practice comparison's bar, the ceiling beside the judge's figures.

ANSWERS.csv has Mohler's columns (``bench.judgement.answers``) and two or more grader columns
(``score_grader1``, ``score_grader2``, ...; ``score_mean`` is not a grader). For each grader A
and each other grader B, pairs are built as ``bench.practice.pairs`` builds them, from B's
scores alone (clear: B's two scores 1.5 points apart or more; close: 0.5 or less), and A's
difference says better, worse or the same, its margin chosen by the judge's rule out of fold
by question (``agreement.out_of_fold``; A's scores times 20, the judge's 0-100 scale). So A
plays the judge and B the graders, and B's verdicts never decide A's. For reference, A is also
scored on the benchmark's own pairs (the graders' mean), of which A's scores are a part: that
figure is not a ceiling, only how far a grader's own scores flatter it. With ``--judge`` the
configured content judge is put in the same places, as ``bench.practice`` compares (its
judgements kept by their hash, so a second run is quick): against each grader alone, on the
same pairs as the other grader, and against the mean.
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
from bench.practice.judged import DEFAULT_JUDGEMENTS, judged_pairs
from bench.practice.pairs import Pair, built_pairs
from rehearse.feedback.practice.content import content_change

MEAN = "score_mean"
PER_QUESTION = 5  # as ``bench.practice.pairs`` builds the judge's pairs
TO_JUDGES_SCALE = 20  # a 0-5 grade as the judge's 0-100 score

Comparator = Callable[[Pair, float], Verdict]


def grader_columns(answers: Sequence[GradedAnswer]) -> list[str]:
    """The score columns every answer has, the graders' mean left out."""
    common = set.intersection(*(set(a.grades) for a in answers)) if answers else set()
    return sorted(common - {MEAN})


def pairs_by(answers: Sequence[GradedAnswer], truth: str | None) -> list[Pair]:
    """The benchmark's pairs, drawn and graded by ``truth``'s scores alone (by the graders'
    mean when None)."""
    if truth is not None:
        answers = [replace(a, grades={MEAN: a.grades[truth]}) for a in answers]
    return built_pairs(answers, PER_QUESTION)


def grader_says(answers: Sequence[GradedAnswer], column: str) -> Comparator:
    """A pair verdict at a margin from ``column``'s scores of the pair's two answers."""
    grade = {a.answer_id: a.grades[column] * TO_JUDGES_SCALE for a in answers}

    def verdict_at(pair: Pair, margin: float) -> Verdict:
        first, second = pair.pair_id.split("|")
        change = grade[second] - grade[first]
        return "better" if change > margin else "worse" if change < -margin else "same"

    return verdict_at


def judge_says(pairs: Sequence[Pair], kept_at: Path) -> Comparator:
    """The configured judge's verdict at a margin, as ``bench.practice`` compares: both answers
    of every pair judged (kept by their hash in ``kept_at``) and compared by their scores."""
    _, by_pair = judged_pairs(pairs, kept_at)

    def verdict_at(pair: Pair, margin: float) -> Verdict:
        return content_change(*by_pair[pair.pair_id], same_within=margin)

    return verdict_at


def placed(pairs: Sequence[Pair], verdict_at: Comparator) -> tuple[Rates, list[float], Rates]:
    """``verdict_at`` on ``pairs``: out of fold at the margins the rule chooses, those
    margins, and at no margin."""
    found, margins = out_of_fold(pairs, verdict_at)
    return found, margins, rates(pairs, [verdict_at(p, 0.0) for p in pairs])


def _print(title: str, figures: tuple[Rates, list[float], Rates]) -> None:
    found, margins, plain = figures
    print(f"\n{title}:")
    print(f"  out of fold (margins {', '.join(f'{m:g}' for m in margins)}): {found.shown()}")
    print(f"  at no margin: {plain.shown()}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.practice.graders", description=__doc__)
    parser.add_argument("answers", type=Path)
    parser.add_argument("--part", choices=("open", "locked", "all"), default="all")
    parser.add_argument(
        "--judge", action="store_true",
        help="put the configured content judge in the same places (about 1 s an answer once)",
    )  # fmt: skip
    parser.add_argument("--judgements", type=Path, default=DEFAULT_JUDGEMENTS)
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
    truths: list[str | None] = [*graders, None]
    pairs = {truth: pairs_by(answers, truth) for truth in truths}
    for grader, other in itertools.permutations(graders, 2):
        verdict_at = grader_says(answers, grader)
        _print(f"{grader} in the judge's place, {other} as the graders",
               placed(pairs[other], verdict_at))  # fmt: skip
    for grader in graders:
        verdict_at = grader_says(answers, grader)
        _print(f"{grader} against the graders' mean, of which it is a part (no ceiling)",
               placed(pairs[None], verdict_at))  # fmt: skip
    if args.judge:
        judge = judge_says([p for truth in truths for p in pairs[truth]], args.judgements)
        for truth in truths:
            graders_are = truth or "the graders' mean"
            _print(f"the judge, {graders_are} as the graders", placed(pairs[truth], judge))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
