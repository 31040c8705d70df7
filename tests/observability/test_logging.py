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
