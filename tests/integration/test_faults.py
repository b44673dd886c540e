"""Dead letters are for poison only.

A dependency down for longer than a few retries (task-service stopped ~20 s while a
recurring instance is completed) does not send the good event to the dead-letter topic:
recurring-service answers "retry" until task-service is back, then the next instance
appears exactly once. Poison published straight to task-events is dead-lettered by the
consumers within seconds, with the reason, and stored once by audit-service.

The outage stops task-service's app (SIGSTOP, not its sidecar) for ~20 s on the shared
stack and resumes it. Kill/restart scenarios live in tests/chaos (make chaos)."""

import asyncio
import hashlib
import json
import os
import signal
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from tests.integration.conftest import SIDECARS, User, metric, psql

OUTAGE_SECONDS = 20


def app_pid(module: str) -> int:
    """The app's own python process (not scripts/supervise.sh, whose argv names it too)."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            argv = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if len(argv) >= 3 and argv[0].endswith(b"python") and argv[1:3] == [b"-m", module.encode()]:
            return int(proc.name)
    raise AssertionError(f"{module} is not running")


async def _wait(check: Any, seconds: float, what: str) -> Any:
    deadline = time.monotonic() + seconds
    while not (result := await check()):
        assert time.monotonic() < deadline, f"timed out after {seconds} s waiting for {what}"
        await asyncio.sleep(0.5)
    return result


def dead_letters_for(secrets: dict[str, str], where: str) -> list[list[str]]:
    return psql(
        secrets, "audit-db-url", f"select consumer, reason, key from dead_letters where {where} order by key"
    )


async def test_a_dependency_outage_longer_than_the_old_budget_dead_letters_nothing(
    user: User, secrets: dict[str, str]
) -> None:
    due = (datetime.now(UTC) + timedelta(hours=1)).replace(microsecond=0)
    r = await user.client.post(
        "/api/tasks", json={"title": "water plants", "rrule": "daily", "due_at": due.isoformat()}
    )
    assert r.status_code == 201, r.text
    task = r.json()
    retries_before = await metric("recurring-service", "events_consumed_total", outcome="retry")

    # recurring-service paused first, so that it meets task.completed only once task-service is down.
    recurring, task_service = app_pid("recurring_service"), app_pid("task_service")
    os.kill(recurring, signal.SIGSTOP)
    try:
        assert (await user.client.post(f"/api/tasks/{task['id']}/complete")).status_code == 200

        async def published() -> list[list[str]]:
            return psql(
                secrets,
                "audit-db-url",
                f"select event_id from activity where task_id = '{task['id']}' and type = 'task.completed'",
            )

        [[event_id]] = await _wait(published, 30, "task.completed to be on the broker (audit has it)")
        os.kill(task_service, signal.SIGSTOP)
    finally:
        os.kill(recurring, signal.SIGCONT)
    try:
        await asyncio.sleep(OUTAGE_SECONDS)
        retried = await metric("recurring-service", "events_consumed_total", outcome="retry") - retries_before
    finally:
        os.kill(task_service, signal.SIGCONT)
    print(
        f"\ntask-service stopped {OUTAGE_SECONDS} s; recurring-service answered 'retry' {retried:.0f} times"
    )
    assert retried >= 1, "recurring-service never met task-service down"

    async def next_instance() -> list[dict[str, Any]]:
        r = await user.client.get("/api/tasks", params={"status": "open", "limit": 100})
        if r.status_code == 503:  # task-service's sidecar has not seen it healthy again yet
            assert r.json()["error"]["code"] == "unavailable"
            return []
        assert r.status_code == 200, r.text
        return [t for t in r.json()["items"] if t["series_id"] == task["series_id"]]

    await _wait(next_instance, 120, "the next instance after task-service came back")
    await asyncio.sleep(3)  # a duplicate would show up now
    instances = await next_instance()
    assert len(instances) == 1, instances  # exactly once
    assert dead_letters_for(secrets, f"event_id = '{event_id}'") == []  # nothing reached the DLQ


async def test_poison_is_dead_lettered_within_seconds(secrets: dict[str, str]) -> None:
    poison_id = str(uuid.uuid4())
    raw_body = json.dumps({"hello": "not a cloudevent", "nonce": poison_id}).encode()
    async with httpx.AsyncClient(
        base_url=f"http://127.0.0.1:{SIDECARS['notification-service']}",
        headers={"dapr-api-token": secrets["dapr-api-token"]},
        timeout=15,
    ) as sidecar:
        # A CloudEvent typed task.completed whose data is no v1 event: both subscribers read it.
        r = await sidecar.post(
            "/v1.0/publish/pubsub/task-events",
            params={"metadata.cloudevent.id": poison_id, "metadata.cloudevent.type": "task.completed"},
            json={"event_id": "not-a-uuid", "schema_version": "v0"},
        )
        assert r.status_code == 204, r.text
        # Bytes that are not a CloudEvent at all (published raw).
        r = await sidecar.post(
            "/v1.0/publish/pubsub/task-events",
            params={"metadata.rawPayload": "true"},
            content=raw_body,
            headers={"content-type": "application/json"},
        )
        assert r.status_code == 204, r.text
    started = time.monotonic()

    async def both_consumers_dead_lettered_it() -> list[list[str]]:
        rows = dead_letters_for(secrets, f"event_id = '{poison_id}'")
        return rows if len(rows) == 2 else []

    rows = await _wait(both_consumers_dead_lettered_it, 20, "the poison CloudEvent in the dead-letter table")
    print(f"\npoison CloudEvent dead-lettered after {time.monotonic() - started:.1f} s: {rows}")
    assert [r[0] for r in rows] == ["audit-service", "recurring-service"]
    assert all("not a v1 task event" in r[1] for r in rows)

    digest = hashlib.sha256(raw_body).hexdigest()

    async def raw_dead_lettered() -> list[list[str]]:
        return psql(
            secrets,
            "audit-db-url",
            f"select consumer, reason from dead_letters where record->>'digest' = '{digest}' "
            f"or record->>'raw' like '%{poison_id}%' or record->>'nonce' = '{poison_id}'",
        )

    rows = await _wait(raw_dead_lettered, 20, "the raw poison message in the dead-letter table")
    print(f"raw poison dead-lettered after {time.monotonic() - started:.1f} s: {rows}")
    await asyncio.sleep(2)
    again = dead_letters_for(secrets, f"event_id = '{poison_id}'")
    assert len(again) == 2  # stored once per consumer, redeliveries or not
