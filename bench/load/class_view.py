"""A coach's class on the scaled-out layout: ``python -m bench.load --class 200``.

PostgreSQL, Redis, ``rehearse serve`` and 2 workers (``bench.feedback.classroom``'s layout,
the judge off: nothing is being judged while the coach reads). Through the API: a coach, an
organisation, an assignment of 5 written questions with a 2-criterion rubric, and one member's
real attempt (join by code, 5 typed answers, completed: its report and summary are the
server's own). The other members are written straight into the database as copies of that
attempt (the same rows an attempt makes: account, membership, session, 5 questions, 5
answers, the kept report with its summary, rubric levels and a comment), with their scores
spread and their statuses mixed (done, late, in progress, not started): making 200 attempts
through the API would take an hour of report building and measure nothing the class view
reads.

Then, one request at a time as a coach's browser makes them: the class view (its first page
of 50 members, and the whole class on one page of 200) and the CSV of every member's results.
Prints p50/p95/max of each against the targets (issue 69: the class view p95 <= 1 s, the CSV
<= 5 s) and writes ``bench/results/load-class.json``.
"""

from __future__ import annotations

import copy
import json
import os
import random
import statistics
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import select

from bench.feedback.classroom import scaled_layout
from bench.fixtures import REPO, RESULTS
from bench.machine import cpu_model, load_average
from rehearse.accounts.models import User
from rehearse.interviews.models import Answer, InterviewSession, Question, SessionStatus
from rehearse.organisations.models import Membership, Role
from rehearse.reports.models import Report
from rehearse.reviews.models import CoachComment, RubricScore
from rehearse.store import models as every_table  # noqa: F401 (the foreign keys' tables)
from rehearse.store.base import utcnow
from rehearse.store.database import Database

PASSWORD = "violet-harbour-cactus-92"  # noqa: S105 (the bench accounts')
QUESTIONS = [
    ("Tell me about a time you disagreed with a teammate.", ["the disagreement", "listening"]),
    ("Describe a project you are proud of.", ["your part", "the outcome"]),
    ("How would you find why a page became slow?", ["measure first", "profile"]),
    ("Tell me about a mistake you made and what you learned.", ["owning it", "the lesson"]),
    ("How do you decide what to work on first?", ["impact", "urgency"]),
]
ANSWERS = [
    "We disagreed about the cache design; I listened, we measured both and chose together.",
    "I led the rewrite of our billing service; I owned the migration and cut errors by half.",
    "I would measure first, profile the slow request and then read the query plan.",
    "I once deployed without a rollback plan; I owned it, fixed it and now write one first.",
    "I weigh the impact against the urgency, agree it with my manager and write it down.",
]
RUBRIC = [
    {"name": "Clarity", "levels": [{"label": "Unclear"}, {"label": "Clear"}, {"label": "Crisp"}]},
    {"name": "Evidence", "levels": [{"label": "None"}, {"label": "Some"}, {"label": "Strong"}]},
]
TARGETS = {"class_view_p95_s": 1.0, "csv_s": 5.0}
REQUESTS = {"class_first_page": 40, "class_whole": 20, "csv": 10}


def run(members: int, out: Path | None = None) -> dict[str, Any]:
    """Seed a class of ``members`` and time the coach's reads; the figures, also written."""
    with (
        tempfile.TemporaryDirectory() as scratch,
        scaled_layout(Path(scratch), llm="off") as (url, database),
        httpx.Client(base_url=url, timeout=60) as api,
    ):
        result = _timed(api, _seed(api, database, members))
    result = {
        "machine": {"cpu": cpu_model(), "cores": os.cpu_count(), "load_average": load_average()},
        "members": members,
        "answers_per_member": len(QUESTIONS),
        "targets": TARGETS,
    } | result
    path = out or RESULTS / "load-class.json"
    path.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    _print(result)
    print(f"\nwrote {path.relative_to(REPO) if path.is_relative_to(REPO) else path}")
    return result


