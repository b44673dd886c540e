"""task-service's internal reminder endpoints, through Dapr service invocation."""

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote

from todo_common.dapr import Dapr

from notification_service.domain.reminders import DueReminder, iso, parse_time

log = logging.getLogger(__name__)

TASK_SERVICE = "task-service"


class TaskServiceError(Exception):
    """task-service (or the way to it) did not give a usable answer."""


@dataclass(frozen=True)
class TaskState:
    """task-service's GET /internal/reminders/{task_id}: the task as a reminder needs it."""

    task_id: str
    title: str
    due_at: datetime | None
    completed: bool
    timezone: str | None = None  # the task's IANA zone (None: UTC)

    @classmethod
    def from_api(cls, item: dict[str, Any]) -> "TaskState":
        due_at = item.get("due_at")
        return cls(
            task_id=str(item["task_id"]),
            title=str(item.get("title") or ""),
            due_at=parse_time(due_at) if due_at else None,
            completed=bool(item["completed"]),
            timezone=item.get("timezone") or None,
        )


class TaskReminders:
    def __init__(self, dapr: Dapr, app_id: str = TASK_SERVICE) -> None:
        self._dapr, self._app_id = dapr, app_id

    async def due(self, limit: int) -> list[DueReminder]:
        """Reminders due now, not sent, of tasks neither completed nor deleted; oldest first."""
        r = await self._dapr.invoke(self._app_id, "internal/reminders/due", params={"limit": limit})
        if r.status_code != 200:
            raise TaskServiceError(f"GET reminders/due answered {r.status_code}: {r.text[:200]}")
        return [DueReminder.from_api(item) for item in r.json()["items"]]

    async def upcoming(self, within_seconds: int, limit: int) -> list[datetime]:
        """When reminders still to be sent come due in the next `within_seconds`, earliest first."""
        r = await self._dapr.invoke(
            self._app_id, "internal/reminders/upcoming", params={"within": within_seconds, "limit": limit}
        )
        if r.status_code != 200:
            raise TaskServiceError(f"GET reminders/upcoming answered {r.status_code}: {r.text[:200]}")
        return [parse_time(str(t)) for t in r.json()["times"]]

    async def mark_sent(self, task_id: str, remind_at: datetime, user_id: str) -> bool:
        """True when task-service recorded the reminder as sent (now or earlier); False when
        the task's reminder moved meanwhile or the task is gone (nothing left to mark)."""
        r = await self._dapr.invoke(
            self._app_id,
            f"internal/reminders/{task_id}/sent",
            method="POST",
            json_body={"remind_at": iso(remind_at), "user_id": user_id},
        )
        if r.status_code == 404:
            return False
        if r.status_code != 200:
            raise TaskServiceError(f"POST reminders/sent answered {r.status_code}: {r.text[:200]}")
        return bool(r.json().get("marked"))

    async def task(self, task_id: str, user_id: str) -> TaskState | None:
        """The user's task as it is now; None when it is gone (deleted, or never theirs)."""
        r = await self._dapr.invoke(
            self._app_id, f"internal/reminders/{quote(task_id, safe='')}", params={"user_id": user_id}
        )
        if r.status_code == 404:
            return None
        if r.status_code != 200:
            raise TaskServiceError(f"GET reminders/{{task_id}} answered {r.status_code}: {r.text[:200]}")
        return TaskState.from_api(r.json())
