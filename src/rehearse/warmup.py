"""The models a process will need, loaded in a background thread as it starts.

``rehearse serve`` and ``rehearse worker`` start one, so that the first analysis, plan or
report does not wait for the speech models and the sentence encoder to load; ``/ready``
reports its state. A model asked for while it is still loading is waited for, not loaded
twice. ``REHEARSE_WARM_MODELS=false`` turns it off: each model then loads on first use.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from typing import Literal

import structlog

_log = structlog.get_logger(__name__)

WarmupState = Literal["off", "warming", "warm", "failed"]


class ModelWarmup:
    """Runs named loading steps one after another in a daemon thread, once."""

    def __init__(self) -> None:
        self._state: WarmupState = "off"
        self._thread: threading.Thread | None = None
        self._done = threading.Event()

    @property
    def state(self) -> WarmupState:
        """``off`` (never started), ``warming``, ``warm`` or ``failed`` (the log says why;
        each model is then loaded again, or its error raised, where it is first used)."""
        return self._state

    def start(self, steps: Mapping[str, Callable[[], object]]) -> None:
        """Start loading in the background; a second call does nothing."""
        if self._thread is not None:
            return
        self._state = "warming"
        self._thread = threading.Thread(
            target=self._run, args=(dict(steps),), name="model-warmup", daemon=True
        )
        self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the warm-up has ended (warm or failed); False on timeout."""
        return self._done.wait(timeout)

    def _run(self, steps: dict[str, Callable[[], object]]) -> None:
        began = time.perf_counter()
        try:
            for name, load in steps.items():
                try:
                    load()
                except Exception:
                    self._state = "failed"
                    _log.exception("models.warmup_failed", step=name)
                    return
            self._state = "warm"
            _log.info(
                "models.warm", steps=list(steps), seconds=round(time.perf_counter() - began, 2)
            )
        finally:
            self._done.set()
