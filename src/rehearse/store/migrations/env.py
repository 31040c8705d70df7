"""Alembic environment: on the connection rehearse.store.migrate hands in, or on the URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from rehearse.config import get_settings
from rehearse.store.database import create_database_engine
from rehearse.store.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url") or get_settings().resolved_database_url
    engine = create_database_engine(url)
    with engine.connect() as fresh:
        _run(fresh)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit(
        "Offline (SQL script) migrations are not supported; run `rehearse db upgrade`."
    )
run_migrations_online()
