"""Column types and transaction hooks behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from rehearse.accounts.models import User
from rehearse.errors import ServiceUnavailable
from rehearse.interviews.models import InterviewSession
from rehearse.store.database import Database, PoolLimits, after_commit, after_rollback
from tests.support.waiting import GUARD_SECONDS


def _user(email: str = "a@example.com") -> User:
    return User(email=email, password_hash="x")


def test_timestamps_come_back_as_aware_utc(database_url: str) -> None:
    database = Database(database_url)
    moment = datetime(2026, 3, 1, 12, 30, tzinfo=UTC)
    with database.transaction() as session:
        user = _user()
        user.email_confirmed_at = moment
        session.add(user)
        session.flush()
        user_id = user.id
    with database.sessions() as session:
        stored = session.get_one(User, user_id)
        assert stored.email_confirmed_at == moment
        assert stored.created_at.tzinfo is not None
    database.dispose()


def test_naive_timestamps_are_refused(database_url: str) -> None:
    database = Database(database_url)
    with pytest.raises(Exception, match="naive datetimes"), database.transaction() as session:
        user = _user()
        user.email_confirmed_at = datetime(2026, 3, 1)
        session.add(user)
        session.flush()
    database.dispose()


def test_json_documents_round_trip(database_url: str) -> None:
    database = Database(database_url)
    plan = {"questions": [{"topic": "python", "difficulty": 3}], "reason": "résumé gap"}
    with database.transaction() as session:
        user = _user()
        session.add(user)
        session.flush()
        interview = InterviewSession(user_id=user.id, title="t", plan=plan)
        session.add(interview)
        session.flush()
        interview_id = interview.id
    with database.sessions() as session:
        assert session.get_one(InterviewSession, interview_id).plan == plan
    database.dispose()


def test_deleting_a_user_deletes_their_sessions(database_url: str) -> None:
    database = Database(database_url)
    with database.transaction() as session:
        user = _user()
        session.add(user)
        session.flush()
        session.add(InterviewSession(user_id=user.id, title="t"))
    with database.transaction() as session:
        session.delete(session.get_one(User, user.id))
    with database.sessions() as session:
        assert session.query(InterviewSession).count() == 0
    database.dispose()


def test_after_commit_runs_only_on_commit(database_url: str) -> None:
    database = Database(database_url)
    events: list[str] = []
    with database.transaction() as session:
        after_commit(session, lambda: events.append("committed"))
        after_rollback(session, lambda: events.append("rolled back"))
        session.add(_user())
    assert events == ["committed"]
    database.dispose()


def test_after_rollback_runs_only_on_rollback(database_url: str) -> None:
    database = Database(database_url)
    events: list[str] = []
    with pytest.raises(RuntimeError), database.transaction() as session:
        after_commit(session, lambda: events.append("committed"))
        after_rollback(session, lambda: events.append("rolled back"))
        raise RuntimeError("boom")
    assert events == ["rolled back"]
    database.dispose()


def test_an_error_that_keeps_changes_still_commits(database_url: str) -> None:
    from rehearse.errors import InvalidToken  # noqa: PLC0415

    database = Database(database_url)
    with pytest.raises(InvalidToken), database.transaction() as session:
        session.add(_user("kept@example.com"))
        raise InvalidToken("refused, but the revocation stands", keep_changes=True)
    with database.sessions() as session:
        assert session.query(User).filter_by(email="kept@example.com").count() == 1
    database.dispose()


def test_an_exhausted_pool_is_a_retryable_503_not_a_hang(database_url: str) -> None:
    database = Database(database_url, PoolLimits(size=1, overflow=0, timeout_seconds=0.05))
    with database.engine.connect() as held:
        held.execute(text("SELECT 1"))
        with pytest.raises(ServiceUnavailable) as refused, database.transaction() as session:
            session.execute(text("SELECT 1"))
    assert refused.value.retry_after_seconds is not None
    database.dispose()


def test_sqlite_writers_take_turns_instead_of_failing(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'turns.sqlite3'}")
    with database.engine.begin() as connection:
        connection.execute(text("CREATE TABLE notes (text TEXT)"))
    order: list[str] = []

    def second_writer() -> None:
        with database.transaction() as session:
            session.execute(text("INSERT INTO notes VALUES ('second')"))
        order.append("second committed")

    with database.transaction() as session:
        session.execute(text("INSERT INTO notes VALUES ('first')"))
        waiting = threading.Thread(target=second_writer)
        waiting.start()
        waiting.join(timeout=0.3)
        assert waiting.is_alive()  # queued behind the first writer, not refused
        order.append("first committing")
    waiting.join(timeout=GUARD_SECONDS)
    with database.engine.connect() as connection:
        stored = connection.execute(text("SELECT text FROM notes ORDER BY rowid")).scalars()
        assert list(stored) == ["first", "second"]
    assert order == ["first committing", "second committed"]
    database.dispose()
