"""What every service's OpenAPI document says about errors, so that it describes the answers
the service really gives (schemathesis checks each response against it):

- every error status an operation can answer, with API.md's error shape (FastAPI would
  declare only 422, with its own `{"detail": [...]}` shape, which we never send), and the
  headers that come with it (a 429's Retry-After, a 401's WWW-Authenticate);
- 405 answers listing in `Allow` every method of the path, not only the first route's, and
  OPTIONS answered (204) with that list: only the methods the path has."""

import re
from functools import lru_cache
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from todo_common.errors import error_response

ERROR_SCHEMA: dict[str, Any] = {
    "title": "Error",
    "type": "object",
    "required": ["error"],
    "additionalProperties": False,
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "additionalProperties": False,
            "properties": {
                "code": {"type": "string"},
                "message": {"type": "string"},
                "fields": {"type": "object", "additionalProperties": {"type": "string"}},
            },
        }
    },
}
_ERROR_REF = {"$ref": "#/components/schemas/Error"}
_DESCRIPTIONS = {
    "401": "No valid bearer token (unauthorized)",
    "404": "No such resource for this user (not_found)",
    "409": "Conflict with the resource's state (conflict)",
    "412": "If-Match does not match the current version (precondition_failed)",
    "413": "Request body over the size limit (payload_too_large)",
    "422": "The request is not valid (validation_error)",
    "429": "Per-user rate limit reached; see Retry-After (rate_limited)",
    "503": "A dependency is unavailable; try again (unavailable)",
}
_RETRY_AFTER = {
    "Retry-After": {"description": "Seconds to wait before retrying", "schema": {"type": "integer"}}
}
# RFC 9110 15.5.2: every 401 carries a challenge; ours is RFC 6750's, `Bearer` when no token
# was sent, with error="invalid_token" and a description when one was refused.
_WWW_AUTHENTICATE = {
    "WWW-Authenticate": {
        "description": 'The Bearer challenge: `Bearer`, or `Bearer error="invalid_token", '
        'error_description="..."` for a token that was sent and refused (RFC 6750)',
        "required": True,
        "schema": {"type": "string", "pattern": "^Bearer( |$)"},
    }
}
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _error_response(code: str, description: str | None = None) -> dict[str, Any]:
    response: dict[str, Any] = {
        "description": description or _DESCRIPTIONS.get(code, "Error"),
        "content": {"application/json": {"schema": _ERROR_REF}},
    }
    if code == "429":
        response["headers"] = _RETRY_AFTER
    elif code == "401":
        response["headers"] = _WWW_AUTHENTICATE
    return response


def _error_codes(path: str, operation: dict[str, Any]) -> set[str]:
    codes = {"503"}  # a database or the JWKS out of reach
    if operation.get("parameters") or operation.get("requestBody"):
        codes.add("422")
    if operation.get("requestBody"):
        codes.add("413")
    if path.startswith("/api/"):
        codes |= {"401", "429"}
    if "{" in path:
        codes.add("404")
    return codes


def add_error_responses(schema: dict[str, Any]) -> dict[str, Any]:
    """Declare the error answers of every operation (in place; returns the schema)."""
    schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    for schemas in ("HTTPValidationError", "ValidationError"):
        schema["components"]["schemas"].pop(schemas, None)
    for path, item in schema.get("paths", {}).items():
        for method in _METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            responses: dict[str, Any] = operation.setdefault("responses", {})
            declared = {code for code in responses if code.isdigit() and int(code) >= 400}
            for code in sorted(declared | _error_codes(path, operation)):
                existing = responses.get(code, {})
                description = existing.get("description") if code in declared and code != "422" else None
                responses[code] = _error_response(code, description)
    return schema


@lru_cache(maxsize=256)
def _template(path: str) -> re.Pattern[str]:
    return re.compile(re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(path)))


def document_errors(app: FastAPI) -> None:
    """Make `app`'s OpenAPI document declare its error answers, and its 405s honest."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = add_error_responses(generate())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    async def method_not_allowed(request: Request, exc: Exception) -> Response:
        # From the OpenAPI paths: FastAPI's included routers are not a flat list to match.
        # Starlette's own Allow (the first route of the path only) adds routes the document
        # leaves out, such as /health.
        allowed: set[str] = set()
        for path, item in app.openapi().get("paths", {}).items():
            if _template(path).fullmatch(request.url.path):
                allowed |= {m.upper() for m in item if m in _METHODS}
        routed = (getattr(exc, "headers", None) or {}).get("Allow", "")
        allowed |= {m.strip().upper() for m in routed.split(",") if m.strip()}
        if "GET" in allowed:
            allowed.add("HEAD")  # Starlette answers HEAD wherever GET is routed
        if request.method == "OPTIONS" and allowed:
            # RFC 9110 9.3.7: what this resource can do, nothing more.
            return Response(status_code=204, headers={"Allow": ", ".join(sorted(allowed | {"OPTIONS"}))})
        return error_response(
            405,
            "method_not_allowed",
            f"{request.method} is not allowed here.",
            headers={"Allow": ", ".join(sorted(allowed))},
        )

    async def unreadable_body(request: Request, _: Exception) -> JSONResponse:
        # FastAPI's 400 for a body that is not even text (invalid UTF-8): bad input, 422.
        return error_response(
            422, "validation_error", "The request body cannot be read.", {"body": "must be JSON"}
        )

    app.add_exception_handler(405, method_not_allowed)
    app.add_exception_handler(400, unreadable_body)
