"""Typed FastAPI dependencies shared by the services: CurrentUser and DaprDep."""

from typing import Annotated

from fastapi import Depends, Request

from todo_common.auth import AuthenticatedUser, ExpiredToken, InvalidToken
from todo_common.dapr import Dapr
from todo_common.errors import ApiError, invalid_token, unauthorized
from todo_common.logs import log_security_event, user_id_var
from todo_common.platform import Platform
from todo_common.ratelimit import RateLimited, RateLimiter

TOKEN_EXPIRED = "The bearer token has expired; get a new one from GET /api/auth/token."
TOKEN_NOT_VALID = "The bearer token is not valid."


def get_platform(request: Request) -> Platform:
    platform: Platform = request.app.state.platform
    return platform


# The providers are `async def`: FastAPI runs a plain `def` dependency in its thread pool,
# a thread hop per request for an attribute lookup.
async def platform_dep(request: Request) -> Platform:
    return get_platform(request)


async def dapr_dep(request: Request) -> Dapr:
    return get_platform(request).dapr


async def current_user(request: Request) -> AuthenticatedUser:
    """The caller, from `Authorization: Bearer <JWT>` verified against the frontend's JWKS."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise unauthorized()
    platform = get_platform(request)
    try:
        user = await platform.verifier.verify(token.strip())
    except ExpiredToken as exc:
        log_security_event("expired_token", reason=str(exc), path=request.url.path)
        raise invalid_token(TOKEN_EXPIRED) from exc
    except InvalidToken as exc:
        log_security_event("invalid_token", reason=str(exc), path=request.url.path)
        raise invalid_token(TOKEN_NOT_VALID) from exc
    except Exception as exc:  # JWKS unreachable: the caller's token may be fine
        raise ApiError(503, "unavailable", "Cannot verify tokens right now; try again shortly.") from exc
    user_id_var.set(user.id)
    _take(platform.limiter, user.id, "api", request)
    return user


def _take(limiter: RateLimiter | None, user_id: str, bucket: str, request: Request) -> None:
    if limiter is None:
        return
    try:
        limiter.take(user_id)
    except RateLimited as exc:
        log_security_event("rate_limited", bucket=bucket, path=request.url.path)
        raise ApiError(
            429,
            "rate_limited",
            f"Too many requests; try again in {exc.retry_after} s.",
            headers={"Retry-After": str(exc.retry_after)},
        ) from None


CurrentUser = Annotated[AuthenticatedUser, Depends(current_user)]


async def chat_rate_limit(request: Request, user: CurrentUser) -> None:
    """The chat bucket (much smaller than the per-call one), for POST /api/chat."""
    _take(get_platform(request).chat_limiter, user.id, "chat", request)


ChatRateLimit = Annotated[None, Depends(chat_rate_limit)]
DaprDep = Annotated[Dapr, Depends(dapr_dep)]
PlatformDep = Annotated[Platform, Depends(platform_dep)]
