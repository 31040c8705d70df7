"""The migrations build the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from rehearse.store import migrate
from rehearse.store.base import Base
from rehearse.store.database import Database
from rehearse.store.models import User  # noqa: F401  (registers every table)


def test_migrated_database_is_at_head(database_url: str) -> None:
    database = Database(database_url)
    assert migrate.is_up_to_date(database)
    assert migrate.current_revision(database) == migrate.head_revision(database)
    database.dispose()


def test_migrations_match_the_models(database_url: str) -> None:
    database = Database(database_url)
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    database.dispose()
    assert differences == []


def test_upgrade_from_empty_creates_every_table(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    assert migrate.current_revision(database) is None
    migrate.upgrade(database)
    tables = set(inspect(database.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    database.dispose()


@pytest.mark.postgres
def test_downgrade_to_base_and_back(postgres_url: str) -> None:
    database = Database(postgres_url)
    config = migrate.alembic_config(database)
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    assert set(inspect(database.engine).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(database)
    assert migrate.is_up_to_date(database)
    database.dispose()
