"""The benchmark's busy judge: it judges without pause while its block runs, and stops with
it. A real llama.cpp server runs SmolLM2-135M in place of the judge's model."""

from __future__ import annotations

import threading

import pytest

from bench.live import busy
from tests.support.llama import judge_is_smollm2
from tests.support.waiting import wait_until

pytestmark = pytest.mark.slow


# The contract, not the load: a short story in place of the benchmark's 60-second one, of which
# the block's four judgements (a warm-up, two in a row, the one under way at its end) took
# 18 s of the server's CPU (11 s with this one: the judge's own prompts are most of the rest).
SHORT_STORY = "Last spring our release slipped, so I split the work and we shipped on time."


def test_the_judge_keeps_judging_until_the_block_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(busy, "STORY", SHORT_STORY)
    with judge_is_smollm2(monkeypatch), busy.busy_judge() as judged:
        wait_until(lambda: judged[0] >= 2, "two judgements in a row")
    assert "busy-judge" not in [thread.name for thread in threading.enumerate()]
