"""The role's skills an answer names."""

from __future__ import annotations

from rehearse.feedback.content.alignment import measure_alignment


def test_skills_are_named_through_their_aliases() -> None:
    alignment = measure_alignment(
        "We moved the queue to Postgres and ran it on k8s.", ["postgresql", "kubernetes", "aws"]
    )
    assert alignment.named == ("postgresql", "kubernetes")
    assert alignment.missing == ("aws",)
    assert alignment.share == round(2 / 3, 4)


def test_ids_are_normalised_and_deduplicated() -> None:
    alignment = measure_alignment("I wrote it in Python.", [" Python", "python", ""])
    assert alignment.role_skills == ("python",)
    assert alignment.named == ("python",)


def test_an_id_outside_the_vocabulary_is_looked_for_as_written() -> None:
    alignment = measure_alignment("I built the event sourcing layer.", ["event-sourcing", "cqrs"])
    assert alignment.named == ("event-sourcing",)
    assert alignment.missing == ("cqrs",)


def test_without_role_skills_there_is_no_share() -> None:
    alignment = measure_alignment("I wrote it in Python.", [])
    assert (alignment.role_skills, alignment.named, alignment.share) == ((), (), None)
