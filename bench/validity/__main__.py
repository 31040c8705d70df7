"""``python -m bench.validity RATINGS.csv [--out scores.json]``: score every rated interview
as the product would and print how each competency ranks the interviews against the raters'
traits it claims to measure (Spearman rho, bootstrap 95 % interval over students)."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from bench.judgement.locked import is_locked
from bench.validity import fit, judged
from bench.validity.score import (
    EvaluatedInterview,
    InterviewScores,
    evaluate_interview,
    score_interview,
)
from bench.validity.stats import agreement, student_of
from bench.validity.turns import Exchange, split_interview
from rehearse.config import Settings
from rehearse.feedback.judge.judge import ContentJudge
from rehearse.feedback.judge.verdict import ContentJudgement
from rehearse.interviewer.retrieval.encoder import MiniLMEncoder
from rehearse.llm.configured import ConfiguredClient

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_RATINGS = ROOT.parent / "shared/data/mit-interview/ratings-dev.csv"

# Each measure of the product, and the raters' traits it claims to track.
CLAIMS: Sequence[tuple[str, Callable[[InterviewScores], float | None], Sequence[str]]] = (
    ("overall", lambda s: s.overall, ("Overall", "RecommendHiring", "Focused")),
    ("content", lambda s: s.content, ("Overall", "RecommendHiring", "Focused")),
    ("judged content", lambda s: s.judged_content, ("Overall", "RecommendHiring")),
    ("structure", lambda s: s.structure, ("StructuredAnswers", "Overall", "RecommendHiring")),
    ("fluency", lambda s: s.fluency, ("NoFillers", "Overall", "RecommendHiring")),
    ("clarity", lambda s: s.clarity, ("Overall", "StructuredAnswers")),
    ("delivery", lambda s: s.delivery, ("NoFillers", "Overall")),
    (
        "fillers (fewer = higher)",
        lambda s: None if s.fillers_per_100_words is None else -s.fillers_per_100_words,
        ("NoFillers", "Overall"),
    ),
    (
        "words (baseline)",
        lambda s: float(s.words),
        ("StructuredAnswers", "Overall", "RecommendHiring"),
    ),
)


# Declared before the choice: the overall's weights are chosen on the mean of its rho with
# these two traits, so that one set of weights serves both.
OVERALL_CHOSEN_ON = ("Overall", "RecommendHiring")


def read_ratings(path: Path) -> list[dict[str, str]]:
    """Every row of the ratings CSV, by column name (a leading byte-order mark ignored)."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.validity", description=__doc__)
    parser.add_argument("ratings", type=Path, nargs="?", default=DEFAULT_RATINGS)
    parser.add_argument("--out", type=Path, help="write each interview's scores as JSON here")
    parser.add_argument(
        "--no-judge",
        action="store_true",
        help="score without the content judge (the product's default judges every answer)",
    )
    parser.add_argument(
        "--judgements",
        type=Path,
        default=judged.DEFAULT_FILE,
        help="where the judge's judgements are kept by their hash, so a second run is quick "
        "(default: %(default)s)",
    )
    parser.add_argument(
        "--fit",
        action="store_true",
        help="fit the scores on every student, measure them leave one student out, and "
        "write src/rehearse/feedback/fitted.json (the product's fitted bands and weights); "
        "with --no-judge only the scores' bands and weights are refitted and the shipped "
        "overall, fitted over the judge's content, is kept",
    )
    parser.add_argument(
        "--cv",
        action="store_true",
        help="also fit the scores and print their agreement, each interview scored by the "
        "fit made without its student (bands, weights and the overall), on the locked "
        "students and on all, beside the fit on the open students",
    )
    args = parser.parse_args(argv)
    if not args.ratings.is_file():
        print(f"no ratings file at {args.ratings}", file=sys.stderr)
        return 2
    rows = read_ratings(args.ratings)
    encoder = MiniLMEncoder()
    exchanges = [split_interview(row["Transcript"]) for row in rows]
    evaluated = [
        evaluate_interview(row["Participant"], split, encoder)
        for row, split in zip(rows, exchanges, strict=True)
    ]
    judgements = (
        [[] for _ in rows] if args.no_judge else _judgements(exchanges, args.judgements, encoder)
    )
    scored = [
        score_interview(interview, judged_answers)
        for interview, judged_answers in zip(evaluated, judgements, strict=True)
    ]
    if args.out:
        payload = {"interviews": [item.to_json() for item in scored]}
        args.out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    students = [student_of(row["Participant"]) for row in rows]
    print(f"{len(rows)} interviews of {len(set(students))} students ({args.ratings.name})")
    for part in ("all", "locked"):
        kept = [i for i, s in enumerate(students) if part == "all" or is_locked(s)]
        print(f"\n{part} students' interviews, scored as the product scores them:")
        print(f"{'measure':<26}{'rater trait':<20}{'rho [95 % interval]':<26}n")
        for name, value_of, traits in CLAIMS:
            values = [value_of(scored[i]) for i in kept]
            for trait in traits:
                ratings = [float(rows[i][trait]) for i in kept]
                found = agreement(values, ratings, [students[i] for i in kept])
                print(f"{name:<26}{trait:<20}{found.shown():<26}{found.n}")
    if args.cv or args.fit:
        contents = None if args.no_judge else [item.judged_content for item in scored]
        print_fitted(args.ratings, evaluated, rows, students, contents, write=args.fit)
    return 0


