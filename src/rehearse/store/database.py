"""Engines and sessions. The request or job boundary commits; services never do."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import structlog
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from rehearse.errors import RehearseError

_SQLITE_BUSY_TIMEOUT_MS = 30_000
_log = structlog.get_logger(__name__)


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    """WAL lets the worker thread write while requests read; foreign keys are off by default."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={_SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_database_engine(url: str) -> Engine:
    """An engine for ``url``; for SQLite the file's folder is created first."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _configure_sqlite)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)


class Database:
    """An engine and the session factory bound to it."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = create_database_engine(url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session that commits when the block ends and rolls back if it raises, unless
        the error is a RehearseError raised with ``keep_changes``."""
        with self.sessions() as session:
            session.begin()
            try:
                yield session
            except RehearseError as exc:
                session.commit() if exc.keep_changes else session.rollback()
                raise
            except BaseException:
                session.rollback()
                raise
            session.commit()

    def ping(self) -> None:
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    def dispose(self) -> None:
        self.engine.dispose()


_AFTER_COMMIT = "rehearse.after_commit"
_AFTER_ROLLBACK = "rehearse.after_rollback"


def after_commit(session: Session, callback: Callable[[], None]) -> None:
    """Run ``callback`` once the session's transaction commits (dropped if it rolls back)."""
    session.info.setdefault(_AFTER_COMMIT, []).append(callback)


def after_rollback(session: Session, callback: Callable[[], None]) -> None:
    """Run ``callback`` if the session's transaction rolls back (dropped if it commits)."""
    session.info.setdefault(_AFTER_ROLLBACK, []).append(callback)


def _run_callbacks(session: Session, run: str, drop: str) -> None:
    callbacks = session.info.pop(run, [])
    session.info.pop(drop, None)
    for callback in callbacks:
        try:
            callback()
        except Exception:
            # The transaction is already over; a failed side effect is logged, and the job
            # sweeper or the blob janitor repairs what it left undone.
            _log.exception("store.callback_failed", stage=run)


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    _run_callbacks(session, _AFTER_COMMIT, _AFTER_ROLLBACK)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    _run_callbacks(session, _AFTER_ROLLBACK, _AFTER_COMMIT)
