"""Task-service benchmark (issue 3), against the running stack (`make run`); not a test.

- create and list: 32 concurrent clients (one user each: the local per-user rate limit is 1,200 a minute)
  for N requests each way, through the sidecars
  (frontend's daprd → mTLS → task-service's daprd → app, the path the public API takes)
  and direct to the app (its port, with the app token): throughput, p50/p95/p99, and the
  ratio that is Dapr's cost; then the same clients sending creates at --rate (300) a
  second, open loop, for the latency at that rate. The users sign up with httpx; the requests are sent by the
  load generator in scripts/loadgen.py (Locust's FastHttpUser, headless, in a child
  process), whose CPU per request each run reports too.
- search: p95 of GET /api/tasks?search=... over 100,000 tasks of one user (rows inserted
  with SQL for speed; the generated search vector and indexes are the real ones), one
  query at a time, 15 a second (under the per-user rate limit), sent by the load
  generator; the same queries sent with httpx beside it, as measured until 2026-11-27.

Prints one JSON object. Usage: .venv/bin/python scripts/bench_tasks.py [--requests 2000]
"""

import argparse
import asyncio
import io
import json
import os
import random
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import loadgen  # scripts/loadgen.py, beside this file
import proccpu  # scripts/proccpu.py

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.integration.conftest import sign_up  # noqa: E402

WORDS = ["groceries", "invoice", "dentist", "report", "garden", "passport"]
WORDS += ["laundry", "taxes", "meeting", "gym", "piano", "car"]


