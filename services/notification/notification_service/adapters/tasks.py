"""task-service's internal reminder endpoints, through Dapr service invocation."""

import logging
from datetime import datetime

from todo_common.dapr import Dapr

from notification_service.domain.reminders import DueReminder, iso

log = logging.getLogger(__name__)

TASK_SERVICE = "task-service"


class TaskServiceError(Exception):
    """task-service (or the way to it) did not give a usable answer."""


class TaskReminders:
    def __init__(self, dapr: Dapr, app_id: str = TASK_SERVICE) -> None:
        self._dapr, self._app_id = dapr, app_id

    async def due(self, limit: int) -> list[DueReminder]:
        """Reminders due now, not sent, of tasks neither completed nor deleted; oldest first."""
        r = await self._dapr.invoke(self._app_id, "internal/reminders/due", params={"limit": limit})
        if r.status_code != 200:
            raise TaskServiceError(f"GET reminders/due answered {r.status_code}: {r.text[:200]}")
        return [DueReminder.from_api(item) for item in r.json()["items"]]

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
