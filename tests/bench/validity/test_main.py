"""The validity benchmark's command line on a small ratings file in the dataset's format."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from bench.validity.__main__ import main, read_ratings

from tests.support.llama import judge_is_smollm2

TRAITS = ("Overall", "RecommendHiring", "Focused", "StructuredAnswers", "NoFillers")
ANSWERS = (
    "Um I um study uh physics and um I like um robots.",
    "I study physics. Last year I led a team of five that built a rover, and it won.",
    "I study maths and I build things.",
    "Last spring I organised a hackathon for 200 students; as a result we raised 3,000 dollars.",
)


def _ratings_file(path: Path, answers: tuple[str, ...] = ANSWERS) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, ["Participant", "Transcript", *TRAITS])
        writer.writeheader()
        for number, answer in enumerate(answers, start=1):
            transcript = (
                "Interviewer: How are you doing today?|Interviewee: Fine.|"
                f"Interviewer: Tell me about yourself.|Interviewee: {answer}"
            )
            row = {"Participant": f"p{number}", "Transcript": transcript}
            row.update({trait: str(number) for trait in TRAITS})
            writer.writerow(row)
    return path


def test_a_ratings_file_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = _ratings_file(tmp_path / "ratings.csv")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # as spreadsheet programs save
    assert read_ratings(path)[0]["Participant"] == "p1"


def test_out_writes_one_record_per_interview_in_the_published_format(tmp_path: Path) -> None:
    out = tmp_path / "scores.json"
    ratings = str(_ratings_file(tmp_path / "ratings.csv"))
    assert main([ratings, "--out", str(out), "--no-judge"]) == 0
    interviews = json.loads(out.read_text())["interviews"]
    assert [item["participant"] for item in interviews] == ["p1", "p2", "p3", "p4"]
    assert set(interviews[0]) == {
        "participant", "overall", "content", "judged_content", "structure", "fluency", "clarity",
        "fillers_per_100_words", "words",
    }  # fmt: skip
    assert interviews[0]["fillers_per_100_words"] > interviews[1]["fillers_per_100_words"]
    assert all(0 <= item["overall"] <= 100 for item in interviews)
    assert all(item["judged_content"] is None for item in interviews)


def test_the_judge_scores_the_content_and_its_judgements_are_kept_for_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Three interviews are enough to rank; each answer costs the model seconds.
    ratings = str(_ratings_file(tmp_path / "ratings.csv", ANSWERS[:3]))
    kept = tmp_path / "kept.json"
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    with judge_is_smollm2(monkeypatch):
        assert main([ratings, "--out", str(first), "--judgements", str(kept)]) == 0
    # Nothing answers at this address: the second run can only read what the first kept.
    monkeypatch.setenv("REHEARSE_LLM_URL", "http://127.0.0.1:9/v1")
    assert main([ratings, "--out", str(second), "--judgements", str(kept)]) == 0
    scored = json.loads(first.read_text())["interviews"]
    assert all(0 <= item["judged_content"] <= 100 for item in scored)
    assert json.loads(second.read_text()) == json.loads(first.read_text())


def test_a_missing_ratings_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    assert main([str(tmp_path / "absent.csv")]) == 2
