"""The query parameters of a list that comes a page at a time, the same on every route and
page: an offset (past any real list, but within the databases' integers) and a limit."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

MAX_PAGE = 200
MAX_OFFSET = 2**31 - 1  # a larger one overflows SQLite's and PostgreSQL's integers: a 500

Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="How many to skip.")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="How many at most.")]
