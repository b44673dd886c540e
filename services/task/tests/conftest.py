"""Fixtures of the integration tests: a real PostgreSQL database, migrated, and the app
in process (httpx.ASGITransport) with the JWT check replaced by a test header.

The database is TASKS_TEST_DB_URL (postgresql://...) or, when that is unset, a database
named todo_tasks_test next to the one in .run/secrets.json's "tasks-db-url" (created if
missing; the role needs CREATEDB, or start PostgreSQL with
PG_EXTRA_DBS=todo_tasks_test scripts/postgres.sh start)."""

import json
import os
import secrets
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit
from uuid import uuid4

import psycopg
import pytest
from fastapi import FastAPI, Request
from httpx import ASGITransport, AsyncClient
from psycopg import sql
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

ROOT = Path(__file__).resolve().parents[3]
TEST_DB = "todo_tasks_test"
APP_TOKEN = "test-app-token-" + secrets.token_hex(8)
USER_HEADER = "x-test-user"
# task_service.app builds its app on import, and the platform requires an app token.
os.environ.setdefault("APP_API_TOKEN", APP_TOKEN)
# No sidecar in these tests, whether or not a local stack is running on the default port.
os.environ["DAPR_HTTP_PORT"] = "9"


def _database_url() -> tuple[str, bool]:
    """(postgresql:// URL, whether it was given explicitly)."""
    explicit = os.environ.get("TASKS_TEST_DB_URL")
    if explicit:
        return explicit, True
    secrets_file = ROOT / ".run" / "secrets.json"
    if not secrets_file.exists():
        pytest.fail(
            f"no TASKS_TEST_DB_URL and no {secrets_file}: start the infrastructure (scripts/infra.sh up)"
        )
    parts = urlsplit(json.loads(secrets_file.read_text())["tasks-db-url"])
    return urlunsplit(parts._replace(path="/" + TEST_DB)), False


def _ensure_database(url: str, explicit: bool) -> None:
    try:
        psycopg.connect(url, connect_timeout=5).close()
        return
    except psycopg.OperationalError as exc:
        missing = f'database "{urlsplit(url).path.lstrip("/")}" does not exist' in str(exc)
        if not missing:
            if explicit:
                pytest.fail(f"cannot connect to TASKS_TEST_DB_URL: {exc}")
            pytest.fail(f"PostgreSQL is not reachable ({exc}); start it with scripts/postgres.sh start")
    # Create it through the server's default database, with the same credentials.
    admin = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(urlsplit(url).path.lstrip("/"))))
    except psycopg.errors.InsufficientPrivilege:
        pytest.fail(
            "the test database is missing and the role may not create databases: run "
            "PG_EXTRA_DBS=todo_tasks_test scripts/postgres.sh start (or set TASKS_TEST_DB_URL)"
        )


@pytest.fixture(scope="session")
def database_url() -> str:
    """A migrated test database (migrated down and up again: the downgrade is tested too)."""
    from alembic import command
    from alembic.config import Config
    from task_service.app import MIGRATIONS
    from todo_common.db import sqlalchemy_url

    url, explicit = _database_url()
    _ensure_database(url, explicit)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", sqlalchemy_url(url).replace("%", "%%"))
    command.downgrade(cfg, "base")
    command.upgrade(cfg, "head")
    return sqlalchemy_url(url)


@pytest.fixture(scope="session")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(database_url, pool_size=10, max_overflow=10)
    yield engine
    await engine.dispose()


@pytest.fixture(scope="session")
def app(engine: AsyncEngine) -> Iterator[FastAPI]:
    from task_service.adapters.repository import UnitOfWork
    from task_service.app import app
    from todo_common.auth import AuthenticatedUser
    from todo_common.deps import current_user

    def fake_user(request: Request) -> AuthenticatedUser:
        user = request.headers.get(USER_HEADER)
        if not user:
            from todo_common.errors import unauthorized

            raise unauthorized()
        return AuthenticatedUser(id=user, email=None, name=None, token="test")

    # ASGITransport does not run the lifespan (it needs a sidecar): state is set here.
    app.state.db = UnitOfWork(engine)
    app.dependency_overrides[current_user] = fake_user
    yield app
    app.dependency_overrides.clear()


@pytest.fixture(scope="session")
async def client(app: FastAPI) -> AsyncIterator[AsyncClient]:
    token = os.environ["APP_API_TOKEN"]
    transport = ASGITransport(app=app)
    async with AsyncClient(
        transport=transport, base_url="http://task-service", headers={"dapr-api-token": token}
    ) as c:
        yield c


class User:
    """A fresh user per test, so tests never see each other's tasks."""

    def __init__(self, client: AsyncClient, name: str) -> None:
        self.client = client
        self.use_id(f"{name}-{uuid4().hex[:12]}")

    def use_id(self, user_id: str) -> None:
        self.id = user_id
        self.headers = {USER_HEADER: user_id}

    async def request(self, method: str, path: str, **kwargs: Any) -> Any:
        headers = {**self.headers, **kwargs.pop("headers", {})}
        return await self.client.request(method, path, headers=headers, **kwargs)

    async def create(self, **body: Any) -> dict[str, Any]:
        body.setdefault("title", "A task")
        r = await self.request("POST", "/api/tasks", json=body)
        assert r.status_code == 201, r.text
        task: dict[str, Any] = r.json()
        return task

    async def page(self, **params: Any) -> dict[str, Any]:
        r = await self.request("GET", "/api/tasks", params=params)
        assert r.status_code == 200, r.text
        page: dict[str, Any] = r.json()
        return page

    async def titles(self, **params: Any) -> list[str]:
        return [t["title"] for t in (await self.page(**params))["items"]]


@pytest.fixture
def alice(client: AsyncClient) -> User:
    return User(client, "alice")


@pytest.fixture
def bob(client: AsyncClient) -> User:
    return User(client, "bob")


@pytest.fixture
async def clean_outbox(engine: AsyncEngine) -> AsyncIterator[None]:
    """Earlier tests' events count as published, so a relay test sees only its own."""
    from sqlalchemy import func, update
    from task_service.adapters.tables import outbox

    async with engine.begin() as conn:
        await conn.execute(update(outbox).where(outbox.c.sent_at.is_(None)).values(sent_at=func.now()))
    yield
