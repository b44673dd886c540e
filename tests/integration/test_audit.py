"""The activity log through the real stack: task-service's outbox, Kafka, audit-service's
subscription and database, and /api/activity and /api/stats behind the frontend."""

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from tests.integration.conftest import User, metric, psql, sidecar

WAIT_SECONDS = 60


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


async def call(user: User, method: str, path: str, **kwargs: Any) -> httpx.Response:
    """One public API call; a rate-limited one is retried after the time it asks for."""
    for _ in range(10):
        r = await user.client.request(method, path, **kwargs)
        if r.status_code != 429:
            return r
        await asyncio.sleep(float(r.headers.get("retry-after", "1")))
    return r


async def create(user: User, **body: Any) -> dict[str, Any]:
    r = await call(user, "POST", "/api/tasks", json=body)
    assert r.status_code == 201, r.text
    task: dict[str, Any] = r.json()
    return task


async def change(user: User, method: str, path: str, **kwargs: Any) -> None:
    r = await call(user, method, path, **kwargs)
    assert r.status_code in (200, 204), r.text


async def activity(user: User, **params: Any) -> list[dict[str, Any]]:
    r = await call(user, "GET", "/api/activity", params=params)
    assert r.status_code == 200, r.text
    items: list[dict[str, Any]] = r.json()["items"]
    return items


