"""Unit tests of chat-service: no sidecar, no network. The task API is an in-memory fake
that behaves like task-service (ownership, versions, 404 for other users' tasks)."""

import os
import secrets
import uuid
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

# chat_service.app builds its app on import, and the platform requires an app token.
os.environ.setdefault("APP_API_TOKEN", "test-app-token-" + secrets.token_hex(8))
os.environ["DAPR_HTTP_PORT"] = "9"

from agents import set_tracing_disabled
from chat_service.adapters.task_api import TaskApiError

set_tracing_disabled(True)  # no trace export from tests (there is no network)

NOW = datetime(2026, 11, 25, 14, 30, tzinfo=UTC)  # a Wednesday
PRIORITY_RANK = {"VERY_IMPORTANT": 0, "HIGH": 1, "MEDIUM": 2, "LOW": 3}


class FakeTasks:
    """task-service in memory, shared by all users; `as_user` gives one user's API."""

    def __init__(self) -> None:
        self.tasks: dict[str, dict[str, Any]] = {}
        self.owner: dict[str, str] = {}
        # search -> its typo correction, used as task-service does: only when nothing matched.
        self.corrections: dict[str, str] = {}
        # What "overdue" and "today" are judged against.
        self.now = NOW
        # The query of each list call, in order.
        self.list_calls: list[dict[str, Any]] = []
        # How many times GET /api/tags was asked.
        self.tag_calls = 0

    def seed(self, user: str, **fields: Any) -> dict[str, Any]:
        task = self._new(fields)
        self.owner[task["id"]] = user
        return task

    def _new(self, fields: dict[str, Any]) -> dict[str, Any]:
        task = {
            "id": str(uuid.uuid4()),
            "title": fields.get("title", "Untitled"),
            "description": fields.get("description", ""),
            "completed": fields.get("completed", False),
            "completed_at": fields.get("completed_at"),
            "priority": fields.get("priority", "MEDIUM"),
            "tags": list(fields.get("tags") or []),
            "due_at": fields.get("due_at"),
            "remind_at": fields.get("remind_at"),
            "rrule": fields.get("rrule"),
            "repeat_from": fields.get("repeat_from", "due"),
            "timezone": fields.get("timezone"),
            "version": 1,
        }
        task["is_recurring"] = task["rrule"] is not None
        self.tasks[task["id"]] = task
        return task

    def as_user(self, user: str) -> "FakeTaskApi":
        return FakeTaskApi(self, user)


