"""The coach's view of a class's work on an assignment, its CSV and its JSON: each member's
standing, the class's scores and the questions it finds hardest, in a fixed number of
queries whatever the class's size."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event

from tests.support.api import ApiUser, sign_up
from tests.support.classes import Organisation, assigned, join, join_code, take

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the rules

GOOD = (
    "We disagreed about the design of the cache. I listened to how my teammate saw it, we "
    "measured both designs, and we decided on the simpler one together.",
    "I would measure first, profile the slow request and check the database's query plan.",
)
WEAK = ("I do not remember.", "I would restart the server.")


def _members(client: TestClient, organisation: Organisation, count: int) -> list[ApiUser]:
    code = join_code(client, organisation)
    users = [sign_up(client, f"student{i:02d}@example.com") for i in range(count)]
    for user in users:
        assert join(client, user, code).status_code == 200
    return users


def _class(client: TestClient, organisation: Organisation, assignment_id: str, **query: Any) -> Any:
    view = client.get(
        f"/api/assignments/{assignment_id}/class",
        params=query,
        headers=organisation.coach.headers,
    )
    assert view.status_code == 200, view.text
    return view.json()


def test_each_member_stands_where_their_attempts_put_them(
    client: TestClient, organisation: Organisation
) -> None:
    done, started, idle = _members(client, organisation, 3)
    assignment_id = assigned(client, organisation)
    take(client, done, assignment_id, *WEAK)
    take(client, done, assignment_id, *GOOD)
    take(client, started, assignment_id)
    view = _class(client, organisation, assignment_id)
    assert view["counts"] == {"not_started": 1, "in_progress": 1, "done": 1, "late": 0}
    rows = {row["email"]: row for row in view["members"]}
    assert rows[done.email]["attempts"] == 2
    assert rows[done.email]["overall"] is not None
    assert rows[done.email]["first_overall"] < rows[done.email]["overall"]
    assert (rows[started.email]["status"], rows[idle.email]["status"]) == (
        "in_progress",
        "not_started",
    )
    assert view["means"]["overall"] == rows[done.email]["overall"]


def test_the_hardest_questions_are_read_from_every_standing_attempt(
    client: TestClient, organisation: Organisation
) -> None:
    first, second = _members(client, organisation, 2)
    assignment_id = assigned(client, organisation)
    take(client, first, assignment_id, *WEAK)
    take(client, second, assignment_id, *WEAK)
    hardest = _class(client, organisation, assignment_id)["hardest"]
    assert sorted(q["position"] for q in hardest) == [1, 2]
    assert all(q["answered"] == 2 and q["content"] is not None for q in hardest)
    # The same answers miss the same key points: each is counted twice.
    assert all(count == 2 for q in hardest for _, count in q["missed"])
    assert any(q["missed"] for q in hardest)


def test_members_come_a_page_at_a_time(client: TestClient, organisation: Organisation) -> None:
    _members(client, organisation, 3)
    assignment_id = assigned(client, organisation)
    pages = [_class(client, organisation, assignment_id, offset=o, limit=2) for o in (0, 2)]
    assert [len(page["members"]) for page in pages] == [2, 1]
    assert {page["total"] for page in pages} == {3}
    emails = [row["email"] for page in pages for row in page["members"]]
    assert len(set(emails)) == 3
    # An offset past what a database's integer holds is refused, not a server error.
    huge = client.get(
        f"/api/assignments/{assignment_id}/class",
        params={"offset": 2**70},
        headers=organisation.coach.headers,
    )
    assert huge.status_code == 422


def test_the_csv_has_a_row_per_member_with_scores_and_rubric(
    client: TestClient, organisation: Organisation
) -> None:
    done, _idle = _members(client, organisation, 2)
    assignment_id = assigned(client, organisation)
    session_id = take(client, done, assignment_id, *GOOD)
    answers = client.get(f"/api/sessions/{session_id}/answers", headers=done.headers).json()
    path = f"/api/assignments/{assignment_id}/attempts/{session_id}/answers"
    for answer, level in zip(answers, (2, 3), strict=True):
        client.put(
            f"{path}/{answer['id']}/rubric",
            json={"levels": {"Clarity": level}},
            headers=organisation.coach.headers,
        )
    exported = client.get(
        f"/api/assignments/{assignment_id}/results.csv", headers=organisation.coach.headers
    )
    assert exported.headers["content-type"].startswith("text/csv")
    assert "mock-interview-1-results.csv" in exported.headers["content-disposition"]
    rows = {row["email"]: row for row in csv.DictReader(io.StringIO(exported.text))}
    assert set(rows) == {"student00@example.com", "student01@example.com"}
    assert (rows[done.email]["status"], rows[done.email]["rubric: Clarity"]) == ("done", "2.5")
    assert rows[done.email]["overall"]
    assert rows[done.email]["content"]
    assert rows["student01@example.com"]["overall"] == ""


def test_a_name_a_spreadsheet_would_run_is_written_as_text(
    client: TestClient, organisation: Organisation
) -> None:
    [member] = _members(client, organisation, 1)
    client.patch("/api/me", json={"display_name": "=HYPERLINK(1)"}, headers=member.headers)
    assignment_id = assigned(client, organisation)
    exported = client.get(
        f"/api/assignments/{assignment_id}/results.csv", headers=organisation.coach.headers
    )
    [row] = list(csv.DictReader(io.StringIO(exported.text)))
    assert row["member"] == "'=HYPERLINK(1)"


@contextmanager
def _statements(client: TestClient) -> Iterator[list[str]]:
    engine = client.app.state.runtime.database.engine  # type: ignore[attr-defined]
    seen: list[str] = []

    def count(*args: Any) -> None:
        statement: str = args[2]
        if " jobs" not in statement:  # the job queue's own polling goes on meanwhile
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


def _queries(client: TestClient, organisation: Organisation, assignment_id: str) -> list[int]:
    counts = []
    for tail in ("/class", "/results.csv", "/export"):
        with _statements(client) as seen:
            got = client.get(
                f"/api/assignments/{assignment_id}{tail}", headers=organisation.coach.headers
            )
            assert got.status_code == 200, got.text
        counts.append(len(seen))
    return counts


def test_a_larger_class_takes_no_more_queries(
    client: TestClient, organisation: Organisation
) -> None:
    members = _members(client, organisation, 6)
    assignment_id = assigned(client, organisation)
    for member in members[:2]:
        take(client, member, assignment_id, *GOOD)
    small = _queries(client, organisation, assignment_id)
    for member in members[2:]:
        take(client, member, assignment_id, *WEAK)
    assert _queries(client, organisation, assignment_id) == small
