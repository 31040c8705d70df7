"""Every failure leaves the API in one shape: ``{"error": {...}, "request_id": ...}``."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import iter_route_contexts
from starlette.exceptions import HTTPException

from rehearse.errors import RehearseError
from rehearse.observability.context import current_request_id


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    return {
        "error": {"code": code, "message": message, "details": details or {}},
        "request_id": current_request_id(),
    }


def _rehearse_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RehearseError)
    retry_after = getattr(exc, "retry_after_seconds", None)
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
    return JSONResponse(
        error_body(exc.code, exc.message, exc.details), exc.status_code, headers=headers
    )


def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = [
        {
            "location": [str(part) for part in error.get("loc", ())],
            "message": error.get("msg", ""),
            "type": error.get("type", ""),
        }
        for error in exc.errors()
    ]
    if any(problem["type"] == "json_invalid" for problem in problems):
        return JSONResponse(
            error_body(
                "malformed_json", "The request body is not valid JSON.", {"problems": problems}
            ),
            400,
        )
    summary = "; ".join(
        f"{'.'.join(p['location'][1:]) or p['location'][0]}: {p['message']}" for p in problems
    )
    return JSONResponse(
        error_body(
            "validation_failed", f"The request is not valid: {summary}", {"problems": problems}
        ),
        422,
    )


def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    status = HTTPStatus(exc.status_code)
    message = exc.detail if isinstance(exc.detail, str) else status.phrase
    if status is HTTPStatus.NOT_FOUND and message == status.phrase:
        message = "There is nothing at this address."
    code = getattr(exc, "code", None) or status.phrase.lower().replace(" ", "_").replace("-", "_")
    headers = dict(exc.headers or {})
    if status is HTTPStatus.METHOD_NOT_ALLOWED:
        headers["Allow"] = _allowed_methods(request)
    return JSONResponse(error_body(code, message), exc.status_code, headers=headers)


def _allowed_methods(request: Request) -> str:
    """Every method some route serves at this path. Starlette names only the methods of the
    first route whose path matched, and Rehearse has one route per method."""
    methods: set[str] = set()
    for route in iter_route_contexts(request.app.routes):
        pattern = getattr(route, "path_regex", None)
        if pattern is not None and pattern.match(request.url.path):
            methods |= getattr(route, "methods", None) or set()
    return ", ".join(sorted(methods))


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RehearseError, _rehearse_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
