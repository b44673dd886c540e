#!/usr/bin/env python3
"""Benchmark of the event paths on the running stack (scripts/stack.sh up); prints JSON.

  event_to_audit   create a task through the public API → its task.created entry visible
                   in /api/activity (outbox relay, Kafka, audit-service's subscription)
  reminder         remind_at → the notification's created_at, for reminders spread over a
                   minute (the reminder-cron binding wakes every 30 s locally), and the
                   reminder_lateness_seconds histogram of notification-service
  snooze           snoozed_until → the notification that comes back, for reminders snoozed
                   (POST /api/notifications/{id}/snooze with `until`) to times spread over
                   a minute, 75 s ahead or more (past the local 45 s lookahead of a wake)

Usage: .venv/bin/python scripts/bench_events.py [--tasks 50] [--reminders 20] [--spread 60]
                                                [--snoozes 10] [--snooze-minutes M] [--only-snoozes]
"""

import argparse
import asyncio
import json
import math
import random
import re
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

FRONTEND = "http://localhost:3000"
NOTIFICATION_METRICS = "http://127.0.0.1:8004/metrics"


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def percentile(values: list[float], p: float) -> float | None:
    """Nearest-rank percentile."""
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)], 3)


def summary(values: list[float]) -> dict[str, Any]:
    return {
        "n": len(values),
        "p50": percentile(values, 50),
        "p95": percentile(values, 95),
        "max": round(max(values), 3) if values else None,
    }


async def get_items(client: httpx.AsyncClient, path: str, **params: Any) -> list[dict[str, Any]] | None:
    """The items of a list endpoint; None while the stack does not answer (another
    engineer may be restarting it: the poll just goes on)."""
    try:
        r = await client.get(path, params=params)
    except httpx.TransportError:
        return None
    if r.status_code != 200:
        return None
    items: list[dict[str, Any]] = r.json()["items"]
    return items


async def sign_up() -> httpx.AsyncClient:
    email = f"bench-{uuid.uuid4().hex[:12]}@example.com"
    async with httpx.AsyncClient(base_url=FRONTEND, timeout=30, headers={"origin": FRONTEND}) as c:
        r = await c.post(
            "/api/auth/sign-up/email", json={"name": "Bench", "email": email, "password": "bench-pass-word-1"}
        )
        r.raise_for_status()
        token = (await c.get("/api/auth/token")).raise_for_status().json()["token"]
    return httpx.AsyncClient(base_url=FRONTEND, timeout=30, headers={"authorization": f"Bearer {token}"})


async def event_to_audit(client: httpx.AsyncClient, tasks: int, concurrency: int = 5) -> dict[str, Any]:
    latencies: list[float] = []
    gate = asyncio.Semaphore(concurrency)

    async def one(n: int) -> None:
        async with gate:
            r = await client.post("/api/tasks", json={"title": f"Bench {n}"})
            r.raise_for_status()
            created = time.monotonic()
            task_id = r.json()["id"]
            while time.monotonic() - created < 60:
                if await get_items(client, "/api/activity", task_id=task_id):
                    latencies.append(time.monotonic() - created)
                    return
                await asyncio.sleep(0.02)
            raise TimeoutError(f"task {task_id} not in the activity log after 60 s")

    await asyncio.gather(*(one(n) for n in range(tasks)))
    return {"seconds": summary(latencies), "concurrency": concurrency}


async def reminder_lateness(client: httpx.AsyncClient, reminders: int, spread: float) -> dict[str, Any]:
    start = datetime.now(UTC) + timedelta(seconds=5)
    due: dict[str, datetime] = {}
    for n in range(reminders):
        at = start + timedelta(seconds=spread * n / max(1, reminders - 1))
        r = await client.post("/api/tasks", json={"title": f"Remind {n}", "remind_at": iso(at)})
        r.raise_for_status()
        due[r.json()["id"]] = datetime.fromisoformat(r.json()["remind_at"].replace("Z", "+00:00"))
    late: dict[str, float] = {}
    deadline = time.monotonic() + spread + 120
    while len(late) < len(due) and time.monotonic() < deadline:
        for n in await get_items(client, "/api/notifications", limit=200) or []:
            if n["task_id"] in due:
                created = datetime.fromisoformat(n["created_at"].replace("Z", "+00:00"))
                late[n["task_id"]] = (created - due[n["task_id"]]).total_seconds()
        await asyncio.sleep(0.5)
    return {
        "seconds": summary(list(late.values())),
        "missing": len(due) - len(late),
        "spread_seconds": spread,
    }


