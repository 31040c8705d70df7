"""``python -m bench.judgement.keypoints``: marked answers judged whole and without each
point's words, by a real llama.cpp server running SmolLM2-135M (the contract is checked, not
the tiny model's skill)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from bench.judgement.keypoints.__main__ import CELLS, main

from tests.bench.judgement.keypoints.test_marks import ANSWER, GIVEN, REFERENCE, _marks
from tests.support.llama import judge_is_smollm2


def test_each_marked_answer_is_judged_and_the_counts_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = tmp_path / "answers.csv"
    with answers.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["question_id", "question", "reference_answer", "answer_id", "answer"])
        writer.writerow(["9.1", GIVEN.question, REFERENCE, "9.1.3", ANSWER])
    out = tmp_path / "out.json"
    with judge_is_smollm2(monkeypatch):
        assert main([str(answers), "--out", str(out), "--marks", str(_marks(tmp_path))]) == 0
    printed = capsys.readouterr().out
    assert "1 marked answers, 3 versions" in printed
    for cell in CELLS:
        assert re.search(rf"^  {re.escape(cell)} ", printed, re.MULTILINE)
    # Kept by hash: a second run needs no judge (nothing answers at this address).
    monkeypatch.setenv("REHEARSE_LLM_URL", "http://127.0.0.1:9/v1")
    assert main([str(answers), "--out", str(out), "--marks", str(_marks(tmp_path))]) == 0
