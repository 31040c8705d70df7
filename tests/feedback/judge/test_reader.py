"""A verdict's share: the probability of "yes" against "no" among the first tokens."""

from __future__ import annotations

import pytest

from rehearse.feedback.judge.reader import share_of


def test_the_yes_share_reads_only_yes_and_no() -> None:
    assert share_of({"yes": 0.3, "no": 0.1, "maybe": 0.6}, "yes", "no") == pytest.approx(0.75)
    assert share_of({"maybe": 1.0}, "yes", "no") is None
