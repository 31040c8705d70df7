"""Quieting what native code prints, for command-line tools."""

from __future__ import annotations

import os

import pytest

from rehearse.analysis.video.native import quiet_native_logs


def test_stderr_is_discarded_inside_the_block_and_restored_after(
    capfd: pytest.CaptureFixture[str],
) -> None:
    with quiet_native_logs():
        os.write(2, b"XNNPACK delegate\n")
    os.write(2, b"shown\n")
    assert capfd.readouterr().err == "shown\n"
