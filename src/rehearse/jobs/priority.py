"""Background work yields the CPU to requests: jobs run at a lower scheduling priority."""

from __future__ import annotations

import os
import threading

import structlog

_log = structlog.get_logger(__name__)


def lower_this_thread(steps: int) -> None:
    """Make the calling thread, and the threads it starts from now on (a model's own thread
    pool), ``steps`` nicer. Linux sets the priority per thread; where the OS does not, or
    refuses, the thread keeps its priority and a warning says so."""
    if steps <= 0:
        return
    thread = threading.get_native_id()
    try:
        current = os.getpriority(os.PRIO_PROCESS, thread)
        os.setpriority(os.PRIO_PROCESS, thread, min(19, current + steps))
    except (AttributeError, OSError) as exc:
        _log.warning("jobs.priority_unchanged", reason=str(exc))