async def snooze_lateness(
    client: httpx.AsyncClient, snoozes: int, spread: float, minutes: int | None = None
) -> dict[str, Any]:
    """Reminders due now, each snoozed to its own time (75 s ahead and more, at a random
    fraction of a second as `minutes` gives), or all for `minutes` as the bell does, and
    how late each comes back."""
    if snoozes <= 0:
        return {"seconds": summary([]), "missing": 0}
    soon = iso(datetime.now(UTC) + timedelta(seconds=2))
    tasks: set[str] = set()
    for n in range(snoozes):
        r = await client.post("/api/tasks", json={"title": f"Snooze {n}", "remind_at": soon})
        r.raise_for_status()
        tasks.add(r.json()["id"])
    first: dict[str, str] = {}  # task id → its first notification's id
    deadline = time.monotonic() + 90
    while len(first) < len(tasks) and time.monotonic() < deadline:
        for n in await get_items(client, "/api/notifications", limit=200) or []:
            if n["task_id"] in tasks:
                first[n["task_id"]] = n["id"]
        await asyncio.sleep(0.5)
    start = datetime.now(UTC) + timedelta(seconds=75)
    until: dict[str, datetime] = {}  # the first notification's id → when it comes back
    for k, notification_id in enumerate(first.values()):
        at = start + timedelta(seconds=spread * k / max(1, snoozes - 1) + random.random())
        body = {"minutes": minutes} if minutes else {"until": iso(at)}
        r = await client.post(f"/api/notifications/{notification_id}/snooze", json=body)
        r.raise_for_status()
        until[notification_id] = datetime.fromisoformat(r.json()["snoozed_until"].replace("Z", "+00:00"))
    late: dict[str, float] = {}
    deadline = time.monotonic() + max(75 + spread, 60 * (minutes or 0)) + 120
    while len(late) < len(until) and time.monotonic() < deadline:
        for n in await get_items(client, "/api/notifications", limit=200) or []:
            original = first.get(n["task_id"])
            if original is not None and n["id"] != original:
                created = datetime.fromisoformat(n["created_at"].replace("Z", "+00:00"))
                late[original] = (created - until[original]).total_seconds()
        await asyncio.sleep(0.5)
    return {
        "seconds": summary(list(late.values())),
        "missing": len(until) - len(late) + len(tasks) - len(first),
        **({"minutes": minutes} if minutes else {"spread_seconds": spread}),
    }


async def lateness_histogram() -> dict[str, Any]:
    """p95 from notification-service's reminder_lateness_seconds buckets (every reminder since
    the app started), as the smallest bucket bound holding 95 % of them."""
    async with httpx.AsyncClient(timeout=10) as c:
        text = (await c.get(NOTIFICATION_METRICS)).text
    buckets = [
        (float(m.group(1)), float(m.group(2)))
        for m in re.finditer(r'^reminder_lateness_seconds_bucket\{le="([^"]+)"\} (\S+)$', text, re.M)
    ]
    total = max((count for _, count in buckets), default=0.0)
    if not total:
        return {"n": 0, "p95_bucket": None}
    p95 = next(bound for bound, count in sorted(buckets) if count >= 0.95 * total)
    return {"n": int(total), "p95_at_most": p95}


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--tasks", type=int, default=50)
    parser.add_argument("--reminders", type=int, default=20)
    parser.add_argument("--spread", type=float, default=60.0, help="seconds over which reminders fall due")
    parser.add_argument("--snoozes", type=int, default=10, help="reminders snoozed and timed coming back")
    parser.add_argument("--snooze-minutes", type=int, help="snooze each for this many minutes (not spread)")
    parser.add_argument("--only-snoozes", action="store_true", help="measure the snoozes only")
    args = parser.parse_args()

    client = await sign_up()
    result: dict[str, Any] = {}
    try:
        if not args.only_snoozes:
            result["event_to_audit_latency"] = await event_to_audit(client, args.tasks)
            reminders = await reminder_lateness(client, args.reminders, args.spread)
            result["reminder_lateness"] = {"measured": reminders, "metric": await lateness_histogram()}
        result["snooze_lateness"] = await snooze_lateness(
            client, args.snoozes, args.spread, args.snooze_minutes
        )
    finally:
        await client.aclose()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    asyncio.run(main())
