"""Typed dependencies of the audit routes."""

from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncEngine
from todo_common.deps import CurrentUser, DaprDep, PlatformDep


async def get_engine(request: Request) -> AsyncEngine:
    engine: AsyncEngine = request.app.state.engine
    return engine


Db = Annotated[AsyncEngine, Depends(get_engine)]

__all__ = ["CurrentUser", "DaprDep", "Db", "PlatformDep"]
