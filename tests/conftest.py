"""Fixtures shared by the whole suite.

Store-backed tests run twice: on SQLite (the embedded default) and on the real PostgreSQL
server (``REHEARSE_TEST_POSTGRES_URL``, default 127.0.0.1:5432/test), in a database made for
this test session. Redis-backed tests use ``REHEARSE_TEST_REDIS_URL`` (default db 15).
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from rehearse.config import Settings
from rehearse.interviewer.bank.schema import load_bank
from rehearse.interviewer.knowledge.notes import load_notes
from rehearse.interviewer.retrieval.encoder import MiniLMEncoder
from rehearse.interviewer.retrieval.retriever import Retriever
from rehearse.observability.logging import configure_logging
from rehearse.runtime import Runtime
from rehearse.store import migrate
from rehearse.store.base import Base
from rehearse.store.database import Database, PoolLimits
from rehearse.web.app import create_app
from tests.support import durations
from tests.support.api import ApiUser, sign_up
from tests.support.cache import (
    make_shared_cache_folder,
    remove_shared_cache_folder,
    shared_cache_folder,
)
from tests.support.logs import keep_logs_with_their_tests
from tests.support.s3 import Bucket, make_bucket, s3_server

POSTGRES_URL = os.environ.get(
    "REHEARSE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REDIS_URL = os.environ.get("REHEARSE_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
SHARED_FIXTURES = Path(__file__).resolve().parents[2] / "shared" / "fixtures"


def pytest_configure(config: pytest.Config) -> None:
    make_shared_cache_folder()
    keep_logs_with_their_tests(config)
    # As `rehearse` and the ASGI entry point do: left unconfigured, structlog renders each
    # logged exception with rich and every frame's locals, 13-17 s for one unexpected 500.
    configure_logging("INFO", "console")


def pytest_unconfigure(config: pytest.Config) -> None:
    remove_shared_cache_folder()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    durations.longest_files_first(items)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    durations.record(report)


def pytest_sessionfinish() -> None:
    durations.save()


@pytest.fixture(autouse=True, scope="session")
def _no_ambient_configuration() -> Iterator[None]:
    """Tests build their settings explicitly; the machine's REHEARSE_* variables stay out."""
    saved = {key: os.environ.pop(key) for key in list(os.environ) if key.startswith("REHEARSE_")}
    yield
    os.environ.update(saved)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A migrated PostgreSQL database of its own for this test session."""
    with own_postgres_database() as url:
        yield url


@contextmanager
def own_postgres_database() -> Iterator[str]:
    """A migrated PostgreSQL database made for the caller, dropped afterwards."""
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    name = f"rehearse_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as exc:
        pytest.fail(
            f"These tests need the PostgreSQL server at {POSTGRES_URL} "
            f"(set REHEARSE_TEST_POSTGRES_URL, or run ./scripts/test which starts one): {exc}"
        )
    url = make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    database = Database(url)
    migrate.upgrade(database)
    database.dispose()
    yield url
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file, copied for each test (faster than migrating each time)."""
    path = tmp_path_factory.mktemp("template") / "rehearse.sqlite3"
    database = Database(f"sqlite:///{path}")
    migrate.upgrade(database)
    database.dispose()
    return path


def _truncate_all(url: str) -> None:
    engine = create_engine(url)
    tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables}, alembic_version RESTART IDENTITY CASCADE"))
        migrate_row = "INSERT INTO alembic_version (version_num) VALUES (:head)"
        connection.execute(text(migrate_row), {"head": migrate.head_revision(Database(url))})
    engine.dispose()


@pytest.fixture
def postgres_database(postgres_url: str) -> Iterator[str]:
    """The session's PostgreSQL database, emptied again after the test."""
    yield postgres_url
    _truncate_all(postgres_url)


