"""Job kinds, the functions that run them, and what each does when the queue gives up."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import structlog

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from rehearse.jobs.context import JobContext

Handler = Callable[["JobContext[Any]"], dict[str, Any] | None]
# Called in the transaction that fails a job for good (bad input, its attempts spent, or its
# worker gone with none left), with the job's payload and error: what the job was filling in
# says so, instead of "still being analysed" for ever.
GaveUp = Callable[["Session", dict[str, Any], str], None]

# Modules that define job handlers; each feature adds its own here.
HANDLER_MODULES = (
    "rehearse.mail.tasks",
    "rehearse.interviews.tasks",
    "rehearse.reports.judging",
    "rehearse.reports.service",
)

_handlers: dict[str, Handler] = {}
_gave_up: dict[str, GaveUp] = {}
_log = structlog.get_logger(__name__)


def job_handler(kind: str, *, gave_up: GaveUp | None = None) -> Callable[[Handler], Handler]:
    """Register the decorated function as the handler of jobs of ``kind``, and ``gave_up`` as
    what the job system calls when it fails one for good."""

    def register(function: Handler) -> Handler:
        if _handlers.get(kind, function) is not function:
            raise ValueError(f"job kind {kind!r} already has a handler")
        _handlers[kind] = function
        if gave_up is not None:
            _gave_up[kind] = gave_up
        return function

    return register


def load_handlers() -> None:
    for module in HANDLER_MODULES:
        importlib.import_module(module)


def handler_for(kind: str) -> Handler:
    load_handlers()
    try:
        return _handlers[kind]
    except KeyError:
        raise LookupError(f"no handler for job kind {kind!r}") from None


def tell_gave_up(session: Session, kind: str, payload: dict[str, Any], error: str) -> None:
    """Run the ``gave_up`` of ``kind``, if it has one, in ``session``: inside a savepoint, so
    one that fails is logged and undone while the job's own failure is still recorded."""
    load_handlers()
    hook = _gave_up.get(kind)
    if hook is None:
        return
    try:
        with session.begin_nested():
            hook(session, payload, error)
    except Exception:
        _log.exception("job.gave_up_failed", kind=kind)
