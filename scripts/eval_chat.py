#!/usr/bin/env python3
"""Runs the chat evaluation set against the running stack, through the public API only,
as ../shared/chat-eval/README.md describes: a new user per case, setup through
POST /api/tasks, the case's messages in one conversation with its timezone, then every
expectation judged on GET /api/tasks?status=all and on the last reply.

    .venv/bin/python scripts/eval_chat.py [cases.jsonl] [--min-score 0.95] [--base URL]

Prints one line per case and the score; exits 1 below --min-score."""

import argparse
import asyncio
import json
import re
import sys
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CASES = ROOT.parent / "shared" / "chat-eval" / "dev.jsonl"
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass
class Outcome:
    case_id: str
    failures: list[str] = field(default_factory=list)
    replies: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def passed(self) -> bool:
        return not self.failures and self.error is None


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


def _due_matches(task: dict[str, Any], want: Any, zone: ZoneInfo, today: date) -> bool:
    due = _time(task.get("due_at"))
    if want == "none":
        return due is None
    if due is None:
        return False
    local = due.astimezone(zone)
    if "days_from_today" in want and local.date() != today + timedelta(days=int(want["days_from_today"])):
        return False
    if "weekday" in want:
        target = WEEKDAYS.index(want["weekday"].upper())
        ahead = (target - today.weekday()) % 7 or 7
        if local.date() != today + timedelta(days=ahead):
            return False
    return not ("time" in want and local.strftime("%H:%M") != want["time"])


def _rrule_has(rrule: str | None, parts: list[str]) -> bool:
    if not rrule:
        return False
    have = dict(p.split("=", 1) for p in rrule.upper().split(";") if "=" in p)
    for part in parts:
        name, _, value = part.upper().partition("=")
        if name not in have:
            return False
        if name == "BYDAY":
            if set(have[name].split(",")) != set(value.split(",")):
                return False
        elif have[name] != value:
            return False
    return True


def matches(task: dict[str, Any], m: dict[str, Any], zone: ZoneInfo, today: date) -> bool:
    title = str(task.get("title", "")).lower()
    checks = {
        "title_contains": lambda v: v.lower() in title,
        "title_not_contains": lambda v: v.lower() not in title,
        "priority": lambda v: task.get("priority") == v,
        "tags_include": lambda v: {t.lower() for t in v} <= {t.lower() for t in task.get("tags", [])},
        "completed": lambda v: task.get("completed") == v,
        "is_recurring": lambda v: task.get("is_recurring") == v,
        "rrule_has": lambda v: _rrule_has(task.get("rrule"), v),
        "due": lambda v: _due_matches(task, v, zone, today),
        "remind_minutes_before_due": lambda v: _reminder(task) == v,
    }
    for key, want in m.items():
        if key not in checks:
            raise ValueError(f"unknown matcher {key}")
        if not checks[key](want):
            return False
    return True


