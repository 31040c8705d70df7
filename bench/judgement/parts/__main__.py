"""``python -m bench.judgement.parts``: are a story's parts found where they are told, and
missing where they are not?

With the rated interviews (the default, or a ratings CSV): every hand-marked story
(``marks.json``, ``MARKING.md``) is judged whole, without each part it tells, and with a
sentence of another answer inserted (``ablate.py``), by the product's judge and by the judge
before it (judge-4, ``judges.py``), side by side; per part it prints how often a removed part
is called missing (or partly), a kept part covered, and the quote lies inside the part's
marked sentences (``tally.py``), for the locked students and the open ones apart. The product's
classifier has seen every marked story, so each story is read by the model fitted without its
student (``fit.out_of_fold``, at the shipped cuts). Readings are kept in ``--out`` by hash, so
a second run asks the model nothing new.

With ``ANSWERS.csv`` (columns ``answer_id, question, answer`` and optionally ``key_points``,
separated by " | "): each answer judged as the product judges it, written to ``--out`` as
``{"judge": ..., "answers": [{"answer_id": ..., "parts": [{"part", "verdict", "quote"}]}]}``:
a story's STAR parts, else its key points (its own, or its form's).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tqdm import tqdm

from bench.embeddings import RememberingEncoder
from bench.judgement.parts.ablate import marked_versions
from bench.judgement.parts.fit import out_of_fold, with_cuts
from bench.judgement.parts.judges import ClassifierJudge, PartsJudge, WholeAnswerJudge
from bench.judgement.parts.marks import MARKS, Mark, read_marks
from bench.judgement.parts.tally import print_tally, tally
from bench.validity.__main__ import DEFAULT_RATINGS, read_ratings
from bench.validity.judged import KIND
from rehearse.config import Settings
from rehearse.feedback.content.forms import answer_form
from rehearse.feedback.judge.judge import ContentJudge, JudgeInput
from rehearse.feedback.judge.points import key_points_for
from rehearse.feedback.judge.story import bundled_encoder, bundled_model
from rehearse.interviewer.retrieval.encoder import MiniLMEncoder
from rehearse.llm.configured import ConfiguredClient


def judge_stories(
    rows: Sequence[dict[str, str]],
    marks: dict[str, Mark],
    out: Path,
    *,
    baseline: bool,
    students: str = "all",
) -> int:
    """Judge the versions of the marked stories of ``students`` and print the tallies; the
    earlier judge's readings are kept in ``out``."""
    saved: dict[str, Any] = json.loads(out.read_text(encoding="utf-8")) if out.is_file() else {}
    # Each sentence is read in many versions and folds: embedded once.
    reader, reading = ConfiguredClient(Settings()), RememberingEncoder(bundled_encoder())
    made = marked_versions(rows, marks)  # the same whichever students are judged
    folded = with_cuts(out_of_fold(list(made), marks, reading), bundled_model().cuts)
    judges: list[PartsJudge] = [ClassifierJudge(reading, folded)]
    if baseline:  # quotes by MiniLM, as that judge chose them
        quoting = RememberingEncoder(MiniLMEncoder())
        judges.append(WholeAnswerJudge(reader, quoting, saved.setdefault("whole", {})))
    stories = [s for s in made if s.of(students)]
    started = time.perf_counter()
    try:  # the earlier judge's slow readings first, each story's kept in ``out`` as it comes
        for story in tqdm(stories if baseline else [], desc="stories", file=sys.stderr):
            for version, _ in made[story]:
                judges[-1].parts(story, version.sentences)
            out.write_text(json.dumps(saved) + "\n", encoding="utf-8")
    finally:
        reader.close()
    print(f"{len(stories)} marked stories, {time.perf_counter() - started:.0f} s")
    for part in ("locked", "open"):
        kept = [s for s in stories if s.of(part)]
        if not kept:
            continue
        print(f"\n== {part} students: {len(kept)} stories")
        for judge in judges:
            print_tally(judge.name, tally(judge, [pair for s in kept for pair in made[s]]))
    return 0


def judge_file(path: Path, out: Path) -> int:
    """Each answer of ``path`` judged as the product judges it, written to ``out``."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    missing = {"answer_id", "question", "answer"} - set(rows[0] if rows else {})
    if missing:
        print(f"{path} lacks the columns {', '.join(sorted(missing))}", file=sys.stderr)
        return 2
    judge = ContentJudge(ConfiguredClient(Settings()), MiniLMEncoder())
    answers = []
    started = time.perf_counter()
    try:
        for row in tqdm(rows, desc="answers", unit="answer", file=sys.stderr):
            own = [p for p in (row.get("key_points") or "").split(" | ") if p.strip()]
            form = answer_form(row["question"], KIND)
            points = key_points_for(row["question"], KIND, own)
            judgement = judge.apply(JudgeInput(row["question"], points, row["answer"], form))
            found = judgement.star if judgement.star and not own else judgement.points
            parts = [{"part": v.point, "verdict": v.status, "quote": v.quote} for v in found]
            answers.append({"answer_id": row["answer_id"], "parts": parts})
    finally:
        judge.close()
    out.write_text(json.dumps({"judge": judge.name, "answers": answers}, indent=1) + "\n")
    seconds = (time.perf_counter() - started) / max(len(rows), 1)
    print(f"{judge.name}: {len(rows)} answers, {seconds:.2f} s per answer, written to {out}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.judgement.parts", description=__doc__)
    parser.add_argument("source", type=Path, nargs="?", default=DEFAULT_RATINGS)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--marks", type=Path, default=MARKS)
    parser.add_argument("--no-baseline", action="store_true", help="skip today's judge")
    parser.add_argument(
        "--students", choices=("locked", "open", "all"), default="all",
        help="judge the stories of these students only",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if not args.source.is_file():
        print(f"no file at {args.source}", file=sys.stderr)
        return 2
    rows = read_ratings(args.source)
    if rows and "answer_id" in rows[0]:
        return judge_file(args.source, args.out)
    return judge_stories(
        rows, read_marks(args.marks), args.out, baseline=not args.no_baseline,
        students=args.students,
    )  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
