"""The app's logs during a test run: kept with the test that wrote them, and not printed in the
terminal by a background job that happens to log while pytest captures nothing.

Between a test's phases (setup, call, teardown) pytest stops capturing to write its report,
and ``sys.stderr`` is then the terminal's own. A job a fixture queued (the confirmation mail of
a sign-up) that logs in that moment used to print a stray line among the progress dots, under
no test.
"""

from __future__ import annotations

import logging
import sys

import pytest

from rehearse.observability import logging as app_logging


class CapturedStderrHandler(app_logging.StderrHandler):
    """The app's handler, silent while pytest is not capturing (``sys.stderr`` is the real)."""

    def emit(self, record: logging.LogRecord) -> None:
        if sys.stderr is not sys.__stderr__:
            super().emit(record)


def keep_logs_with_their_tests(config: pytest.Config) -> None:
    """Have every ``configure_logging`` of this run use ``CapturedStderrHandler``, unless
    capture is off (``-s``), when the terminal is where logs are meant to go."""
    if config.getoption("capture") != "no":
        app_logging.StderrHandler = CapturedStderrHandler  # type: ignore[misc]
