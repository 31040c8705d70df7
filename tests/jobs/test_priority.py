"""Jobs yield the CPU to requests: the thread that runs them is made nicer, and only it."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from rehearse.jobs.priority import lower_this_thread

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="per-thread priorities are Linux's"
)


def _nice(thread_id: int) -> int:
    return os.getpriority(os.PRIO_PROCESS, thread_id)


def test_the_calling_thread_and_the_threads_it_starts_are_made_nicer() -> None:
    seen: dict[str, int] = {}

    def job_thread() -> None:
        before = _nice(threading.get_native_id())
        lower_this_thread(3)
        seen["job"] = _nice(threading.get_native_id()) - before
        started = threading.Thread(
            target=lambda: seen.setdefault("started", _nice(threading.get_native_id()) - before)
        )
        started.start()
        started.join()

    main_before = _nice(threading.get_native_id())
    worker = threading.Thread(target=job_thread)
    worker.start()
    worker.join()
    assert seen == {"job": min(3, 19 - main_before), "started": min(3, 19 - main_before)}
    assert _nice(threading.get_native_id()) == main_before
