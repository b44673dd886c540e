"""The app's lifespan: it opens the database, adds its readiness check, runs the relay
and stops it on shutdown. The secret store is faked; the sidecar is absent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import task_service.app as task_app
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from task_service.adapters.repository import TRIGRAM_THRESHOLD, UnitOfWork

pytestmark = pytest.mark.integration


async def test_lifespan_opens_the_database_and_runs_the_relay(
    app: FastAPI,
    client: AsyncClient,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    clean_outbox: None,
) -> None:
    opened: list[AsyncEngine] = []

    sizes: list[int] = []

    async def fake_open_database(
        dapr: Any, secret_name: str, migrations: Path, pool_size: int
    ) -> AsyncEngine:
        assert secret_name == "tasks-db-url" and migrations == task_app.MIGRATIONS
        sizes.append(pool_size)
        opened.append(create_async_engine(database_url))
        return opened[0]

    monkeypatch.setattr(task_app, "open_database", fake_open_database)
    previous = app.state.db
    try:
        async with app.router.lifespan_context(app):
            uow = app.state.db
            assert isinstance(uow, UnitOfWork) and uow.engine is opened[0]
            assert uow.on_commit is not None  # commits wake the relay
            settings = app.state.platform.settings
            # Each pool has the size its setting gives (DB_POOL_SIZE, DB_AUTOCOMMIT_POOL_SIZE,
            # DB_SEARCH_POOL_SIZE).
            assert sizes == [settings.db_pool_size]
            assert (uow._autocommit.pool.size(), uow._searches.pool.size()) == (  # type: ignore[attr-defined]
                settings.db_autocommit_pool_size,
                settings.db_search_pool_size,
            )
            # Searches are planned per execution and correct typos at the task service's
            # threshold, set for the whole session of each search connection.
            async with uow.reads(search=True) as repo:
                shown = [
                    (await repo.conn.execute(text(f"SHOW {name}"))).scalar_one()
                    for name in ("plan_cache_mode", "pg_trgm.similarity_threshold")
                ]
            assert shown == ["force_custom_plan", TRIGRAM_THRESHOLD]
            r = await client.get("/ready")
            # The database answers; the (absent) sidecar does not.
            assert r.status_code == 503
            assert set(r.json()["error"]["fields"]) == {"sidecar"}
            assert (await client.get("/health")).status_code == 200
            metrics = (await client.get("/metrics")).text
            assert "outbox_backlog" in metrics and "outbox_published_total" in metrics
    finally:
        app.state.db = previous
