"""task-service's internal series endpoints, through Dapr service invocation."""

from dataclasses import dataclass
from typing import Any

import httpx
from todo_common.dapr import Dapr

TASK_SERVICE = "task-service"

# Answers worth another try: task-service (or the way to it) is down, busy or timed out.
# Dapr answers 500 when it cannot reach the app, 403 only when access control is
# misconfigured; both may be fixed while the event waits, so they are retried too.
_REFUSALS = frozenset({400, 404, 409, 413, 422})


class TaskServiceUnavailable(Exception):
    """No usable answer now; the same request may well succeed later."""


class TaskServiceRefused(Exception):
    """task-service refused the request for good (4xx): retrying cannot help."""

    def __init__(self, status: int, body: str) -> None:
        super().__init__(f"task-service answered {status}: {body[:300]}")
        self.status = status


@dataclass(frozen=True)
class Occurrence:
    task: dict[str, Any]
    # False when this (series, occurrence_key) had been made before (redelivery).
    created: bool


@dataclass(frozen=True)
class Reopened:
    """task-service's answer when the finished task is open again: nothing to make."""


class TaskService:
    def __init__(self, dapr: Dapr, app_id: str = TASK_SERVICE) -> None:
        self._dapr, self._app_id = dapr, app_id

    async def create_next_occurrence(
        self, user_id: str, completed_task_id: str, occurrence_key: str, task: dict[str, Any]
    ) -> Occurrence | Reopened | None:
        """The series' next instance, made once per (series, occurrence_key). Reopened when
        the task was reopened after its completion (204); None when task-service says the
        series is over (409: ended, or COUNT used up)."""
        body = {
            "user_id": user_id,
            "completed_task_id": completed_task_id,
            "occurrence_key": occurrence_key,
            "task": task,
        }
        r = await self._call("POST", "internal/tasks/next-occurrence", body)
        if r.status_code == 409:
            return None
        if r.status_code == 204:
            return Reopened()
        if r.status_code in (200, 201):
            return Occurrence(task=dict(r.json()), created=r.status_code == 201)
        raise self._failure(r)

    async def end_series(self, user_id: str, series_id: str) -> bool:
        """Mark the series ended (idempotent). False when task-service does not know it."""
        r = await self._call("POST", f"internal/series/{series_id}/end", {"user_id": user_id})
        if r.status_code == 200:
            return True
        if r.status_code == 404:
            return False
        raise self._failure(r)

    async def _call(self, method: str, path: str, body: dict[str, Any]) -> httpx.Response:
        try:
            return await self._dapr.invoke(self._app_id, path, method=method, json_body=body)
        except httpx.HTTPError as exc:
            raise TaskServiceUnavailable(f"{method} {path}: {type(exc).__name__}: {exc}") from exc

    @staticmethod
    def _failure(r: httpx.Response) -> Exception:
        if r.status_code in _REFUSALS:
            return TaskServiceRefused(r.status_code, r.text)
        return TaskServiceUnavailable(f"task-service answered {r.status_code}: {r.text[:300]}")
