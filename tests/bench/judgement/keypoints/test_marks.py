"""The key-point marks read back against the answers they were made on, and the versions of
a marked answer with what each expects (a made-up question, not the data set's)."""

from __future__ import annotations

import json
from pathlib import Path

from bench.judgement.answers import GradedAnswer
from bench.judgement.keypoints.marks import fingerprint, read_marked, versions, without

REFERENCE = "Last in, first out; push and pop work on the top."
ANSWER = "A stack is last in first out. You push onto the top and pop from it."
GIVEN = GradedAnswer("9.1", "What is a stack?", REFERENCE, "9.1.3", ANSWER, {})
POINTS = [[0, 18], [20, 48]]  # "Last in, first out", "push and pop work on the top"
SPANS = [[[11, 28]], [[30, 67]]]


def _marks(
    tmp_path: Path, answer: str = ANSWER, verdicts: tuple[str, str] = ("covered", "covered")
) -> Path:
    path = tmp_path / "marks.json"
    marks = {
        "questions": {"9.1": {"reference": fingerprint(REFERENCE), "points": POINTS}},
        "answers": {"9.1.3": {"question_id": "9.1", "answer": fingerprint(answer),
                              "spans": SPANS, "verdicts": list(verdicts)}},
    }  # fmt: skip
    path.write_text(json.dumps(marks), encoding="utf-8")
    return path


def test_a_mark_gives_the_points_as_the_references_words(tmp_path: Path) -> None:
    [marked] = read_marked([GIVEN], _marks(tmp_path))
    assert marked.points == ("Last in, first out", "push and pop work on the top")
    assert marked.verdicts == ("covered", "covered")


def test_an_answer_whose_text_changed_since_it_was_marked_is_left_out(tmp_path: Path) -> None:
    assert read_marked([GIVEN], _marks(tmp_path, answer="another text")) == []


def test_each_point_made_is_removed_once_and_expected_missing(tmp_path: Path) -> None:
    [marked] = read_marked([GIVEN], _marks(tmp_path))
    whole, first, second = versions(marked)
    assert whole.removed is None
    assert whole.text == ANSWER
    assert first.removed == 0
    assert "last in first out" not in first.text
    assert first.expected == ("missing", "covered")
    assert second.expected == ("covered", "missing")
    assert "push" not in second.text


def test_a_point_the_answer_does_not_make_is_not_removed(tmp_path: Path) -> None:
    path = _marks(tmp_path, verdicts=("covered", "missing"))
    data = json.loads(path.read_text())
    data["answers"]["9.1.3"]["spans"] = [SPANS[0], []]
    path.write_text(json.dumps(data))
    [marked] = read_marked([GIVEN], path)
    assert [v.removed for v in versions(marked)] == [None, 0]


def test_removing_stretches_keeps_the_rest_single_spaced() -> None:
    assert without("one two three four", [(4, 8), (14, 18)]) == "one three"
