"""``python -m bench.judgement.interviews RATINGS.csv --out OUT.json``: the content judge on
real rated interviews (MIT Interview), ranked against the raters' Overall.

Every answer of every interview is judged as the product judges a spoken answer to a
behavioural question without key points of its own: against the points a strong answer of
its form makes (a story's STAR parts, a motivation's reasons...), ``points.key_points_for``.
An interview's judged content is the mean of its answers' scores, as the session's content
score is. Nothing is fitted, so nothing needs cross-validating; the figures are printed for
the locked students (``bench/judgement/locked.py``), the open ones and all, beside the
anchors of the same run: answer length, and the product's content score without the judge.
Judgements are written to OUT.json after each interview, and a run given the same OUT.json
judges only what is not there yet.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from statistics import mean
from typing import Any

from tqdm import tqdm

from bench.judgement.locked import is_locked
from bench.validity.__main__ import DEFAULT_RATINGS, read_ratings
from bench.validity.judged import judge_input
from bench.validity.score import evaluate_interview, score_interview
from bench.validity.stats import agreement, student_of
from bench.validity.turns import Exchange, split_interview
from rehearse.config import Settings
from rehearse.feedback.judge.judge import ContentJudge
from rehearse.interviewer.retrieval.encoder import MiniLMEncoder
from rehearse.llm.configured import ConfiguredClient

TRAITS = ("Overall", "RecommendHiring")


def judged_interview(judge: ContentJudge, exchanges: Sequence[Exchange]) -> list[dict[str, Any]]:
    """Each answer's judgement, in brief: its form, score, grades, verdict and STAR parts."""
    found = []
    for exchange in exchanges:
        judgement = judge.apply(judge_input(exchange))
        found.append(
            {
                "question": exchange.question,
                "form": judgement.form,
                "score": judgement.score,
                "grade": judgement.grade,
                "grades": judgement.grades,
                "on_topic": judgement.on_topic,
                "off_topic_probability": judgement.off_topic_probability,
                "not_about_self_probability": judgement.not_about_self_probability,
                "points": {p.point: p.evidence for p in judgement.points},
                "star": {p.point: p.status for p in judgement.star},
            }
        )
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.judgement.interviews", description=__doc__
    )
    parser.add_argument("ratings", type=Path, nargs="?", default=DEFAULT_RATINGS)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    if not args.ratings.is_file():
        print(f"no ratings file at {args.ratings}", file=sys.stderr)
        return 2
    rows = read_ratings(args.ratings)
    saved: dict[str, Any] = (
        json.loads(args.out.read_text(encoding="utf-8")) if args.out.is_file() else {}
    )
    judged: dict[str, list[dict[str, Any]]] = saved.get("interviews", {})
    encoder = MiniLMEncoder()
    reader = ConfiguredClient(Settings())
    judge = ContentJudge(reader, encoder)
    exchanges = {row["Participant"]: split_interview(row["Transcript"]) for row in rows}
    started, answers = time.perf_counter(), 0
    try:
        for row in tqdm(rows, desc="interviews", unit="interview", file=sys.stderr):
            participant = row["Participant"]
            if participant in judged:
                continue
            judged[participant] = judged_interview(judge, exchanges[participant])
            answers += len(judged[participant])
            payload = {"judge": judge.name, "interviews": judged}
            args.out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    finally:
        judge.close()
    if answers:
        seconds = (time.perf_counter() - started) / answers
        print(f"{judge.name}: {answers} answers judged, {seconds:.2f} s per answer")
    print_agreement(rows, judged, exchanges, encoder)
    return 0


def print_agreement(
    rows: Sequence[dict[str, str]],
    judged: dict[str, list[dict[str, Any]]],
    exchanges: dict[str, list[Exchange]],
    encoder: MiniLMEncoder,
) -> None:
    """Spearman (bootstrap interval over students) of the judged content, and of the
    anchors, with the raters' traits: for the locked students, the open ones and all."""
    product = {
        row["Participant"]: score_interview(
            evaluate_interview(row["Participant"], exchanges[row["Participant"]], encoder)
        )
        for row in rows
    }
    measures: dict[str, Callable[[str], float | None]] = {
        "judged content": lambda p: _mean_score(judged[p]),
        "words per answer": lambda p: mean(len(e.answer.split()) for e in exchanges[p]),
        "content (no judge)": lambda p: product[p].content,
    }
    for part in ("locked", "open", "all"):
        kept = [
            row for row in rows
            if part == "all" or is_locked(student_of(row["Participant"])) == (part == "locked")
        ]  # fmt: skip
        students = [student_of(row["Participant"]) for row in kept]
        print(f"\n{part}: {len(kept)} interviews of {len(set(students))} students")
        for trait in TRAITS:
            ratings = [float(row[trait]) for row in kept]
            for name, value_of in measures.items():
                values = [value_of(row["Participant"]) for row in kept]
                found = agreement(values, ratings, students)
                print(f"  {name:<20}{trait:<17}{found.shown()}")


def _mean_score(answers: Sequence[dict[str, Any]]) -> float | None:
    scores = [a["score"] for a in answers if a["score"] is not None]
    return mean(scores) if scores else None


if __name__ == "__main__":
    raise SystemExit(main())
