"""The runtime's one language model: the judge and the interviewer share it, or neither has it."""

from __future__ import annotations

from pathlib import Path

from rehearse.runtime import Runtime
from tests.conftest import make_settings

ELSEWHERE = "http://127.0.0.1:9/v1"


def test_the_judge_and_the_rewording_share_one_client(tmp_path: Path) -> None:
    runtime = Runtime(make_settings(tmp_path, llm="on", llm_url=ELSEWHERE, llm_rewrites="on"))
    try:
        judge = runtime.content_judge
        assert judge is not None
        assert judge.reader is runtime.language_model
        assert runtime.rewriter.model is runtime.language_model
    finally:
        runtime.close()


def test_rewording_is_off_unless_asked_for(tmp_path: Path) -> None:
    runtime = Runtime(make_settings(tmp_path, llm="on", llm_url=ELSEWHERE))
    try:
        assert runtime.content_judge is not None
        assert not runtime.rewriter.rewrites
    finally:
        runtime.close()


def test_with_the_model_off_nothing_judges_or_rewords(tmp_path: Path) -> None:
    runtime = Runtime(make_settings(tmp_path, llm="off", llm_rewrites="on"))
    assert runtime.language_model is None
    assert runtime.content_judge is None
    assert not runtime.rewriter.rewrites
