"""A background writer through the public API: creates, updates and completes tasks (some
recurring, some with a reminder a few seconds from now) and now and then asks the
assistant, and remembers every 201 it got."""

import asyncio
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from tests.integration.conftest import User


def _iso(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass
class Writer:
    user: User
    created: dict[str, dict[str, Any]] = field(default_factory=dict)  # every 201: id -> task
    plain_open: list[str] = field(default_factory=list)
    recurring_open: list[str] = field(default_factory=list)
    reminders: dict[str, str] = field(default_factory=dict)  # task id -> remind_at set
    recurring_completed: set[str] = field(default_factory=set)
    answers: Counter[str] = field(default_factory=Counter)
    _stop: asyncio.Event = field(default_factory=asyncio.Event)
    _task: asyncio.Task[None] | None = None
    _rng: random.Random = field(default_factory=lambda: random.Random(7))

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        self._stop.set()
        assert self._task is not None
        await self._task

    async def _run(self) -> None:
        step = 0
        while not self._stop.is_set():
            await self._step(step)
            step += 1
            await asyncio.sleep(0.05)

    async def _call(self, op: str, method: str, path: str, **kwargs: Any) -> httpx.Response | None:
        try:
            r = await self.user.client.request(method, path, timeout=15, **kwargs)
        except httpx.HTTPError as exc:
            self.answers[f"{op} {type(exc).__name__}"] += 1
            return None
        self.answers[f"{op} {r.status_code}"] += 1
        return r

    async def _create(self, op: str, body: dict[str, Any]) -> str | None:
        r = await self._call(op, "POST", "/api/tasks", json=body)
        if r is None or r.status_code != 201:
            return None
        task = r.json()
        self.created[task["id"]] = task
        return str(task["id"])

    async def _step(self, step: int) -> None:
        now = datetime.now(UTC)
        due = _iso(now + timedelta(hours=1))
        match step % 5:
            case 0:
                if task_id := await self._create("create", {"title": f"chaos {step}", "due_at": due}):
                    self.plain_open.append(task_id)
            case 1:
                remind_at = _iso(now + timedelta(seconds=2))
                body = {"title": f"remind {step}", "due_at": due, "remind_at": remind_at}
                if task_id := await self._create("create+reminder", body):
                    self.reminders[task_id] = remind_at
            case 2:
                body = {"title": f"daily {step}", "rrule": "daily", "due_at": due}
                if task_id := await self._create("create recurring", body):
                    self.recurring_open.append(task_id)
            case 3:
                if self.created:
                    task_id = self._rng.choice(list(self.created))
                    priority = self._rng.choice(["VERY_IMPORTANT", "HIGH", "MEDIUM", "LOW"])
                    await self._call("update", "PATCH", f"/api/tasks/{task_id}", json={"priority": priority})
            case 4:
                if self.plain_open:
                    r = await self._call("complete", "POST", f"/api/tasks/{self.plain_open[0]}/complete")
                    if r is not None and r.status_code == 200:
                        self.plain_open.pop(0)
                if self.recurring_open:
                    task_id = self.recurring_open[0]
                    r = await self._call("complete recurring", "POST", f"/api/tasks/{task_id}/complete")
                    if r is not None and r.status_code == 200:
                        self.recurring_completed.add(self.recurring_open.pop(0))
                if step % 20 == 4:
                    await self._call(
                        "chat", "POST", "/api/chat", json={"message": f"add a task call the bank {step}"}
                    )

    def summary(self) -> str:
        return ", ".join(f"{k}: {v}" for k, v in sorted(self.answers.items()))
