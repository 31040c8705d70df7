"""The knowledge base validates, and every bank topic has reference notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from rehearse.interviewer.bank.schema import load_bank
from rehearse.interviewer.knowledge.notes import load_notes

NOTES_PER_TOPIC = 8


def test_every_bank_topic_has_its_notes() -> None:
    notes = load_notes()
    assert {topic.topic for topic in load_bank().topics} == set(notes)
    assert all(len(entries) >= NOTES_PER_TOPIC for entries in notes.values())


def test_note_ids_and_titles_are_unique() -> None:
    notes = [note for entries in load_notes().values() for note in entries]
    assert len({note.id for note in notes}) == len(notes)
    assert len({note.title for note in notes}) == len(notes)


def test_an_invalid_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("topic: broken\nnotes:\n  - id: x\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.yaml"):
        load_notes.__wrapped__(tmp_path)
