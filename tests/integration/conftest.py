"""Fixtures for tests through the real stack: PostgreSQL, Kafka, sentry, scheduler and six
apps under their own daprd sidecars, as `make run` starts them (scripts/stack.sh up).
`make integration` starts the stack first; these fixtures only check that it answers."""

import json
import os
import subprocess
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
FRONTEND = "http://localhost:3000"
SIDECARS = {
    "frontend": 3500,
    "task-service": 3501,
    "chat-service": 3502,
    "recurring-service": 3503,
    "notification-service": 3504,
    "audit-service": 3505,
}
APPS = {
    "task-service": 8001,
    "chat-service": 8002,
    "recurring-service": 8003,
    "notification-service": 8004,
    "audit-service": 8005,
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def secrets() -> dict[str, str]:
    return dict(json.loads((ROOT / ".run" / "secrets.json").read_text()))


@pytest.fixture(scope="session", autouse=True)
def stack() -> None:
    result = subprocess.run([str(ROOT / "scripts" / "stack.sh"), "status"], capture_output=True)
    if result.returncode != 0:
        pytest.fail("the stack is not running: start it with `scripts/stack.sh up` (make integration does)")


def sidecar(app_id: str, secrets: dict[str, str]) -> httpx.AsyncClient:
    """A client for an app's sidecar HTTP API, with the Dapr API token."""
    return httpx.AsyncClient(
        base_url=f"http://127.0.0.1:{SIDECARS[app_id]}",
        headers={"dapr-api-token": secrets["dapr-api-token"]},
        timeout=15,
    )


def app_direct(app_id: str) -> httpx.AsyncClient:
    """A client that calls the app itself, bypassing its sidecar (no app token)."""
    return httpx.AsyncClient(base_url=f"http://127.0.0.1:{APPS[app_id]}", timeout=15)


@dataclass
class User:
    id: str
    email: str
    token: str
    client: httpx.AsyncClient  # the public API at localhost:3000 with the user's Bearer JWT


async def sign_up(name: str = "Test User") -> User:
    """A new user through Better Auth's public endpoints, with a JWT from /api/auth/token."""
    email = f"it-{uuid.uuid4().hex[:12]}@example.com"
    async with httpx.AsyncClient(base_url=FRONTEND, timeout=30, headers={"origin": FRONTEND}) as c:
        r = await c.post(
            "/api/auth/sign-up/email", json={"name": name, "email": email, "password": "s3cret-pass-word"}
        )
        assert r.status_code == 200, r.text
        user_id = r.json()["user"]["id"]
        r = await c.get("/api/auth/token")
        assert r.status_code == 200, r.text
        token = r.json()["token"]
    client = httpx.AsyncClient(base_url=FRONTEND, timeout=30, headers={"authorization": f"Bearer {token}"})
    return User(id=user_id, email=email, token=token, client=client)


@pytest.fixture
async def user() -> AsyncIterator[User]:
    u = await sign_up("Ada")
    yield u
    await u.client.aclose()


@pytest.fixture
async def other_user() -> AsyncIterator[User]:
    u = await sign_up("Bob")
    yield u
    await u.client.aclose()


async def metric(app_id: str, name: str, **labels: str) -> float:
    """The value of one Prometheus sample on an app's /metrics (0 when absent)."""
    async with app_direct(app_id) as c:
        text = (await c.get("/metrics")).text
    total = 0.0
    for line in text.splitlines():
        if not line.startswith(name + "{") and not line.startswith(name + " "):
            continue
        head, _, value = line.rpartition(" ")
        if all(f'{k}="{v}"' in head for k, v in labels.items()):
            total += float(value)
    return total


@pytest.fixture(scope="session")
def pubsub_kind() -> str:
    return os.environ.get("PUBSUB", "kafka")


def psql(secrets: dict[str, str], db_secret: str, sql: str) -> list[list[str]]:
    """Run SQL with psql against one of our databases (tests only read with it)."""
    out = subprocess.run(
        ["psql", secrets[db_secret], "-At", "-F", "\t", "-c", sql], capture_output=True, text=True, check=True
    ).stdout
    return [line.split("\t") for line in out.splitlines() if line]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


__all__ = ["User", "app_direct", "metric", "psql", "sidecar", "sign_up"]
