"""Task-service benchmark (issue 3), against the running stack (`make run`); not a test.

- create and list: 32 concurrent clients for N requests each way, through the sidecars
  (frontend's daprd → mTLS → task-service's daprd → app, the path the public API takes)
  and direct to the app (its port, with the app token): throughput, p50/p95/p99, and the
  ratio that is Dapr's cost.
- search: p95 of GET /api/tasks?search=... over 100,000 tasks of one user (rows inserted
  with SQL for speed; the generated search vector and indexes are the real ones).

Prints one JSON object. Usage: .venv/bin/python scripts/bench_tasks.py [--requests 2000]
"""

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.integration.conftest import sign_up  # noqa: E402

WORDS = ["groceries", "invoice", "dentist", "report", "garden", "passport"]
WORDS += ["laundry", "taxes", "meeting", "gym", "piano", "car"]


def pct(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return round(ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000, 1)


async def run(client: httpx.AsyncClient, n: int, concurrency: int, make: Any) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    queue = iter(range(n))

    async def worker() -> None:
        nonlocal errors
        for i in queue:
            started = time.perf_counter()
            r = await make(client, i)
            latencies.append(time.perf_counter() - started)
            errors += r.status_code >= 400

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    return {
        "requests": n,
        "errors": errors,
        "req_per_s": round(n / elapsed, 1),
        "p50_ms": pct(latencies, 50),
        "p95_ms": pct(latencies, 95),
        "p99_ms": pct(latencies, 99),
    }


def secrets() -> dict[str, str]:
    return dict(json.loads((ROOT / ".run" / "secrets.json").read_text()))


async def create_and_list(n: int, concurrency: int) -> dict[str, Any]:
    s = secrets()
    user = await sign_up("Bench")
    auth = {"authorization": f"Bearer {user.token}"}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    paths = {
        "sidecars": httpx.AsyncClient(
            base_url="http://127.0.0.1:3500/v1.0/invoke/task-service/method",
            headers={**auth, "dapr-api-token": s["dapr-api-token"]},
            limits=limits,
            timeout=30,
        ),
        "direct": httpx.AsyncClient(
            base_url="http://127.0.0.1:8001",
            headers={**auth, "dapr-api-token": s["app-api-token"]},
            limits=limits,
            timeout=30,
        ),
    }

    async def create(c: httpx.AsyncClient, i: int) -> httpx.Response:
        return await c.post(
            "/api/tasks", json={"title": f"bench {WORDS[i % len(WORDS)]} {i}", "tags": ["Work"]}
        )

    async def list_(c: httpx.AsyncClient, i: int) -> httpx.Response:
        return await c.get("/api/tasks", params={"limit": 50})

    result: dict[str, Any] = {}
    for name, client in paths.items():
        async with client:
            await run(client, 50, 8, create)  # warm-up
            result[f"create_{name}"] = await run(client, n, concurrency, create)
            result[f"list_{name}"] = await run(client, n, concurrency, list_)
    for op in ("create", "list"):
        result[f"{op}_dapr_cost"] = {
            "p50_ratio": round(result[f"{op}_sidecars"]["p50_ms"] / result[f"{op}_direct"]["p50_ms"], 2),
            "throughput_ratio": round(
                result[f"{op}_direct"]["req_per_s"] / result[f"{op}_sidecars"]["req_per_s"], 2
            ),
        }
    await user.client.aclose()
    return result


async def search(total: int, queries: int) -> dict[str, Any]:
    s = secrets()
    user = await sign_up("Search bench")
    # 100,000 rows for one user in one statement; titles from a small vocabulary plus a
    # number, so queries hit a realistic share of rows.
    sql = f"""
        insert into tasks (id, user_id, title, description, priority, tags, tag_keys, created_at, updated_at)
        select gen_random_uuid(), '{user.id}',
               (array{WORDS!r})[1 + (g % {len(WORDS)})] || ' '
                 || (array{WORDS!r})[1 + ((g / 7) % {len(WORDS)})] || ' task ' || g,
               'note ' || g, (array['LOW','MEDIUM','HIGH','VERY_IMPORTANT'])[1 + g % 4],
               array['Work'], array['work'], now() - (g || ' seconds')::interval, now()
        from generate_series(1, {total}) g
    """
    started = time.perf_counter()
    psql = ["psql", s["tasks-db-url"], "-q", "-c", sql, "-c", "analyze tasks"]
    await asyncio.to_thread(subprocess.run, psql, check=True)
    inserted_s = time.perf_counter() - started
    terms = ["groceries", "dentist report", "taxes", "garden", "passport meeting", "pian", "invoce"]

    async def query(c: httpx.AsyncClient, i: int) -> httpx.Response:
        return await c.get("/api/tasks", params={"search": terms[i % len(terms)]})

    async with httpx.AsyncClient(
        base_url="http://127.0.0.1:8001",
        headers={"authorization": f"Bearer {user.token}", "dapr-api-token": s["app-api-token"]},
        timeout=30,
    ) as c:
        await run(c, 20, 1, query)
        direct = await run(c, queries, 1, query)
    await user.client.aclose()
    return {"tasks": total, "insert_s": round(inserted_s, 1), "search_direct_sequential": direct}


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--search-tasks", type=int, default=100_000)
    parser.add_argument("--search-queries", type=int, default=300)
    args = parser.parse_args()
    result = {
        "machine": f"{os.cpu_count()} cores",
        **await create_and_list(args.requests, args.concurrency),
        "search": await search(args.search_tasks, args.search_queries),
        "run_id": uuid.uuid4().hex[:8],
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    asyncio.run(main())
