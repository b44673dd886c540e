"""The benchmarks' load generator: Locust (`FastHttpUser`, geventhttpclient) run headless in
a child process. Shared by scripts/bench_load.py and scripts/bench_tasks.py.

The benchmark scripts sign their users up with asyncio and httpx first, then call `run()`
with a plan (JSON: where to send, one account and Bearer JWT per simulated user, what to
do). `run()` starts `python scripts/loadgen.py PLAN RESULT` and waits for it. The child
imports Locust, which monkey-patches the process for gevent, so gevent never shares a
process with asyncio. It records every request's latency itself (locust's own percentiles
are bucketed) and writes them to RESULT.

Two scenarios:
- "mix": a closed loop per user for warm-up + duration seconds (the next request as soon as
  the last answered, plus an optional exponential think time; or with "rate", paced as
  below) over the weighted MIX below (or the plan's own "mix");
  update and complete pick one of the user's own open tasks. Requests that finish during
  the warm-up are not counted.
- "requests": `requests` requests of one kind (method, path, optional params, one JSON body
  per request), taken in turn by len(users) users until none are left; as fast as the
  answers come (closed loop), or with "rate" at that many requests a second (open loop).
  Optionally one query-string dict per request ("queries") and one label per request
  ("labels": the latencies are recorded under it instead of "op").

Each user has its own HTTP connection, as each client of the asyncio drivers had.
"""

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

MIX = {"list": 40, "create": 20, "update": 15, "complete": 10, "search": 10, "chat": 5}
WORDS = ["groceries", "invoice", "dentist", "report", "garden", "passport", "laundry", "taxes", "gym"]
PRIORITIES = ["VERY_IMPORTANT", "HIGH", "MEDIUM", "LOW"]
CHAT = [
    "add buy {w} tomorrow at 9am",
    "show my tasks",
    "what is due this week?",
    "add call about the {w} on friday, high priority",
]


def task_body(rng: random.Random) -> dict[str, Any]:
    return {
        "title": f"{rng.choice(WORDS)} {rng.randrange(10_000)}",
        "priority": rng.choice(PRIORITIES),
        "tags": rng.sample(["Work", "Personal", "Health", "Finance"], k=rng.randrange(3)),
    }


def invoke_path(via: str, path: str) -> str:
    """A public API path as sent to the frontend (itself) or to the frontend's sidecar (the
    invoke API of the service that owns it, as the frontend's route handler calls it)."""
    if via == "frontend":
        return path
    app = "chat-service" if path.startswith("/api/chat") else "task-service"
    return f"/v1.0/invoke/{app}/method{path}"


def run(plan: dict[str, Any]) -> dict[str, Any]:
    """Runs `plan` in a Locust child process and returns what it recorded: per operation the
    latencies in seconds ("latencies"), "errors" and a few "samples" of them; "seconds"
    measured; "sent" (every request, counted or not); the child's CPU seconds while its
    users ran ("cpu_s") and in all, start-up included ("process_cpu_s")."""
    with tempfile.TemporaryDirectory(prefix="loadgen-") as tmp:
        plan_file, result_file = Path(tmp, "plan.json"), Path(tmp, "result.json")
        plan_file.write_text(json.dumps(plan))
        before = os.times()
        subprocess.run([sys.executable, __file__, str(plan_file), str(result_file)], check=True)
        after = os.times()
        result: dict[str, Any] = json.loads(result_file.read_text())
    result["process_cpu_s"] = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return result


