"""PostgreSQL for the services that own a database (task, audit): the DSN comes from the
Dapr secret store, the schema from the service's Alembic migrations, run on start."""

import asyncio
import logging
import re
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import URL, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from todo_common.dapr import Dapr

log = logging.getLogger(__name__)
# A session setting's name or value as passed in libpq's `options` (no spaces or quotes).
_SETTING = re.compile(r"[A-Za-z0-9_.]+")


def sqlalchemy_url(dsn: str) -> str:
    """postgresql://… (the secret's form, shared with other tools) → the psycopg 3 dialect."""
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if dsn.startswith(prefix):
            return "postgresql+psycopg://" + dsn[len(prefix) :]
    raise ValueError("database URL must start with postgresql://")


async def open_database(
    dapr: Dapr, secret_name: str, migrations: Path, *, autocommit: bool = False, pool_size: int = 20
) -> AsyncEngine:
    """Read the DSN from the secret store, migrate to head, return a pooled engine. With
    autocommit, for a service whose every write is one statement, its connections stay in
    autocommit mode: no BEGIN and COMMIT round trips (engine.begin() then sends nothing)."""
    url = sqlalchemy_url(await dapr.get_secret(secret_name))
    await asyncio.to_thread(migrate, url, migrations)
    # A fixed pool: overflow connections would be opened and closed per burst, and each
    # new PostgreSQL connection is a forked backend. Callers beyond the pool wait instead.
    # No pre-ping round trip per checkout: a connection found broken (PostgreSQL
    # restarted) invalidates the whole pool and that request answers 503 (errors.py).
    return _pool(url, pool_size, autocommit)


def autocommit_engine(
    engine: AsyncEngine,
    pool_size: int = 10,
    *,
    custom_plans: bool = False,
    session_settings: dict[str, str] | None = None,
) -> AsyncEngine:
    """A second, smaller pool on the same database whose connections stay in autocommit
    mode, for reads and single-statement writes: a statement there is its own transaction,
    without the BEGIN and COMMIT round trips (and without switching a pooled connection's
    mode at every checkout).

    With custom_plans, PostgreSQL plans each execution for its parameters. psycopg
    prepares a statement run five times, and PostgreSQL may then settle on one generic
    plan, costed for an average parameter: for queries whose best plan depends on who
    asks (a user with 10 tasks or with 100,000), that plan can be ten times too slow.

    session_settings are set for the whole session of each connection (`-c name=value` at
    connect): on an autocommit connection, set_config(..., is_local => true) lasts only
    for its own statement."""
    settings = dict(session_settings or {})
    if custom_plans:
        settings["plan_cache_mode"] = "force_custom_plan"
    return _pool(engine.url, pool_size, autocommit=True, session_settings=settings)


def _pool(
    url: str | URL, size: int, autocommit: bool, session_settings: dict[str, str] | None = None
) -> AsyncEngine:
    options: dict[str, Any] = {"isolation_level": "AUTOCOMMIT"} if autocommit else {}
    if session_settings:
        for name, value in session_settings.items():
            if not _SETTING.fullmatch(name) or not _SETTING.fullmatch(value):
                raise ValueError(f"unsafe session setting {name}={value!r}")
        options["connect_args"] = {"options": " ".join(f"-c {n}={v}" for n, v in session_settings.items())}
    return create_async_engine(url, pool_size=size, max_overflow=0, pool_timeout=10, **options)


def migrate(url: str, migrations: Path) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.upgrade(cfg, "head")
    log.info("database migrated", extra={"migrations": str(migrations)})


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


async def ping(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        await conn.execute(text("SELECT 1"))
