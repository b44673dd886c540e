"""Typed dependencies of the task routes."""

from typing import Annotated

from fastapi import Depends, Request
from todo_common.deps import CurrentUser, DaprDep, PlatformDep

from task_service.adapters.repository import UnitOfWork


async def get_db(request: Request) -> UnitOfWork:
    uow: UnitOfWork = request.app.state.db
    return uow


Db = Annotated[UnitOfWork, Depends(get_db)]

__all__ = ["CurrentUser", "DaprDep", "Db", "PlatformDep"]
