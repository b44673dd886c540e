"""Load test (issue 9): simulated users against the running stack (`make run`); not a test.

Each simulated user signs up through Better Auth, takes a Bearer JWT and, for --duration
seconds, runs a closed loop (the next request as soon as the last answered, plus an
optional --think-ms pause; with --rate R each user instead starts a request every users/R
seconds, or as soon as its last answer came if that was later) of a weighted mix: list
40 %, create 20 %, update 15 %, complete 10 %, search 10 %, chat 5 % (--mix for another).
Every user starts with a few tasks of their own; update and complete pick one of those the
user still has open.

Paths: --via frontend (default) goes through http://localhost:3000, the public API (Next.js
route handler → the frontend's sidecar → mTLS → the service's sidecar → the app);
--via sidecar skips Next.js and calls the frontend's sidecar directly (127.0.0.1:3500, with
its API token) the way the route handler does.

Users are signed up and seeded with asyncio and httpx; the requests are then sent by the
load generator in scripts/loadgen.py (Locust's FastHttpUser run headless in a child
process, far cheaper per request than httpx on the two cores the stack runs on).

Prints one JSON object (per operation: count, req/s, p50/p95/p99 ms, errors and error rate;
overall req/s; the load generator's CPU per request; CPU seconds per part of the stack, e.g.
task-service or its daprd, while the load ran, from /proc, and per request) and then the
same as Markdown tables.

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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import loadgen  # scripts/loadgen.py, beside this file
import proccpu  # scripts/proccpu.py
from loadgen import MIX, task_body

ROOT = Path(__file__).resolve().parents[1]
FRONTEND = "http://localhost:3000"
SIDECAR = "http://127.0.0.1:3500"
TASK_OPS = ("list", "create", "update", "complete", "search")


@dataclass
class SimUser:
    token: str
    open_tasks: list[str] = field(default_factory=list)


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


async def set_up(args: argparse.Namespace, dapr_token: str) -> list[SimUser]:
    """args.users users, each signed up and given args.seed_tasks tasks of their own (created
    the way the load will go, --via)."""
    base = FRONTEND if args.via == "frontend" else SIDECAR
    extra = {"dapr-api-token": dapr_token} if args.via == "sidecar" else {}
    limits = httpx.Limits(max_connections=args.users + 20, max_keepalive_connections=args.users + 20)
    gate = asyncio.Semaphore(10)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:

        async def new_user(n: int) -> SimUser:
            async with gate:
                async with httpx.AsyncClient(timeout=30) as auth_client:
                    user = await sign_up(auth_client)
                rng = random.Random(args.seed * 1000 + n)
                headers = {**extra, "authorization": f"Bearer {user.token}"}
                for _ in range(args.seed_tasks):
                    path = loadgen.invoke_path(args.via, "/api/tasks")
                    r = await client.post(path, json=task_body(rng), headers=headers)
                    r.raise_for_status()
                    user.open_tasks.append(r.json()["id"])
                return user

        return await asyncio.gather(*(new_user(n) for n in range(args.users)))


def parse_mix(text: str) -> dict[str, float]:
    """The --mix text: op=weight pairs, comma-separated, ops from MIX."""
    mix: dict[str, float] = {}
    for part in text.split(","):
        op, _, weight = part.partition("=")
        if op not in MIX or not weight:
            raise argparse.ArgumentTypeError(f"{part!r}: want op=weight with op one of {', '.join(MIX)}")
        mix[op] = float(weight)
    return mix


def pct(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return round(ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000, 1) if ordered else 0.0


def cpu_report(before: proccpu.Snapshot, after: proccpu.Snapshot, got: dict[str, Any]) -> dict[str, Any]:
    """Where the machine's CPU went while the load generator ran (warm-up included), per
    part of the stack, in seconds and in ms per request sent."""
    parts = proccpu.used(before, after)
    # Its child process has ended by now; it counted its own CPU.
    parts["load generator"] = round(got["cpu_s"], 2)
    parts = dict(sorted(parts.items(), key=lambda kv: -kv[1]))
    sent = max(got["sent"], 1)
    return {
        "window_s": round((after.busy + after.idle - before.busy - before.idle) / (os.cpu_count() or 1), 1),
        "machine_busy": proccpu.busy_share(before, after),
        "requests_sent": got["sent"],
        "seconds_by_part": parts,
        "ms_per_request_by_part": {k: round(v / sent * 1000, 2) for k, v in parts.items()},
        "ms_per_request": round(sum(parts.values()) / sent * 1000, 2),
    }


def report(got: dict[str, Any], args: argparse.Namespace) -> dict[str, Any]:
    """What the load generator recorded (loadgen.run), summed up."""
    seconds = got["seconds"]
    operations: dict[str, Any] = {}
    for op in MIX:
        lat = got["latencies"].get(op, [])
        errors = got["errors"].get(op, 0)
        operations[op] = {
            "count": len(lat),
            "req_per_s": round(len(lat) / seconds, 1),
            "p50_ms": pct(lat, 50),
            "p95_ms": pct(lat, 95),
            "p99_ms": pct(lat, 99),
            "errors": errors,
            "error_rate": round(errors / len(lat), 4) if lat else 0.0,
        }
        if got["samples"].get(op):
            operations[op]["error_samples"] = got["samples"][op]
    total = sum(o["count"] for o in operations.values())
    errors = sum(o["errors"] for o in operations.values())
    task_p95 = max(operations[op]["p95_ms"] for op in TASK_OPS)
    return {
        "benchmark": "load: simulated users, "
        + (f"paced at {args.rate:g} req/s in all" if args.rate else "closed loop")
        + (f", think {args.think_ms} ms" if args.think_ms else "")
        + (f", mix {args.mix}" if args.mix else ""),
        "via": args.via,
        "users": args.users,
        "duration_s": round(seconds, 1),
        "machine": f"{os.cpu_count()} cores",
        "operations": operations,
        "total_requests": total,
        "req_per_s": round(total / seconds, 1),
        "errors": errors,
        "error_rate": round(errors / total, 4) if total else 0.0,
        "load_generator": {
            "what": "locust FastHttpUser, headless, one process",
            "cpu_ms_per_request": round(got["cpu_s"] / got["sent"] * 1000, 2) if got["sent"] else 0.0,
        },
        "targets": {
            "zero_errors": errors == 0,
            "task_p95_under_300_ms": task_p95 < 300,
            "at_least_300_req_per_s": total / seconds >= 300,
        },
    }


def markdown(result: dict[str, Any]) -> str:
    lines = [
        f"Load: {result['users']} users, {result['duration_s']} s, via {result['via']}: "
        f"{result['req_per_s']} req/s, {result['errors']} errors"
        + (f" (machine speed probe {result['machine_speed_ms']} ms)" if "machine_speed_ms" in result else ""),
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
    cpu = result["cpu"]
    lines += [
        "",
        f"CPU while the load ran ({cpu['window_s']:.0f} s with the warm-up, machine "
        f"{cpu['machine_busy']:.0%} busy, {cpu['requests_sent']} requests):",
        "",
        "| part | CPU s | ms per request |",
        "|---|---:|---:|",
    ]
    for part, seconds in cpu["seconds_by_part"].items():
        if seconds >= 0.05:
            lines.append(f"| {part} | {seconds} | {cpu['ms_per_request_by_part'][part]} |")
    lines.append(
        f"| **all of these** | {round(sum(cpu['seconds_by_part'].values()), 1)} | {cpu['ms_per_request']} |"
    )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--duration", type=float, default=60, help="measured seconds")
    parser.add_argument("--warmup", type=float, default=5, help="seconds run first and not counted")
    parser.add_argument("--via", choices=("frontend", "sidecar"), default="frontend")
    parser.add_argument("--think-ms", type=float, default=0, help="mean pause between a user's requests")
    parser.add_argument(
        "--rate",
        type=float,
        default=0,
        help="requests a second offered by all users together (each user starts one every "
        "users/rate s, later only when its last answer came later): an open loop per user",
    )
    parser.add_argument("--seed-tasks", type=int, default=5, help="tasks each user starts with")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--mix",
        type=parse_mix,
        default=None,
        help="another mix, e.g. list=1 (only lists) or list=3,search=1; default the issue's",
    )
    args = parser.parse_args()

    secrets = json.loads((ROOT / ".run" / "secrets.json").read_text())
    started = time.monotonic()
    users = asyncio.run(set_up(args, secrets["dapr-api-token"]))
    print(f"{len(users)} users signed up and seeded in {time.monotonic() - started:.1f} s", file=sys.stderr)

    speed = proccpu.machine_speed_ms()  # before the load, on the idle stack
    before = proccpu.snapshot()
    got = loadgen.run(
        {
            "scenario": "mix",
            "via": args.via,
            "host": FRONTEND if args.via == "frontend" else SIDECAR,
            "headers": {"dapr-api-token": secrets["dapr-api-token"]} if args.via == "sidecar" else {},
            "users": [{"token": u.token, "open_tasks": u.open_tasks} for u in users],
            "warmup": args.warmup,
            "duration": args.duration,
            "think_ms": args.think_ms,
            "rate": args.rate,
            "seed": args.seed,
            "mix": args.mix,
        }
    )
    after = proccpu.snapshot()
    result = report(got, args)
    result["machine_speed_ms"] = speed
    result["cpu"] = cpu_report(before, after, got)
    print(json.dumps(result, indent=2))
    print()
    print(markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