@pytest.fixture(
    params=[pytest.param("sqlite"), pytest.param("postgres", marks=pytest.mark.postgres)]
)
def database_url(
    request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path
) -> Iterator[str]:
    """The URL of an empty, migrated database: SQLite, then PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "rehearse.sqlite3"
        shutil.copy(sqlite_template, path)
        yield f"sqlite:///{path}"
        return
    yield request.getfixturevalue("postgres_database")


def make_settings(data_dir: Path, database_url: str | None = None, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "data_dir": data_dir,
        "database_url": database_url,
        "cache_dir": shared_cache_folder(),
        "job_poll_seconds": 0.05,
        "log_format": "console",
        # Tests that analyse load the models on first use; the others would only pay for them.
        "warm_models": False,
        # Test processes run side by side (pytest-xdist): a job niced below the other one's
        # work would wait for it, and a test waiting for the job with it.
        "job_nice": 0,
        # A test reading the live transcript gets every word however loaded the machine is;
        # the limit on how long Done waits for them is tested on its own.
        "live_final_seconds": 60,
        # The content judge runs a 1.1 GB model; its own tests turn it on (pointed at one
        # server they share), the others would only wait for it.
        "llm": "off",
        # argon2id at its lowest cost: the same code, without 0.1-0.3 s of a core per sign-up and
        # sign-in (tests/accounts/test_passwords.py checks the real cost). The servers the
        # tests start as processes hash at it too (tests/support/processes.rehearse_env).
        "password_hash_profile": "cheapest",
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def smollm2_url() -> Iterator[str]:
    """A real llama.cpp server running SmolLM2-135M for the module (the contract of a model
    server, not a model's skill): its OpenAI-compatible base URL."""
    # Imported here: tests.support.llama imports this module's make_settings.
    from tests.support.llama import llama_server  # noqa: PLC0415

    with llama_server() as url:
        yield url


@pytest.fixture(scope="module")
def smollm2_judge(smollm2_url: str) -> dict[str, str]:
    """The settings of a content judge on the module's SmolLM2 server, for tests of a flow
    (not of asking a model): named by its fingerprint, its readings are kept in the shared
    cache folder, so a later run on this machine asks the model only what is new."""
    from tests.support.llama import smollm2_fingerprint  # noqa: PLC0415

    return {
        "llm": "on",
        "llm_url": smollm2_url,
        "llm_model": "smollm2",
        "llm_url_fingerprint": smollm2_fingerprint(),
    }


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return make_settings(tmp_path / "data", database_url)


@pytest.fixture
def runtime(settings: Settings) -> Iterator[Runtime]:
    runtime = Runtime(settings)
    yield runtime
    runtime.close()


@pytest.fixture
def impatient_runtime(settings: Settings) -> Iterator[Runtime]:
    """A runtime whose SQLite writers wait a tenth of a second for the file's one write turn
    (the product waits 30 s), so a test tells a writer kept waiting from one let through."""
    url = settings.resolved_database_url
    if not url.startswith("sqlite"):  # PostgreSQL writers lock rows, not the file
        pytest.fail('impatient_runtime is SQLite\'s: parametrize "database_url" to ["sqlite"]')
    runtime = Runtime(settings)
    runtime.database = Database(url, PoolLimits(write_turn_seconds=0.1))
    yield runtime
    runtime.close()


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    """The whole app, its lifespan started (in-process job worker included)."""
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.fixture
def alice(client: TestClient) -> ApiUser:
    return sign_up(client, "alice@example.com")


@pytest.fixture
def bob(client: TestClient) -> ApiUser:
    return sign_up(client, "bob@example.com")


@pytest.fixture
def redis_namespace() -> str:
    return f"rehearse-test-{uuid.uuid4().hex[:10]}"


def shared_fixture(relative: str) -> Path:
    """A file from ../shared/fixtures, or a skip that says why it is missing."""
    path = SHARED_FIXTURES / relative
    if not path.exists():
        pytest.skip(
            f"needs ../shared/fixtures/{relative} (the shared fixtures are not beside the repo)"
        )
    return path


@pytest.fixture(scope="session")
def retriever() -> Retriever:
    """The bundled MiniLM over the bank and the knowledge base, embedded once per test run
    (in the cache folder the servers the tests start use too)."""
    cache = shared_cache_folder() / "embeddings"
    return Retriever(MiniLMEncoder(), load_bank(), load_notes(), cache_dir=cache)


@pytest.fixture(scope="session")
def s3_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real S3-compatible server (moto's) on 127.0.0.1, started once per test run."""
    with s3_server(tmp_path_factory.mktemp("s3") / "moto.log") as endpoint:
        yield endpoint


@pytest.fixture
def bucket(s3_endpoint: str) -> Bucket:
    """An empty bucket of this test's own on the S3 server."""
    return make_bucket(s3_endpoint, f"rehearse-test-{uuid.uuid4().hex[:12]}")
