"""The one tree of domain errors. Each carries the HTTP status and the code the API reports.

    RehearseError (500 internal)
    ├── ConfigurationError (500 configuration)
    ├── BadRequest (400 bad_request)
    │   └── ValidationFailed (422 validation_failed)
    │       └── WeakPassword (422 weak_password)
    ├── NotAuthenticated (401 not_authenticated)
    │   ├── InvalidCredentials (401 invalid_credentials)
    │   └── InvalidToken (401 invalid_token)
    ├── PermissionDenied (403 permission_denied)
    │   └── CsrfFailed (403 csrf_failed)
    ├── NotFound (404 not_found)
    ├── Conflict (409 conflict)
    ├── PayloadTooLarge (413 payload_too_large)
    ├── UnsupportedMediaType (415 unsupported_media_type)
    ├── RateLimited (429 rate_limited)
    ├── StorageFull (507 storage_full)
    └── ServiceUnavailable (503 service_unavailable)

Services raise these; the web layer renders every one of them in the same JSON shape, and
third-party errors are translated where they enter (``raise NotFound(...) from exc``). An error
raised with ``keep_changes=True`` still commits the transaction it ends.
"""

from __future__ import annotations

from typing import Any, ClassVar


class RehearseError(Exception):
    """Base of every error Rehearse reports to a user."""

    status_code: ClassVar[int] = 500
    code: ClassVar[str] = "internal"

    def __init__(
        self, message: str, *, details: dict[str, Any] | None = None, keep_changes: bool = False
    ) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or {}
        # Set when what was written before the error must be committed anyway (for example
        # the revocation of a token chain whose replay is being refused).
        self.keep_changes = keep_changes


class ConfigurationError(RehearseError):
    code = "configuration"


class BadRequest(RehearseError):
    status_code = 400
    code = "bad_request"


class ValidationFailed(BadRequest):
    status_code = 422
    code = "validation_failed"


class WeakPassword(ValidationFailed):
    code = "weak_password"


class NotAuthenticated(RehearseError):
    status_code = 401
    code = "not_authenticated"


class InvalidCredentials(NotAuthenticated):
    code = "invalid_credentials"


class InvalidToken(NotAuthenticated):
    code = "invalid_token"


class PermissionDenied(RehearseError):
    status_code = 403
    code = "permission_denied"


class CsrfFailed(PermissionDenied):
    code = "csrf_failed"


class NotFound(RehearseError):
    status_code = 404
    code = "not_found"


class Conflict(RehearseError):
    status_code = 409
    code = "conflict"


class PayloadTooLarge(RehearseError):
    status_code = 413
    code = "payload_too_large"


class UnsupportedMediaType(RehearseError):
    status_code = 415
    code = "unsupported_media_type"


class RateLimited(RehearseError):
    status_code = 429
    code = "rate_limited"

    def __init__(self, message: str, *, retry_after_seconds: int) -> None:
        super().__init__(message, details={"retry_after_seconds": retry_after_seconds})
        self.retry_after_seconds = retry_after_seconds


class StorageFull(RehearseError):
    status_code = 507
    code = "storage_full"


class ServiceUnavailable(RehearseError):
    """The server cannot take the request now; ``retry_after_seconds`` says when to retry."""

    status_code = 503
    code = "service_unavailable"

    def __init__(
        self,
        message: str,
        *,
        details: dict[str, Any] | None = None,
        retry_after_seconds: int | None = None,
    ) -> None:
        extra = {} if retry_after_seconds is None else {"retry_after_seconds": retry_after_seconds}
        super().__init__(message, details={**(details or {}), **extra})
        self.retry_after_seconds = retry_after_seconds
