"""``python -m bench.practice.repeatability ANSWERS.csv [--answers 12] [--part open]``: how far
the content judge's score of one answer moves when the answer did not change, only what the
judge's server was asked just before it, as between two practice attempts.

The server keeps the prompt of its last request and reuses what the next one shares with it,
so the same answer can be read with another part of its prompt already computed, and its
score rounded differently. For each of ``--answers`` answers (the first answer to each
question of the part, in the file's order; Mohler's columns, ``bench.judgement.answers``),
the configured judge scores it twice: right after another answer to the same question, and
right after an answer to another question. Printed: each answer's two counted scores (0 when
off topic, as practice counts them), the largest and mean change, how often the on-topic
verdict flipped, and the comparison's margin beside them (``SAME_WITHIN``): a practice attempt
is called better or worse only beyond that margin.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from bench.judgement.answers import GradedAnswer, in_part, read_answers
from rehearse.config import Settings
from rehearse.feedback.judge.judge import ContentJudge, JudgeInput
from rehearse.feedback.practice.content import SAME_WITHIN, counted_score
from rehearse.interviewer.retrieval.encoder import MiniLMEncoder
from rehearse.llm.configured import ConfiguredClient


def _input(answer: GradedAnswer, said: str | None = None) -> JudgeInput:
    return JudgeInput(answer.question, (answer.reference,), said or answer.answer)


def _score(judge: ContentJudge, item: JudgeInput) -> tuple[float, bool | None]:
    judged = judge.apply(item)
    score = counted_score(judged)
    return (score if score is not None else 0.0), judged.on_topic


def triples(
    answers: Sequence[GradedAnswer], count: int
) -> list[tuple[GradedAnswer, GradedAnswer, GradedAnswer]]:
    """(answer, another answer to its question, an answer to the next question) for the first
    ``count`` questions with two answers or more."""
    by_question: dict[str, list[GradedAnswer]] = {}
    for answer in answers:
        by_question.setdefault(answer.question_id, []).append(answer)
    questions = [given for given in by_question.values() if len(given) >= 2]
    return [
        (given[0], given[1], questions[(index + 1) % len(questions)][0])
        for index, given in enumerate(questions[:count])
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("answers", type=Path, help="graded answers (Mohler's columns)")
    parser.add_argument("--answers", dest="count", type=int, default=12)
    parser.add_argument("--part", choices=("open", "locked", "all"), default="open")
    args = parser.parse_args(argv)
    chosen = triples(in_part(read_answers(args.answers), args.part), args.count)
    if not chosen:
        print(f"no question of the {args.part} part has two answers", file=sys.stderr)
        return 1
    judge = ContentJudge(ConfiguredClient(Settings()), MiniLMEncoder())
    changes: list[float] = []
    flips = 0
    started = time.perf_counter()
    try:
        print(f"{'answer':<12} {'after its own':>14} {'after another':>14} {'change':>7}")
        for answer, neighbour, stranger in chosen:
            _score(judge, _input(answer, neighbour.answer))
            first, first_on_topic = _score(judge, _input(answer))
            _score(judge, _input(stranger))
            second, second_on_topic = _score(judge, _input(answer))
            changes.append(abs(second - first))
            flips += first_on_topic != second_on_topic
            print(f"{answer.answer_id:<12} {first:>14.1f} {second:>14.1f} {changes[-1]:>7.1f}")
    finally:
        judge.close()
    seconds = time.perf_counter() - started
    print(
        f"{judge.name}: {len(changes)} answers scored twice ({seconds:.0f} s); the counted "
        f"score moved by at most {max(changes):.1f} points (mean {statistics.mean(changes):.1f}); "
        f"the on-topic verdict flipped {flips} times; the comparison's margin is "
        f"{SAME_WITHIN:.0f} points"
    )
    return 0 if max(changes) < SAME_WITHIN else 1


if __name__ == "__main__":
    raise SystemExit(main())