def _judgements(
    exchanges: Sequence[Sequence[Exchange]], path: Path, encoder: MiniLMEncoder
) -> list[list[ContentJudgement]]:
    """Every answer judged as the product judges it, from ``path`` where judged before."""
    judge = ContentJudge(ConfiguredClient(Settings()), encoder)
    try:
        return judged.judge_interviews(judge, judged.KeptJudgements(path, judge.name), exchanges)
    finally:
        judge.close()


def _print_table(title: str, table: dict[str, list[dict[str, Any]]]) -> None:
    print(f"\n{title}:")
    for name, found in table.items():
        for item in found:
            shown = f"{item['rho']:+.2f} [{item['low']:+.2f}, {item['high']:+.2f}]"
            print(f"{name:<26}{item['trait']:<20}{shown}  n={item['interviews']}")


def print_fitted(
    ratings_file: Path,
    evaluated: Sequence[EvaluatedInterview],
    rows: Sequence[dict[str, str]],
    students: list[str],
    judged: Sequence[float | None] | None,
    *,
    write: bool,
) -> None:
    """Fit the scores on every student and measure them leave one student out, over all of
    them and on the locked ones (the figures the product shows), beside the fit on the open
    students measured on the locked ones (shown until 2026-11-27); print them and, when
    ``write``, write the product's ``fitted.json``."""
    measures = fit.measures_of(evaluated)
    made = fit.shipped_fit(measures, rows, students, judged)
    _, before = fit.locked_agreement(measures, rows, students, judged)
    for title, table in (
        ("all students, each scored by the fit made without them", made.agreement("all")),
        ("locked students, each scored by the fit made without them (shown)",
         made.agreement("locked")),
        ("locked students, scored by the fit on the open students (shown until 2026-11-27)",
         before),
        ("the overall's traits: all students, each scored by the fit made without them",
         made.agreement("all", fit.OVERALL_TRAITS)),
        ("the overall's traits: locked students, each scored by the fit made without them",
         made.agreement("locked", fit.OVERALL_TRAITS)),
    ):  # fmt: skip
        _print_table(title, table)
    for part in ("all", "locked"):
        _print_table(f"the overall's rho less each score's (a paired interval), {part} students, "
                     "each scored by the fit made without them", made.gaps(part))  # fmt: skip
    print("\nfitted on every student:")
    for name, fitted in made.model.scores.items():
        weights = ", ".join(f"{m['name']} {m['weight']}" for m in fitted["measures"])
        print(f"    {name}: {weights}")
    print(f"    overall: {dict(made.model.overall)}")
    if not write:
        return
    out = ROOT / fit.FITTED_FILE
    content = fit.shipped(
        made, f"{ratings_file.parent.name}/{ratings_file.name}", str(date.today())
    )
    if judged is None:
        content = fit.with_judged_overall(content, json.loads(out.read_text("utf-8")))
    out.write_text(json.dumps(content, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    raise SystemExit(main())
