"""How a pair verdict agrees with the graders, and the margin chosen out of fold.

Pairs whose graders' means differ by 1.5 points or more are "clear": a verdict follows the
graders (better where the second answer was graded higher) or goes against them. Pairs that
differ by 0.5 or less are "close": the right verdict is "same". The margin is chosen by one
rule written before any figure was read: the smallest margin whose "against" rate on the clear
pairs is at most ``AGAINST_AT_MOST``; out of fold, folds by question.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bench.practice.pairs import CLEAR, CLOSE, Pair
from bench.validity.stats import wilson

AGAINST_AT_MOST = 0.03
MARGINS = tuple(float(m) for m in range(0, 41, 2))  # points of the judge's 0-100 score
FOLDS = 5

Verdict = str | None  # "better", "worse", "same", or None when not judged


@dataclass(frozen=True)
class Rates:
    follow: int
    against: int
    clear: int
    same: int
    close: int

    def shown(self) -> str:
        return (
            f"clear pairs: follow {_share(self.follow, self.clear)}, against "
            f"{_share(self.against, self.clear)} (n {self.clear}); close pairs: same "
            f"{_share(self.same, self.close)} (n {self.close})"
        )


def _share(hits: int, n: int) -> str:
    """``hits / n`` with its Wilson 95 % interval."""
    if n == 0:
        return "n/a"
    low, high = wilson(hits, n)
    return f"{hits / n:.0%} [{low:.0%}, {high:.0%}]"


def rates(pairs: Sequence[Pair], verdicts: Sequence[Verdict]) -> Rates:
    follow = against = clear = same = close = 0
    for pair, verdict in zip(pairs, verdicts, strict=True):
        change = pair.graded_change
        if change is None or verdict is None:
            continue
        if abs(change) >= CLEAR:
            clear += 1
            graded = "better" if change > 0 else "worse"
            follow += verdict == graded
            against += verdict not in (graded, "same")
        elif abs(change) <= CLOSE:
            close += 1
            same += verdict == "same"
    return Rates(follow, against, clear, same, close)


def chosen_margin(pairs: Sequence[Pair], verdict_at: Callable[[Pair, float], Verdict]) -> float:
    """The smallest margin whose "against" rate on ``pairs`` is at most ``AGAINST_AT_MOST``
    (the largest tried when none is)."""
    for margin in MARGINS:
        found = rates(pairs, [verdict_at(p, margin) for p in pairs])
        if found.clear and found.against / found.clear <= AGAINST_AT_MOST:
            return margin
    return MARGINS[-1]


def out_of_fold(
    pairs: Sequence[Pair], verdict_at: Callable[[Pair, float], Verdict]
) -> tuple[Rates, list[float]]:
    """Each fold's pairs judged at the margin chosen on the other folds (folds by question),
    and the margins chosen."""
    questions = sorted({p.question_id for p in pairs})
    fold_of = {q: i % FOLDS for i, q in enumerate(questions)}
    verdicts: list[Verdict] = [None] * len(pairs)
    margins = []
    for fold in range(FOLDS):
        rest = [p for p in pairs if fold_of[p.question_id] != fold]
        margin = chosen_margin(rest, verdict_at)
        margins.append(margin)
        for i, pair in enumerate(pairs):
            if fold_of[pair.question_id] == fold:
                verdicts[i] = verdict_at(pair, margin)
    return rates(pairs, verdicts), margins
