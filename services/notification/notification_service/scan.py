"""One wake of the reminder cron: every due reminder becomes one in-app notification, one
reminder.due event and a "sent" mark in task-service.

Fires once: the notification is written first-write-wins under the reminder's id, so two
replicas, overlapping scans or a rerun after a crash all find it recorded; the later steps
(index, publish with the same event_id, mark sent) are idempotent and are simply redone
until the mark sticks. The dependencies are protocols so unit tests run without a sidecar.

`deliver` is the one way a reminder becomes a notification: the scan's due reminders and
snoozed notifications coming back (snooze.py) both go through it."""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from prometheus_client import Counter, Histogram
from todo_common.events import TaskEvent

from notification_service.domain.reminders import (
    DueReminder,
    lateness_seconds,
    new_notification,
    reminder_event,
)

log = logging.getLogger(__name__)

REMINDERS_SENT = Counter("reminders_sent", "Reminders recorded as in-app notifications (each once)")
REMINDER_FAILURES = Counter("reminder_failures", "Due reminders a scan could not finish (retried next wake)")
REMINDER_LATENESS = Histogram(
    "reminder_lateness_seconds",
    "Time from a reminder's remind_at to its notification",
    buckets=(1, 2, 5, 10, 15, 20, 30, 45, 60, 90, 120, 300, 600, 1800, 3600),
)

PAGE_SIZE = 100
# A page that keeps coming back full (marks failing) must not keep one wake busy forever.
MAX_PAGES = 10
CONCURRENCY = 8


class Tasks(Protocol):
    async def due(self, limit: int) -> list[DueReminder]: ...
    async def mark_sent(self, task_id: str, remind_at: datetime, user_id: str) -> bool: ...


class Store(Protocol):
    async def record(self, notification: dict[str, Any]) -> bool: ...
    async def add_to_index(self, user_id: str, notification_id: str) -> None: ...


class Outbound(Protocol):
    async def send(self, notification: dict[str, Any]) -> bool: ...


Publish = Callable[[TaskEvent], Awaitable[None]]


@dataclass
class ScanResult:
    due: int = 0
    notified: int = 0  # reminders this scan recorded and finished
    failed: int = 0  # reminders left for the next wake


def utcnow() -> datetime:
    return datetime.now(UTC)


class ReminderScan:
    def __init__(
        self,
        tasks: Tasks,
        store: Store,
        publish: Publish,
        outbound: Outbound | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._tasks, self._store, self._publish = tasks, store, publish
        self._outbound, self._clock = outbound, clock

    async def run(self) -> ScanResult:
        result = ScanResult()
        gate = asyncio.Semaphore(CONCURRENCY)
        for _ in range(MAX_PAGES):
            page = await self._tasks.due(PAGE_SIZE)
            result.due += len(page)

            async def one(reminder: DueReminder) -> bool | None:
                async with gate:
                    try:
                        return await self.send(reminder)
                    except Exception:
                        REMINDER_FAILURES.inc()
                        log.exception(
                            "reminder not sent; the next wake retries it",
                            extra={"task_id": reminder.task_id, "remind_at": reminder.remind_at.isoformat()},
                        )
                        return None

            outcomes = await asyncio.gather(*(one(r) for r in page))
            result.notified += sum(1 for o in outcomes if o)
            result.failed += sum(1 for o in outcomes if o is None)
            if len(page) < PAGE_SIZE or result.failed:
                break
        return result

    async def send(self, reminder: DueReminder) -> bool:
        """Deliver one due reminder and mark it sent in task-service. True when this call
        recorded the notification, False when it had been recorded before."""
        recorded = await self.deliver(reminder)
        marked = await self._tasks.mark_sent(reminder.task_id, reminder.remind_at, reminder.user_id)
        if not marked:
            # Moved or deleted while we sent it: the new time gets its own reminder.
            log.info("reminder changed while being sent", extra={"task_id": reminder.task_id})
        log.info(
            "reminder sent" if recorded else "reminder already recorded; follow-up redone",
            extra={"task_id": reminder.task_id, "notification_id": reminder.id},
        )
        return recorded

    async def deliver(self, reminder: DueReminder) -> bool:
        """Record the reminder's notification first-write-wins under its id, add it to the
        user's index (the stream and the bell read it), publish reminder.due (event_id: the
        same id) and send it out. True when this call recorded it, False when it had been
        recorded before (then only the idempotent follow-up steps are redone)."""
        now = self._clock()
        notification = new_notification(reminder, now)
        recorded = await self._store.record(notification)
        if recorded:
            REMINDERS_SENT.inc()
            REMINDER_LATENESS.observe(lateness_seconds(reminder, now))
        await self._store.add_to_index(reminder.user_id, notification["id"])
        await self._publish(reminder_event(reminder, now))
        if recorded and self._outbound is not None:
            await self._outbound.send(notification)
        return recorded