def _account(api: httpx.Client, email: str) -> dict[str, str]:
    made = api.post("/api/auth/signup", json={"email": email, "password": PASSWORD})
    made.raise_for_status()
    token = api.post("/api/auth/token", json={"email": email, "password": PASSWORD})
    token.raise_for_status()
    return {"Authorization": f"Bearer {token.json()['access_token']}"}


def _seed(api: httpx.Client, database_url: str, members: int) -> dict[str, Any]:
    """The class: its coach's headers and the assignment's id."""
    coach = _account(api, "coach@bench.example")
    organisation = api.post("/api/organisations", json={"name": "Bench class"}, headers=coach)
    organisation_id = organisation.json()["id"]
    written = [{"text": t, "kind": "behavioural", "key_points": k} for t, k in QUESTIONS]
    assignment = api.post(
        f"/api/organisations/{organisation_id}/assignments",
        json={
            "title": "Mock interview",
            "questions": {"source": "written", "questions": written},
            "due_at": (utcnow() + timedelta(days=7)).isoformat(),
            "rubric": RUBRIC,
        },
        headers=coach,
    )
    assignment.raise_for_status()
    assignment_id = assignment.json()["id"]
    code = api.post(
        f"/api/organisations/{organisation_id}/join-code", json={"days": 7}, headers=coach
    ).json()["code"]
    first = _account(api, "student000@bench.example")
    api.post("/api/organisations/join", json={"code": code}, headers=first).raise_for_status()
    session_id = api.post(f"/api/assignments/{assignment_id}/attempts", headers=first).json()["id"]
    asked = api.get(f"/api/sessions/{session_id}/questions", headers=first).json()
    for question, said in zip(asked, ANSWERS, strict=True):
        api.post(
            f"/api/sessions/{session_id}/questions/{question['id']}/answers",
            data={"text": said},
            headers=first,
        ).raise_for_status()
    api.post(f"/api/sessions/{session_id}/complete", headers=first).raise_for_status()
    _copies(database_url, uuid.UUID(organisation_id), uuid.UUID(session_id), members - 1)
    return {"coach": coach, "assignment_id": assignment_id}


def _copies(database_url: str, organisation_id: uuid.UUID, model_id: uuid.UUID, count: int) -> None:
    """``count`` more members, each with an attempt copied from ``model_id`` (scores spread,
    statuses mixed), written straight into the database."""
    chance = random.Random(69)  # noqa: S311 (a spread to repeat, not a secret)
    database = Database(database_url)
    with database.transaction() as db:
        model = db.get_one(InterviewSession, model_id)
        owner = db.get_one(User, model.user_id)
        questions = list(db.scalars(select(Question).where(Question.session_id == model_id)))
        answers = {
            a.question_id: a
            for a in db.scalars(select(Answer).where(Answer.session_id == model_id))
        }
        report = db.scalars(select(Report).where(Report.session_id == model_id)).one()
        coach_id = db.scalars(
            select(Membership.user_id).where(
                Membership.organisation_id == organisation_id, Membership.role == Role.COACH
            )
        ).one()
        for number in range(1, count + 1):
            user = User(
                email=f"student{number:03d}@bench.example",
                password_hash=owner.password_hash,
                display_name=f"Student {number:03d}",
                email_confirmed_at=owner.email_confirmed_at,
            )
            db.add(user)
            db.flush()
            db.add(Membership(organisation_id=organisation_id, user_id=user.id, role=Role.MEMBER))
            stage = chance.random()
            if stage < 0.1:
                continue  # not started
            status = SessionStatus.COMPLETED if stage >= 0.25 else SessionStatus.IN_PROGRESS
            now = utcnow()
            attempt = InterviewSession(
                user_id=user.id,
                title=model.title,
                interview_type=model.interview_type,
                question_count=model.question_count,
                plan=model.plan,
                status=status,
                started_at=now - timedelta(minutes=30),
                completed_at=now if status is SessionStatus.COMPLETED else None,
                assignment_id=model.assignment_id,
            )
            db.add(attempt)
            db.flush()
            for question in questions:
                copied = Question(
                    session_id=attempt.id,
                    position=question.position,
                    text=question.text,
                    kind=question.kind,
                    key_points=question.key_points,
                    source=question.source,
                )
                db.add(copied)
                db.flush()
                said = answers[question.id]
                answer = Answer(
                    question_id=copied.id,
                    session_id=attempt.id,
                    text=said.text,
                    transcript=said.transcript,
                    status=said.status,
                )
                db.add(answer)
                db.flush()
                if status is SessionStatus.COMPLETED:
                    for criterion in RUBRIC:
                        db.add(
                            RubricScore(
                                answer_id=answer.id,
                                criterion=criterion["name"],
                                level=chance.randint(1, 3),
                                author_id=coach_id,
                            )
                        )
                    if chance.random() < 0.2:
                        db.add(
                            CoachComment(
                                answer_id=answer.id, author_id=coach_id, body="Be specific."
                            )
                        )
            if status is SessionStatus.COMPLETED:
                db.add(
                    Report(
                        session_id=attempt.id,
                        version=report.version,
                        data=report.data,
                        summary=_spread(report.summary, chance),
                    )
                )
    database.dispose()


