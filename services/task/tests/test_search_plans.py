"""Searches run on a pool planned per execution; other reads keep cached plans."""

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from task_service.adapters.repository import UnitOfWork
from todo_common.db import autocommit_engine

pytestmark = pytest.mark.integration


async def _plan_cache_mode(uow: UnitOfWork, *, search: bool) -> str:
    async with uow.reads(search=search) as repo:
        return str((await repo.conn.execute(text("SHOW plan_cache_mode"))).scalar_one())


async def test_searches_are_planned_for_their_parameters(engine: AsyncEngine) -> None:
    reads, searches = autocommit_engine(engine, 2), autocommit_engine(engine, 2, custom_plans=True)
    try:
        uow = UnitOfWork(engine, autocommit=reads, searches=searches)
        assert await _plan_cache_mode(uow, search=True) == "force_custom_plan"
        assert await _plan_cache_mode(uow, search=False) == "auto"
    finally:
        await searches.dispose()
        await reads.dispose()
