"""The versions of a marked story and what each expects."""

from __future__ import annotations

from bench.judgement.parts.ablate import versions
from bench.judgement.parts.marks import Mark
from bench.judgement.parts.stories import Story

STORY = Story(
    "p1/1",
    "p1",
    "Tell me about a time you led a team.",
    (
        "Last spring I ran the robotics club.",
        "We had two weeks to get the robot driving.",
        "Um, yeah.",
        "So I split the work into three parts.",
        "We finished second of forty teams.",
    ),
)
VERDICTS = {"situation": "covered", "task": "covered", "action": "partly", "result": "covered"}
MARK = Mark("p1/1", tuple(STORY.fingerprint()), "ST-AR", VERDICTS)
STRANGER = "My greatest weakness is that I take on too much."


def test_each_told_part_is_removed_once_and_expected_missing() -> None:
    made = list(versions(STORY, MARK, STRANGER))
    removed = [v for v in made if v.removed]
    assert [v.removed for v in removed] == ["situation", "task", "action", "result"]
    for version in removed:
        assert version.removed is not None
        assert version.expected[version.removed] == "missing"
        told = set(MARK.sentences_of(version.removed))
        assert not told & set(version.origins)


def test_a_removed_part_leaves_the_others_as_marked() -> None:
    without = next(v for v in versions(STORY, MARK, STRANGER) if v.removed == "result")
    assert "We finished second of forty teams." not in without.sentences
    assert {k: v for k, v in without.expected.items() if k != "result"} == {
        k: v for k, v in VERDICTS.items() if k != "result"
    }


def test_a_part_the_story_does_not_tell_is_not_removed() -> None:
    mark = Mark("p1/1", MARK.fingerprint, "ST-A-", {**VERDICTS, "result": "missing"})
    assert "without result" not in {v.kind for v in versions(STORY, mark, STRANGER)}


def test_the_inserted_sentence_stands_in_the_middle_and_changes_no_verdict() -> None:
    inserted = next(v for v in versions(STORY, MARK, STRANGER) if v.kind == "inserted")
    assert inserted.sentences[2] == STRANGER
    assert inserted.origins == (0, 1, -1, 2, 3, 4)
    assert inserted.expected == VERDICTS
