"""Snooze: until when (validation), the job (name, data), the notification it brings back
(id, text, event), the service with its neighbours faked and the state store emulated, and
the two routes in process (POST /api/notifications/{id}/snooze, POST /job/{name})."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any
from uuid import UUID, uuid5

import pytest
from fastapi import Request
from httpx import ASGITransport, AsyncClient
from notification_service.adapters.store import NotificationNotFound, NotificationStore
from notification_service.adapters.tasks import TaskState
from notification_service.app import app
from notification_service.deps import get_snoozes, get_store, get_wakes
from notification_service.domain.reminders import (
    SNOOZE_NAMESPACE,
    DueReminder,
    iso,
    new_notification,
    reminder_event,
    reminder_id,
    snoozed_reminder_id,
)
from notification_service.domain.snooze import MAX_MINUTES, SnoozeInvalid, SnoozeJob, job_name, snoozed_until
from notification_service.scan import ReminderScan
from notification_service.snooze import JOB_MAX_RETRIES, JOB_RETRY_SECONDS, Fired, Snoozes
from todo_common.auth import AuthenticatedUser
from todo_common.deps import current_user
from todo_common.events import TaskEvent

if TYPE_CHECKING:
    from conftest import FakeDapr

NOW = datetime(2026, 11, 27, 15, 35, 0, tzinfo=UTC)
TASK = "0b4b8e36-3c1e-4d7e-9a55-1f2f0f3b9a10"
ORIGINAL = reminder_id(TASK, NOW - timedelta(minutes=5))
UNTIL = NOW + timedelta(minutes=10)


# -- until when -------------------------------------------------------------------------------
def test_minutes_from_now() -> None:
    assert snoozed_until(10, None, NOW) == NOW + timedelta(minutes=10)
    assert snoozed_until(1, None, NOW) == NOW + timedelta(minutes=1)
    assert snoozed_until(MAX_MINUTES, None, NOW) == NOW + timedelta(days=7)


def test_minutes_end_at_the_start_of_the_minute_the_web_shows() -> None:
    # User test: "10 minutes" at 6:26:40 said "Snoozed until 6:36 AM" and came back at 6:36:40,
    # 25-50 s after the minute shown. Now at 6:37:00: the start of a minute, at least 10 minutes on.
    clicked = datetime(2026, 11, 27, 6, 26, 40, 512_000, tzinfo=UTC)
    assert snoozed_until(10, None, clicked) == datetime(2026, 11, 27, 6, 37, tzinfo=UTC)
    assert snoozed_until(60, None, clicked) == datetime(2026, 11, 27, 7, 27, tzinfo=UTC)
    # Never shorter than asked: 1 minute asked at 23:59:59.999999 is 00:01, not 00:00.
    last = datetime(2026, 11, 27, 23, 59, 59, 999_999, tzinfo=UTC)
    assert snoozed_until(1, None, last) == datetime(2026, 11, 28, 0, 1, tzinfo=UTC)
    # A chosen `until` is kept as it is, to the microsecond.
    chosen = datetime(2026, 11, 27, 15, 45, 30, 250_000, tzinfo=UTC)
    assert snoozed_until(None, "2026-11-27T15:45:30.250Z", NOW) == chosen


def test_until_any_offset_in_the_future_within_a_week() -> None:
    assert snoozed_until(None, "2026-11-27T15:45:00Z", NOW) == UNTIL
    assert snoozed_until(None, "2026-11-27T16:45:00+01:00", NOW) == UNTIL
    assert snoozed_until(None, iso(NOW + timedelta(days=7)), NOW) == NOW + timedelta(days=7)
    assert snoozed_until(None, "2026-11-27T15:35:00.000001Z", NOW).tzinfo == UTC


@pytest.mark.parametrize(
    ("minutes", "until", "fields"),
    [
        (None, None, {"minutes"}),
        (10, "2026-11-27T15:45:00Z", {"minutes", "until"}),
        (0, None, {"minutes"}),
        (MAX_MINUTES + 1, None, {"minutes"}),
        (None, "2026-11-27T15:35:00Z", {"until"}),  # now is not the future
        (None, "2026-11-27T15:34:00Z", {"until"}),
        (None, iso(NOW + timedelta(days=7, seconds=1)), {"until"}),
        (None, "2026-11-27T15:45:00", {"until"}),  # no offset: which zone?
        (None, "in ten minutes", {"until"}),
        (None, "", {"until"}),
        (None, "0001-01-01T00:30:00+01:00", {"until"}),
    ],
)
def test_invalid_snoozes_say_which_field(minutes: int | None, until: str | None, fields: set[str]) -> None:
    with pytest.raises(SnoozeInvalid) as caught:
        snoozed_until(minutes, until, NOW)
    assert set(caught.value.fields) == fields


# -- the job -----------------------------------------------------------------------------------
def stored(user: str = "ada", task: str = TASK, notification_id: str = ORIGINAL) -> dict[str, Any]:
    n = new_notification(DueReminder(task, user, "Pay rent", None, NOW - timedelta(minutes=5)), NOW)
    return {**n, "id": notification_id}


def test_one_job_per_notification_carrying_what_the_trigger_needs() -> None:
    job = SnoozeJob.of(stored(), UNTIL)
    assert job.name == job_name(ORIGINAL) == f"snooze-{ORIGINAL}"
    assert job_name(ORIGINAL) != job_name(reminder_id(TASK, NOW))
    assert job.data() == {
        "notification_id": ORIGINAL,
        "user_id": "ada",
        "task_id": TASK,
        "until": "2026-11-27T15:45:00Z",
    }
    assert SnoozeJob.from_data(job.data()) == job


@pytest.mark.parametrize(
    "data",
    [
        None,
        [],
        {"notification_id": ORIGINAL, "user_id": "ada", "task_id": TASK},
        {"notification_id": ORIGINAL, "user_id": "", "task_id": TASK, "until": "2026-11-27T15:45:00Z"},
        {"notification_id": ORIGINAL, "user_id": "ada", "task_id": 7, "until": "2026-11-27T15:45:00Z"},
        {"notification_id": ORIGINAL, "user_id": "ada", "task_id": TASK, "until": "soon"},
    ],
)
def test_job_data_not_ours_is_refused(data: Any) -> None:
    with pytest.raises(ValueError):
        SnoozeJob.from_data(data)


# -- the notification it brings back -----------------------------------------------------------
def test_snoozed_reminder_id_is_uuid5_of_the_original_and_until() -> None:
    reminder = SnoozeJob.of(stored(), UNTIL).reminder("Pay rent", None)
    expected = str(uuid5(SNOOZE_NAMESPACE, f"{ORIGINAL}|2026-11-27T15:45:00.000000+00:00"))
    assert reminder.id == snoozed_reminder_id(ORIGINAL, UNTIL) == expected
    plus_one = timezone(timedelta(hours=1))
    assert snoozed_reminder_id(ORIGINAL, UNTIL.astimezone(plus_one)) == expected
    # Neither the original's id nor that of a reminder of the task at that time; another
    # snooze (another time) of the same notification is another notification.
    assert expected not in (ORIGINAL, reminder_id(TASK, UNTIL))
    assert snoozed_reminder_id(ORIGINAL, UNTIL + timedelta(minutes=1)) != expected


def test_the_new_notification_and_its_event() -> None:
    due_at = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    reminder = SnoozeJob.of(stored(), UNTIL).reminder("Pay the rent", due_at)
    later = UNTIL + timedelta(seconds=2)
    n = new_notification(reminder, later)
    assert n == {
        "id": snoozed_reminder_id(ORIGINAL, UNTIL),
        "user_id": "ada",
        "task_id": TASK,
        "title": "Pay the rent",
        "message": "Snoozed reminder: 'Pay the rent' is due Nov 28, 2026, 9:00 AM UTC",
        "created_at": iso(later),
        "read": False,
        "remind_at": "2026-11-27T15:45:00Z",
        "due_at": "2026-11-28T09:00:00Z",
    }
    assert new_notification(SnoozeJob.of(stored(), UNTIL).reminder("Call", None), later)["message"] == (
        "Snoozed reminder: 'Call'"
    )
    event = reminder_event(reminder, later)
    assert event.event_id == UUID(n["id"]) and event.event_type.value == "reminder.due"
    assert event.payload.model_dump()["snoozed_from"] == ORIGINAL
    assert event.payload.model_dump()["notification_id"] == n["id"]
    # A due reminder's event says nothing of snoozes.
    plain = reminder_event(DueReminder(TASK, "ada", "Pay rent", None, NOW), NOW)
    assert "snoozed_from" not in plain.payload.model_dump()


# -- the service ---------------------------------------------------------------------------------
@dataclass
class FakeJobs:
    scheduled: list[dict[str, Any]] = field(default_factory=list)
    fail: bool = False

    async def schedule_job(self, name: str, **kwargs: Any) -> None:
        if self.fail:
            raise RuntimeError("scheduler unreachable")
        self.scheduled.append({"name": name, **kwargs})


@dataclass
class FakeTasks:
    tasks: dict[str, TaskState] = field(default_factory=dict)
    fail: bool = False

    async def task(self, task_id: str, user_id: str) -> TaskState | None:
        if self.fail:
            raise RuntimeError("task-service unavailable")
        return self.tasks.get(task_id)

    async def due(self, limit: int) -> list[DueReminder]:
        return []

    async def mark_sent(self, task_id: str, remind_at: datetime, user_id: str) -> bool:
        raise AssertionError("a snoozed reminder is not marked sent: the task's reminder is untouched")


class Published(list[TaskEvent]):
    async def __call__(self, event: TaskEvent) -> None:
        self.append(event)


@dataclass
class World:
    store: NotificationStore
    tasks: FakeTasks
    jobs: FakeJobs
    published: Published
    snoozes: Snoozes


@pytest.fixture
async def world(dapr: FakeDapr) -> World:
    store = NotificationStore(dapr)  # type: ignore[arg-type]
    tasks, jobs, published = (
        FakeTasks({TASK: TaskState(TASK, "Pay rent", None, False)}),
        FakeJobs(),
        Published(),
    )
    scan = ReminderScan(tasks, store, published, clock=lambda: UNTIL + timedelta(seconds=1))
    await store.record(stored())
    await store.add_to_index("ada", ORIGINAL)
    return World(store, tasks, jobs, published, Snoozes(store, tasks, jobs, scan.deliver))


async def test_snooze_schedules_one_replaceable_job_and_marks_read(world: World) -> None:
    read = await world.snoozes.snooze("ada", ORIGINAL, UNTIL, NOW)
    assert read["read"] is True and read["id"] == ORIGINAL
    assert world.jobs.scheduled == [
        {
            "name": f"snooze-{ORIGINAL}",
            "due_time": "2026-11-27T15:45:00Z",
            "data": SnoozeJob.of(stored(), UNTIL).data(),
            "overwrite": True,
            "retry_interval_seconds": JOB_RETRY_SECONDS,
            "max_retries": JOB_MAX_RETRIES,
        }
    ]
    stored_now, _ = await world.store.get(ORIGINAL)
    assert stored_now is not None and stored_now["read"] is True


async def test_snooze_of_someone_elses_or_no_notification(world: World) -> None:
    with pytest.raises(NotificationNotFound) as caught:
        await world.snoozes.snooze("bob", ORIGINAL, UNTIL, NOW)
    assert caught.value.other_user is True
    with pytest.raises(NotificationNotFound) as caught:
        await world.snoozes.snooze("ada", "nope", UNTIL, NOW)
    assert caught.value.other_user is False
    assert world.jobs.scheduled == []
    assert (await world.store.get(ORIGINAL))[0]["read"] is False  # type: ignore[index]


async def test_a_failed_schedule_leaves_the_notification_unread(world: World) -> None:
    world.jobs.fail = True
    with pytest.raises(RuntimeError):
        await world.snoozes.snooze("ada", ORIGINAL, UNTIL, NOW)
    assert (await world.store.get(ORIGINAL))[0]["read"] is False  # type: ignore[index]


async def test_the_job_brings_one_new_notification_back_however_often_it_fires(world: World) -> None:
    job = SnoozeJob.of(stored(), UNTIL)
    assert await world.snoozes.fire(job) is Fired.NOTIFIED
    assert await world.snoozes.fire(job) is Fired.REDONE
    new_id = snoozed_reminder_id(ORIGINAL, UNTIL)
    assert await world.store.index("ada") == [new_id, ORIGINAL]
    new, _ = await world.store.get(new_id)
    assert new is not None and new["read"] is False and new["task_id"] == TASK
    assert new["message"] == "Snoozed reminder: 'Pay rent'"
    # Published with the same event_id both times: one event to audit-service.
    assert [str(e.event_id) for e in world.published] == [new_id, new_id]


async def test_the_snoozed_reminder_tells_the_due_time_in_the_tasks_zone(world: World) -> None:
    due_at = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    world.tasks.tasks = {TASK: TaskState(TASK, "Pay rent", due_at, False, "America/New_York")}
    assert await world.snoozes.fire(SnoozeJob.of(stored(), UNTIL)) is Fired.NOTIFIED
    new, _ = await world.store.get(snoozed_reminder_id(ORIGINAL, UNTIL))
    assert new is not None
    assert new["message"] == "Snoozed reminder: 'Pay rent' is due Nov 28, 2026, 4:00 AM EST"
    # task-service's GET /internal/reminders/{task_id} carries the zone (null: none).
    item = {"task_id": TASK, "title": "Pay rent", "due_at": iso(due_at), "completed": False}
    assert TaskState.from_api({**item, "timezone": "America/New_York"}).timezone == "America/New_York"
    assert TaskState.from_api({**item, "timezone": None}).timezone is None
    assert TaskState.from_api(item).timezone is None


@pytest.mark.parametrize(
    "state", [None, TaskState(TASK, "Pay rent", None, True)], ids=["deleted", "completed"]
)
async def test_nothing_comes_back_for_a_task_deleted_or_completed_since(
    world: World, state: TaskState | None, caplog: pytest.LogCaptureFixture
) -> None:
    world.tasks.tasks = {TASK: state} if state else {}
    caplog.set_level("INFO", logger="notification_service.snooze")
    assert await world.snoozes.fire(SnoozeJob.of(stored(), UNTIL)) is Fired.SKIPPED
    assert await world.store.index("ada") == [ORIGINAL]
    assert world.published == []
    assert any("snoozed reminder skipped" in r.getMessage() for r in caplog.records)


async def test_a_transient_failure_raises_so_the_job_is_retried(world: World) -> None:
    world.tasks.fail = True
    with pytest.raises(RuntimeError):
        await world.snoozes.fire(SnoozeJob.of(stored(), UNTIL))
    world.tasks.fail = False
    assert await world.snoozes.fire(SnoozeJob.of(stored(), UNTIL)) is Fired.NOTIFIED


# -- the routes ----------------------------------------------------------------------------------
@pytest.fixture
async def routes(world: World) -> AsyncIterator[World]:
    async def user(request: Request) -> AuthenticatedUser:
        return AuthenticatedUser(id=request.headers["x-test-user"], email=None, name=None, token="t")

    app.dependency_overrides[current_user] = user
    app.dependency_overrides[get_store] = lambda: world.store
    app.dependency_overrides[get_snoozes] = lambda: world.snoozes
    app.dependency_overrides[get_wakes] = lambda: None  # no wake job in these tests
    yield world
    app.dependency_overrides.clear()


def client(user: str = "ada") -> AsyncClient:
    headers = {"dapr-api-token": os.environ["APP_API_TOKEN"], "x-test-user": user}
    return AsyncClient(transport=ASGITransport(app=app), base_url="http://test", headers=headers)


async def test_snooze_route_answers_the_notification_and_snoozed_until(routes: World) -> None:
    async with client() as ada:
        asked = datetime.now(UTC)
        r = await ada.post(f"/api/notifications/{ORIGINAL}/snooze", json={"minutes": 10})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["id"] == ORIGINAL and body["read"] is True and "user_id" not in body
        until = datetime.fromisoformat(body["snoozed_until"])
        assert timedelta(minutes=10) <= until - asked < timedelta(minutes=11, seconds=1)
        assert (until.second, until.microsecond) == (0, 0)
        assert routes.jobs.scheduled[-1]["due_time"] == body["snoozed_until"]

        at = iso(datetime.now(UTC) + timedelta(hours=2))
        r = await ada.post(f"/api/notifications/{ORIGINAL}/snooze", json={"until": at})
        assert r.status_code == 200 and r.json()["snoozed_until"] == at
        assert [j["name"] for j in routes.jobs.scheduled] == [f"snooze-{ORIGINAL}"] * 2
        assert (await ada.get("/api/notifications", params={"unread": "true"})).json()["items"] == []


async def test_the_list_says_until_when_a_notification_is_snoozed(routes: World) -> None:
    """After a reload the bell still knows a read reminder is snoozed, and until when: the
    list carries the latest snooze's time (null for one never snoozed)."""
    async with client() as ada:
        listed = (await ada.get("/api/notifications")).json()["items"]
        assert [(n["id"], n["snoozed_until"]) for n in listed] == [(ORIGINAL, None)]
        first = iso(datetime.now(UTC) + timedelta(hours=1))
        later = iso(datetime.now(UTC) + timedelta(hours=3))
        for until in (first, later):
            r = await ada.post(f"/api/notifications/{ORIGINAL}/snooze", json={"until": until})
            assert r.status_code == 200 and r.json()["snoozed_until"] == until
            listed = (await ada.get("/api/notifications")).json()["items"]
            assert [(n["id"], n["read"], n["snoozed_until"]) for n in listed] == [(ORIGINAL, True, until)]
        # Marked read again (another tab), it stays snoozed until the later time.
        assert (await ada.post(f"/api/notifications/{ORIGINAL}/read")).json()["snoozed_until"] == later


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "minutes"),
        ({"minutes": 0}, "minutes"),
        ({"minutes": 10081}, "minutes"),
        ({"minutes": "10"}, "minutes"),
        ({"minutes": 1.5}, "minutes"),
        ({"minutes": True}, "minutes"),
        ({"minutes": 10, "until": "2030-01-01T00:00:00Z"}, "until"),
        ({"until": "2020-01-01T00:00:00Z"}, "until"),
        ({"until": "2099-01-01T00:00:00Z"}, "until"),
        ({"until": "2026-12-01T09:00:00"}, "until"),
        ({"until": "tomorrow"}, "until"),
        ({"until": 1893456000}, "until"),
        ({"until": "x" * 65}, "until"),
        ({"minutes": 10, "later": True}, "later"),
        ({"minutes": None}, "minutes"),
        ({"minutes": 10, "until": None}, "until"),
    ],
)
async def test_snooze_route_refuses_bad_input_field_by_field(
    routes: World, body: dict[str, Any], field: str
) -> None:
    async with client() as ada:
        r = await ada.post(f"/api/notifications/{ORIGINAL}/snooze", json=body)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["code"] == "validation_error" and field in error["fields"]
    assert routes.jobs.scheduled == []


