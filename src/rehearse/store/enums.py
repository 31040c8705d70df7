"""A portable column type for Python string enums (a VARCHAR with its values, no native type)."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum


def enum_column(enum: type[StrEnum]) -> Enum:
    """Store ``enum`` by value in a VARCHAR so migrations behave alike on SQLite and PostgreSQL."""
    return Enum(
        enum,
        native_enum=False,
        length=32,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )
