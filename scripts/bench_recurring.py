#!/usr/bin/env python3
"""Benchmark: completion of a recurring task → its next instance visible, through the
public API of a running stack (scripts/stack.sh up). Prints one JSON object.

    .venv/bin/python scripts/bench_recurring.py [--count 50] [--base-url http://localhost:3000]

Each sample: create a daily task, then time from sending POST /api/tasks/{id}/complete
until GET /api/tasks shows the next instance (polled every --poll-ms, so a sample is at
most that much late). That path is task-service's outbox relay, Kafka, recurring-service
and its invocation of task-service. Samples run one after another, so they measure
latency, not queueing. Work is spread over several users to stay well under the public
API's per-user rate limit (100 requests a minute)."""

import argparse
import asyncio
import json
import math
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

TIMEOUT_SECONDS = 10.0


async def sign_up(base_url: str) -> httpx.AsyncClient:
    """A new user and a client carrying their JWT (as tests/integration/conftest.py does)."""
    email = f"bench-{uuid.uuid4().hex[:12]}@example.com"
    async with httpx.AsyncClient(base_url=base_url, timeout=30, headers={"origin": base_url}) as c:
        r = await c.post(
            "/api/auth/sign-up/email", json={"name": "Bench", "email": email, "password": "s3cret-pass-word"}
        )
        r.raise_for_status()
        r = await c.get("/api/auth/token")
        r.raise_for_status()
        token = r.json()["token"]
    return httpx.AsyncClient(base_url=base_url, timeout=30, headers={"authorization": f"Bearer {token}"})


async def call(client: httpx.AsyncClient, method: str, path: str, **kwargs: Any) -> Any:
    while True:
        r = await client.request(method, path, **kwargs)
        if r.status_code == 429:  # should not happen at these rates; wait rather than fail
            await asyncio.sleep(float(r.headers.get("retry-after", "1")))
            continue
        r.raise_for_status()
        return r.json()


async def one_sample(client: httpx.AsyncClient, n: int, poll: float) -> float:
    due = datetime(2030, 1, 7, 9, 0, tzinfo=UTC) + timedelta(days=n)
    body = {"title": f"bench {n}", "due_at": due.isoformat(), "rrule": "daily"}
    task = await call(client, "POST", "/api/tasks", json=body)
    started = time.perf_counter()
    await call(client, "POST", f"/api/tasks/{task['id']}/complete")
    while True:
        page = await call(client, "GET", "/api/tasks", params={"status": "open", "limit": 100})
        if any(t["series_id"] == task["series_id"] and t["id"] != task["id"] for t in page["items"]):
            return time.perf_counter() - started
        if time.perf_counter() - started > TIMEOUT_SECONDS:
            raise TimeoutError(f"no next instance of task {task['id']} after {TIMEOUT_SECONDS} s")
        await asyncio.sleep(poll)


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--base-url", default="http://localhost:3000")
    parser.add_argument("--poll-ms", type=float, default=20)
    parser.add_argument("--per-user", type=int, default=5, help="samples per user (rate limit)")
    parser.add_argument("--warmup", type=int, default=2, help="samples run first and not counted")
    args = parser.parse_args()

    samples: list[float] = []
    client: httpx.AsyncClient | None = None
    users = 0
    try:
        for n in range(args.warmup + args.count):
            if n % args.per_user == 0:
                if client is not None:
                    await client.aclose()
                client, users = await sign_up(args.base_url), users + 1
            assert client is not None
            seconds = await one_sample(client, n, args.poll_ms / 1000)
            if n >= args.warmup:
                samples.append(seconds)
    finally:
        if client is not None:
            await client.aclose()

    ms = [s * 1000 for s in samples]
    result = {
        "benchmark": "recurring: completion to next instance visible (public API)",
        "completions": len(ms),
        "users": users,
        "poll_interval_ms": args.poll_ms,
        "p50_ms": round(percentile(ms, 50), 1),
        "p95_ms": round(percentile(ms, 95), 1),
        "max_ms": round(max(ms), 1),
        "mean_ms": round(statistics.fmean(ms), 1),
        "target_p95_ms": 500,
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
