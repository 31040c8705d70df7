"""Both answers of each pair judged by the configured content judge, as the product judges an
attempt, each judgement kept by its hash so a second run is quick."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path

from tqdm import tqdm

from bench.practice.pairs import Pair
from bench.validity.judged import KeptJudgements
from rehearse.config import Settings
from rehearse.feedback.judge.judge import ContentJudge, JudgeInput
from rehearse.feedback.judge.verdict import ContentJudgement
from rehearse.interviewer.retrieval.encoder import MiniLMEncoder
from rehearse.llm.configured import ConfiguredClient

DEFAULT_JUDGEMENTS = Path.home() / ".cache" / "rehearse" / "practice-judgements.json"

Judged = tuple[ContentJudgement, ContentJudgement]


def judged_pairs(pairs: Sequence[Pair], kept_at: Path) -> tuple[str, dict[str, Judged]]:
    """Both answers of every pair judged, by pair id (the answers to one question one after
    the other, so the prompt cache keeps the question); the judge's name."""
    judge = ContentJudge(ConfiguredClient(Settings()), MiniLMEncoder())
    kept = KeptJudgements(kept_at, judge.name)
    started, judged = time.perf_counter(), {}
    try:
        in_order = sorted(pairs, key=lambda pair: pair.question_id)
        for pair in tqdm(in_order, desc="pairs", unit="pair", file=sys.stderr):
            both = (pair.first, pair.second)
            items = [JudgeInput(pair.question, (pair.reference,), answer) for answer in both]
            first, second = (kept.judged_by(judge, item) for item in items)
            judged[pair.pair_id] = (first, second)
    finally:
        judge.close()
    seconds = (time.perf_counter() - started) / max(len(pairs), 1)
    print(f"{judge.name}: {len(pairs)} pairs, {seconds:.2f} s per pair (kept judgements read)")
    return judge.name, judged
