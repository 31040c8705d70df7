"""Engines and sessions. The request or job boundary commits; services never do."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import structlog
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from rehearse.errors import RehearseError, ServiceUnavailable

_SQLITE_BUSY_TIMEOUT_MS = 30_000
BUSY_RETRY_AFTER_SECONDS = 2
_log = structlog.get_logger(__name__)


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    """WAL lets the worker thread write while requests read; foreign keys are off by default."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={_SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


@dataclass(frozen=True)
class PoolLimits:
    """How many connections a process keeps and may add, and how long a checkout waits.

    A short timeout turns an exhausted pool into a 503 the client can retry, instead of a
    request that hangs for half a minute and then fails with a 500. On SQLite a writer waits
    up to ``write_turn_seconds`` for the file's one write turn, then gets a 503 too."""

    size: int = 10
    overflow: int = 10
    timeout_seconds: float = 5.0
    write_turn_seconds: float = _SQLITE_BUSY_TIMEOUT_MS / 1000

    @property
    def connections(self) -> int:
        return self.size + self.overflow


_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
_HOLDS_WRITE_TURN = "rehearse.sqlite_write_turn"


class SQLiteWriteQueue:
    """Writers of one SQLite file take turns on a lock in this process.

    SQLite lets one transaction write at a time; the others wait in its busy handler, which
    polls with sleeps of up to 100 ms, so under a burst writers spent most of their time
    asleep while the file was free. A transaction takes the lock at its first write and gives
    it back when its connection returns to the pool, which a session does once its
    transaction has committed or rolled back (the engine's commit event comes before the
    commit itself, too early to hand over), so the next writer starts at once, in order.
    Other processes on the same file (the CLI) are still kept apart by SQLite's own locking
    and busy timeout."""

    def __init__(self, timeout_seconds: float) -> None:
        self.timeout_seconds = timeout_seconds
        self._turn = threading.Lock()  # not an RLock: a request may commit on another thread

    def install(self, engine: Engine) -> None:
        event.listen(engine, "before_cursor_execute", self._before_statement)
        event.listen(engine.pool, "checkin", self._on_checkin)

    def _before_statement(self, connection: Any, _cursor: Any, statement: str, *_: Any) -> None:
        info = connection.info
        if info.get(_HOLDS_WRITE_TURN) or not statement.lstrip().upper().startswith(_WRITES):
            return
        if not self._turn.acquire(timeout=self.timeout_seconds):
            raise ServiceUnavailable(
                "The database is busy with other changes. "
                f"Try again in {BUSY_RETRY_AFTER_SECONDS} seconds.",
                retry_after_seconds=BUSY_RETRY_AFTER_SECONDS,
            )
        info[_HOLDS_WRITE_TURN] = True

    def _on_checkin(self, _dbapi_connection: Any, record: Any) -> None:
        if record is not None:
            self._release(record.info)

    def _release(self, info: dict[str, Any]) -> None:
        if info.pop(_HOLDS_WRITE_TURN, False):
            self._turn.release()


def create_database_engine(url: str, limits: PoolLimits | None = None) -> Engine:
    """An engine for ``url``; for SQLite the file's folder is created first."""
    limits = limits or PoolLimits()
    parsed = make_url(url)
    pool = {
        "pool_size": limits.size,
        "max_overflow": limits.overflow,
        "pool_timeout": limits.timeout_seconds,
    }
    if parsed.get_backend_name() == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            return create_engine(url, connect_args={"check_same_thread": False})
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False}, **pool)
        event.listen(engine, "connect", _configure_sqlite)
        SQLiteWriteQueue(limits.write_turn_seconds).install(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, **pool)


class Database:
    """An engine and the session factory bound to it."""

    def __init__(self, url: str, limits: PoolLimits | None = None) -> None:
        self.url = url
        self.limits = limits or PoolLimits()
        self.engine = create_database_engine(url, self.limits)
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
            except sa_exc.TimeoutError as exc:
                session.rollback()
                raise ServiceUnavailable(
                    "The server is busy: every database connection is in use. "
                    f"Try again in {BUSY_RETRY_AFTER_SECONDS} seconds.",
                    retry_after_seconds=BUSY_RETRY_AFTER_SECONDS,
                ) from exc
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
