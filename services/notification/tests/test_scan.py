"""The reminder scan with task-service, the publisher and the outbound channel faked and the
state store emulated (FakeDapr): each reminder is recorded and counted once, whatever the
overlap, and a rerun after a crash finishes the follow-up steps."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest
from notification_service.adapters.store import (
    NotificationNotFound,
    NotificationStore,
    index_key,
    notification_key,
)
from notification_service.domain.reminders import DueReminder, iso, new_notification, reminder_id
from notification_service.scan import REMINDER_LATENESS, REMINDERS_SENT, ReminderScan
from todo_common.events import TaskEvent

if TYPE_CHECKING:
    from conftest import FakeDapr

NOW = datetime(2026, 11, 25, 9, 0, 20, tzinfo=UTC)


class FakeTasks:
    def __init__(self, reminders: list[DueReminder], fail_marks: int = 0) -> None:
        self.pending = {(r.task_id, r.remind_at): r for r in reminders}
        self.marks: list[tuple[str, datetime]] = []
        self.fail_marks = fail_marks

    async def due(self, limit: int) -> list[DueReminder]:
        await asyncio.sleep(0)
        return list(self.pending.values())[:limit]

    async def mark_sent(self, task_id: str, remind_at: datetime, user_id: str) -> bool:
        await asyncio.sleep(0)
        if self.fail_marks:
            self.fail_marks -= 1
            raise RuntimeError("task-service unavailable")
        self.marks.append((task_id, remind_at))
        self.pending.pop((task_id, remind_at), None)
        return True


class Published(list[TaskEvent]):
    async def __call__(self, event: TaskEvent) -> None:
        await asyncio.sleep(0)
        self.append(event)


class Outbox:
    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []

    async def send(self, notification: dict[str, Any]) -> bool:
        self.sent.append(notification)
        return True


def due(task: str, user: str = "u1", seconds_ago: int = 20) -> DueReminder:
    return DueReminder(task, user, f"Task {task}", None, NOW - timedelta(seconds=seconds_ago))


def sample(metric: Any) -> float:
    return float(metric.collect()[0].samples[0].value)


def lateness_count() -> float:
    samples = REMINDER_LATENESS.collect()[0].samples
    return next(s.value for s in samples if s.name.endswith("_count"))


async def test_each_due_reminder_becomes_one_notification_event_and_mark(dapr: FakeDapr) -> None:
    tasks, published, outbox = FakeTasks([due("t1"), due("t2"), due("t3", "u2")]), Published(), Outbox()
    store = NotificationStore(dapr)  # type: ignore[arg-type]
    sent_before, late_before = sample(REMINDERS_SENT), lateness_count()

    result = await ReminderScan(tasks, store, published, outbox, clock=lambda: NOW).run()

    assert (result.due, result.notified, result.failed) == (3, 3, 0)
    assert len(tasks.marks) == 3 and not tasks.pending
    assert sorted(e.task_id for e in published) == ["t1", "t2", "t3"]
    assert {str(e.event_id) for e in published} == {
        reminder_id(t, NOW - timedelta(seconds=20)) for t in ("t1", "t2", "t3")
    }
    assert len(outbox.sent) == 3
    assert sorted(await store.index("u1")) == sorted(
        reminder_id(t, NOW - timedelta(seconds=20)) for t in ("t1", "t2")
    )
    assert sample(REMINDERS_SENT) - sent_before == 3
    assert lateness_count() - late_before == 3
    # Marking as sent means the next wake finds nothing.
    assert (await ReminderScan(tasks, store, published, clock=lambda: NOW).run()).due == 0


async def test_replicas_waking_together_record_each_reminder_once(dapr: FakeDapr) -> None:
    reminders = [due(f"t{i}", user=f"u{i % 3}") for i in range(30)]
    tasks, published, outbox = FakeTasks(reminders), Published(), Outbox()
    store = NotificationStore(dapr)  # type: ignore[arg-type]
    sent_before = sample(REMINDERS_SENT)

    # Five "replicas" share task-service and the state store, and each sees every reminder.
    scans = [
        ReminderScan(FakeTasks(reminders), store, published, outbox, clock=lambda: NOW) for _ in range(5)
    ]
    results = await asyncio.gather(*(s.run() for s in scans))

    assert sum(r.notified for r in results) == 30
    assert sample(REMINDERS_SENT) - sent_before == 30
    assert len(outbox.sent) == 30
    notifications = [k for k in dapr.data if k.startswith("notification:")]
    assert len(notifications) == 30
    # Every index holds each of its user's ids exactly once despite the ETag races.
    for user in ("u0", "u1", "u2"):
        ids = await store.index(user)
        assert len(ids) == len(set(ids)) == 10
    # Published more than once, but always under the same event ids: consumers see 30.
    assert len({e.event_id for e in published}) == 30
    assert tasks.pending  # (that FakeTasks was not the one marked)


async def test_a_crash_after_recording_is_finished_by_the_next_wake_without_a_second_notification(
    dapr: FakeDapr,
) -> None:
    store = NotificationStore(dapr)  # type: ignore[arg-type]
    reminder = due("t1")
    # The crashed run recorded the notification, then died before the index, publish and mark.
    crashed = new_notification(reminder, NOW - timedelta(seconds=5))
    await store.record(crashed)
    tasks, published = FakeTasks([reminder]), Published()
    sent_before = sample(REMINDERS_SENT)

    result = await ReminderScan(tasks, store, published, Outbox(), clock=lambda: NOW).run()

    assert result.notified == 0
    assert sample(REMINDERS_SENT) == sent_before
    assert await store.index("u1") == [crashed["id"]]
    stored, _ = await store.get(crashed["id"])
    assert stored is not None
    assert {k: v for k, v in stored.items() if k != "write_id"} == crashed  # the first write stands
    assert [str(e.event_id) for e in published] == [crashed["id"]]
    assert tasks.marks == [("t1", reminder.remind_at)]


async def test_a_failed_mark_is_retried_on_the_next_wake_without_a_second_notification(
    dapr: FakeDapr,
) -> None:
    store = NotificationStore(dapr)  # type: ignore[arg-type]
    tasks, published = FakeTasks([due("t1")], fail_marks=1), Published()
    sent_before = sample(REMINDERS_SENT)

    first = await ReminderScan(tasks, store, published, clock=lambda: NOW).run()
    second = await ReminderScan(tasks, store, published, clock=lambda: NOW + timedelta(seconds=30)).run()

    assert (first.due, first.failed) == (1, 1)
    assert (second.due, second.notified, second.failed) == (1, 0, 0)
    assert sample(REMINDERS_SENT) - sent_before == 1
    assert len(await store.index("u1")) == 1
    assert len(tasks.marks) == 1
    stored, _ = await store.get(reminder_id("t1", due("t1").remind_at))
    assert stored is not None and stored["created_at"] == iso(NOW)


async def test_notifications_are_written_with_a_ttl(dapr: FakeDapr) -> None:
    store = NotificationStore(dapr)  # type: ignore[arg-type]
    await ReminderScan(FakeTasks([due("t1")]), store, Published(), clock=lambda: NOW).run()
    key = notification_key(reminder_id("t1", due("t1").remind_at))
    assert dapr.ttls[key] == 30 * 24 * 3600
    assert dapr.ttls[index_key("u1")] == 30 * 24 * 3600


async def test_mark_read_is_only_for_the_owner(dapr: FakeDapr) -> None:
    store = NotificationStore(dapr)  # type: ignore[arg-type]
    n = new_notification(due("t1"), NOW)
    await store.record(n)
    with pytest.raises(NotificationNotFound) as other:
        await store.mark_read("someone-else", n["id"], NOW)
    assert other.value.other_user
    with pytest.raises(NotificationNotFound) as missing:
        await store.mark_read("u1", "no-such-id", NOW)
    assert not missing.value.other_user
    read = await store.mark_read("u1", n["id"], NOW + timedelta(days=10))
    assert read["read"] is True
    assert dapr.ttls[notification_key(n["id"])] == 20 * 24 * 3600
    assert (await store.mark_read("u1", n["id"], NOW))["read"] is True  # idempotent
