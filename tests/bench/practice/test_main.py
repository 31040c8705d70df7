"""``python -m bench.practice``: pairs judged by a real llama.cpp server running SmolLM2-135M
(the contract is checked, not the tiny model's skill)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bench.judgement.answers import GradedAnswer
from bench.practice.__main__ import main
from bench.practice.pairs import built_pairs, write_pairs

from tests.support.llama import judge_is_smollm2

QUESTION = "What is the role of a prototype program in problem solving?"
REFERENCE = "To simulate the behaviour of portions of the desired software product."
ANSWERS = {
    "1": ("It simulates how parts of the finished software will behave, to test ideas.", 5.0),
    "2": ("A prototype simulates part of the product so problems show early.", 4.5),
    "3": ("It is a program.", 1.0),
}


def _pairs(path: Path) -> Path:
    graded = [
        GradedAnswer("1.1", QUESTION, REFERENCE, f"1.1.{i}", text, {"score_mean": grade})
        for i, (text, grade) in ANSWERS.items()
    ]
    write_pairs(built_pairs(graded, per_question=5), path)
    return path


@pytest.mark.slow
def test_each_pair_gets_a_verdict_and_the_judgements_are_kept_for_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pairs, kept = _pairs(tmp_path / "pairs.csv"), tmp_path / "kept.json"
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    with judge_is_smollm2(monkeypatch):
        assert main([str(pairs), "--out", str(first), "--judgements", str(kept), "--choose"]) == 0
    out = json.loads(first.read_text())
    assert out["judge"]
    assert {item["content"] for item in out["pairs"]} <= {"better", "worse", "same"}
    assert len(out["pairs"]) == 3
    printed = capsys.readouterr().out
    assert "clear pairs: follow" in printed
    assert "out of fold by question" in printed
    # Nothing answers at this address: the second run can only read what the first kept.
    monkeypatch.setenv("REHEARSE_LLM_URL", "http://127.0.0.1:9/v1")
    assert main([str(pairs), "--out", str(second), "--judgements", str(kept)]) == 0
    assert json.loads(second.read_text()) == out


def test_a_missing_pairs_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    assert main([str(tmp_path / "absent.csv"), "--out", str(tmp_path / "out.json")]) == 2