def _spread(summary: dict[str, Any], chance: random.Random) -> dict[str, Any]:
    """``summary`` with its scores moved by up to 20 points either way."""
    spread = copy.deepcopy(summary)

    def moved(value: float | None) -> float | None:
        return None if value is None else max(0.0, min(100.0, value + chance.uniform(-20, 20)))

    spread["overall"] = moved(spread.get("overall"))
    spread["scores"] = {name: moved(value) for name, value in spread.get("scores", {}).items()}
    for question in spread.get("questions", []):
        question["content"] = moved(question.get("content"))
    return spread


def _timed(api: httpx.Client, seeded: dict[str, Any]) -> dict[str, Any]:
    """Each read, one request at a time, with its p50/p95/max in seconds."""
    coach, base = seeded["coach"], f"/api/assignments/{seeded['assignment_id']}"
    reads = {
        "class_first_page": (f"{base}/class", {"limit": 50}),
        "class_whole": (f"{base}/class", {"limit": 200}),
        "csv": (f"{base}/results.csv", {}),
    }
    timings: dict[str, Any] = {}
    for name, (path, params) in reads.items():
        api.get(path, params=params, headers=coach).raise_for_status()  # warm
        seconds = []
        for _ in range(REQUESTS[name]):
            began = time.perf_counter()
            response = api.get(path, params=params, headers=coach)
            seconds.append(time.perf_counter() - began)
            response.raise_for_status()
        timings[name] = _percentiles(seconds) | {"requests": len(seconds)}
    view = api.get(f"{base}/class", params={"limit": 200}, headers=coach).json()
    timings["class_counts"] = view["counts"]
    timings["csv_rows"] = api.get(f"{base}/results.csv", headers=coach).text.count("\n") - 1
    return timings


def _percentiles(seconds: list[float]) -> dict[str, float]:
    ordered = sorted(seconds)
    return {
        "p50_s": round(statistics.median(ordered), 3),
        "p95_s": round(ordered[max(0, round(0.95 * len(ordered)) - 1)], 3),
        "max_s": round(ordered[-1], 3),
    }


def _print(result: dict[str, Any]) -> None:
    print(f"\na class of {result['members']} members, {result['answers_per_member']} answers each")
    print(f"  statuses: {result['class_counts']}; CSV rows: {result['csv_rows']}")
    for name in REQUESTS:
        figures = result[name]
        print(
            f"  {name:18} p50 {figures['p50_s']:.3f} s  p95 {figures['p95_s']:.3f} s  "
            f"max {figures['max_s']:.3f} s  ({figures['requests']} requests)"
        )
    view = max(result["class_first_page"]["p95_s"], result["class_whole"]["p95_s"])
    csv_max = result["csv"]["max_s"]
    print(
        f"  class view p95 {view:.3f} s (target <= {TARGETS['class_view_p95_s']} s): "
        f"{'met' if view <= TARGETS['class_view_p95_s'] else 'NOT met'}; "
        f"CSV max {csv_max:.3f} s (target <= {TARGETS['csv_s']} s): "
        f"{'met' if csv_max <= TARGETS['csv_s'] else 'NOT met'}"
    )
