"""The content judge's judgements of the rated interviews' answers, as the product makes them
by default, kept in a JSON file by the hash of what was judged (the judge's name, the
question, the key points, the answer and its form), so a second run judges only what
changed; ``bench.judgement.keypoints`` keeps its judgements the same way.

The file holds the judgements whole (``ContentJudgement.to_dict``), quotes of the answers
included: it lives with the user's caches or a run's output, never in the repository.
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


def key_of(judge_name: str, item: JudgeInput) -> str:
    """The hash of what ``item`` asks the judge, and of which judge."""
    asked = [judge_name, item.question, list(item.key_points), item.answer, item.form]
    return hashlib.sha256(json.dumps(asked).encode("utf-8")).hexdigest()


class KeptJudgements:
    """Judgements read from and added to ``path``, each under the hash of what was judged
    (``key_of``); the file is rewritten after each new one, so an interrupted run loses at
    most the answer it was judging."""

    def __init__(self, path: Path, judge_name: str) -> None:
        self.path = path
        self.judge_name = judge_name
        self._kept: dict[str, dict[str, object]] = (
            json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        )

    def __contains__(self, item: JudgeInput) -> bool:
        return key_of(self.judge_name, item) in self._kept

    def get(self, item: JudgeInput) -> ContentJudgement:
        return ContentJudgement.from_dict(dict(self._kept[key_of(self.judge_name, item)]))

    def judged_by(self, judge: ContentJudge, item: JudgeInput) -> ContentJudgement:
        """``item``'s judgement: the one kept, else ``judge``'s, kept from now on."""
        if item not in self:
            self._kept[key_of(self.judge_name, item)] = judge.apply(item).to_dict()
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_suffix(".partial")
            partial.write_text(json.dumps(self._kept) + "\n", encoding="utf-8")
            partial.replace(self.path)
        return self.get(item)


def judge_interviews(
    judge: ContentJudge, kept: KeptJudgements, interviews: Sequence[Sequence[Exchange]]
) -> list[list[ContentJudgement]]:
    """Every answer's judgement, from ``kept`` where it is there, else from ``judge``."""
    items = [[judge_input(e) for e in exchanges] for exchanges in interviews]
    wanted = [item for row in items for item in row if item not in kept]
    for item in tqdm(wanted, desc="judging", unit="answer", file=sys.stderr):
        kept.judged_by(judge, item)
    return [[kept.get(item) for item in row] for row in items]
