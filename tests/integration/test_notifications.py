"""Reminders through the real stack: task-service's due query, the reminder-cron binding
(every 30 s locally), notification-service's state store records, the reminder.due event
on Kafka into audit-service, and the public notifications API behind the frontend.

Some tests wake notification-service themselves (POST /reminder-cron on the app with the app
token, as its sidecar does) to play a second replica or to avoid waiting for the cron."""

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from notification_service.domain.reminders import (
    DueReminder,
    new_notification,
    reminder_id,
    snoozed_reminder_id,
)

from tests.integration.conftest import FRONTEND, User, app_direct, metric, psql, sidecar

# remind_at is due within a cron period (30 s) plus a scan: allow the 60 s.
ON_TIME_SECONDS = 60


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def parse(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


async def create(user: User, **body: Any) -> dict[str, Any]:
    r = await user.client.post("/api/tasks", json=body)
    assert r.status_code == 201, r.text
    task: dict[str, Any] = r.json()
    return task


async def notifications(user: User, **params: str) -> list[dict[str, Any]]:
    r = await user.client.get("/api/notifications", params=params)
    assert r.status_code == 200, r.text
    items: list[dict[str, Any]] = r.json()["items"]
    return items


async def wait_until(check: Callable[[], Awaitable[bool]], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not await check():
        assert time.monotonic() < deadline, f"{what}: not within {seconds} s"
        await asyncio.sleep(0.5)


async def wake_scan(secrets: dict[str, str]) -> dict[str, Any]:
    """What the reminder-cron binding does: POST /reminder-cron on the app."""
    async with app_direct("notification-service") as c:
        r = await c.post("/reminder-cron", headers={"dapr-api-token": secrets["app-api-token"]}, timeout=60)
    assert r.status_code == 200, r.text
    result: dict[str, Any] = r.json()
    return result


async def reminder_entries(user: User, task_id: str) -> list[dict[str, Any]]:
    r = await user.client.get("/api/activity", params={"task_id": task_id})
    assert r.status_code == 200, r.text
    return [e for e in r.json()["items"] if e["type"] == "reminder.due"]


def sent_marks(secrets: dict[str, str], task_ids: list[str]) -> dict[str, bool]:
    ids = ",".join(f"'{t}'" for t in task_ids)
    rows = psql(
        secrets, "tasks-db-url", f"SELECT id, reminder_sent_at IS NOT NULL FROM tasks WHERE id IN ({ids})"
    )
    return {row[0]: row[1] == "t" for row in rows}


async def test_a_reminder_fires_once_on_time_and_not_for_completed_or_moved_tasks(
    user: User, secrets: dict[str, str]
) -> None:
    sent_before = await metric("notification-service", "reminders_sent_total")
    late_before = await metric("notification-service", "reminder_lateness_seconds_count")
    now = datetime.now(UTC)
    at = now + timedelta(seconds=20)
    due = create(user, title="Pay rent", due_at=iso(now + timedelta(hours=1)), remind_at=iso(at))
    done = create(user, title="Already paid", remind_at=iso(at))
    postponed = create(user, title="Postponed", remind_at=iso(at))
    nudged = create(user, title="Nudged", remind_at=iso(at))
    task, completed, moved_far, moved = await asyncio.gather(due, done, postponed, nudged)
    assert (await user.client.post(f"/api/tasks/{completed['id']}/complete")).status_code == 200
    r = await user.client.patch(
        f"/api/tasks/{moved_far['id']}", json={"remind_at": iso(now + timedelta(hours=1))}
    )
    assert r.status_code == 200, r.text
    moved_at = at + timedelta(seconds=5)
    r = await user.client.patch(f"/api/tasks/{moved['id']}", json={"remind_at": iso(moved_at)})
    assert r.status_code == 200, r.text

    async def both_arrived() -> bool:
        ids = {n["task_id"] for n in await notifications(user)}
        return {task["id"], moved["id"]} <= ids

    await wait_until(
        both_arrived, (moved_at - datetime.now(UTC)).total_seconds() + ON_TIME_SECONDS, "reminders"
    )
    items = await notifications(user)
    by_task = {t: [n for n in items if n["task_id"] == t] for t in (task["id"], completed["id"], moved["id"])}
    assert len(by_task[task["id"]]) == 1
    assert by_task[completed["id"]] == []
    assert not any(n["task_id"] == moved_far["id"] for n in items)
    assert len(by_task[moved["id"]]) == 1

    first = by_task[task["id"]][0]
    assert first["id"] == reminder_id(task["id"], at)
    assert first["title"] == "Pay rent" and first["read"] is False
    assert first["message"].startswith("Reminder: 'Pay rent' is due ")
    lateness = (parse(first["created_at"]) - at).total_seconds()
    assert 0 <= lateness <= ON_TIME_SECONDS
    # The moved reminder fired at its new time, under the id of the new time.
    second = by_task[moved["id"]][0]
    assert second["id"] == reminder_id(moved["id"], moved_at)
    assert parse(second["created_at"]) >= moved_at

    assert sent_marks(secrets, [task["id"], moved["id"], completed["id"], moved_far["id"]]) == {
        task["id"]: True,
        moved["id"]: True,
        completed["id"]: False,
        moved_far["id"]: False,
    }
    assert await metric("notification-service", "reminders_sent_total") >= sent_before + 2
    assert await metric("notification-service", "reminder_lateness_seconds_count") >= late_before + 2

    # reminder.due reached the audit log once, under the reminder's id.
    async def audited() -> bool:
        return len(await reminder_entries(user, task["id"])) == 1

    await wait_until(audited, 20, "reminder.due in the activity log")
    entry = (await reminder_entries(user, task["id"]))[0]
    assert entry["event_id"] == first["id"]
    assert entry["summary"].startswith("Reminder for 'Pay rent'")


async def test_replicas_and_a_crash_after_recording_still_give_one_notification(
    user: User, secrets: dict[str, str]
) -> None:
    at = datetime.now(UTC) + timedelta(seconds=3)
    crashed, fresh = await asyncio.gather(
        create(user, title="Half sent", remind_at=iso(at)), create(user, title="Raced", remind_at=iso(at))
    )
    # A replica recorded the notification for `crashed` and died before indexing, publishing
    # and marking it: its record sits in the state store, nothing else happened.
    record = new_notification(DueReminder(crashed["id"], user.id, "Half sent", None, at), at)
    async with sidecar("notification-service", secrets) as dapr:
        r = await dapr.post(
            "/v1.0/state/statestore",
            json=[
                {
                    "key": f"notification:{record['id']}",
                    "value": record,
                    "options": {"concurrency": "first-write"},
                    "metadata": {"ttlInSeconds": "3600"},
                }
            ],
        )
        assert r.status_code == 204, r.text
    await asyncio.sleep(max(0.0, (at - datetime.now(UTC)).total_seconds()) + 0.5)

    # Six replicas wake at once (and the cron may join them).
    await asyncio.gather(*(wake_scan(secrets) for _ in range(6)))

    items = await notifications(user)
    assert sorted(n["task_id"] for n in items) == sorted([crashed["id"], fresh["id"]])
    recovered = next(n for n in items if n["task_id"] == crashed["id"])
    assert recovered["id"] == record["id"]
    assert recovered["created_at"] == record["created_at"]  # the first write stands
    assert sent_marks(secrets, [crashed["id"], fresh["id"]]) == {crashed["id"]: True, fresh["id"]: True}

    # Published by up to six scans, stored once by audit (same event_id).
    async def audited() -> bool:
        return all([len(await reminder_entries(user, t["id"])) == 1 for t in (crashed, fresh)])

    await wait_until(audited, 20, "reminder.due in the activity log")
    await asyncio.sleep(2)
    for t in (crashed, fresh):
        assert len(await reminder_entries(user, t["id"])) == 1
    # Nothing is left for a later wake.
    await wake_scan(secrets)
    assert len(await notifications(user)) == 2


async def test_mark_read_and_other_users(user: User, other_user: User, secrets: dict[str, str]) -> None:
    at = datetime.now(UTC) + timedelta(seconds=1)
    first, second = await asyncio.gather(
        create(user, title="Water plants", remind_at=iso(at)),
        create(user, title="Call mom", remind_at=iso(at)),
    )
    await asyncio.sleep(1.5)
    await wake_scan(secrets)
    items = await notifications(user)
    assert sorted(n["task_id"] for n in items) == sorted([first["id"], second["id"]])
    assert [n["created_at"] for n in items] == sorted((n["created_at"] for n in items), reverse=True)
    target = items[0]

    r = await user.client.post(f"/api/notifications/{target['id']}/read")
    assert r.status_code == 200, r.text
    assert r.json()["read"] is True and r.json()["id"] == target["id"]
    assert (await user.client.post(f"/api/notifications/{target['id']}/read")).status_code == 200
    unread = await notifications(user, unread="true")
    assert [n["id"] for n in unread] == [items[1]["id"]]
    assert {n["id"]: n["read"] for n in await notifications(user)} == {
        target["id"]: True,
        items[1]["id"]: False,
    }

    # Another user sees none of them and cannot touch them.
    assert await notifications(other_user) == []
    r = await other_user.client.post(f"/api/notifications/{items[1]['id']}/read")
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "not_found"
    assert (await notifications(user, unread="true"))[0]["read"] is False
    assert (await user.client.post("/api/notifications/no-such-id/read")).status_code == 404
    assert (await user.client.get("/api/notifications", params={"limit": "0"})).status_code == 422


# -- snooze -----------------------------------------------------------------------------------
async def reminded(user: User, secrets: dict[str, str], title: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """A task whose reminder is due now, and its notification (the scan woken, as the cron
    binding would within 30 s)."""
    task = await create(user, title=title, remind_at=iso(datetime.now(UTC)))
    found: list[dict[str, Any]] = []

    async def arrived() -> bool:
        await wake_scan(secrets)
        found[:] = [n for n in await notifications(user) if n["task_id"] == task["id"]]
        return bool(found)

    await wait_until(arrived, ON_TIME_SECONDS, f"the reminder of {title!r}")
    return task, found[0]


async def snooze(user: User, notification_id: str, **body: Any) -> dict[str, Any]:
    r = await user.client.post(f"/api/notifications/{notification_id}/snooze", json=body)
    assert r.status_code == 200, r.text
    answer: dict[str, Any] = r.json()
    return answer


async def test_a_snoozed_notification_comes_back_once_at_its_time(
    user: User, secrets: dict[str, str]
) -> None:
    task, original = await reminded(user, secrets, "Call the bank")
    # Snoozed twice: the second time replaces the first (one job per notification).
    replaced = await snooze(user, original["id"], until=iso(datetime.now(UTC) + timedelta(seconds=6)))
    until = datetime.now(UTC) + timedelta(seconds=3)
    answer = await snooze(user, original["id"], until=iso(until))
    snoozed_at = time.monotonic()
    assert answer["id"] == original["id"] and answer["read"] is True
    assert parse(answer["snoozed_until"]) == until and parse(replaced["snoozed_until"]) > until
    assert [n["id"] for n in await notifications(user, unread="true")] == []

    new_id = snoozed_reminder_id(original["id"], until)

    async def came_back() -> bool:
        return any(n["id"] == new_id for n in await notifications(user, unread="true"))

    await wait_until(came_back, 30, "the snoozed notification")
    print(f"snoozed for 3 s: back after {time.monotonic() - snoozed_at:.2f} s")
    # Past both times (and the scheduler's retries, had any been needed): it came back once.
    await asyncio.sleep(max(0.0, (parse(replaced["snoozed_until"]) - datetime.now(UTC)).total_seconds()) + 4)
    items = await notifications(user)
    assert [(n["id"], n["read"]) for n in items] == [(new_id, False), (original["id"], True)]
    back = items[0]
    assert back["task_id"] == task["id"] and back["title"] == "Call the bank"
    assert back["message"] == "Snoozed reminder: 'Call the bank'"
    assert parse(back["created_at"]) >= until
    # The task's own reminder did not move (a recurring task copies its offset).
    r = await user.client.get(f"/api/tasks/{task['id']}")
    assert r.status_code == 200 and r.json()["remind_at"] == task["remind_at"]

    # It was published as reminder.due under its own id: the activity log has both reminders.
    async def audited() -> bool:
        return {e["event_id"] for e in await reminder_entries(user, task["id"])} == {original["id"], new_id}

    await wait_until(audited, 20, "the snoozed reminder.due in the activity log")


async def test_a_snoozed_reminder_of_a_task_completed_or_deleted_since_brings_nothing(
    user: User, secrets: dict[str, str]
) -> None:
    (done, done_note), (gone, gone_note) = await asyncio.gather(
        reminded(user, secrets, "Renew passport"), reminded(user, secrets, "Book dentist")
    )
    skipped_before = await metric("notification-service", "snooze_jobs_total", outcome="skipped")
    until = iso(datetime.now(UTC) + timedelta(seconds=2))
    await asyncio.gather(
        snooze(user, done_note["id"], until=until), snooze(user, gone_note["id"], until=until)
    )
    assert (await user.client.post(f"/api/tasks/{done['id']}/complete")).status_code == 200
    assert (await user.client.delete(f"/api/tasks/{gone['id']}")).status_code == 204

    async def both_fired() -> bool:
        return (
            await metric("notification-service", "snooze_jobs_total", outcome="skipped") >= skipped_before + 2
        )

    await wait_until(both_fired, 30, "the two snooze jobs")
    await asyncio.sleep(1)
    assert sorted((n["id"], n["read"]) for n in await notifications(user)) == sorted(
        [(done_note["id"], True), (gone_note["id"], True)]
    )


async def test_snooze_refuses_bad_input_and_other_users(
    user: User, other_user: User, secrets: dict[str, str]
) -> None:
    _, note = await reminded(user, secrets, "Pay rent")
    url = f"/api/notifications/{note['id']}/snooze"
    for body, field in [
        ({"minutes": 0}, "minutes"),
        ({"minutes": 10081}, "minutes"),
        ({"minutes": 5, "until": iso(datetime.now(UTC) + timedelta(hours=1))}, "until"),
        ({"until": iso(datetime.now(UTC) - timedelta(minutes=1))}, "until"),
        ({"until": iso(datetime.now(UTC) + timedelta(days=8))}, "until"),
        ({"until": "next tuesday"}, "until"),
        ({}, "minutes"),
    ]:
        r = await user.client.post(url, json=body)
        assert r.status_code == 422, (body, r.text)
        assert r.json()["error"]["code"] == "validation_error" and field in r.json()["error"]["fields"], (
            r.text
        )
    r = await other_user.client.post(url, json={"minutes": 10})
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    r = await user.client.post("/api/notifications/no-such-id/snooze", json={"minutes": 10})
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    # None of these scheduled anything or marked the notification read.
    assert [n["id"] for n in await notifications(user, unread="true")] == [note["id"]]
    async with sidecar("notification-service", secrets) as dapr:
        r = await dapr.get(f"/v1.0-alpha1/jobs/snooze-{note['id']}")
        assert r.status_code != 200 and "job not found" in r.text, r.text


async def read_stream(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], until: float
) -> tuple[list[tuple[float, str]], str | None]:
    """Chunks of one stream response with their arrival times, and the last SSE id."""
    chunks: list[tuple[float, str]] = []
    async with client.stream("GET", url, headers=headers, timeout=httpx.Timeout(30)) as r:
        assert r.status_code == 200, await r.aread()
        assert r.headers["content-type"].startswith("text/event-stream")
        async for chunk in r.aiter_text():
            chunks.append((time.monotonic(), chunk))
            if time.monotonic() > until:
                break
    ids = [line[4:] for _, c in chunks for line in c.splitlines() if line.startswith("id: ")]
    return chunks, (ids[-1] if ids else None)


def delivered(chunks: list[tuple[float, str]]) -> list[dict[str, Any]]:
    events = []
    for _, chunk in chunks:
        for block in chunk.split("\n\n"):
            lines = block.splitlines()
            if "event: notification" in lines:
                data = next(line[6:] for line in lines if line.startswith("data: "))
                events.append(json.loads(data))
    return events


async def test_the_stream_delivers_a_new_notification(user: User, secrets: dict[str, str]) -> None:
    """Through the public API: each response is a window of a few seconds, chained by the
    client (EventSource reconnects by itself)."""

    async def remind_soon() -> dict[str, Any]:
        await asyncio.sleep(1)  # the stream is open and has read the index
        task = await create(user, title="Stretch", remind_at=iso(datetime.now(UTC) + timedelta(seconds=1)))
        await asyncio.sleep(1.5)
        await wake_scan(secrets)
        return task

    started = time.monotonic()
    created = asyncio.create_task(remind_soon())
    headers = {"authorization": f"Bearer {user.token}"}
    received: list[dict[str, Any]] = []
    async with httpx.AsyncClient(base_url=FRONTEND) as client:
        while not received and time.monotonic() - started < 60:
            chunks, _ = await read_stream(client, "/api/notifications/stream", headers, started + 60)
            received = delivered(chunks)
    task = await created
    assert [n["task_id"] for n in received] == [task["id"]]
    assert received[0]["title"] == "Stretch" and received[0]["read"] is False
    assert time.monotonic() - started < 60


async def test_the_stream_flows_while_open_and_replays_after_a_reconnect(
    user: User, secrets: dict[str, str]
) -> None:
    """As an EventSource sees it on a path that streams (the app's own sidecar): the
    preamble at once, the notification while the response is still open, and on reconnect
    with Last-Event-ID whatever was recorded in between."""
    url = "/v1.0/invoke/notification-service/method/api/notifications/stream"
    headers = {"authorization": f"Bearer {user.token}", "accept": "text/event-stream"}

    async def remind_soon() -> None:
        await create(user, title="Stand up", remind_at=iso(datetime.now(UTC) + timedelta(seconds=1)))
        await asyncio.sleep(1.5)
        await wake_scan(secrets)

    async with sidecar("notification-service", secrets) as client:
        opened = time.monotonic()
        waking = asyncio.create_task(remind_soon())
        chunks, cursor = await read_stream(client, url, headers, opened + 30)
        await waking
        assert chunks[0][0] - opened < 2  # the preamble did not wait for the window to end
        events = delivered(chunks)
        assert [n["title"] for n in events] == ["Stand up"]
        assert cursor == events[0]["id"]

        # Between two windows another reminder is sent; the reconnect replays it at once.
        await create(user, title="Sit down", remind_at=iso(datetime.now(UTC)))
        await asyncio.sleep(0.2)
        await wake_scan(secrets)
        reconnected = time.monotonic()
        chunks, _ = await read_stream(
            client, url, {**headers, "last-event-id": cursor or ""}, reconnected + 30
        )
        assert [n["title"] for n in delivered(chunks)] == ["Sit down"]
        assert chunks[-1][0] - reconnected < 2


async def test_the_stream_through_the_public_api_as_a_browser_asks_for_it(user: User) -> None:
    headers = {"authorization": f"Bearer {user.token}", "accept": "text/event-stream"}
    async with httpx.AsyncClient(base_url=FRONTEND) as client:
        _, cursor = await read_stream(client, "/api/notifications/stream", headers, time.monotonic() + 15)
    assert cursor == "start"
