"""``python -m bench.judgement``: a graded CSV in, the judge's scores out, agreement printed
beside the naive anchors. The judge talks to a real llama.cpp server running SmolLM2-135M:
what is checked is the benchmark's contract, not the tiny model's skill."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from bench.judgement.__main__ import main
from bench.judgement.answers import read_answers, swapped

from tests.support.llama import judge_is_smollm2

FIELDS = ["question_id", "question", "reference_answer", "answer_id", "answer", "score_a"]
ROWS = [
    ["1.1", "What is a stack?", "A last-in first-out collection.", "1.1.0",
     "It is last in, first out.<br>", "5"],
    ["1.1", "What is a stack?", "A last-in first-out collection.", "1.1.1",
     "A list of things.", "2"],
    ["1.1", "What is a stack?", "A last-in first-out collection.", "1.1.2",
     "First in first out.", "1"],
    ["2.1", "What does a compiler do?", "It translates source code into machine code.",
     "2.1.0", "Translates source code to machine code.", "5"],
    ["2.1", "What does a compiler do?", "It translates source code into machine code.",
     "2.1.1", "It runs the program.", "1"],
    ["2.1", "What does a compiler do?", "It translates source code into machine code.",
     "2.1.2", "It turns code into something the machine runs.", "4"],
]  # fmt: skip


def _answers(path: Path, rows: list[list[str]] = ROWS, fields: list[str] = FIELDS) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(fields)
        writer.writerows(rows)
    return path


def test_html_is_taken_out_of_the_answers(tmp_path: Path) -> None:
    answers = read_answers(_answers(tmp_path / "a.csv"))
    assert answers[0].answer == "It is last in, first out."
    assert answers[0].human == 5.0


def test_a_file_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = _answers(tmp_path / "a.csv")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # as spreadsheet programs save
    assert read_answers(path)[0].question_id == "1.1"


def test_swapped_pairs_never_meet_their_own_question(tmp_path: Path) -> None:
    answers = read_answers(_answers(tmp_path / "a.csv"))
    pairs = swapped(answers, per_question=2)
    assert len(pairs) == 4
    for pair in pairs:
        own = pair.answer_id.split("~")[0]
        assert not own.startswith(pair.question_id + ".")


def test_a_file_without_the_columns_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _answers(tmp_path / "bad.csv", [["x"]], ["question"])
    assert main([str(bad), "--out", str(tmp_path / "out.json")]) == 2
    assert "lacks the columns" in capsys.readouterr().err


@pytest.mark.slow
def test_every_answer_gets_a_score_and_a_verdict_and_agreement_is_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "judged.json"
    with judge_is_smollm2(monkeypatch):
        assert main([str(_answers(tmp_path / "a.csv")), "--out", str(out), "--swapped", "1"]) == 0
    judged = json.loads(out.read_text())
    assert {a["answer_id"] for a in judged["answers"]} == {row[3] for row in ROWS}
    for answer in judged["answers"]:
        assert 0 <= answer["score"] <= 100
        assert isinstance(answer["on_topic"], bool)
    assert len(judged["swapped"]) == 2
    printed = capsys.readouterr()
    for line in ("judge", "length (words)", "MiniLM cosine", "called off topic"):
        assert line in printed.out
    assert "judging" in printed.err  # the progress bar
