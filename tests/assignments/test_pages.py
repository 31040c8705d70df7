"""The assignment pages: a member sees their assignments at home and in the class, with where
they stand; the coach sees the class view and reviews an attempt; anyone else a not-found
page."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from tests.support.api import ApiUser
from tests.support.classes import Organisation, assigned, join_code, take
from tests.web.browser import browser_sign_in

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the pages


def test_a_member_sees_the_assignment_at_home_with_a_start_button(
    client: TestClient, organisation: Organisation, member: ApiUser
) -> None:
    assignment_id = assigned(client, organisation)
    browser_sign_in(client, member.email)
    home = client.get("/")
    assert "Your assignments" in home.text
    assert f'data-start-assignment="{assignment_id}"' in home.text
    in_class = client.get(f"/classes/{organisation.id}")
    assert f'data-start-assignment="{assignment_id}"' in in_class.text
    assert "data-new-assignment" not in in_class.text


def test_a_member_who_finished_reads_the_feedback_from_the_assignment_page(
    client: TestClient, organisation: Organisation, member: ApiUser
) -> None:
    assignment_id = assigned(client, organisation, attempts_allowed=1)
    session_id = take(client, member, assignment_id, "An answer.", "Another.")
    browser_sign_in(client, member.email)
    page = client.get(f"/classes/{organisation.id}/assignments/{assignment_id}")
    assert page.status_code == 200
    assert 'data-status="done"' in page.text
    settings = client.get("/settings").text
    assert "Career centre, spring" in settings
    assert "If you leave a class, or it is deleted, they no longer see any of it" in settings
    for seen in (f"/sessions/{session_id}", f"/sessions/{session_id}/interview"):
        assert "its coaches see it" in client.get(seen).text, seen
    own = client.post("/api/sessions", json={"title": "Mine"}, headers=member.headers).json()
    assert "its coaches see it" not in client.get(f"/sessions/{own['id']}/interview").text
    assert f'href="/sessions/{session_id}"' in page.text
    assert "data-start-assignment" not in page.text  # its one attempt is used


def test_the_coach_sees_the_class_view_and_reviews_an_attempt(
    client: TestClient, organisation: Organisation, member: ApiUser
) -> None:
    assignment_id = assigned(client, organisation)
    session_id = take(client, member, assignment_id, "We listened and decided.", "Measure.")
    browser_sign_in(client, organisation.coach.email)
    in_class = client.get(f"/classes/{organisation.id}")
    assert "data-new-assignment" in in_class.text
    assert "data-class-mean" in in_class.text  # the class's mean overall on each assignment
    view = client.get(f"/classes/{organisation.id}/assignments/{assignment_id}")
    assert view.status_code == 200
    assert f'data-member="{member.email}"' in view.text
    assert f'data-edit-assignment="{assignment_id}"' in view.text
    review = f"/classes/{organisation.id}/assignments/{assignment_id}/attempts/{session_id}"
    assert review in view.text
    page = client.get(review)
    assert page.status_code == 200
    assert "We listened and decided." in page.text
    assert 'data-flag="content"' in page.text
    assert "data-rubric" in page.text


def test_the_review_shows_each_follow_up_with_its_reply(
    client: TestClient, organisation: Organisation, member: ApiUser
) -> None:
    assignment_id = assigned(client, organisation)
    started = client.post(f"/api/assignments/{assignment_id}/attempts", headers=member.headers)
    session_id = started.json()["id"]
    asked = f"/api/sessions/{session_id}"
    question = client.get(f"{asked}/questions", headers=member.headers).json()[0]
    said = [
        "Last spring my teammate wanted one big database table and I wanted two. My task was "
        "to settle it before the sprint. I listened to her reasons and we sketched both.",
        "In the end we chose two tables and the queries got twice as fast.",
    ]
    turns = []
    for text in said:
        answer = client.post(
            f"{asked}/questions/{question['id']}/answers", data={"text": text},
            headers=member.headers,
        ).json()  # fmt: skip
        turns.append(
            client.post(f"{asked}/answers/{answer['id']}/turn", headers=member.headers).json()
        )
    assert turns[0]["move"] == "follow_up", turns[0]
    browser_sign_in(client, organisation.coach.email)
    page = client.get(
        f"/classes/{organisation.id}/assignments/{assignment_id}/attempts/{session_id}"
    ).text
    answer_at, follow_up_at, reply_at = (
        page.index(said[0]),
        page.index('data-exchange="follow_up"'),
        page.index(said[1]),
    )
    assert answer_at < follow_up_at < reply_at
    assert str(escape(turns[0]["say"])) in page[follow_up_at:reply_at]


@pytest.mark.parametrize("who", ["stranger", "coach of another", "removed member"])
def test_an_assignment_of_another_class_is_a_not_found_page(
    client: TestClient, organisation: Organisation, member: ApiUser, who: str
) -> None:
    assignment_id = assigned(client, organisation)
    session_id = take(client, member, assignment_id, "Mine.")
    csrf = browser_sign_in(client, "someone@example.com")
    if who == "coach of another":
        made = client.post(
            "/api/organisations", json={"name": "Elsewhere"}, headers={"X-CSRF-Token": csrf}
        )
        assert made.status_code == 201
    elif who == "removed member":
        code = join_code(client, organisation)
        joined = client.post(
            "/api/organisations/join", json={"code": code}, headers={"X-CSRF-Token": csrf}
        )
        assert joined.status_code == 200, joined.text
        me = client.get("/api/me").json()["id"]
        removed = client.delete(
            organisation.path(f"/members/{me}"), headers=organisation.coach.headers
        )
        assert removed.status_code == 204
    base = f"/classes/{organisation.id}/assignments/{assignment_id}"
    for path in (
        base,
        f"{base}/attempts/{session_id}",
        f"/classes/{organisation.id}/assignments/x",
    ):
        page = client.get(path)
        assert page.status_code == 404, path
        assert "Mock interview" not in page.text


def test_signed_out_the_pages_ask_to_sign_in(
    client: TestClient, organisation: Organisation, member: ApiUser
) -> None:
    assignment_id = assigned(client, organisation)
    session_id = take(client, member, assignment_id, "Mine.")
    base = f"/classes/{organisation.id}/assignments/{assignment_id}"
    for path in (base, f"{base}/attempts/{session_id}"):
        page = client.get(path, follow_redirects=False)
        assert page.status_code == 303, path
        assert page.headers["location"].startswith("/signin?next="), path


def test_a_member_cannot_open_the_review_of_an_attempt(
    client: TestClient, organisation: Organisation, member: ApiUser
) -> None:
    assignment_id = assigned(client, organisation)
    session_id = take(client, member, assignment_id, "Mine.")
    browser_sign_in(client, member.email)
    page = client.get(
        f"/classes/{organisation.id}/assignments/{assignment_id}/attempts/{session_id}"
    )
    assert page.status_code == 404
