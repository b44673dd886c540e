"""Typed FastAPI dependencies shared by the services: CurrentUser and DaprDep."""

from typing import Annotated

from fastapi import Depends, Request

from todo_common.auth import AuthenticatedUser, InvalidToken
from todo_common.dapr import Dapr
from todo_common.errors import ApiError, unauthorized
from todo_common.logs import log_security_event, user_id_var
from todo_common.platform import Platform


def get_platform(request: Request) -> Platform:
    platform: Platform = request.app.state.platform
    return platform


def get_dapr(request: Request) -> Dapr:
    return get_platform(request).dapr


async def current_user(request: Request) -> AuthenticatedUser:
    """The caller, from `Authorization: Bearer <JWT>` verified against the frontend's JWKS."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise unauthorized()
    try:
        user = await get_platform(request).verifier.verify(token.strip())
    except InvalidToken as exc:
        log_security_event("invalid_token", reason=str(exc), path=request.url.path)
        raise unauthorized("The bearer token is not valid.") from exc
    except Exception as exc:  # JWKS unreachable: the caller's token may be fine
        raise ApiError(503, "unavailable", "Cannot verify tokens right now; try again shortly.") from exc
    user_id_var.set(user.id)
    return user


CurrentUser = Annotated[AuthenticatedUser, Depends(current_user)]
DaprDep = Annotated[Dapr, Depends(get_dapr)]
PlatformDep = Annotated[Platform, Depends(get_platform)]
