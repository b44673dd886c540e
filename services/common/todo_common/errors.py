"""The one error shape of API.md: {"error": {"code", "message", "fields"?}}."""

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)

_CODES = {
    400: "validation_error",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    412: "precondition_failed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    428: "precondition_required",
    429: "rate_limited",
    503: "unavailable",
}


class ApiError(Exception):
    """Raise to answer with the API error shape."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        fields: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.fields, self.headers = fields, headers


def not_found(what: str = "Resource") -> ApiError:
    return ApiError(404, "not_found", f"{what} not found.")


def unauthorized(message: str = "A valid bearer token is required.") -> ApiError:
    """No bearer token: the RFC 6750 challenge without an error code."""
    return ApiError(401, "unauthorized", message, headers={"WWW-Authenticate": "Bearer"})


def invalid_token(message: str) -> ApiError:
    """A bearer token that was sent but refused (RFC 6750 `invalid_token`); `message` is
    also the challenge's error_description, so it has no quote or backslash."""
    challenge = f'Bearer error="invalid_token", error_description="{message}"'
    return ApiError(401, "unauthorized", message, headers={"WWW-Authenticate": challenge})


def validation_error(message: str, fields: dict[str, str] | None = None) -> ApiError:
    return ApiError(422, "validation_error", message, fields)


def error_response(
    status: int,
    code: str,
    message: str,
    fields: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {"code": code, "message": message}
    if fields:
        body["fields"] = fields
    return JSONResponse({"error": body}, status_code=status, headers=headers)


def _unavailable(message: str) -> JSONResponse:
    return error_response(503, "unavailable", message, headers={"Retry-After": "1"})


def _field_name(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


def _broken_json(exc: RequestValidationError) -> str | None:
    """What to tell the caller when the body is not JSON at all. FastAPI reports it as one
    error located at ("body", <character offset>) with the text in exc.body; the offset
    would otherwise become the field's name."""
    for err in exc.errors():
        if err.get("type") != "json_invalid":
            continue
        loc = tuple(err.get("loc", ()))
        offset = loc[-1] if loc and isinstance(loc[-1], int) else None
        if offset is None or not isinstance(exc.body, str):
            return "The body is not valid JSON."
        where = json.JSONDecodeError("", exc.body, offset)  # computes the line and column
        return f"The body is not valid JSON (line {where.lineno}, column {where.colno})."
    return None


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.fields, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        broken = _broken_json(exc)
        if broken is not None:
            return error_response(422, "validation_error", broken, {"body": broken})
        fields: dict[str, str] = {}
        for err in exc.errors():
            fields.setdefault(_field_name(tuple(err.get("loc", ()))), str(err.get("msg", "invalid")))
        return error_response(422, "validation_error", "The request is not valid.", fields)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(DBAPIError)
    async def _database(_: Request, exc: DBAPIError) -> JSONResponse:
        # PostgreSQL unreachable, restarting, or the connection broke (the pool then drops
        # its connections): the caller may retry. Anything else is a bug: 500.
        if exc.connection_invalidated or isinstance(exc, OperationalError):
            log.warning("database unavailable", extra={"reason": str(exc.orig)[:200]})
            return _unavailable("The database is not reachable; try again shortly.")
        log.exception("database error")
        return error_response(500, "internal", "Something went wrong on our side.")

    @app.exception_handler(PoolTimeout)
    async def _pool_timeout(_: Request, exc: PoolTimeout) -> JSONResponse:
        log.warning("no database connection free in time")
        return _unavailable("The service is busy; try again shortly.")

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error")
        return error_response(500, "internal", "Something went wrong on our side.")