class FakeTaskApi:
    def __init__(self, store: FakeTasks, user: str) -> None:
        self.store, self.user = store, user

    def _mine(self, task_id: str) -> dict[str, Any]:
        if self.store.owner.get(task_id) != self.user:
            raise TaskApiError(404, "not_found", "Task not found.")
        return self.store.tasks[task_id]

    async def create(self, body: dict[str, Any]) -> dict[str, Any]:
        if not str(body.get("title", "")).strip():
            raise TaskApiError(
                422, "validation_error", "The request is not valid.", {"title": "must not be empty"}
            )
        task = self.store._new(body)
        self.store.owner[task["id"]] = self.user
        return dict(task)

    async def list(self, params: dict[str, Any]) -> dict[str, Any]:
        self.store.list_calls.append(dict(params))
        items = [t for i, t in self.store.tasks.items() if self.store.owner[i] == self.user]
        status = params.get("status", "open")
        if status != "all":
            items = [t for t in items if t["completed"] == (status == "completed")]
        if params.get("priority"):
            items = [t for t in items if t["priority"] in params["priority"].split(",")]
        for tag in (params.get("tags") or "").split(",") if params.get("tags") else ():
            items = [t for t in items if tag.lower() in (have.lower() for have in t["tags"])]
        items = _due_filter(items, params, self.store.now)
        items = _completed_filter(items, params)
        corrected = None
        if params.get("search"):
            unsearched = items

            def matching(search: str) -> list[dict[str, Any]]:
                words = search.lower().split()
                return [t for t in unsearched if any(w[:4] in t["title"].lower() for w in words)]

            items = matching(params["search"])
            if not items and params["search"] in self.store.corrections:
                corrected = self.store.corrections[params["search"]]
                items = matching(corrected)
        if params.get("sort") == "due_at":
            items = sorted(items, key=_by_due)
        elif params.get("sort") == "priority":
            items = sorted(items, key=lambda t: (PRIORITY_RANK[t["priority"]], *_by_due(t)))
        elif params.get("sort") == "completed_at":
            # Latest done first unless order=asc; the id breaks ties; open tasks last either way.
            done = sorted(
                (t for t in items if t["completed_at"]),
                key=lambda t: (_time(t["completed_at"]), t["id"]),
                reverse=params.get("order", "desc") == "desc",
            )
            items = done + [t for t in items if not t["completed_at"]]
        limit = params.get("limit", 50)
        page = [dict(t) for t in items][:limit]
        more = "more" if len(items) > limit else None
        return {"items": page, "next_cursor": more, "corrected_search": corrected if page else None}

    async def get(self, task_id: str) -> dict[str, Any]:
        return dict(self._mine(task_id))

    async def update(
        self, task_id: str, body: dict[str, Any], *, version: int | None = None
    ) -> dict[str, Any]:
        task = self._mine(task_id)
        if version is not None and version != task["version"]:
            raise TaskApiError(412, "precondition_failed", "The task changed.")
        if "priority" in body and body["priority"] not in ("VERY_IMPORTANT", "HIGH", "MEDIUM", "LOW"):
            raise TaskApiError(422, "validation_error", "The request is not valid.", {"priority": "unknown"})
        task.update(body)
        task["is_recurring"] = task["rrule"] is not None
        task["version"] += 1
        return dict(task)

    async def delete(self, task_id: str, *, series: bool = False) -> None:
        """DELETE /api/tasks/{id}, with ?series=true when `series` (its series ends too)."""
        self._mine(task_id)
        del self.store.tasks[task_id]

    async def complete(self, task_id: str) -> dict[str, Any]:
        at = self.store.now.astimezone(UTC).isoformat().replace("+00:00", "Z")
        return await self.update(task_id, {"completed": True, "completed_at": at})

    async def reopen(self, task_id: str) -> dict[str, Any]:
        return await self.update(task_id, {"completed": False, "completed_at": None})

    async def tags(self) -> dict[str, Any]:
        """GET /api/tags: the user's tags, most used first, each in its most common spelling."""
        self.store.tag_calls += 1
        spellings: dict[str, dict[str, int]] = {}
        for i, task in self.store.tasks.items():
            if self.store.owner[i] == self.user:
                for tag in task["tags"]:
                    seen = spellings.setdefault(tag.casefold(), {})
                    seen[tag] = seen.get(tag, 0) + 1
        used = [
            {"tag": max(seen, key=seen.__getitem__), "count": sum(seen.values())}
            for seen in spellings.values()
        ]
        used.sort(key=lambda u: -u["count"])
        suggested = ["Work", "Personal", "Shopping", "Health", "Finance", "Learning", "Urgent"]
        return {"suggested": suggested, "used": used}


def _by_due(task: dict[str, Any]) -> tuple[bool, str]:
    """Due first, soonest first; no due date last."""
    return task["due_at"] is None, task["due_at"] or ""


def _time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _completed_filter(items: list[dict[str, Any]], params: dict[str, Any]) -> list[dict[str, Any]]:
    """completed_after/completed_before: strict bounds on completed_at, as task-service reads
    them; a task without completed_at matches neither."""
    for name, keep in (("completed_after", lambda d, b: d > b), ("completed_before", lambda d, b: d < b)):
        if params.get(name):
            bound = _time(params[name])
            items = [t for t in items if t["completed_at"] and keep(_time(t["completed_at"]), bound)]
    return items


def _due_filter(items: list[dict[str, Any]], params: dict[str, Any], now: datetime) -> list[dict[str, Any]]:
    """due=overdue|today|week (in params["tz"], at `now`; week is today and the 6 days
    after) and due_after/due_before (strict), as task-service reads them."""

    def due(task: dict[str, Any]) -> datetime | None:
        return datetime.fromisoformat(task["due_at"].replace("Z", "+00:00")) if task["due_at"] else None

    dated = [(t, due(t)) for t in items]
    if params.get("due") == "overdue":
        dated = [(t, d) for t, d in dated if d is not None and d < now]
    elif params.get("due") in ("today", "week"):
        zone = ZoneInfo(params.get("tz") or "UTC")
        today = now.astimezone(zone).date()
        days = 1 if params["due"] == "today" else 7
        dated = [
            (t, d) for t, d in dated if d is not None and 0 <= (d.astimezone(zone).date() - today).days < days
        ]
    for name, keep in (("due_after", lambda d, b: d > b), ("due_before", lambda d, b: d < b)):
        if params.get(name):
            bound = datetime.fromisoformat(params[name].replace("Z", "+00:00"))
            dated = [(t, d) for t, d in dated if d is not None and keep(d, bound)]
    return [t for t, _ in dated]


@pytest.fixture
def fake() -> FakeTasks:
    return FakeTasks()
