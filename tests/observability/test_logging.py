"""Where the logs go."""

from __future__ import annotations

import io
import logging
import sys

import pytest

from rehearse.observability.logging import configure_logging


def test_a_record_goes_to_the_stderr_of_the_moment_not_the_one_at_configuration(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first, now = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stderr", first)
    configure_logging("INFO", "console")
    first.close()  # as a test's output capture closes its stream while threads still log
    monkeypatch.setattr(sys, "stderr", now)
    logging.getLogger("rehearse.test").warning("still heard")
    heard = now.getvalue()
    assert "still heard" in heard
    assert "Logging error" not in heard  # what writing to the closed stream used to print


def test_in_this_suite_a_record_logged_while_pytest_captures_nothing_is_dropped(
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
    request: pytest.FixtureRequest,
) -> None:
    """As a background job's line between a test's phases (tests/support/logs.py)."""
    if request.config.getoption("capture") == "no":
        pytest.skip("with -s the terminal is where the logs are meant to go")
    monkeypatch.setattr(sys, "stderr", sys.__stderr__)  # as pytest leaves it between phases
    configure_logging("INFO", "console")
    logging.getLogger("rehearse.test").warning("between phases")
    assert "between phases" not in capfd.readouterr().err
