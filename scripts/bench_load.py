"""Load test (issue 9): simulated users against the running stack (`make run`); not a test.

Each simulated user signs up through Better Auth, takes a Bearer JWT and, for --duration
seconds, runs a closed loop (the next request as soon as the last answered, plus an
optional --think-ms pause) of a weighted mix: list 40 %, create 20 %, update 15 %,
complete 10 %, search 10 %, chat 5 %. Every user starts with a few tasks of their own;
update and complete pick one of those the user still has open.

Paths: --via frontend (default) goes through http://localhost:3000, the public API (Next.js
route handler → the frontend's sidecar → mTLS → the service's sidecar → the app);
--via sidecar skips Next.js and calls the frontend's sidecar directly (127.0.0.1:3500, with
its API token) the way the route handler does.

Prints one JSON object (per operation: count, req/s, p50/p95/p99 ms, errors and error rate;
overall req/s) and then the same as a Markdown table.

    .venv/bin/python scripts/bench_load.py [--users 100] [--duration 60] [--via frontend|sidecar]
"""

import argparse
import asyncio
import json
import os
import random
import sys
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
FRONTEND = "http://localhost:3000"
SIDECAR = "http://127.0.0.1:3500"
MIX = {"list": 40, "create": 20, "update": 15, "complete": 10, "search": 10, "chat": 5}
TASK_OPS = ("list", "create", "update", "complete", "search")
WORDS = ["groceries", "invoice", "dentist", "report", "garden", "passport", "laundry", "taxes", "gym"]
PRIORITIES = ["VERY_IMPORTANT", "HIGH", "MEDIUM", "LOW"]
CHAT = [
    "add buy {w} tomorrow at 9am",
    "show my tasks",
    "what is due this week?",
    "add call about the {w} on friday, high priority",
]


@dataclass
class SimUser:
    token: str
    open_tasks: list[str] = field(default_factory=list)


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    samples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    counting: bool = False

    def record(self, op: str, seconds: float, error: str | None) -> None:
        if not self.counting:
            return
        self.latencies[op].append(seconds)
        if error:
            self.errors[op] += 1
            if len(self.samples[op]) < 3:
                self.samples[op].append(error)


