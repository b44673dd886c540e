"""The notification routes in process: JWT check and sidecar replaced, state store emulated."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest
from fastapi import Request
from httpx import ASGITransport, AsyncClient
from notification_service.adapters.store import NotificationStore
from notification_service.app import app
from notification_service.deps import get_store
from notification_service.domain.reminders import DueReminder, new_notification
from todo_common.auth import AuthenticatedUser
from todo_common.deps import current_user

if TYPE_CHECKING:
    from conftest import FakeDapr

T0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


@pytest.fixture
async def store(dapr: FakeDapr) -> AsyncIterator[NotificationStore]:
    store = NotificationStore(dapr)  # type: ignore[arg-type]

    async def user(request: Request) -> AuthenticatedUser:
        return AuthenticatedUser(id=request.headers["x-test-user"], email=None, name=None, token="t")

    app.dependency_overrides[current_user] = user
    app.dependency_overrides[get_store] = lambda: store
    yield store
    app.dependency_overrides.clear()


def client(user: str) -> AsyncClient:
    headers = {"dapr-api-token": os.environ["APP_API_TOKEN"], "x-test-user": user}
    return AsyncClient(transport=ASGITransport(app=app), base_url="http://test", headers=headers)


async def notify(store: NotificationStore, user: str, task: str, minutes: int) -> str:
    n = new_notification(DueReminder(task, user, f"Task {task}", None, T0), T0 + timedelta(minutes=minutes))
    await store.record(n)
    await store.add_to_index(user, n["id"])
    return str(n["id"])


async def test_list_newest_first_mark_read_and_unread_filter(store: NotificationStore) -> None:
    first = await notify(store, "ada", "t1", 1)
    second = await notify(store, "ada", "t2", 2)
    await notify(store, "bob", "t3", 3)
    async with client("ada") as ada:
        items = (await ada.get("/api/notifications")).json()["items"]
        assert [n["id"] for n in items] == [second, first]
        assert set(items[0]) >= {"id", "task_id", "title", "message", "created_at", "read"}
        assert "user_id" not in items[0]

        r = await ada.post(f"/api/notifications/{first}/read")
        assert r.status_code == 200 and r.json()["read"] is True
        unread = (await ada.get("/api/notifications", params={"unread": "true"})).json()["items"]
        assert [n["id"] for n in unread] == [second]
        assert (await ada.get("/api/notifications", params={"limit": 1})).json()["items"][0]["id"] == second
        assert (await ada.get("/api/notifications", params={"limit": 0})).status_code == 422


async def test_another_users_notification_is_not_found(store: NotificationStore) -> None:
    theirs = await notify(store, "bob", "t3", 3)
    async with client("ada") as ada:
        assert (await ada.get("/api/notifications")).json() == {"items": []}
        r = await ada.post(f"/api/notifications/{theirs}/read")
        assert r.status_code == 404
        assert r.json()["error"]["code"] == "not_found"
        assert (await ada.post("/api/notifications/nope/read")).status_code == 404
    async with client("bob") as bob:
        assert (await bob.get("/api/notifications")).json()["items"][0]["read"] is False


async def test_stream_is_an_event_stream(store: NotificationStore, monkeypatch: pytest.MonkeyPatch) -> None:
    from notification_service import app as app_module
    from notification_service.stream import StreamTiming

    monkeypatch.setattr(
        type(app_module.settings), "stream_timing", property(lambda _: StreamTiming(window=0.05, poll=0.01))
    )
    theirs = await notify(store, "ada", "t1", 1)
    async with client("ada") as ada:
        r = await ada.get("/api/notifications/stream", headers={"last-event-id": "start"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/event-stream")
    assert r.headers["cache-control"].startswith("no-cache")
    assert f"id: {theirs}\nevent: notification\n" in r.text
