"""The judge the settings describe: none when off, and a server of one's own named."""

from __future__ import annotations

import pytest

from rehearse.config import Settings
from rehearse.feedback.judge.configured import configured_judge

ELSEWHERE = "http://judge-host:8080/v1"


def test_a_judge_turned_off_is_none() -> None:
    assert configured_judge(Settings(_env_file=None, judge="off")) is None


def test_a_server_of_ones_own_without_its_model_named_is_warned_about(
    caplog: pytest.LogCaptureFixture,
) -> None:
    judge = configured_judge(Settings(_env_file=None, judge_url=ELSEWHERE))
    assert judge is not None
    judge.close()
    assert "judge.model_not_named" in caplog.text
    assert judge.name.startswith("qwen2.5-coder-1.5b-instruct-q4_k_m")  # what it would credit


def test_a_named_model_is_credited_without_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    named = Settings(_env_file=None, judge_url=ELSEWHERE, judge_model="llama3.1:8b")
    judge = configured_judge(named)
    assert judge is not None
    judge.close()
    assert judge.name.startswith("llama3.1:8b / ")
    assert "judge.model_not_named" not in caplog.text