def _reminder(task: dict[str, Any]) -> int | None:
    due, remind = _time(task.get("due_at")), _time(task.get("remind_at"))
    return None if due is None or remind is None else int((due - remind).total_seconds() // 60)


def _snapshot(tasks: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return sorted((t["id"], t["version"]) for t in tasks)


async def sign_up(base: str) -> str:
    """A new user's JWT; waits out a stack that is (re)starting."""
    for attempt in range(30):
        email = f"eval-{uuid.uuid4().hex[:12]}@example.com"
        try:
            async with httpx.AsyncClient(base_url=base, timeout=30, headers={"origin": base}) as client:
                r = await client.post(
                    "/api/auth/sign-up/email",
                    json={"name": "Eval", "email": email, "password": "eval-pass-word-1"},
                )
                r.raise_for_status()
                r = await client.get("/api/auth/token")
                r.raise_for_status()
                return str(r.json()["token"])
        except httpx.HTTPError:
            if attempt == 29:
                raise
            await asyncio.sleep(2)
    raise AssertionError("unreachable")


async def _all_tasks(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    tasks: list[dict[str, Any]] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"status": "all", "limit": 100}
        if cursor:
            params["cursor"] = cursor
        r = await client.get("/api/tasks", params=params)
        r.raise_for_status()
        page = r.json()
        tasks += page["items"]
        cursor = page.get("next_cursor")
        if not cursor:
            return tasks


async def _post(client: httpx.AsyncClient, path: str, body: dict[str, Any]) -> httpx.Response:
    """POST, waiting out a stack restart (503 or refused connections) for up to a minute."""
    for _ in range(30):
        try:
            r = await client.post(path, json=body)
        except httpx.TransportError:
            await asyncio.sleep(2)
            continue
        if r.status_code != 503:
            return r
        await asyncio.sleep(2)
    return r


async def run_case(base: str, case: dict[str, Any]) -> Outcome:
    outcome = Outcome(case["id"])
    zone = ZoneInfo(case.get("timezone", "UTC"))
    try:
        token = await sign_up(base)
        headers = {"authorization": f"Bearer {token}"}
        async with httpx.AsyncClient(base_url=base, timeout=60, headers=headers) as client:
            for task in case.get("setup", []):
                r = await _post(client, "/api/tasks", task)
                if r.status_code != 201:
                    raise RuntimeError(f"setup failed: {r.status_code} {r.text[:200]}")
            before = _snapshot(await _all_tasks(client))
            conversation_id = None
            for message in case["say"]:
                body: dict[str, Any] = {"message": message, "timezone": case.get("timezone", "UTC")}
                if conversation_id:
                    body["conversation_id"] = conversation_id
                r = await _post(client, "/api/chat", body)
                if r.status_code != 200:
                    raise RuntimeError(f"chat failed: {r.status_code} {r.text[:200]}")
                conversation_id = r.json()["conversation_id"]
                outcome.replies.append(r.json()["reply"])
            tasks = await _all_tasks(client)
    except Exception as exc:
        outcome.error = str(exc) or type(exc).__name__
        return outcome
    today = datetime.now(zone).date()
    reply = outcome.replies[-1] if outcome.replies else ""
    for expect in case["expect"]:
        ok = True
        if "task" in expect:
            ok = any(matches(t, expect["task"], zone, today) for t in tasks)
        elif "no_task" in expect:
            ok = not any(matches(t, expect["no_task"], zone, today) for t in tasks)
        elif "count" in expect:
            ok = sum(matches(t, expect["count"], zone, today) for t in tasks) == expect["equals"]
        elif "reply_matches" in expect:
            ok = re.search(expect["reply_matches"], reply, re.IGNORECASE) is not None
        elif "no_change" in expect:
            ok = _snapshot(tasks) == before
        if not ok:
            outcome.failures.append(json.dumps(expect))
    return outcome


async def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("cases", nargs="?", default=str(DEFAULT_CASES))
    parser.add_argument("--base", default="http://localhost:3000")
    parser.add_argument("--min-score", type=float, default=0.95)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("-v", "--verbose", action="store_true", help="print the replies of every case")
    args = parser.parse_args()
    lines = await asyncio.to_thread(Path(args.cases).read_text)
    cases = [json.loads(line) for line in lines.splitlines() if line.strip()]
    gate = asyncio.Semaphore(args.concurrency)

    async def bounded(case: dict[str, Any]) -> Outcome:
        async with gate:
            return await run_case(args.base, case)

    outcomes = await asyncio.gather(*(bounded(c) for c in cases))
    for outcome in outcomes:
        status = "PASS" if outcome.passed else "FAIL"
        print(f"{status}  {outcome.case_id}")
        if not outcome.passed or args.verbose:
            for reply in outcome.replies:
                print(f"        reply: {reply!r}")
            for failure in outcome.failures:
                print(f"        failed: {failure}")
            if outcome.error:
                print(f"        error: {outcome.error}")
    passed = sum(o.passed for o in outcomes)
    score = passed / len(outcomes) if outcomes else 0.0
    print(f"\nscore: {passed}/{len(outcomes)} = {score:.1%}")
    return 0 if score >= args.min_score else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
