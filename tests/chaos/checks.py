"""What must hold after every fault, read from the databases (tests.integration.conftest's
psql) and the public API. Each check waits for the system to converge, then counts."""

import asyncio
import contextlib
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import httpx

from tests.chaos.writer import Writer
from tests.integration.conftest import APPS, psql

T = TypeVar("T")


def counted(secrets: dict[str, str], db_secret: str, sql: str) -> Counter[str]:
    """A `select key, count(*) ... group by 1` as a Counter."""
    return Counter({key: int(n) for key, n in psql(secrets, db_secret, sql)})


async def converge(check: Callable[[], Awaitable[tuple[bool, T]]], seconds: float) -> T:
    """Run check until it says done (or time is up): returns its last counts."""
    deadline = time.monotonic() + seconds
    while True:
        done, counts = await check()
        if done or time.monotonic() > deadline:
            return counts
        await asyncio.sleep(1)


async def all_tasks(writer: Writer) -> set[str]:
    ids: set[str] = set()
    cursor = None
    while True:
        params: dict[str, Any] = {"status": "all", "limit": 100}
        if cursor:
            params["cursor"] = cursor
        r = await writer.user.client.get("/api/tasks", params=params)
        assert r.status_code == 200, r.text
        body = r.json()
        ids.update(t["id"] for t in body["items"])
        cursor = body["next_cursor"]
        if not cursor:
            return ids


async def tasks_kept(writer: Writer) -> dict[str, int]:
    stored = await all_tasks(writer)
    return {"created (201)": len(writer.created), "lost": len(set(writer.created) - stored)}


async def events_once(writer: Writer, secrets: dict[str, str]) -> dict[str, int]:
    """Every event task-service recorded in its outbox for this user is in the audit log,
    once, and each task's events arrived in version order."""
    uid = writer.user.id

    async def check() -> tuple[bool, dict[str, int]]:
        outbox = {
            r[0]: r[1] == "t"
            for r in psql(
                secrets,
                "tasks-db-url",
                f"select event_id::text, sent_at is not null from outbox where user_id = '{uid}'",
            )
        }
        audited = counted(
            secrets,
            "audit-db-url",
            f"select event_id::text, count(*) from activity where user_id = '{uid}' "
            f"and topic = 'task-events' group by 1",
        )
        counts = {
            "events in outbox": len(outbox),
            "unsent": sum(1 for sent in outbox.values() if not sent),
            "in audit": len(audited),
            "missing in audit": len(set(outbox) - set(audited)),
            "not from outbox": len(set(audited) - set(outbox)),
            "more than once": sum(1 for n in audited.values() if n > 1),
        }
        return counts["missing in audit"] == 0 and counts["unsent"] == 0, counts

    counts = await converge(check, 120)
    rows = psql(
        secrets,
        "audit-db-url",
        f"select task_id, (data->'payload'->'task'->>'version')::int from activity "
        f"where user_id = '{uid}' and topic = 'task-events' order by task_id, received_at, occurred_at",
    )
    by_task: dict[str, list[int]] = {}
    for task_id, version in rows:
        by_task.setdefault(task_id, []).append(int(version))
    counts["tasks out of order"] = sum(1 for v in by_task.values() if v != sorted(v))
    return counts


async def recurring_once(writer: Writer, secrets: dict[str, str]) -> dict[str, int]:
    """One open instance per series, and every completed instance has its successor."""
    uid = writer.user.id

    async def check() -> tuple[bool, dict[str, int]]:
        rows = psql(
            secrets,
            "tasks-db-url",
            f"select series_id::text, count(*) filter (where not completed), "
            f"count(*) filter (where completed) from tasks "
            f"where user_id = '{uid}' and series_id is not null and deleted_at is null group by 1",
        )
        series = {r[0]: (int(r[1]), int(r[2])) for r in rows}
        counts = {
            "series": len(series),
            "completed instances": sum(c for _, c in series.values()),
            "series without an open instance": sum(1 for o, _ in series.values() if o == 0),
            "series with 2+ open instances": sum(1 for o, _ in series.values() if o > 1),
        }
        return counts["series without an open instance"] == 0, counts

    return await converge(check, 90)


async def reminders_once(writer: Writer, secrets: dict[str, str]) -> dict[str, int]:
    """Each reminder the writer set fired once: one notification and one reminder.due in
    the audit log per (task, remind_at). The cron binding wakes every 30 s; the check also
    wakes notification-service's scan directly (overlapping scans are safe by design)."""
    uid = writer.user.id
    notifications = "key like 'notification-service||notification:%'"
    decoded = (
        "(case when jsonb_typeof(value) = 'string' "
        "then convert_from(decode(value #>> '{}', 'base64'), 'UTF8')::jsonb else value end)"
    )

    async def check() -> tuple[bool, dict[str, int]]:
        async with httpx.AsyncClient() as client:
            with contextlib.suppress(httpx.HTTPError):
                await client.post(
                    f"http://127.0.0.1:{APPS['notification-service']}/reminder-cron",
                    headers={"dapr-api-token": secrets["app-api-token"]},
                    timeout=10,
                )
        notes = psql(
            secrets,
            "state-db-url",
            f"select n->>'task_id', n->>'remind_at', count(*) from "
            f"(select {decoded} as n from dapr_state where {notifications}) s "
            f"where n->>'user_id' = '{uid}' group by 1, 2",
        )
        notified: Counter[str] = Counter()
        for task_id, _, n in notes:  # per (task, remind_at); a task has one reminder here
            notified[task_id] += int(n)
        dues = counted(
            secrets,
            "audit-db-url",
            f"select task_id, count(*) from activity where user_id = '{uid}' "
            f"and type = 'reminder.due' group by 1",
        )
        expected = set(writer.reminders)
        counts = {
            "reminders set": len(expected),
            "notified": len(set(notified) & expected),
            "not fired": len(expected - set(notified)),
            "notified twice": sum(1 for n in notified.values() if n > 1),
            "reminder.due in audit": len(set(dues) & expected),
            "reminder.due twice": sum(1 for n in dues.values() if n > 1),
        }
        done = counts["not fired"] == 0 and counts["reminder.due in audit"] == len(expected)
        return done, counts

    return await converge(check, 90)