async def wait_until(check: Callable[[], Awaitable[bool]], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not await check():
        assert time.monotonic() < deadline, f"{what}: not within {seconds} s"
        await asyncio.sleep(0.5)


async def wait_for_entries(user: User, count: int) -> list[dict[str, Any]]:
    async def arrived() -> bool:
        return len(await activity(user, limit=200)) >= count

    await wait_until(arrived, WAIT_SECONDS, f"{count} activity entries")
    return await activity(user, limit=200)


def duplicates() -> Awaitable[float]:
    return metric("audit-service", "events_consumed_total", topic="task-events", outcome="duplicate")


async def test_200_changes_give_200_entries_even_when_every_event_is_delivered_twice(
    user: User, secrets: dict[str, str]
) -> None:
    # 40 tasks x (create, priority, due date, complete, reopen) = 200 events.
    gate = asyncio.Semaphore(8)

    async def five_changes(n: int) -> None:
        async with gate:
            task = await create(user, title=f"Task {n}", priority="LOW")
            path = f"/api/tasks/{task['id']}"
            await change(user, "PATCH", path, json={"priority": "HIGH"})
            await change(user, "PATCH", path, json={"due_at": "2030-01-01T09:00:00Z"})
            await change(user, "POST", path + "/complete")
            await change(user, "POST", path + "/reopen")

    await asyncio.gather(*(five_changes(n) for n in range(40)))
    entries = await wait_for_entries(user, 200)
    assert len(entries) == 200
    assert len({e["event_id"] for e in entries}) == 200

    # Deliver every one of them again, as a broker redelivery would: same data, same id.
    rows = psql(
        secrets,
        "audit-db-url",
        f"SELECT event_id, type, task_id, data::text FROM activity WHERE user_id = '{user.id}'",
    )
    assert len(rows) == 200
    before = await duplicates()
    async with sidecar("task-service", secrets) as dapr:
        gate = asyncio.Semaphore(20)

        async def republish(event_id: str, kind: str, task_id: str, data: str) -> None:
            async with gate:
                r = await dapr.post(
                    "/v1.0/publish/pubsub/task-events",
                    params={
                        "metadata.cloudevent.id": event_id,
                        "metadata.cloudevent.type": kind,
                        "metadata.partitionKey": task_id,
                    },
                    content=data,
                    headers={"content-type": "application/json"},
                )
                assert r.status_code == 204, r.text

        await asyncio.gather(*(republish(*row) for row in rows))

    async def redelivered() -> bool:
        return await duplicates() >= before + 200

    await wait_until(redelivered, WAIT_SECONDS, "200 redeliveries consumed")
    assert len(await activity(user, limit=200)) == 200
    counts = psql(
        secrets,
        "audit-db-url",
        f"SELECT count(*), count(DISTINCT event_id) FROM activity WHERE user_id = '{user.id}'",
    )
    assert counts == [["200", "200"]]


async def test_activity_is_the_callers_own_newest_first_with_summaries(user: User, other_user: User) -> None:
    task = await create(user, title="Pay rent", priority="LOW")
    path = f"/api/tasks/{task['id']}"
    await change(user, "PATCH", path, json={"priority": "HIGH"})
    await change(user, "POST", path + "/complete")
    theirs = await create(other_user, title="Secret plan")

    entries = await wait_for_entries(user, 3)
    assert [e["type"] for e in entries] == ["task.completed", "task.updated", "task.created"]
    assert [e["summary"] for e in entries] == [
        "Completed 'Pay rent'",
        "Priority changed from Low to High for 'Pay rent'",
        "Created 'Pay rent'",
    ]
    assert all(e["task_id"] == task["id"] for e in entries)
    assert set(entries[0]) >= {"event_id", "type", "task_id", "occurred_at", "summary"}
    assert entries[0]["occurred_at"].endswith("Z")
    times = [e["occurred_at"] for e in entries]
    assert times == sorted(times, reverse=True)

    assert [e["type"] for e in await activity(user, task_id=task["id"], limit=1)] == ["task.completed"]
    assert await activity(user, task_id=theirs["id"]) == []

    other = await wait_for_entries(other_user, 1)
    assert [e["task_id"] for e in other] == [theirs["id"]]
    assert await activity(other_user, task_id=task["id"]) == []

    for bad in ({"limit": 0}, {"limit": 201}, {"limit": "many"}):
        r = await call(user, "GET", "/api/activity", params=bad)
        assert r.status_code == 422, r.text
        assert r.json()["error"]["code"] == "validation_error"


async def test_activity_tells_times_in_the_readers_zone(user: User) -> None:
    task = await create(user, title="Dentist", due_at="2030-01-07T14:30:00Z")
    await change(user, "PATCH", f"/api/tasks/{task['id']}", json={"due_at": "2030-07-01T16:00:00Z"})
    await wait_for_entries(user, 2)
    moved = "Due date changed from {} to {} for 'Dentist'"
    assert (await activity(user, limit=1))[0]["summary"] == moved.format(
        "Jan 7, 2030, 2:30 PM UTC", "Jul 1, 2030, 4:00 PM UTC"
    )
    in_new_york = await activity(user, limit=1, tz="America/New_York")
    assert in_new_york[0]["summary"] == moved.format("Jan 7, 2030, 9:30 AM EST", "Jul 1, 2030, 12:00 PM EDT")
    r = await call(user, "GET", "/api/activity", params={"tz": "Mars/Olympus"})
    assert r.status_code == 422 and r.json()["error"]["fields"]["tz"], r.text


async def test_activity_details_are_the_changes_as_data(user: User) -> None:
    task = await create(user, title="Dentist", priority="LOW", due_at="2030-01-07T14:30:00Z")
    await change(
        user, "PATCH", f"/api/tasks/{task['id']}", json={"due_at": "2030-07-01T16:00:00Z", "priority": "HIGH"}
    )
    moved, created = await wait_for_entries(user, 2)
    assert moved["summary"] == (
        "Priority changed from Low to High; due date changed from Jan 7, 2030, 2:30 PM UTC"
        " to Jul 1, 2030, 4:00 PM UTC for 'Dentist'"
    )
    assert moved["details"] == {
        "title": "Dentist",
        "due_at": "2030-07-01T16:00:00Z",
        "changes": [
            {"field": "priority", "old": "LOW", "new": "HIGH"},
            {"field": "due_at", "old": "2030-01-07T14:30:00Z", "new": "2030-07-01T16:00:00Z"},
        ],
        "next_instance": False,
        "series_ended": False,
        "withdrawn": False,
    }
    assert (created["details"]["title"], created["details"]["changes"]) == ("Dentist", [])
    # Told in the reader's zone, the entry's summary changes and its details do not.
    [there] = await activity(user, limit=1, tz="America/New_York")
    assert there["details"] == moved["details"]


async def test_stats_match_a_constructed_scenario(user: User, other_user: User) -> None:
    now = datetime.now(UTC)
    rent = await create(
        user, title="Pay rent", priority="LOW", tags=["Finance"], due_at=iso(now - timedelta(days=2))
    )
    await change(user, "PATCH", f"/api/tasks/{rent['id']}", json={"priority": "HIGH"})
    await change(user, "POST", f"/api/tasks/{rent['id']}/complete")
    gym = await create(user, title="Gym", tags=["Health"])
    await change(user, "POST", f"/api/tasks/{gym['id']}/complete")
    await create(
        user,
        title="Taxes",
        priority="VERY_IMPORTANT",
        tags=["Finance", "Urgent"],
        due_at=iso(now - timedelta(days=1)),
    )
    await create(user, title="Groceries", tags=["Shopping"], due_at=iso(now + timedelta(days=2)))
    await create(user, title="Read", priority="LOW", tags=["Books"])
    await create(user, title="Novel", priority="LOW", tags=["books"])
    old = await create(user, title="Old", priority="HIGH", tags=["Work"])
    await change(user, "DELETE", f"/api/tasks/{old['id']}")
    again = await create(user, title="Again", priority="HIGH")
    await change(user, "POST", f"/api/tasks/{again['id']}/complete")
    await change(user, "POST", f"/api/tasks/{again['id']}/reopen")
    await wait_for_entries(user, 14)

    # Completed: rent, gym. Open: taxes, groceries, read, novel, again. Deleted: old.
    for tz in ("Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"):
        r = await call(user, "GET", "/api/stats", params={"days": 7, "tz": tz})
        assert r.status_code == 200, r.text
        stats = r.json()
        today = datetime.now(ZoneInfo(tz)).date()
        assert stats["completed_per_day"] == [
            {"date": (today - timedelta(days=6 - i)).isoformat(), "count": 2 if i == 6 else 0}
            for i in range(7)
        ], tz
        assert stats["open_by_priority"] == {"VERY_IMPORTANT": 1, "HIGH": 1, "MEDIUM": 1, "LOW": 2}
        assert stats["by_tag"] == {"Books": 2, "Finance": 1, "Shopping": 1, "Urgent": 1}
        assert stats["completion_rate"] == round(2 / 7, 4)
        assert stats["current_streak"] == 1
        assert stats["overdue"] == 1

    default = (await call(user, "GET", "/api/stats")).json()
    assert len(default["completed_per_day"]) == 30
    assert date.fromisoformat(default["completed_per_day"][-1]["date"]) == datetime.now(UTC).date()

    # Another user's stats know nothing of these tasks.
    empty = (await call(other_user, "GET", "/api/stats", params={"days": 1})).json()
    assert empty["open_by_priority"] == {"VERY_IMPORTANT": 0, "HIGH": 0, "MEDIUM": 0, "LOW": 0}
    assert (empty["completion_rate"], empty["current_streak"], empty["overdue"], empty["by_tag"]) == (
        0,
        0,
        0,
        {},
    )

    for bad in ({"days": 0}, {"days": 366}, {"tz": "Mars/Olympus_Mons"}, {"tz": "../../etc/passwd"}):
        r = await call(user, "GET", "/api/stats", params=bad)
        assert r.status_code == 422, (bad, r.text)
        assert r.json()["error"]["code"] == "validation_error"
    assert (
        "tz"
        in json.loads((await call(user, "GET", "/api/stats", params={"tz": "Nowhere"})).text)["error"][
            "fields"
        ]
    )


async def test_a_bulk_write_stores_each_event_once_as_sent(secrets: dict[str, str]) -> None:
    """audit-service's one statement for a bulk delivery (INSERT ... SELECT FROM unnest(...)
    ON CONFLICT DO NOTHING), on its real database: an event twice in one batch and an
    event already stored are stored once; an empty batch stores nothing; what is stored
    is what was sent."""
    from audit_service.adapters import db
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine
    from todo_common.db import sqlalchemy_url
    from todo_common.events import EventType, TaskEvent

    engine = create_async_engine(sqlalchemy_url(secrets["audit-db-url"]))
    user = f"bulk-write-{time.time_ns()}"
    a, b, c = (TaskEvent.new(EventType.TASK_CREATED, user, f"task-{n}") for n in range(3))
    try:
        first = await db.record_many(
            engine, [(a, "task-events", "A"), (b, "task-events", "B"), (a, "task-events", "A2")]
        )
        again = await db.record_many(engine, [(b, "task-events", "B"), (c, "task-events", "C")])
        assert (first, again) == ({a.event_id, b.event_id}, {c.event_id})
        assert await db.record_many(engine, []) == set()
        async with engine.connect() as conn:
            rows = (
                await conn.execute(
                    text(
                        "SELECT event_id, task_id, type, topic, occurred_at, summary, data"
                        " FROM activity WHERE user_id = :u"
                    ),
                    {"u": user},
                )
            ).all()
        stored = {r.event_id: (r.task_id, r.type, r.topic, r.occurred_at, r.summary, r.data) for r in rows}
        assert stored == {
            e.event_id: (e.task_id, "task.created", "task-events", e.timestamp, summary, e.to_data())
            for e, summary in ((a, "A"), (b, "B"), (c, "C"))
        }
    finally:
        async with engine.begin() as conn:
            await conn.execute(text("DELETE FROM activity WHERE user_id = :u"), {"u": user})
        await engine.dispose()