def _child(plan: dict[str, Any]) -> dict[str, Any]:
    """The Locust side; runs only in the child process (importing locust patches it)."""
    import itertools

    from locust import FastHttpUser, events, task
    from locust.contrib.fasthttp import FastResponse
    from locust.env import Environment
    from locust.exception import StopUser

    latencies: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    samples: dict[str, list[str]] = {}
    sent = 0
    accounts = itertools.count()
    numbers = itertools.count()  # request numbers, for the "requests" scenario
    scenario = plan["scenario"]
    mix = plan.get("mix") or MIX
    think = plan.get("think_ms", 0) / 1000
    # "rate" (requests a second, all users together) paces either scenario: each user starts
    # a request every users/rate seconds, and only falls behind that schedule when its last
    # answer took longer (at most len(users) requests in flight).
    pace = len(plan["users"]) / plan["rate"] if plan.get("rate") else 0.0
    common = dict(plan.get("headers", {}))
    counting_from = stop = 0.0  # set when the users start

    def record(op: str, seconds: float, error: str | None) -> None:
        if time.monotonic() < counting_from:
            return
        latencies.setdefault(op, []).append(seconds)
        if error:
            errors[op] = errors.get(op, 0) + 1
            if len(samples.setdefault(op, [])) < 3:
                samples[op].append(error)

    def problem(r: FastResponse) -> str | None:
        if r.status_code == 0:  # no answer: connection refused or reset, timeout
            error = getattr(r, "error", None)
            return f"{type(error).__name__}: {error}"
        if r.status_code >= 400:
            return f"{r.status_code} {(r.content or b'')[:120].decode(errors='replace')}"
        return None

    class SimUser(FastHttpUser):
        host = plan["host"]
        network_timeout = 30.0
        connection_timeout = 30.0

        def on_start(self) -> None:
            n = next(accounts)
            account = plan["users"][n]
            self.open_tasks: list[str] = list(account.get("open_tasks", []))
            self.rng = random.Random(plan.get("seed", 0) + n)
            self.headers = {**common, "authorization": f"Bearer {account['token']}"}
            # Paced users start spread over one interval, not all at once.
            self.next_start = time.monotonic() + self.rng.uniform(0, pace)
            if pace:
                time.sleep(self.next_start - time.monotonic())

        def wait_time(self) -> float:
            if pace:  # open loop: this user starts a request every `pace` seconds
                self.next_start = max(self.next_start + pace, time.monotonic())
                return max(0.0, self.next_start - time.monotonic())
            return self.rng.expovariate(1 / think) if think else 0.0

        def send(self, method: str, path: str, **kwargs: Any) -> FastResponse:
            nonlocal sent
            sent += 1
            r: FastResponse = self.client.request(method, path, headers=self.headers, **kwargs)
            return r

        @task
        def step(self) -> None:
            if scenario == "requests":
                self.one_of_n()
            else:
                self.one_of_mix()

        def one_of_n(self) -> None:
            i = next(numbers)
            if i >= plan["requests"]:
                raise StopUser()
            bodies, queries, labels = plan.get("bodies"), plan.get("queries"), plan.get("labels")
            begun = time.perf_counter()
            try:
                r = self.send(
                    plan["method"],
                    plan["path"],
                    params=queries[i] if queries else plan.get("params"),
                    json=bodies[i] if bodies else None,
                )
                error = problem(r)
            except Exception as exc:
                error = f"{type(exc).__name__}: {exc}"
            record(labels[i] if labels else plan["op"], time.perf_counter() - begun, error)

        def one_of_mix(self) -> None:
            if time.monotonic() >= stop:
                raise StopUser()
            op = self.rng.choices(list(mix), list(mix.values()))[0]
            begun = time.perf_counter()
            try:
                error = problem(self.mix_request(op))
            except Exception as exc:
                error = f"{type(exc).__name__}: {exc}"
            record(op, time.perf_counter() - begun, error)

        def mix_request(self, op: str) -> FastResponse:
            rng, via = self.rng, plan["via"]
            if op in ("update", "complete") and not self.open_tasks:
                op = "create"
            if op == "list":
                return self.send("GET", invoke_path(via, "/api/tasks"), params={"limit": 50})
            if op == "search":
                return self.send("GET", invoke_path(via, "/api/tasks"), params={"search": rng.choice(WORDS)})
            if op == "create":
                r = self.send("POST", invoke_path(via, "/api/tasks"), json=task_body(rng))
                if r.status_code == 201:
                    self.open_tasks.append(json.loads(r.content or b"{}")["id"])
                return r
            if op == "update":
                task_id = rng.choice(self.open_tasks)
                body = {
                    "title": f"{rng.choice(WORDS)} {rng.randrange(10_000)}",
                    "priority": rng.choice(PRIORITIES),
                }
                return self.send("PATCH", invoke_path(via, f"/api/tasks/{task_id}"), json=body)
            if op == "complete":
                task_id = self.open_tasks.pop(rng.randrange(len(self.open_tasks)))
                return self.send("POST", invoke_path(via, f"/api/tasks/{task_id}/complete"))
            message = rng.choice(CHAT).format(w=rng.choice(WORDS))
            return self.send(
                "POST", invoke_path(via, "/api/chat"), json={"message": message, "timezone": "Europe/Berlin"}
            )

    users = len(plan["users"])
    env = Environment(user_classes=[SimUser], events=events)
    runner = env.create_local_runner()
    cpu_before = os.times()
    counting_from = time.monotonic() + plan.get("warmup", 0)
    stop = counting_from + plan.get("duration", 0)
    runner.start(users, spawn_rate=users)
    assert runner.spawning_greenlet is not None
    runner.spawning_greenlet.join()
    runner.user_greenlets.join()
    ended = time.monotonic()
    cpu_after = os.times()
    runner.quit()
    return {
        "latencies": latencies,
        "errors": errors,
        "samples": samples,
        "seconds": ended - counting_from,
        "sent": sent,
        "cpu_s": (cpu_after.user - cpu_before.user) + (cpu_after.system - cpu_before.system),
    }


if __name__ == "__main__":
    plan_path, result_path = sys.argv[1:3]
    Path(result_path).write_text(json.dumps(_child(json.loads(Path(plan_path).read_text()))))
