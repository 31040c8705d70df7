"""``rehearse analyze`` in-process: how its first call shares the machine."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from rehearse.cli.analyze import CONTENT_WARMUP_NICENESS, _warm_content


def _priority() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread priority is Linux's")
def test_the_content_models_load_at_a_lower_priority_than_the_speech_analysis() -> None:
    seen: list[int] = []

    def warm() -> None:
        _warm_content()
        seen.append(_priority())

    thread = threading.Thread(target=warm)
    thread.start()
    thread.join()
    assert seen == [min(19, _priority() + CONTENT_WARMUP_NICENESS)]
