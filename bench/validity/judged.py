"""The content judge's judgements of the rated interviews' answers, as the product makes them
by default, kept in a JSON file by the hash of what was judged (the judge's name, the
question and the answer), so a second run judges only what changed.

The file holds the judgements whole (``ContentJudgement.to_dict``), quotes of the answers
included: it lives with the user's caches, never in the repository.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from tqdm import tqdm

from bench.validity.turns import Exchange
from rehearse.feedback.content.forms import answer_form
from rehearse.feedback.judge.judge import ContentJudge, JudgeInput
from rehearse.feedback.judge.points import key_points_for
from rehearse.feedback.judge.verdict import ContentJudgement

KIND = "behavioural"  # a rated interview's questions, as the product sees them
DEFAULT_FILE = (
    Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    / "rehearse"
    / "validity-judgements.json"
)


def judge_input(exchange: Exchange) -> JudgeInput:
    """An interview's exchange as the product would judge it: a behavioural question without
    key points of its own, judged against the points a strong answer of its form makes."""
    form = answer_form(exchange.question, KIND)
    points = key_points_for(exchange.question, KIND, ())
    return JudgeInput(exchange.question, points, exchange.answer, form)


def key_of(judge_name: str, exchange: Exchange) -> str:
    text = json.dumps([judge_name, exchange.question, exchange.answer])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class KeptJudgements:
    """Judgements read from and added to ``path``; the file is rewritten after each new one,
    so an interrupted run loses at most the answer it was judging."""

    def __init__(self, path: Path, judge_name: str) -> None:
        self.path = path
        self.judge_name = judge_name
        self._kept: dict[str, dict[str, object]] = (
            json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        )

    def get(self, exchange: Exchange) -> ContentJudgement | None:
        found = self._kept.get(key_of(self.judge_name, exchange))
        return None if found is None else ContentJudgement.from_dict(dict(found))

    def put(self, exchange: Exchange, judgement: ContentJudgement) -> None:
        self._kept[key_of(self.judge_name, exchange)] = judgement.to_dict()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".partial")
        partial.write_text(json.dumps(self._kept) + "\n", encoding="utf-8")
        partial.replace(self.path)


def judge_interviews(
    judge: ContentJudge, kept: KeptJudgements, interviews: Sequence[Sequence[Exchange]]
) -> list[list[ContentJudgement]]:
    """Every answer's judgement, from ``kept`` where it is there, else from ``judge``."""
    wanted = [e for exchanges in interviews for e in exchanges if kept.get(e) is None]
    with tqdm(total=len(wanted), desc="judging", unit="answer", file=sys.stderr) as bar:
        for exchange in wanted:
            kept.put(exchange, judge.apply(judge_input(exchange)))
            bar.update()
    return [[_found(kept, e) for e in exchanges] for exchanges in interviews]


def _found(kept: KeptJudgements, exchange: Exchange) -> ContentJudgement:
    judgement = kept.get(exchange)
    assert judgement is not None  # judged above
    return judgement
