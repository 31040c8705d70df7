"""What every command does first: read settings, set up logs, report bad configuration plainly."""

from __future__ import annotations

import typer
from pydantic import ValidationError

from rehearse.config import Settings
from rehearse.errors import ConfigurationError
from rehearse.observability.logging import configure_logging


def load_settings(*, interactive: bool = False, **overrides: object) -> Settings:
    """The settings, ``overrides`` (None: not given) over REHEARSE_* and ./.env, with logging
    set up; an ``interactive`` command, whose output is for a person at a terminal, logs only
    warnings and errors unless REHEARSE_LOG_LEVEL asks for more."""
    try:
        settings = Settings(**{key: value for key, value in overrides.items() if value is not None})  # type: ignore[arg-type]
    except ConfigurationError as exc:
        raise fail(exc.message) from exc
    except ValidationError as exc:
        problems = "; ".join(
            f"REHEARSE_{'_'.join(str(part) for part in error['loc']).upper()}: {error['msg']}"
            for error in exc.errors()
        )
        raise fail(f"The configuration is not valid: {problems}") from exc
    quiet = interactive and "log_level" not in settings.model_fields_set
    configure_logging("WARNING" if quiet else settings.log_level, settings.log_format)
    return settings


def fail(message: str) -> typer.Exit:
    typer.secho(f"Error: {message}", fg=typer.colors.RED, err=True)
    return typer.Exit(code=1)
