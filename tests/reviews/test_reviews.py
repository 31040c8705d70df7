"""A coach reviews a member's attempt: watches it, comments (at a moment of the recording),
scores the rubric and flags a judge's verdict; the member is told, and reads it all in the
report and its PDF."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import pypdf
import pytest
from fastapi.testclient import TestClient

from rehearse.config import Settings
from tests.support.api import ApiUser, error_code, wait_for_every_job
from tests.support.classes import Organisation, assigned, take
from tests.support.mail import mails_to, wait_for_mail
from tests.support.media import samples_wav
from tests.support.speech import speak

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the rules


@dataclass(frozen=True)
class Attempt:
    organisation: Organisation
    member: ApiUser
    assignment_id: str
    session_id: str
    answers: list[dict[str, Any]]  # the attempt's answers, in question order

    def path(self, tail: str = "") -> str:
        return f"/api/assignments/{self.assignment_id}/attempts/{self.session_id}{tail}"

    def answer_path(self, index: int, tail: str = "") -> str:
        return self.path(f"/answers/{self.answers[index]['id']}{tail}")


def _attempt(
    client: TestClient, organisation: Organisation, member: ApiUser, *, spoken: bool
) -> Attempt:
    """A member's completed attempt: the first answer recorded (``spoken``: the recording is
    transcribed before the attempt is completed) or typed, the second typed."""
    assignment_id = assigned(client, organisation)
    session_id = take(client, member, assignment_id)
    questions = client.get(f"/api/sessions/{session_id}/questions", headers=member.headers).json()
    said = "We disagreed about the cache, so I listened and we measured it."
    body: dict[str, Any] = (
        {"files": {"media": ("answer.wav", samples_wav(speak(said).tolist()), "audio/wav")}}
        if spoken
        else {"data": {"text": said}}
    )
    first = client.post(
        f"/api/sessions/{session_id}/questions/{questions[0]['id']}/answers",
        headers=member.headers,
        **body,
    )
    typed = client.post(
        f"/api/sessions/{session_id}/questions/{questions[1]['id']}/answers",
        data={"text": "I would measure first, then profile the slow request."},
        headers=member.headers,
    )
    wait_for_every_job(client)
    client.post(f"/api/sessions/{session_id}/complete", headers=member.headers)
    return Attempt(organisation, member, assignment_id, session_id, [first.json(), typed.json()])


@pytest.fixture
def attempt(client: TestClient, organisation: Organisation, member: ApiUser) -> Attempt:
    """A completed attempt with typed answers."""
    return _attempt(client, organisation, member, spoken=False)


@pytest.fixture
def spoken(client: TestClient, organisation: Organisation, member: ApiUser) -> Attempt:
    """A completed attempt whose first answer was recorded, and heard."""
    return _attempt(client, organisation, member, spoken=True)


def _coach(attempt: Attempt) -> dict[str, str]:
    return attempt.organisation.coach.headers


def _member_report(client: TestClient, attempt: Attempt) -> dict[str, Any]:
    report = client.get(
        f"/api/sessions/{attempt.session_id}/report", headers=attempt.member.headers
    )
    assert report.status_code == 200, report.text
    body: dict[str, Any] = report.json()
    return body


def test_the_coach_watches_the_recorded_answer(client: TestClient, spoken: Attempt) -> None:
    media = client.get(spoken.answer_path(0, "/media"), headers=_coach(spoken))
    assert media.status_code == 200
    assert media.content[:4] == b"RIFF"
    typed = client.get(spoken.answer_path(1, "/media"), headers=_coach(spoken))
    assert (typed.status_code, error_code(typed)) == (404, "not_found")


def test_the_coach_reads_the_report_the_member_reads(client: TestClient, attempt: Attempt) -> None:
    coach = client.get(attempt.path("/report"), headers=_coach(attempt))
    assert coach.status_code == 200, coach.text
    mine = _member_report(client, attempt)
    assert [a["text"] for a in coach.json()["answers"]] == [a["text"] for a in mine["answers"]]


def test_a_comment_at_a_moment_reaches_the_member_by_mail_and_in_the_report(
    client: TestClient, settings: Settings, spoken: Attempt
) -> None:
    made = client.post(
        spoken.answer_path(0, "/comments"),
        json={"body": "Here, name the cache you chose.", "at_seconds": 1.5},
        headers=_coach(spoken),
    )
    assert made.status_code == 201, made.text
    mail = wait_for_mail(settings.outbox_dir, spoken.member.email, count=2)  # after sign-up's
    assert "reviewed your answers" in mail["Subject"]
    [remark] = _member_report(client, spoken)["answers"][0]["coach"]["remarks"]
    assert (remark["text"], remark["at_seconds"], remark["when"]) == (
        "Here, name the cache you chose.",
        1.5,
        "0:01",
    )
    pdf = client.get(
        f"/api/sessions/{spoken.session_id}/report",
        params={"format": "pdf"},
        headers=spoken.member.headers,
    )
    text = " ".join(
        " ".join(page.extract_text().split())
        for page in pypdf.PdfReader(io.BytesIO(pdf.content)).pages
    )
    assert "FROM YOUR COACH" in text
    assert "At 0:01: Here, name the cache you chose." in text


def test_a_review_of_many_comments_sends_one_email(
    client: TestClient, settings: Settings, attempt: Attempt
) -> None:
    for body in ("First thought.", "Second thought.", "Third thought."):
        made = client.post(
            attempt.answer_path(1, "/comments"), json={"body": body}, headers=_coach(attempt)
        )
        assert made.status_code == 201
    flagged = client.post(
        attempt.answer_path(1, "/flags"), json={"verdict": "content"}, headers=_coach(attempt)
    )
    assert flagged.status_code == 201
    wait_for_every_job(client)
    told = [
        mail
        for mail in mails_to(settings.outbox_dir, attempt.member.email)
        if "reviewed your answers" in str(mail["Subject"])
    ]
    assert len(told) == 1
    assert "left a comment" in str(told[0].get_payload(decode=True))


@pytest.mark.parametrize(
    ("index", "body", "words"),
    [
        (0, {"body": "Too late.", "at_seconds": 600}, "outside the recording"),
        (1, {"body": "A moment of text?", "at_seconds": 1}, "was typed"),
        (0, {"body": "   "}, "Write the comment first"),
    ],
    ids=["past the end", "typed answer", "blank"],
)
def test_a_comment_that_cannot_be_placed_is_refused(
    client: TestClient, spoken: Attempt, index: int, body: dict[str, Any], words: str
) -> None:
    refused = client.post(spoken.answer_path(index, "/comments"), json=body, headers=_coach(spoken))
    assert refused.status_code == 422, refused.text
    assert words in refused.json()["error"]["message"]
    assert _member_report(client, spoken)["answers"][index]["coach"] is None


def test_a_comment_on_a_deleted_answer_is_refused_and_nothing_else_lost(
    client: TestClient, attempt: Attempt
) -> None:
    kept = client.post(
        attempt.answer_path(1, "/comments"), json={"body": "Good."}, headers=_coach(attempt)
    )
    assert kept.status_code == 201
    deleted = client.delete(
        f"/api/sessions/{attempt.session_id}/answers/{attempt.answers[0]['id']}",
        headers=attempt.member.headers,
    )
    assert deleted.status_code == 204
    refused = client.post(
        attempt.answer_path(0, "/comments"), json={"body": "Hm."}, headers=_coach(attempt)
    )
    assert (refused.status_code, error_code(refused)) == (404, "not_found")
    assert "not in the attempt" in refused.json()["error"]["message"]
    remarks = _member_report(client, attempt)["answers"][1]["coach"]["remarks"]
    assert [r["text"] for r in remarks] == ["Good."]


def test_rubric_levels_are_kept_and_shown_with_their_labels(
    client: TestClient, attempt: Attempt
) -> None:
    scored = client.put(
        attempt.answer_path(0, "/rubric"), json={"levels": {"Clarity": 3}}, headers=_coach(attempt)
    )
    assert scored.json() == [{"criterion": "Clarity", "level": 3}]
    [mark] = _member_report(client, attempt)["answers"][0]["coach"]["rubric"]
    assert (mark["label"], mark["level"], mark["levels"]) == ("Crisp", 3, 3)
    cleared = client.put(
        attempt.answer_path(0, "/rubric"),
        json={"levels": {"Clarity": None}},
        headers=_coach(attempt),
    )
    assert cleared.json() == []


@pytest.mark.parametrize(
    ("levels", "words"),
    [({"Depth": 2}, "no criterion 'Depth'"), ({"Clarity": 4}, "levels 1 to 3")],
)
def test_a_level_the_rubric_does_not_have_is_refused(
    client: TestClient, attempt: Attempt, levels: dict[str, int], words: str
) -> None:
    refused = client.put(
        attempt.answer_path(0, "/rubric"), json={"levels": levels}, headers=_coach(attempt)
    )
    assert refused.status_code == 422
    assert words in refused.json()["error"]["message"]


def test_a_flagged_verdict_keeps_what_the_judge_said(
    client: TestClient, settings: Settings, attempt: Attempt
) -> None:
    point = _member_report(client, attempt)["answers"][1]["key_points"][0]
    flagged = client.post(
        attempt.answer_path(1, "/flags"),
        json={"verdict": "point:1", "reason": "They did measure first."},
        headers=_coach(attempt),
    )
    assert flagged.status_code == 201, flagged.text
    assert flagged.json()["judged"].startswith(point["point"])
    [flag] = _member_report(client, attempt)["answers"][1]["coach"]["flags"]
    assert (flag["verdict"], flag["reason"]) == ("point:1", "They did measure first.")
    told = wait_for_mail(settings.outbox_dir, attempt.member.email, count=2)
    assert "reviewed your answers" in told["Subject"]
    exported = client.get(
        f"/api/assignments/{attempt.assignment_id}/export", headers=_coach(attempt)
    ).json()
    [answers] = [a["answers"] for a in exported["attempts"]]
    assert answers[1]["flags"][0]["judged"] == flagged.json()["judged"]


def test_a_verdict_the_report_does_not_have_is_refused(
    client: TestClient, attempt: Attempt
) -> None:
    refused = client.post(
        attempt.answer_path(1, "/flags"), json={"verdict": "point:9"}, headers=_coach(attempt)
    )
    assert refused.status_code == 422
    assert "no verdict 'point:9'" in refused.json()["error"]["message"]


def test_a_member_who_leaves_keeps_the_attempt_and_the_coach_loses_it(
    client: TestClient, attempt: Attempt
) -> None:
    client.post(
        attempt.answer_path(1, "/comments"), json={"body": "Nice."}, headers=_coach(attempt)
    )
    left = client.delete(
        attempt.organisation.path(f"/members/{attempt.member.user_id}"),
        headers=attempt.member.headers,
    )
    assert left.status_code == 204
    for path in (attempt.path("/report"), attempt.answer_path(0, "/media")):
        gone = client.get(path, headers=_coach(attempt))
        assert (gone.status_code, error_code(gone)) == (404, "not_found"), path
    remarks = _member_report(client, attempt)["answers"][1]["coach"]["remarks"]
    assert [r["text"] for r in remarks] == ["Nice."]
    exported = client.get(
        f"/api/assignments/{attempt.assignment_id}/export", headers=_coach(attempt)
    ).json()
    assert exported["attempts"] == []
