"""The background warm-up: its states, in order, and a failure reported rather than raised."""

from __future__ import annotations

import threading

from rehearse.warmup import ModelWarmup
from tests.support.waiting import GUARD_SECONDS


def test_a_warmup_never_started_is_off() -> None:
    assert ModelWarmup().state == "off"


def test_it_is_warming_until_every_step_has_run_then_warm() -> None:
    release = threading.Event()
    ran: list[str] = []
    warmup = ModelWarmup()
    warmup.start({"slow": release.wait, "quick": lambda: ran.append("quick")})
    assert warmup.state == "warming"
    assert ran == []
    release.set()
    assert warmup.wait(timeout=GUARD_SECONDS)
    assert (warmup.state, ran) == ("warm", ["quick"])


def test_a_failing_step_makes_it_failed_and_stops_it() -> None:
    ran: list[str] = []

    def broken() -> None:
        raise FileNotFoundError("model.bin")

    warmup = ModelWarmup()
    warmup.start({"broken": broken, "next": lambda: ran.append("next")})
    assert warmup.wait(timeout=GUARD_SECONDS)
    assert (warmup.state, ran) == ("failed", [])


def test_starting_it_again_runs_nothing_more() -> None:
    ran: list[str] = []
    warmup = ModelWarmup()
    warmup.start({"once": lambda: ran.append("once")})
    warmup.start({"twice": lambda: ran.append("twice")})
    assert warmup.wait(timeout=GUARD_SECONDS)
    assert ran == ["once"]
