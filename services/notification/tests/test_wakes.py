"""On-time reminders between cron ticks (wakes.py): after each scan a Dapr job is planned at
each second a reminder comes due before the next tick, and when it fires the scan runs then.
task-service, the jobs API and the clock are faked; the routes run in process."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from httpx import ASGITransport, AsyncClient
from notification_service.adapters.store import NotificationStore
from notification_service.app import app
from notification_service.deps import get_scan, get_snoozes, get_wakes
from notification_service.domain.reminders import (
    DueReminder,
    wake_at,
    wake_job_name,
    wake_time,
)
from notification_service.scan import ReminderScan
from notification_service.settings import NotificationSettings
from notification_service.wakes import WAKE_MAX_RETRIES, WAKE_RETRY_SECONDS, ReminderWakes
from todo_common.events import TaskEvent

if TYPE_CHECKING:
    from conftest import FakeDapr

ROOT = Path(__file__).resolve().parents[3]
NOW = datetime(2026, 11, 28, 9, 0, 0, 250000, tzinfo=UTC)


# -- the pure part -------------------------------------------------------------------------------
def test_a_wake_is_the_whole_second_at_or_after_the_reminder() -> None:
    exact = datetime(2026, 11, 28, 9, 0, 30, tzinfo=UTC)
    assert wake_at(exact) == exact
    assert wake_at(exact + timedelta(microseconds=1)) == exact + timedelta(seconds=1)
    assert wake_at(exact - timedelta(microseconds=999_999)) == exact
    # Any zone in, UTC out.
    paris = exact.astimezone(datetime.fromisoformat("2026-11-28T10:00:30+01:00").tzinfo)
    assert wake_at(paris) == exact and wake_at(paris).tzinfo == UTC


def test_one_job_name_per_second_and_back() -> None:
    at = datetime(2026, 11, 28, 9, 0, 30, tzinfo=UTC)
    name = wake_job_name(at)
    assert name == "reminder-wake-20261128T090030Z"
    assert wake_time(name) == at
    assert wake_job_name(at + timedelta(seconds=1)) != name
    for other in (
        "snooze-3f2a",
        "reminder-wake-",
        "reminder-wake-tomorrow",
        "reminder-wake-20261328T090030Z",
    ):
        assert wake_time(other) is None, other


def test_the_default_lookahead_covers_the_local_cron_period() -> None:
    component = yaml.safe_load((ROOT / "components" / "reminder-cron.yaml").read_text())
    schedule = next(m["value"] for m in component["spec"]["metadata"] if m["name"] == "schedule")
    assert schedule.startswith("@every ") and schedule.endswith("s")
    period = int(schedule.removeprefix("@every ").removesuffix("s"))
    assert NotificationSettings.model_fields["reminder_lookahead_seconds"].default > period


# -- the service ---------------------------------------------------------------------------------
@dataclass
class FakeTasks:
    upcoming_times: list[datetime] = field(default_factory=list)
    pending: list[DueReminder] = field(default_factory=list)
    asked: list[tuple[int, int]] = field(default_factory=list)
    fail: bool = False

    async def upcoming(self, within_seconds: int, limit: int) -> list[datetime]:
        if self.fail:
            raise RuntimeError("task-service unavailable")
        self.asked.append((within_seconds, limit))
        return self.upcoming_times

    async def due(self, limit: int) -> list[DueReminder]:
        if self.fail:
            raise RuntimeError("task-service unavailable")
        return self.pending[:limit]

    async def mark_sent(self, task_id: str, remind_at: datetime, user_id: str) -> bool:
        self.pending = [r for r in self.pending if (r.task_id, r.remind_at) != (task_id, remind_at)]
        return True


@dataclass
class FakeJobs:
    scheduled: list[dict[str, Any]] = field(default_factory=list)
    fail: bool = False

    async def schedule_job(self, name: str, **kwargs: Any) -> None:
        if self.fail:
            raise RuntimeError("scheduler unreachable")
        self.scheduled.append({"name": name, **kwargs})


class Published(list[TaskEvent]):
    async def __call__(self, event: TaskEvent) -> None:
        self.append(event)


@dataclass
class World:
    tasks: FakeTasks
    jobs: FakeJobs
    store: NotificationStore
    scan: ReminderScan
    wakes: ReminderWakes
    clock: list[datetime]


@pytest.fixture
def world(dapr: FakeDapr) -> World:
    tasks, jobs, clock = FakeTasks(), FakeJobs(), [NOW]
    store = NotificationStore(dapr)  # type: ignore[arg-type]
    scan = ReminderScan(tasks, store, Published(), clock=lambda: clock[0])
    return World(
        tasks, jobs, store, scan, ReminderWakes(tasks, jobs, scan, 45, clock=lambda: clock[0]), clock
    )


async def test_plan_schedules_one_replaceable_job_per_second(world: World) -> None:
    second = NOW.replace(microsecond=0) + timedelta(seconds=10)
    world.tasks.upcoming_times = [
        second - timedelta(microseconds=500),  # rounds up to `second`
        second,
        second + timedelta(seconds=20),
    ]
    assert await world.wakes.plan() == 2
    assert world.tasks.asked == [(45, 1000)]
    assert world.jobs.scheduled == [
        {
            "name": wake_job_name(at),
            "due_time": at.isoformat().replace("+00:00", "Z"),
            "data": {},
            "overwrite": True,
            "retry_interval_seconds": WAKE_RETRY_SECONDS,
            "max_retries": WAKE_MAX_RETRIES,
        }
        for at in (second, second + timedelta(seconds=20))
    ]
    # Planned again at the next tick (or by a second replica): the same names, replaced.
    await world.wakes.plan()
    assert [j["name"] for j in world.jobs.scheduled[2:]] == [j["name"] for j in world.jobs.scheduled[:2]]


async def test_nothing_upcoming_schedules_nothing(world: World) -> None:
    assert await world.wakes.plan() == 0
    assert world.jobs.scheduled == []


async def test_a_wake_sends_the_reminder_due_then_once(world: World) -> None:
    at = NOW.replace(microsecond=0) + timedelta(seconds=1)
    world.tasks.pending = [DueReminder("t1", "ada", "Call the bank", None, at)]
    world.clock[0] = at
    result = await world.wakes.wake(at)
    assert (result.due, result.notified) == (1, 1)
    assert len(await world.store.index("ada")) == 1
    # Redelivered: nothing more.
    assert (await world.wakes.wake(at)).notified == 0
    assert len(await world.store.index("ada")) == 1


async def test_a_wake_delivered_early_waits_for_its_second(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    monkeypatch.setattr("notification_service.wakes.asyncio.sleep", sleep)
    await world.wakes.wake(NOW + timedelta(seconds=0.5))
    await world.wakes.wake(NOW + timedelta(seconds=30))  # never more than the cap
    await world.wakes.wake(NOW - timedelta(seconds=3))  # late: no wait
    assert slept == [0.5, 2.0]


# -- the routes ----------------------------------------------------------------------------------
@pytest.fixture
async def routes(world: World) -> AsyncIterator[World]:
    app.dependency_overrides[get_scan] = lambda: world.scan
    app.dependency_overrides[get_wakes] = lambda: world.wakes
    app.dependency_overrides[get_snoozes] = lambda: None  # no snooze job in these tests
    yield world
    app.dependency_overrides.clear()


def sidecar() -> AsyncClient:
    headers = {"dapr-api-token": os.environ["APP_API_TOKEN"]}
    return AsyncClient(transport=ASGITransport(app=app), base_url="http://test", headers=headers)


async def test_each_cron_tick_plans_the_wakes_before_the_next(routes: World) -> None:
    routes.tasks.upcoming_times = [NOW + timedelta(seconds=10)]
    async with sidecar() as client:
        r = await client.post("/reminder-cron")
    assert r.status_code == 200 and r.json()["wakes"] == 1
    assert len(routes.jobs.scheduled) == 1


async def test_a_tick_whose_planning_fails_still_answers_200(routes: World) -> None:
    routes.tasks.upcoming_times = [NOW + timedelta(seconds=10)]
    routes.jobs.fail = True
    async with sidecar() as client:
        r = await client.post("/reminder-cron")
    # The scan ran; the reminder will be sent at the next tick instead.
    assert r.status_code == 200 and r.json()["wakes"] is None


async def test_the_wake_job_route(routes: World) -> None:
    at = NOW.replace(microsecond=0) - timedelta(seconds=1)
    routes.tasks.pending = [DueReminder("t1", "ada", "Call the bank", None, at)]
    async with sidecar() as client:
        r = await client.post(f"/job/{wake_job_name(at)}", json={})
        assert r.status_code == 200 and r.json() == {"status": "ok", "notified": 1}
        assert (await client.post(f"/job/{wake_job_name(at)}", json={})).json()["notified"] == 0
        # task-service unreachable: 503, so the scheduler retries the wake.
        routes.tasks.fail = True
        assert (await client.post(f"/job/{wake_job_name(at)}", json={})).status_code == 503
        # Only the sidecar may deliver jobs.
        r = await client.post(f"/job/{wake_job_name(at)}", json={}, headers={"dapr-api-token": "x"})
        assert r.status_code == 401
