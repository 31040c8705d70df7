"""The benchmark's busy judge: it judges without pause while its block runs, and stops with
it. A real llama.cpp server runs SmolLM2-135M in place of the judge's model."""

from __future__ import annotations

import threading

import pytest
from bench.live.busy import busy_judge

from tests.support.llama import judge_is_smollm2
from tests.support.waiting import wait_until

pytestmark = pytest.mark.slow


def test_the_judge_keeps_judging_until_the_block_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    with judge_is_smollm2(monkeypatch), busy_judge() as judged:
        wait_until(lambda: judged[0] >= 2, "two judgements in a row")
    assert "busy-judge" not in [thread.name for thread in threading.enumerate()]
