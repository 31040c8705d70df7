"""A coach's class-wide reading of an assignment: the class view a page at a time, the results
as CSV and the whole assignment as JSON. Each reads a fixed number of queries, whatever the
class's size."""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from rehearse.accounts.models import User
from rehearse.assignments.service import AssignmentService
from rehearse.interviews.models import Answer
from rehearse.reviews import repository
from rehearse.reviews.classview import (
    ClassView,
    Scored,
    by_member,
    class_view,
    member_standing,
)
from rehearse.reviews.export import assignment_json, results_csv
from rehearse.store.base import utcnow

if TYPE_CHECKING:
    from rehearse.runtime import Runtime


class ClassService:
    """What the coach ``user_id`` reads of a class's work on an assignment."""

    def __init__(self, session: Session, runtime: Runtime, user_id: uuid.UUID) -> None:
        self.session = session
        self.assignments = AssignmentService(session, runtime, user_id)

    def view(self, assignment_id: uuid.UUID, *, offset: int, limit: int) -> ClassView:
        """The class's figures, and one page of its members (by name) with their standing."""
        assigned = self.assignments.coached(assignment_id)
        organisation_id = assigned.organisation.id
        page, total = repository.member_page(
            self.session, organisation_id, offset=offset, limit=limit
        )
        attempts = self._attempts(organisation_id, assignment_id)
        on_page = {user.id for user in page}
        rubric = repository.rubric_levels(
            self.session, [s.attempt.id for s in attempts if s.attempt.user_id in on_page]
        )
        return class_view(
            assigned.assignment,
            organisation=assigned.organisation.name,
            total=total,
            attempts=attempts,
            page=page,
            rubric=rubric,
            now=utcnow(),
        )

    def means(self, organisation_id: uuid.UUID) -> dict[uuid.UUID, tuple[float, int]]:
        """The class's mean overall on each of its assignments (the class's trend from one to
        the next), with how many finished attempts it is over."""
        self.assignments.organisations.coached(organisation_id)
        return repository.mean_overall(self.session, organisation_id)

    def results_csv(self, assignment_id: uuid.UUID) -> tuple[str, str]:
        """The class's results as CSV, and a file name for it."""
        assigned = self.assignments.coached(assignment_id)
        organisation_id = assigned.organisation.id
        members, _ = repository.member_page(self.session, organisation_id, offset=0, limit=None)
        attempts = self._attempts(organisation_id, assignment_id)
        rubric = repository.rubric_levels(self.session, [s.attempt.id for s in attempts])
        tried_by = by_member(attempts)
        now, due = utcnow(), assigned.assignment.due_at
        standings = [
            member_standing(user, tried_by.get(user.id, []), due, rubric, now) for user in members
        ]
        return results_csv(assigned.assignment, standings), _file_name(assigned.assignment.title)

    def export(self, assignment_id: uuid.UUID) -> dict[str, Any]:
        """The whole assignment: its questions and rubric, and every current member's attempts
        with their answers and what coaches said of each."""
        assigned = self.assignments.coached(assignment_id)
        attempts = self._attempts(assigned.organisation.id, assignment_id)
        session_ids = [s.attempt.id for s in attempts]
        users = repository.users_by_id(self.session, list({s.attempt.user_id for s in attempts}))
        answers: dict[uuid.UUID, list[tuple[Answer, int, str]]] = defaultdict(list)
        for row in repository.answers_of(self.session, session_ids):
            answers[row[0].session_id].append(row)
        return assignment_json(
            assigned.assignment,
            organisation=assigned.organisation.name,
            attempts=attempts,
            members={user_id: _named(user) for user_id, user in users.items()},
            answers=answers,
            feedback=repository.feedback_in(self.session, session_ids),
        )

    def _attempts(self, organisation_id: uuid.UUID, assignment_id: uuid.UUID) -> list[Scored]:
        return [
            Scored(attempt, summary)
            for attempt, summary in repository.member_attempts(
                self.session, organisation_id, assignment_id
            )
        ]


def _named(user: User) -> tuple[str, str]:
    return user.display_name, user.email


def _file_name(title: str) -> str:
    stem = "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-")
    return f"{'-'.join(part for part in stem.split('-') if part) or 'assignment'}-results.csv"
