"""``python -m bench.judgement.parts ANSWERS.csv --out OUT.json``: any file of answers judged
part by part, as the product judges them. The judge talks to a real llama.cpp server running
SmolLM2-135M: what is checked is the file's contract, not the tiny model's skill."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from bench.judgement.parts.__main__ import main

from tests.support.llama import judge_is_smollm2

STORY = (
    "Last spring our checkout page timed out every Friday. I had to find the cause before the "
    "sale. I added an index on the orders table. The timeouts stopped."
)
ROWS = [
    {"answer_id": "a1", "question": "Tell me about a time you solved a hard problem.",
     "answer": STORY},
    {"answer_id": "a2", "question": "What is a stack?", "answer": "Last in, first out.",
     "key_points": "Last in, first out | Push and pop work on the top"},
]  # fmt: skip


def test_a_file_of_answers_is_judged_part_by_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers, out = tmp_path / "answers.csv", tmp_path / "out.json"
    with answers.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, ["answer_id", "question", "answer", "key_points"])
        writer.writeheader()
        writer.writerows(ROWS)
    with judge_is_smollm2(monkeypatch):
        assert main([str(answers), "--out", str(out)]) == 0
    judged = json.loads(out.read_text())
    assert judged["judge"]
    parts = {a["answer_id"]: a["parts"] for a in judged["answers"]}
    assert [p["part"] for p in parts["a1"]] == ["situation", "task", "action", "result"]
    assert [p["part"] for p in parts["a2"]] == [
        "Last in, first out",
        "Push and pop work on the top",
    ]
    for found in [*parts["a1"], *parts["a2"]]:
        assert found["verdict"] in {"covered", "partly", "missing"}
        assert found["quote"] in STORY or found["quote"] in ROWS[1]["answer"]


def test_a_file_without_the_answer_columns_is_refused(tmp_path: Path) -> None:
    answers = tmp_path / "answers.csv"
    answers.write_text("answer_id,question\nx,Why?\n", encoding="utf-8")
    assert main([str(answers), "--out", str(tmp_path / "out.json")]) == 2
