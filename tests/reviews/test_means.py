"""The class's mean overall on each assignment, read in SQL from the attempts' report
summaries (JSON) on SQLite and PostgreSQL alike."""

from __future__ import annotations

import uuid
from statistics import fmean

from fastapi.testclient import TestClient

from rehearse.reviews.classes import ClassService
from tests.reviews.test_classes import GOOD
from tests.support.api import sign_up
from tests.support.classes import Organisation, assigned, join, join_code, take


def test_each_assignment_has_the_mean_of_its_finished_attempts(
    client: TestClient, organisation: Organisation
) -> None:
    code = join_code(client, organisation)
    members = [sign_up(client, f"m{i}@example.com") for i in range(2)]
    for member in members:
        assert join(client, member, code).status_code == 200
    first, second, untaken = (assigned(client, organisation, title=t) for t in "ABC")
    take(client, members[0], first, *GOOD)
    take(client, members[1], first, GOOD[0], "I would measure it.")
    take(client, members[0], second, *GOOD)
    take(client, members[1], second)  # begun, not finished: not in the mean
    rows = client.get(f"/api/assignments/{first}/class", headers=organisation.coach.headers)
    overall = [row["overall"] for row in rows.json()["members"]]
    assert None not in overall
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    with runtime.database.transaction() as db:
        coach = ClassService(db, runtime, uuid.UUID(organisation.coach.user_id))
        means = coach.means(uuid.UUID(organisation.id))
    assert means[uuid.UUID(first)][1] == 2
    assert abs(means[uuid.UUID(first)][0] - fmean(overall)) < 1e-6
    assert means[uuid.UUID(second)][1] == 1
    assert uuid.UUID(untaken) not in means
