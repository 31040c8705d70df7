"""``python -m bench.judgement ANSWERS.csv --out OUT.json``: score every answer with the
content judge, as the product does, and write ``{"judge": ..., "answers": [{"answer_id",
"score", "on_topic"}]}``.

The CSV has the columns ``question_id, question, reference_answer, answer_id, answer`` (others
are ignored); the reference answer is the key point the judge scores against. When grader
columns (``score*``) are present, the run also prints how the judge ranks the answers against
the graders' mean, beside the naive anchors measured in the same run (answer length, and the
MiniLM cosine between answer and reference); grades are never read to score.
``--swapped N`` also judges the first N answers to each question against another question of
the file and prints how many true and swapped pairs are called off topic. ``--part
locked|open`` keeps the questions of the locked test part (``bench/judgement/locked.py``) or
the rest. The judge is the configured one
(``REHEARSE_LLM_URL``, or the bundled model on a server this run starts).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from tqdm import tqdm

from bench.judgement.agreement import ranking
from bench.judgement.answers import GradedAnswer, in_part, read_answers, swapped
from rehearse.config import Settings
from rehearse.feedback.judge.judge import ContentJudge, JudgeInput
from rehearse.feedback.judge.verdict import ContentJudgement
from rehearse.interviewer.retrieval.encoder import MiniLMEncoder
from rehearse.llm.configured import ConfiguredClient


def judge_all(
    judge: ContentJudge, answers: Sequence[GradedAnswer], label: str
) -> list[ContentJudgement]:
    """Judge each answer in order (answers to one question together, so the prompt cache
    keeps the question), with a progress bar."""
    return [
        judge.apply(JudgeInput(item.question, (item.reference,), item.answer))
        for item in tqdm(answers, desc=label, unit="answer", file=sys.stderr)
    ]


def print_agreement(
    answers: Sequence[GradedAnswer], judged: Sequence[ContentJudgement], encoder: MiniLMEncoder
) -> None:
    graded = [(a, j) for a, j in zip(answers, judged, strict=True) if a.human is not None]
    if not graded:
        return
    grades = [a.human for a, _ in graded]
    questions = [a.question_id for a, _ in graded]
    answer_vectors = encoder.encode([a.answer for a, _ in graded])
    reference_vectors = encoder.encode([a.reference for a, _ in graded])
    candidates = {
        "judge": [j.score if j.score is not None else 0.0 for _, j in graded],
        "length (words)": [float(len(a.answer.split())) for a, _ in graded],
        "MiniLM cosine": list(np.sum(answer_vectors * reference_vectors, axis=1)),
    }
    print(f"\nagreement with the graders' mean ({len(graded)} answers, "
          f"{len(set(questions))} questions; 95 % intervals over questions):")  # fmt: skip
    for name, scores in candidates.items():
        print(f"  {name:<16}{ranking(scores, grades, questions).shown()}")  # type: ignore[arg-type]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.judgement", description=__doc__)
    parser.add_argument("answers", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--part", choices=("all", "locked", "open"), default="all")
    parser.add_argument(
        "--swapped",
        type=int,
        default=0,
        metavar="N",
        help="also judge the first N answers to each question against another question",
    )
    args = parser.parse_args(argv)
    try:
        answers = read_answers(args.answers)
    except (OSError, ValueError) as error:
        print(f"cannot read {args.answers}: {error}", file=sys.stderr)
        return 2
    answers = in_part(answers, args.part)
    answers.sort(key=lambda a: a.question_id)  # stable: the file's order within a question
    encoder = MiniLMEncoder()
    reader = ConfiguredClient(Settings())
    try:
        judge = ContentJudge(reader, encoder)
        started = time.perf_counter()
        judged = judge_all(judge, answers, "judging")
        seconds = time.perf_counter() - started
        payload = {
            "judge": judge.name,
            "answers": [
                {"answer_id": a.answer_id, "score": j.score, "on_topic": j.on_topic}
                for a, j in zip(answers, judged, strict=True)
            ],
        }
        print(f"{judge.name}: {len(answers)} answers, {seconds / max(len(answers), 1):.2f} s "
              "per answer")  # fmt: skip
        print_agreement(answers, judged, encoder)
        if args.swapped:
            others = swapped(answers, args.swapped)
            judged_swapped = judge_all(judge, others, "judging swapped pairs")
            payload["swapped"] = [
                {"answer_id": a.answer_id, "score": j.score, "on_topic": j.on_topic}
                for a, j in zip(others, judged_swapped, strict=True)
            ]
            true_off = np.mean([j.on_topic is False for j in judged])
            swapped_off = np.mean([j.on_topic is False for j in judged_swapped])
            print(f"\ncalled off topic: true pairs {true_off:.1%}, swapped pairs {swapped_off:.1%}")
    finally:
        reader.close()
    args.out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
