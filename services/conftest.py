"""Every service's tests: the apps are built on import and the platform requires an app
token, so a test one is set; and the `deliver` fixture, which delivers messages to a
subscriber route the way the sidecar does. (One file here rather than one per service:
pytest imports each services/<name>/tests/conftest.py as `tests.conftest`, and only the
first one wins.)"""

import os
import secrets
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from httpx import AsyncClient

Deliver = Callable[..., Awaitable[list[str]]]

os.environ.setdefault("APP_API_TOKEN", "test-app-token-" + secrets.token_hex(8))


@pytest.fixture
def deliver() -> Deliver:
    async def deliver(
        client: AsyncClient, path: str, *messages: Any, topic: str = "task-events"
    ) -> list[str]:
        """Messages delivered as a bulk subscription does (one request, each CloudEvent
        an entry's event); the status the app gave each, in order."""
        entries = [
            {"entryId": f"e{n}", "event": m, "contentType": "application/cloudevents+json", "metadata": {}}
            for n, m in enumerate(messages)
        ]
        body = {"entries": entries, "id": "b1", "topic": topic, "pubsubname": "pubsub", "metadata": {}}
        r = await client.post(path, json=body)
        assert r.status_code == 200, r.text
        statuses = r.json()["statuses"]
        assert [s["entryId"] for s in statuses] == [e["entryId"] for e in entries]
        return [s["status"] for s in statuses]

    return deliver
