"""Text that enters through the API is checked where it enters: what no database can store
is refused with a 422 that says why, on SQLite and PostgreSQL alike.

PostgreSQL's text and JSONB refuse the NUL character, and neither database can hold a lone
UTF-16 surrogate (it has no UTF-8 form). Every request body derives from ``InputModel``, and
form fields call ``check_storable``; text that Rehearse derives itself (a PDF's words, a
file's name) goes through ``storable`` instead, which drops the characters silently.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def unstorable_reason(value: str) -> str | None:
    """Why ``value`` cannot be stored, or None when it can."""
    found = _UNSTORABLE.search(value)
    if found is None:
        return None
    if found.group() == "\x00":
        return "contains a NUL character (U+0000), which cannot be stored; remove it and send again"
    return (
        f"contains a lone surrogate (U+{ord(found.group()):04X}), which is not valid Unicode "
        "and cannot be stored; send the text as valid UTF-8"
    )


def storable(value: str) -> str:
    """``value`` without the characters no database can store."""
    return _UNSTORABLE.sub("", value)


def _find_unstorable(value: Any) -> str | None:
    if isinstance(value, str):
        return unstorable_reason(value)
    if isinstance(value, dict):
        value = [*value.keys(), *value.values()]
    if isinstance(value, list | tuple | set):
        for item in value:
            reason = _find_unstorable(item)
            if reason is not None:
                return reason
    return None


class InputModel(BaseModel):
    """The base of every request body: no field may hold text the database cannot store."""

    @field_validator("*", mode="after")
    @classmethod
    def _storable_text(cls, value: Any, _info: ValidationInfo) -> Any:
        reason = _find_unstorable(value)
        if reason is not None:
            raise PydanticCustomError("unstorable_text", reason)
        return value


def check_storable(value: str) -> str:
    """``value`` unchanged, or a validation error that says why it cannot be stored (for
    form fields, which FastAPI validates outside any model)."""
    reason = unstorable_reason(value)
    if reason is not None:
        raise PydanticCustomError("unstorable_text", reason)
    return value