class Api:
    """The public API paths, mapped to the frontend or to its sidecar's invoke API."""

    def __init__(self, via: str, client: httpx.AsyncClient, dapr_token: str) -> None:
        self.via, self.client, self.dapr_token = via, client, dapr_token

    async def request(self, user: SimUser, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = {"authorization": f"Bearer {user.token}"}
        url = FRONTEND + path
        if self.via == "sidecar":
            app = "chat-service" if path.startswith("/api/chat") else "task-service"
            url = f"{SIDECAR}/v1.0/invoke/{app}/method{path}"
            headers["dapr-api-token"] = self.dapr_token
        return await self.client.request(method, url, headers=headers, **kwargs)


async def sign_up(client: httpx.AsyncClient) -> SimUser:
    """A new Better Auth user (`client` keeps its session cookie) and a JWT for it."""
    email = f"load-{uuid.uuid4().hex[:12]}@example.com"
    for attempt in range(10):
        r = await client.post(
            FRONTEND + "/api/auth/sign-up/email",
            json={"name": "Load", "email": email, "password": "load-pass-word-1"},
            headers={"origin": FRONTEND},
        )
        if r.status_code == 200:  # the session cookie is now in the client's jar
            r = await client.get(FRONTEND + "/api/auth/token", headers={"origin": FRONTEND})
            r.raise_for_status()
            return SimUser(token=r.json()["token"])
        await asyncio.sleep(0.5 * (attempt + 1))
    raise RuntimeError(f"sign-up failed: {r.status_code} {r.text[:200]}")


def task_body(rng: random.Random) -> dict[str, Any]:
    return {
        "title": f"{rng.choice(WORDS)} {rng.randrange(10_000)}",
        "priority": rng.choice(PRIORITIES),
        "tags": rng.sample(["Work", "Personal", "Health", "Finance"], k=rng.randrange(3)),
    }


async def one(api: Api, user: SimUser, op: str, rng: random.Random) -> httpx.Response:
    if op in ("update", "complete") and not user.open_tasks:
        op = "create"
    if op == "list":
        return await api.request(user, "GET", "/api/tasks", params={"limit": 50})
    if op == "search":
        return await api.request(user, "GET", "/api/tasks", params={"search": rng.choice(WORDS)})
    if op == "create":
        r = await api.request(user, "POST", "/api/tasks", json=task_body(rng))
        if r.status_code == 201:
            user.open_tasks.append(r.json()["id"])
        return r
    if op == "update":
        task_id = rng.choice(user.open_tasks)
        body = {"title": f"{rng.choice(WORDS)} {rng.randrange(10_000)}", "priority": rng.choice(PRIORITIES)}
        return await api.request(user, "PATCH", f"/api/tasks/{task_id}", json=body)
    if op == "complete":
        task_id = user.open_tasks.pop(rng.randrange(len(user.open_tasks)))
        return await api.request(user, "POST", f"/api/tasks/{task_id}/complete")
    message = rng.choice(CHAT).format(w=rng.choice(WORDS))
    return await api.request(
        user, "POST", "/api/chat", json={"message": message, "timezone": "Europe/Berlin"}
    )


async def run_user(
    api: Api, user: SimUser, stats: Stats, stop: float, think: float, rng: random.Random
) -> None:
    ops, weights = list(MIX), list(MIX.values())
    while time.monotonic() < stop:
        op = rng.choices(ops, weights)[0]
        started = time.perf_counter()
        error = None
        try:
            r = await one(api, user, op, rng)
            if r.status_code >= 400:
                error = f"{r.status_code} {r.text[:120]}"
        except httpx.HTTPError as exc:
            error = f"{type(exc).__name__}: {exc}"
        stats.record(op, time.perf_counter() - started, error)
        if think:
            await asyncio.sleep(rng.expovariate(1 / think))


def pct(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return round(ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000, 1) if ordered else 0.0


def report(stats: Stats, seconds: float, args: argparse.Namespace) -> dict[str, Any]:
    operations: dict[str, Any] = {}
    for op in MIX:
        lat = stats.latencies.get(op, [])
        operations[op] = {
            "count": len(lat),
            "req_per_s": round(len(lat) / seconds, 1),
            "p50_ms": pct(lat, 50),
            "p95_ms": pct(lat, 95),
            "p99_ms": pct(lat, 99),
            "errors": stats.errors.get(op, 0),
            "error_rate": round(stats.errors.get(op, 0) / len(lat), 4) if lat else 0.0,
        }
        if stats.samples.get(op):
            operations[op]["error_samples"] = stats.samples[op]
    total = sum(o["count"] for o in operations.values())
    errors = sum(o["errors"] for o in operations.values())
    task_p95 = max(operations[op]["p95_ms"] for op in TASK_OPS)
    return {
        "benchmark": "load: simulated users, closed loop"
        + (f", think {args.think_ms} ms" if args.think_ms else ""),
        "via": args.via,
        "users": args.users,
        "duration_s": round(seconds, 1),
        "machine": f"{os.cpu_count()} cores",
        "operations": operations,
        "total_requests": total,
        "req_per_s": round(total / seconds, 1),
        "errors": errors,
        "error_rate": round(errors / total, 4) if total else 0.0,
        "targets": {
            "zero_errors": errors == 0,
            "task_p95_under_300_ms": task_p95 < 300,
            "at_least_300_req_per_s": total / seconds >= 300,
        },
    }


def markdown(result: dict[str, Any]) -> str:
    lines = [
        f"Load: {result['users']} users, {result['duration_s']} s, via {result['via']}: "
        f"{result['req_per_s']} req/s, {result['errors']} errors",
        "",
        "| operation | count | req/s | p50 ms | p95 ms | p99 ms | errors | error rate |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for op, o in result["operations"].items():
        lines.append(
            f"| {op} | {o['count']} | {o['req_per_s']} | {o['p50_ms']} | {o['p95_ms']} | {o['p99_ms']} "
            f"| {o['errors']} | {o['error_rate']:.2%} |"
        )
    lines.append(
        f"| **all** | {result['total_requests']} | {result['req_per_s']} | | | | {result['errors']} "
        f"| {result['error_rate']:.2%} |"
    )
    return "\n".join(lines)


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--duration", type=float, default=60, help="measured seconds")
    parser.add_argument("--warmup", type=float, default=5, help="seconds run first and not counted")
    parser.add_argument("--via", choices=("frontend", "sidecar"), default="frontend")
    parser.add_argument("--think-ms", type=float, default=0, help="mean pause between a user's requests")
    parser.add_argument("--seed-tasks", type=int, default=5, help="tasks each user starts with")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    secrets = json.loads((ROOT / ".run" / "secrets.json").read_text())
    limits = httpx.Limits(max_connections=args.users + 20, max_keepalive_connections=args.users + 20)
    async with httpx.AsyncClient(timeout=30, limits=limits) as client:
        api = Api(args.via, client, secrets["dapr-api-token"])
        gate = asyncio.Semaphore(10)

        async def new_user(n: int) -> SimUser:
            async with gate:
                async with httpx.AsyncClient(timeout=30) as auth_client:
                    user = await sign_up(auth_client)
                rng = random.Random(args.seed * 1000 + n)
                for _ in range(args.seed_tasks):
                    r = await api.request(user, "POST", "/api/tasks", json=task_body(rng))
                    r.raise_for_status()
                    user.open_tasks.append(r.json()["id"])
                return user

        started = time.monotonic()
        users = await asyncio.gather(*(new_user(n) for n in range(args.users)))
        print(
            f"{len(users)} users signed up and seeded in {time.monotonic() - started:.1f} s", file=sys.stderr
        )

        stats = Stats()
        stop = time.monotonic() + args.warmup + args.duration
        think = args.think_ms / 1000
        runners = [
            asyncio.create_task(run_user(api, u, stats, stop, think, random.Random(args.seed + n)))
            for n, u in enumerate(users)
        ]
        await asyncio.sleep(args.warmup)
        stats.counting = True
        measured_from = time.monotonic()
        await asyncio.gather(*runners)
        seconds = time.monotonic() - measured_from

    result = report(stats, seconds, args)
    print(json.dumps(result, indent=2))
    print()
    print(markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
