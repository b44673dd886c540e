"""Snooze: POST /api/notifications/{id}/snooze marks the notification read and schedules a
Dapr job (Jobs API, the scheduler) for the time it should come back; when the job fires,
the sidecar posts /job/<name> and the notification comes back as a new one.

- One job per notification (its name is derived from the notification's id, scheduled with
  overwrite): snoozing it again replaces the earlier time.
- Once: the new notification's id is uuid5(original id, until), recorded first-write-wins
  by the same `deliver` as a due reminder (scan.py), so a redelivered job changes nothing.
- Not for a task completed or deleted since: task-service is asked (its
  /internal/reminders/{task_id}); the job is then answered 200 and nothing is sent.
- A transient failure (state store, sidecar, task-service) raises, the handler answers 503
  and the scheduler retries the job (JOB_RETRY_SECONDS apart, up to JOB_MAX_RETRIES times).

The task's remind_at is never touched. Dependencies are protocols: unit tests fake them."""

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from notification_service.adapters.store import NotificationNotFound
from notification_service.adapters.tasks import TaskState
from notification_service.domain.reminders import DueReminder, iso
from notification_service.domain.snooze import SnoozeJob

log = logging.getLogger(__name__)

# A job whose trigger fails (503) is retried this often: ten minutes of a state store or
# sidecar outage, instead of Dapr's default of three tries a second apart.
JOB_RETRY_SECONDS = 10
JOB_MAX_RETRIES = 60


class Store(Protocol):
    async def get(self, notification_id: str) -> tuple[dict[str, Any] | None, str | None]: ...
    async def mark_read(
        self, user_id: str, notification_id: str, now: datetime, *, snoozed_until: str | None = None
    ) -> dict[str, Any]: ...


class Tasks(Protocol):
    async def task(self, task_id: str, user_id: str) -> TaskState | None: ...


class Jobs(Protocol):
    async def schedule_job(
        self,
        name: str,
        *,
        due_time: str,
        data: dict[str, Any],
        overwrite: bool = False,
        retry_interval_seconds: int | None = None,
        max_retries: int | None = None,
    ) -> None: ...


Deliver = Callable[[DueReminder], Awaitable[bool]]


class Fired(StrEnum):
    NOTIFIED = "notified"  # this trigger recorded the new notification
    REDONE = "already_notified"  # an earlier trigger had; the follow-up steps were redone
    SKIPPED = "skipped"  # the task was completed or deleted since


class Snoozes:
    def __init__(self, store: Store, tasks: Tasks, jobs: Jobs, deliver: Deliver) -> None:
        self._store, self._tasks, self._jobs, self._deliver = store, tasks, jobs, deliver

    async def snooze(
        self, user_id: str, notification_id: str, until: datetime, now: datetime
    ) -> dict[str, Any]:
        """The notification, now read, after scheduling its return at `until`.
        NotificationNotFound unless it is this user's."""
        notification, _ = await self._store.get(notification_id)
        if notification is None or notification.get("user_id") != user_id:
            raise NotificationNotFound(other_user=notification is not None)
        job = SnoozeJob.of(notification, until)
        # Scheduled first: if it fails, the notification stays unread and the user can retry.
        await self._jobs.schedule_job(
            job.name,
            due_time=iso(until),
            data=job.data(),
            overwrite=True,
            retry_interval_seconds=JOB_RETRY_SECONDS,
            max_retries=JOB_MAX_RETRIES,
        )
        read = await self._store.mark_read(user_id, notification_id, now, snoozed_until=iso(until))
        log.info(
            "notification snoozed",
            extra={"notification_id": notification_id, "task_id": job.task_id, "until": iso(until)},
        )
        return read

    async def fire(self, job: SnoozeJob) -> Fired:
        """The snoozed notification comes back, unless its task is done or gone."""
        context = {"notification_id": job.notification_id, "task_id": job.task_id, "until": iso(job.until)}
        task = await self._tasks.task(job.task_id, job.user_id)
        if task is None or task.completed:
            log.info(
                "snoozed reminder skipped: the task was %s",
                "deleted" if task is None else "completed",
                extra=context,
            )
            return Fired.SKIPPED
        reminder = job.reminder(task.title, task.due_at, task.timezone)
        recorded = await self._deliver(reminder)
        log.info(
            "snoozed reminder sent" if recorded else "snoozed reminder already recorded; follow-up redone",
            extra={**context, "new_notification_id": reminder.id},
        )
        return Fired.NOTIFIED if recorded else Fired.REDONE
