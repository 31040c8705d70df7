"""``python -m bench.judgement.keypoints [ANSWERS.csv] --out OUT.json [--part locked|open]``:
key points judged as people find them, on hand-marked Mohler answers (``marks.py``).

Each marked answer is judged whole and, for each key point it makes, without the words that
make it, against its question's key points (the reference answer split by hand), as the
product judges an answer to a question with key points of its own. Printed per part of the
questions (locked, open): how often a removed point is called missing, and missing or
partly; how often a point the answer makes (marked covered) is called covered; how often
the quote of such a point overlaps the words marked as making it; and how often "missing"
is right. Judgements are kept in OUT.json by the hash of what was judged, so a second run
judges only what changed.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from tqdm import tqdm

from bench.judgement.answers import read_answers
from bench.judgement.keypoints.marks import MARKS, Version, read_marked, versions
from bench.judgement.locked import is_locked
from bench.judgement.parts.tally import Count
from bench.validity.__main__ import ROOT
from bench.validity.judged import KeptJudgements
from rehearse.config import Settings
from rehearse.feedback.judge.judge import ContentJudge, JudgeInput
from rehearse.feedback.judge.verdict import PointVerdict
from rehearse.interviewer.retrieval.encoder import MiniLMEncoder
from rehearse.llm.configured import ConfiguredClient

DEFAULT_ANSWERS = ROOT.parent / "shared/data/mohler/answers-dev.csv"
CELLS = ("removed: missing", "missing or partly", "kept: covered", "quote inside", "missing right")


def tally(
    judged: Sequence[tuple[Version, Sequence[PointVerdict]]],
) -> dict[str, Count]:
    counts = {cell: Count() for cell in CELLS}
    for version, verdicts in judged:
        for point, verdict in enumerate(verdicts):
            expected = version.expected[point]
            if verdict.status == "missing":
                counts["missing right"].add(expected == "missing")
            if version.removed == point:
                counts["removed: missing"].add(verdict.status == "missing")
                counts["missing or partly"].add(verdict.status != "covered")
            elif expected == "covered":
                counts["kept: covered"].add(verdict.status == "covered")
                if verdict.status != "missing" and version.removed is None:
                    counts["quote inside"].add(_quoted_inside(verdict.quote, version, point))
    return counts


def _quoted_inside(quote: str, version: Version, point: int) -> bool:
    """Whether the quote overlaps a stretch of the answer marked as making the point."""
    at = version.text.find(quote) if quote else -1
    if at < 0:
        return False
    return any(at < end and start < at + len(quote) for start, end in version.marked.spans[point])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.judgement.keypoints", description=__doc__
    )
    parser.add_argument("answers", type=Path, nargs="?", default=DEFAULT_ANSWERS)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--part", choices=("locked", "open", "all"), default="all")
    parser.add_argument("--marks", type=Path, default=MARKS, help="the hand marks' file")
    args = parser.parse_args(argv)
    if not args.answers.is_file():
        print(f"no answers file at {args.answers}", file=sys.stderr)
        return 2
    marked = [
        m for m in read_marked(read_answers(args.answers), args.marks)
        if args.part == "all" or is_locked(m.answer.question_id) == (args.part == "locked")
    ]  # fmt: skip
    judge = ContentJudge(ConfiguredClient(Settings()), MiniLMEncoder())
    kept = KeptJudgements(args.out, judge.name)
    made = [version for answer in marked for version in versions(answer)]
    started, judged = time.perf_counter(), []
    try:
        for version in tqdm(made, desc="versions", unit="answer", file=sys.stderr):
            item = JudgeInput(version.marked.answer.question, version.marked.points, version.text)
            judged.append((version, kept.judged_by(judge, item).points))
    finally:
        judge.close()
    print(f"{judge.name}: {len(marked)} marked answers, {len(made)} versions, "
          f"{time.perf_counter() - started:.0f} s")  # fmt: skip
    for part in ("locked", "open"):
        chosen = [
            (v, p)
            for v, p in judged
            if is_locked(v.marked.answer.question_id) == (part == "locked")
        ]
        if not chosen:
            continue
        questions = len({v.marked.answer.question_id for v, _ in chosen})
        print(
            f"\n== {part} questions ({questions}), {len({id(v.marked) for v, _ in chosen})} answers"
        )
        for cell, count in tally(chosen).items():
            print(f"  {cell:<20}{count.shown():>20}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
