"""Agreement of pair verdicts with the graders, and the margin the rule picks."""

from __future__ import annotations

from bench.practice.agreement import chosen_margin, rates
from bench.practice.pairs import Pair


def _pair(first: float, second: float, question: str = "q") -> Pair:
    return Pair(question, "Q?", "R.", f"{first}|{second}", "a", "b", first, second)


def test_clear_pairs_count_following_and_going_against_close_pairs_count_same() -> None:
    pairs = [_pair(1, 4), _pair(4, 1), _pair(2, 2.5), _pair(2, 3)]
    found = rates(pairs, ["better", "better", "same", "worse"])
    assert (found.follow, found.against, found.clear) == (1, 1, 2)
    assert (found.same, found.close) == (1, 1)  # the 1-point pair is neither


def test_the_smallest_margin_that_rarely_goes_against_the_graders_is_chosen() -> None:
    # The judge's change is the graders' times ten, but one clear pair is misjudged by 8 points.
    pairs = [_pair(1, 4), _pair(4, 1), _pair(1, 3)]
    judged = {"1|4": 30.0, "4|1": -30.0, "1|3": -8.0}

    def verdict_at(pair: Pair, margin: float) -> str:
        change = judged[pair.pair_id]
        return "same" if abs(change) <= margin else ("better" if change > 0 else "worse")

    assert chosen_margin(pairs, verdict_at) == 8.0
