"""Faults while work goes on: the broker stopped (task-service keeps accepting writes and
its outbox drains afterwards: every event reaches audit once, in order per task) and
recurring-service killed mid-stream (after the restart no next instance is missing or
doubled). These stop parts of the shared stack, so they run last (the file name sorts
after the others) and leave it running."""

import asyncio
import os
import signal
import subprocess
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.integration.conftest import ROOT, User, psql


async def _wait(check: Any, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not await check():
        assert time.monotonic() < deadline, f"timed out after {seconds} s waiting for {what}"
        await asyncio.sleep(0.5)


def _run(*args: str) -> None:
    subprocess.run([str(ROOT / "scripts" / args[0]), *args[1:]], check=True, capture_output=True, timeout=240)


async def test_writes_during_a_broker_outage_reach_audit_once_and_in_order(
    user: User, secrets: dict[str, str]
) -> None:
    _run("kafka.sh", "stop")
    try:
        task_ids = []
        for i in range(5):
            r = await user.client.post("/api/tasks", json={"title": f"outage {i}"})
            assert r.status_code == 201, r.text  # writes do not depend on the broker
            task_ids.append(r.json()["id"])
        for task_id in task_ids:
            for priority in ("HIGH", "LOW"):
                r = await user.client.patch(f"/api/tasks/{task_id}", json={"priority": priority})
                assert r.status_code == 200, r.text
            assert (await user.client.post(f"/api/tasks/{task_id}/complete")).status_code == 200
    finally:
        _run("kafka.sh", "start")

    expected = len(task_ids) * 4  # created, updated twice, completed

    async def all_arrived() -> bool:
        rows = psql(secrets, "audit-db-url", f"select count(*) from activity where user_id = '{user.id}'")
        return int(rows[0][0]) >= expected

    await _wait(all_arrived, 90, "the outbox backlog to reach audit after the broker came back")
    await asyncio.sleep(3)  # anything extra (a duplicate) would show up now
    rows = psql(
        secrets,
        "audit-db-url",
        f"select task_id, type, (data->'payload'->'task'->>'version')::int from activity "
        f"where user_id = '{user.id}' order by task_id, occurred_at",
    )
    assert len(rows) == expected  # exactly once each
    for task_id in task_ids:
        events = [(t, int(v)) for tid, t, v in rows if tid == task_id]
        assert [t for t, _ in events] == ["task.created", "task.updated", "task.updated", "task.completed"]
        assert [v for _, v in events] == sorted(v for _, v in events)  # per-task order kept


def _recurring_pid() -> int:
    out = subprocess.run(
        ["pgrep", "-f", "python -m recurring_service"], capture_output=True, text=True
    ).stdout
    pids = [int(p) for p in out.split()]
    assert pids, "recurring-service is not running"
    return pids[0]


async def test_recurring_service_killed_mid_stream_loses_and_doubles_nothing(user: User) -> None:
    due = (datetime.now(UTC) + timedelta(hours=1)).replace(microsecond=0)
    tasks = []
    for i in range(6):
        r = await user.client.post(
            "/api/tasks", json={"title": f"daily {i}", "rrule": "daily", "due_at": due.isoformat()}
        )
        assert r.status_code == 201, r.text
        tasks.append(r.json())
    for n, task in enumerate(tasks):
        if n == 3:
            os.kill(_recurring_pid(), signal.SIGKILL)  # mid-stream: some handled, some not
        assert (await user.client.post(f"/api/tasks/{task['id']}/complete")).status_code == 200
    _run("stack.sh", "restart")

    async def every_series_has_its_next() -> bool:
        r = await user.client.get("/api/tasks", params={"status": "open", "limit": 100})
        return len(r.json()["items"]) >= len(tasks)

    await _wait(every_series_has_its_next, 60, "every completed instance to get its next one")
    await asyncio.sleep(3)
    items = (await user.client.get("/api/tasks", params={"status": "open", "limit": 100})).json()["items"]
    by_series: dict[str, int] = {}
    for item in items:
        by_series[item["series_id"]] = by_series.get(item["series_id"], 0) + 1
    assert sorted(by_series) == sorted(t["series_id"] for t in tasks)
    assert set(by_series.values()) == {1}  # one next instance per series, none doubled
