"""Each system text keeps a slot of its own: the one that read it last, a free one for a new
text, the least recently used one when none is free."""

from __future__ import annotations

import pytest

from rehearse.llm.slots import SystemSlots


def test_a_system_text_goes_back_to_the_slot_that_read_it() -> None:
    slots = SystemSlots(2)
    first, second = slots.slot_for("yes or no"), slots.slot_for("grade 1 to 5")
    assert {first, second} == {0, 1}
    assert [slots.slot_for(text) for text in ("grade 1 to 5", "yes or no")] == [second, first]


def test_a_new_system_text_takes_the_slot_used_least_recently() -> None:
    slots = SystemSlots(2)
    yes_no, grades = slots.slot_for("yes or no"), slots.slot_for("grade 1 to 5")
    slots.slot_for("yes or no")  # the grades' slot is now the least recently used
    assert slots.slot_for("reword the question") == grades
    assert slots.slot_for("yes or no") == yes_no


def test_a_server_has_a_slot() -> None:
    with pytest.raises(ValueError, match="at least one slot"):
        SystemSlots(0)