async def test_snooze_route_404_for_unknown_or_someone_elses(routes: World) -> None:
    async with client("bob") as bob:
        r = await bob.post(f"/api/notifications/{ORIGINAL}/snooze", json={"minutes": 10})
        assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
        assert (await bob.post("/api/notifications/nope/snooze", json={"minutes": 10})).status_code == 404
    assert routes.jobs.scheduled == []


async def test_snooze_route_503_when_the_scheduler_is_down(routes: World) -> None:
    from todo_common.dapr import SidecarUnavailable

    async def down(name: str, **kwargs: Any) -> None:
        raise SidecarUnavailable("scheduling job answered 500")

    routes.jobs.schedule_job = down  # type: ignore[method-assign]
    async with client() as ada:
        r = await ada.post(f"/api/notifications/{ORIGINAL}/snooze", json={"minutes": 10})
    assert r.status_code == 503 and r.json()["error"]["code"] == "unavailable"


async def test_job_route(routes: World) -> None:
    data = SnoozeJob.of(stored(), UNTIL).data()
    async with client() as sidecar:
        r = await sidecar.post(f"/job/snooze-{ORIGINAL}", json=data)
        assert r.status_code == 200 and r.json() == {"status": "notified"}
        r = await sidecar.post(f"/job/snooze-{ORIGINAL}", json=data)
        assert r.status_code == 200 and r.json() == {"status": "already_notified"}
        # Nothing it could ever do: answered 200, so that Dapr does not retry it.
        assert (await sidecar.post(f"/job/snooze-{ORIGINAL}", json={"x": 1})).json() == {
            "status": "invalid_job"
        }
        r = await sidecar.post(f"/job/snooze-{ORIGINAL}", content=b"not json")
        assert r.status_code == 200 and r.json() == {"status": "invalid_job"}
        assert (await sidecar.post("/job/cleanup", json=data)).json() == {"status": "unknown_job"}
        # A transient failure: 503, and the scheduler retries.
        routes.tasks.fail = True
        r = await sidecar.post(f"/job/snooze-{ORIGINAL}", json=data)
        assert r.status_code == 503
        # Only the sidecar may deliver jobs.
        r = await sidecar.post(f"/job/snooze-{ORIGINAL}", json=data, headers={"dapr-api-token": "x"})
        assert r.status_code == 401
    assert await routes.store.index("ada") == [snoozed_reminder_id(ORIGINAL, UNTIL), ORIGINAL]
