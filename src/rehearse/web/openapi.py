"""An honest API description: every route lists the error statuses it can really answer,
each with the one error body the API sends.

Most statuses follow from what a route depends on, so they are worked out here from its
dependencies and parameters rather than repeated on every route: a transaction (503 when
the server is saturated), a signed-in caller (401, and 403 for a cookie write without its
CSRF token), a path id (404), a body (400 malformed JSON or multipart, 413 too large, 422
invalid).
What a route's own service may refuse besides (409, 415, 429, 507...) is listed in
``SERVICE_ERRORS``; ``tests/web/test_openapi.py`` (schemathesis) fails when a route answers a
status its entry does not list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, cast

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import BaseModel, Field

from rehearse.web.deps import (
    get_caller,
    get_caller_id,
    get_session,
    hold_database_slot,
    take_compute_turn,
    take_cpu_turn,
)

__all__ = ["SERVICE_ERRORS", "ErrorBody", "document_errors"]


class ErrorDetail(BaseModel):
    code: str = Field(description="A stable, machine-readable name of the error.")
    message: str = Field(description="What went wrong and what to do, for a person.")
    details: dict[str, Any] = Field(
        description="Specifics: e.g. `problems` for invalid input, `retry_after_seconds`."
    )


class ErrorBody(BaseModel):
    """The body of every error the API answers."""

    error: ErrorDetail
    request_id: str = Field(description="Quote it when reporting a problem; it is in the logs.")


DESCRIPTIONS = {
    400: "The body is not valid JSON, or not valid multipart data.",
    401: "Not signed in, or the token or session has expired.",
    403: "Not allowed: a cookie-authenticated write without its CSRF token, or a deactivated "
    "or unconfirmed account.",
    404: "Nothing here, or it belongs to another user.",
    409: "Conflicts with the current state.",
    413: "The body is larger than the limit.",
    415: "The file is not of a type this route accepts.",
    422: "The input is not valid, or a file cannot be read; the message says why.",
    429: "Too many attempts; retry after the `Retry-After` header's seconds.",
    500: "An unexpected error; it was logged with the request id.",
    503: "The server is saturated or a service it needs is down; retry after the "
    "`Retry-After` header's seconds when it is given.",
    507: "The server's storage is full; nothing was stored.",
}


# What each route's service refuses besides what its dependencies imply.
SERVICE_ERRORS: dict[tuple[str, str], set[int]] = {
    ("post", "/api/auth/signup"): {409},
    ("post", "/api/auth/confirm-email"): {401},
    ("post", "/api/auth/token"): {401, 403, 429},
    ("post", "/api/auth/refresh"): {401},
    ("post", "/api/auth/revoke"): {401},
    ("post", "/api/auth/login"): {401, 403, 429},
    ("post", "/api/auth/password/forgot"): {429},
    ("post", "/api/auth/password/reset"): {401},
    ("post", "/api/auth/password/change"): {429},
    ("delete", "/api/me"): {429},
    ("put", "/api/sessions/{session_id}/resume"): {415, 507},
    ("put", "/api/sessions/{session_id}/calibration"): {415},
    ("post", "/api/sessions/{session_id}/plan"): {409},
    ("post", "/api/sessions/{session_id}/questions/{question_id}/answers"): {415, 507},
    ("post", "/api/sessions/{session_id}/answers/{answer_id}/turn"): {409},
    ("post", "/api/organisations/join"): {404, 429},
    ("post", "/api/organisations/invites/accept"): {403, 404},
    ("get", "/api/organisations/{organisation_id}/members"): {403},
    ("get", "/api/organisations/{organisation_id}/invites"): {403},
    ("patch", "/api/organisations/{organisation_id}/members/{user_id}"): {409},
    ("delete", "/api/organisations/{organisation_id}/members/{user_id}"): {409},
    ("post", "/api/sessions/{session_id}/questions/{question_id}/attempts"): {409, 415, 507},
    ("post", "/api/assignments/{assignment_id}/attempts"): {409},
    ("get", "/api/assignments/{assignment_id}/class"): {403},
    ("get", "/api/assignments/{assignment_id}/results.csv"): {403},
    ("get", "/api/assignments/{assignment_id}/export"): {403},
    ("get", "/api/assignments/{assignment_id}/attempts/{session_id}/report"): {403},
    ("get", "/api/assignments/{assignment_id}/attempts/{session_id}/answers/{answer_id}/media"): {
        403
    },
}


def _calls(dependant: Dependant) -> Iterator[Callable[..., Any]]:
    for dependency in dependant.dependencies:
        if dependency.call is not None:
            yield dependency.call
        yield from _calls(dependency)


def _statuses(route: APIRoute) -> set[int]:
    calls = set(_calls(route.dependant))
    unsafe = bool((route.methods or set()) - {"GET", "HEAD", "OPTIONS"})
    statuses = {500}
    queues = {get_session, hold_database_slot, get_caller_id, take_compute_turn, take_cpu_turn}
    if calls & queues:
        statuses.add(503)
    if calls & {get_caller, get_caller_id}:
        statuses.add(401)
        if unsafe:
            statuses.add(403)
    if route.dependant.path_params:
        statuses |= {404, 422}
    if route.dependant.query_params or route.dependant.header_params:
        statuses.add(422)
    if route.dependant.body_params:
        statuses |= {400, 413, 422}
    return statuses


_ERROR_REF = {"$ref": "#/components/schemas/ErrorBody"}


def _error_response(status: int) -> dict[str, Any]:
    return {
        "description": DESCRIPTIONS[status],
        "content": {"application/json": {"schema": _ERROR_REF}},
    }


def document_errors(app: FastAPI) -> None:
    """Make the app's OpenAPI document list the error statuses each API route can answer,
    with the real error body (FastAPI's default 422 schema is not what the API sends).

    The document is made when it is first asked for, as FastAPI's own is: reading every
    route's dependencies costs about 0.15 s, which an app that is never asked for it (a
    worker's, a test's) need not pay."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        by_operation = _error_statuses(app)
        document = generate()
        schemas = document.setdefault("components", {}).setdefault("schemas", {})
        body = ErrorBody.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(body.pop("$defs", {}))
        schemas["ErrorBody"] = body
        for path, operations in document["paths"].items():
            for method, operation in operations.items():
                responses = operation.setdefault("responses", {})
                for status in sorted(by_operation.get((path, method), set())):
                    responses[str(status)] = _error_response(status)
                for status, response in responses.items():
                    if status.startswith(("4", "5")) and "content" not in response:
                        response["content"] = _error_response(int(status))["content"]
        for unused in ("HTTPValidationError", "ValidationError"):
            schemas.pop(unused, None)
        app.openapi_schema = document
        return document

    app.openapi = openapi  # type: ignore[method-assign]


def _error_statuses(app: FastAPI) -> dict[tuple[str, str], set[int]]:
    """The error statuses of each documented operation, by (path, method)."""
    routes = [
        cast(APIRoute, context)  # a RouteContext reads through to its route
        for context in iter_route_contexts(app.routes)
        if isinstance(context.original_route, APIRoute) and context.original_route.include_in_schema
    ]
    return {
        (route.path, method.lower()): _statuses(route)
        | SERVICE_ERRORS.get((method.lower(), route.path), set())
        for route in routes
        for method in route.methods or ()
    }
