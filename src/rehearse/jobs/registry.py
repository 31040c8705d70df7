"""Job kinds and the functions that run them."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rehearse.jobs.context import JobContext

Handler = Callable[["JobContext[Any]"], dict[str, Any] | None]

# Modules that define job handlers; each feature adds its own here.
HANDLER_MODULES = (
    "rehearse.mail.tasks",
    "rehearse.interviews.tasks",
    "rehearse.reports.judging",
)

_handlers: dict[str, Handler] = {}


def job_handler(kind: str) -> Callable[[Handler], Handler]:
    """Register the decorated function as the handler of jobs of ``kind``."""

    def register(function: Handler) -> Handler:
        if _handlers.get(kind, function) is not function:
            raise ValueError(f"job kind {kind!r} already has a handler")
        _handlers[kind] = function
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