def pct(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return round(ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000, 1)


async def run(
    client: httpx.AsyncClient,
    n: int,
    concurrency: int,
    make: Any,
    tokens: list[str] | None = None,
    pace: float = 0,
) -> dict[str, Any]:
    """n requests by `concurrency` workers; worker w sends as the user of tokens[w] (when
    given) and, with `pace`, starts a request at most every `pace` seconds."""
    latencies: list[float] = []
    errors = 0
    queue = iter(range(n))

    async def worker(w: int) -> None:
        nonlocal errors
        for i in queue:
            started = time.perf_counter()
            r = await make(client, i, tokens[w % len(tokens)] if tokens else None)
            latencies.append(time.perf_counter() - started)
            errors += r.status_code >= 400
            if pace:
                await asyncio.sleep(max(0.0, pace - (time.perf_counter() - started)))

    started = time.perf_counter()
    await asyncio.gather(*(worker(w) for w in range(concurrency)))
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


def load(plan: dict[str, Any]) -> dict[str, Any]:
    """One run of the load generator (scripts/loadgen.py: Locust in a child process)."""
    got = loadgen.run(plan)
    latencies = got["latencies"].get(plan["op"], [])
    return {
        "requests": len(latencies),
        "errors": got["errors"].get(plan["op"], 0),
        "req_per_s": round(len(latencies) / got["seconds"], 1),
        "p50_ms": pct(latencies, 50),
        "p95_ms": pct(latencies, 95),
        "p99_ms": pct(latencies, 99),
        "driver_cpu_ms_per_request": round(got["cpu_s"] / got["sent"] * 1000, 2),
    }


async def create_and_list(n: int, concurrency: int, rate: int = 300) -> dict[str, Any]:
    s = secrets()
    users = await asyncio.gather(*(sign_up("Bench") for _ in range(concurrency)))
    for u in users:
        await u.client.aclose()
    accounts = [{"token": u.token} for u in users]
    paths = {
        "sidecars": ("http://127.0.0.1:3500/v1.0/invoke/task-service/method", s["dapr-api-token"]),
        "direct": ("http://127.0.0.1:8001", s["app-api-token"]),
    }
    create: dict[str, Any] = {"op": "create", "method": "POST", "path": "/api/tasks"}
    list_: dict[str, Any] = {"op": "list", "method": "GET", "path": "/api/tasks", "params": {"limit": 50}}

    def bodies(count: int) -> list[dict[str, Any]]:
        return [{"title": f"bench {WORDS[i % len(WORDS)]} {i}", "tags": ["Work"]} for i in range(count)]

    result: dict[str, Any] = {}
    for name, (host, token) in paths.items():
        target: dict[str, Any] = {"scenario": "requests", "host": host, "headers": {"dapr-api-token": token}}
        warm_up = {**target, **create, "users": accounts[:8], "requests": 50, "bodies": bodies(50)}
        await asyncio.to_thread(load, warm_up)
        runs: dict[str, dict[str, Any]] = {"create": {**create, "bodies": bodies(n)}, "list": list_}
        for op, what in runs.items():
            plan = {**target, **what, "users": accounts, "requests": n}
            result[f"{op}_{name}"] = await asyncio.to_thread(load, plan)
        # The same clients sending creates at the target's rate (open loop): the latency
        # at 300 a second, where the closed loop above measures the most it can take.
        paced = {**target, **create, "bodies": bodies(n), "users": accounts, "requests": n, "rate": rate}
        result[f"create_{name}_at_{rate}_per_s"] = await asyncio.to_thread(load, paced)
    for op in ("create", "list"):
        result[f"{op}_dapr_cost"] = {
            "p50_ratio": round(result[f"{op}_sidecars"]["p50_ms"] / result[f"{op}_direct"]["p50_ms"], 2),
            "throughput_ratio": round(
                result[f"{op}_direct"]["req_per_s"] / result[f"{op}_sidecars"]["req_per_s"], 2
            ),
        }
    return result


def zipf_titles(total: int, seed: int = 7) -> tuple[list[str], dict[str, str]]:
    """`total` titles of 2-6 words drawn from a 5,000-word vocabulary with Zipf's law
    (s = 1.07, as in natural text), and the query terms: real words placed at vocabulary
    ranks 3, 30, 300 and 3,000, so the queries hit from ~7% of the tasks down to a few."""
    rng = random.Random(seed)
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    vocabulary: list[str] = []
    seen: set[str] = set()
    while len(vocabulary) < 5000:
        word = "".join(rng.choice(syllables) for _ in range(rng.choice((2, 3, 3, 4))))
        if word not in seen:
            seen.add(word)
            vocabulary.append(word)
    placed = {3: "groceries", 30: "dentist", 300: "passport", 3000: "invoice"}
    for rank, word in placed.items():
        vocabulary[rank - 1] = word
    weights = [1 / (rank**1.07) for rank in range(1, len(vocabulary) + 1)]
    titles = [" ".join(rng.choices(vocabulary, weights, k=rng.randint(2, 6))) for _ in range(total)]
    terms = {
        "common word (rank 3)": "groceries",
        "word of rank 30": "dentist",
        "word of rank 300": "passport",
        "rare word (rank 3000)": "invoice",
        "two words": "groceries dentist",
        "prefix": "dent",
        "typo": "pasport",
    }
    return titles, terms


def narrow_titles(total: int) -> tuple[list[str], dict[str, str]]:
    """The worst case: titles from 12 words only, so one word is in ~1 of 6 tasks."""
    titles = [f"{WORDS[g % len(WORDS)]} {WORDS[(g // 7) % len(WORDS)]} task {g}" for g in range(total)]
    terms = {
        "word in 1/6 of tasks": "groceries",
        "two words": "dentist report",
        "prefix": "pian",
        "typo": "invoce",
    }
    return titles, terms


async def search(total: int, queries: int, dataset: str) -> dict[str, Any]:
    """p50/p95/p99 of GET /api/tasks?search= (direct to the app, sequential) over `total`
    tasks of one fresh user, the queries taken in turn; per query term too."""
    s = secrets()
    user = await sign_up("Search bench")
    titles, terms = zipf_titles(total) if dataset == "vocabulary" else narrow_titles(total)
    now = datetime.now(UTC)
    rows = io.StringIO()
    for g, title in enumerate(titles):
        priority = ("LOW", "MEDIUM", "HIGH", "VERY_IMPORTANT")[g % 4]
        created = (now - timedelta(seconds=g)).isoformat()
        fields = (
            str(uuid.uuid4()),
            user.id,
            title,
            f"note {g}",
            priority,
            "{Work}",
            "{work}",
            created,
            created,
        )
        rows.write("\t".join(fields) + "\n")
    columns = "id, user_id, title, description, priority, tags, tag_keys, created_at, updated_at"
    # VACUUM after the bulk load, as autovacuum would soon: it merges the GIN indexes'
    # pending lists, which every search would otherwise scan whole.
    script = f"\\copy tasks ({columns}) from stdin\n{rows.getvalue()}\\.\nvacuum analyze tasks;\n"
    script += "vacuum analyze task_words;\n"
    started = time.perf_counter()
    await asyncio.to_thread(
        subprocess.run,
        ["psql", s["tasks-db-url"], "-q", "-v", "ON_ERROR_STOP=1"],
        input=script.encode(),
        check=True,
    )
    inserted_s = time.perf_counter() - started
    names = list(terms)
    headers = {"authorization": f"Bearer {user.token}", "dapr-api-token": s["app-api-token"]}
    async with httpx.AsyncClient(base_url="http://127.0.0.1:8001", headers=headers, timeout=30) as c:
        hits = {}
        for name in names:
            r = await c.get("/api/tasks", params={"search": terms[name]})
            hits[name] = len(r.json().get("items", [])) if r.status_code == 200 else -1
        per_httpx: dict[str, list[float]] = {name: [] for name in names}

        async def query(c: httpx.AsyncClient, i: int, _token: str | None) -> httpx.Response:
            name = names[i % len(names)]
            started = time.perf_counter()
            r = await c.get("/api/tasks", params={"search": terms[name]})
            per_httpx[name].append(time.perf_counter() - started)
            return r

        await run(c, 3 * len(names), 1, query, pace=1 / 15)  # warm-up
        for samples in per_httpx.values():
            samples.clear()
        with_httpx = await run(c, queries, 1, query, pace=1 / 15)
    # The same queries sent by the load generator the other benchmarks use (Locust's
    # FastHttpUser, one connection), 15 a second: httpx's own time, about 1.5 ms a
    # request, is no longer in the latency.
    plan = {
        "scenario": "requests",
        "host": "http://127.0.0.1:8001",
        "headers": {"dapr-api-token": s["app-api-token"]},
        "users": [{"token": user.token}],
        "op": "search",
        "method": "GET",
        "path": "/api/tasks",
        "rate": 15,
        "requests": queries,
        "queries": [{"search": terms[names[i % len(names)]]} for i in range(queries)],
        "labels": [names[i % len(names)] for i in range(queries)],
    }
    got = await asyncio.to_thread(loadgen.run, plan)
    per_term: dict[str, list[float]] = {name: got["latencies"].get(name, []) for name in names}
    every = [v for samples in per_term.values() for v in samples]
    direct = {
        "requests": len(every),
        "errors": sum(got["errors"].values()),
        "p50_ms": pct(every, 50),
        "p95_ms": pct(every, 95),
        "p99_ms": pct(every, 99),
    }
    await user.client.aclose()
    # The rows go again, so runs do not pile up data that later runs would measure.
    cleanup = (
        f"delete from tasks where user_id = '{user.id}'; delete from task_words where user_id = '{user.id}'"
    )
    await asyncio.to_thread(subprocess.run, ["psql", s["tasks-db-url"], "-q", "-c", cleanup], check=True)
    return {
        "dataset": dataset,
        "tasks": total,
        "insert_s": round(inserted_s, 1),
        "search_direct_sequential": direct,
        "search_direct_sequential_httpx": with_httpx,
        "per_query": {
            name: {
                "q": terms[name],
                "results": hits[name],
                "p50_ms": pct(v, 50),
                "p95_ms": pct(v, 95),
                "httpx_p95_ms": pct(per_httpx[name], 95),
            }
            for name, v in per_term.items()
        },
    }


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--rate", type=int, default=300, help="creates a second of the open-loop run")
    parser.add_argument("--search-tasks", type=int, default=100_000)
    parser.add_argument("--search-queries", type=int, default=300)
    args = parser.parse_args()
    result = {
        "machine": f"{os.cpu_count()} cores",
        "machine_speed_ms": proccpu.machine_speed_ms(),  # before the runs, on the idle stack
        **await create_and_list(args.requests, args.concurrency, args.rate),
        "search": [
            await search(args.search_tasks, args.search_queries, "vocabulary"),
            await search(args.search_tasks, args.search_queries, "narrow"),
        ],
        "run_id": uuid.uuid4().hex[:8],
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    asyncio.run(main())
