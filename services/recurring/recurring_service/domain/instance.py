"""The instance a user finished (completed, or deleted while open), as its task event shows
it, and what the series' next instance will be. Pure."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from todo_common.next_due import next_due
from todo_common.recurrence import load_zone, next_remind_at, parse_rule


class TaskSnapshot(BaseModel):
    """payload.task of a task event: the task in task-service's API form (API.md "Task").
    Only the fields recurrence needs; the rest is ignored."""

    model_config = ConfigDict(extra="ignore")
    id: str = Field(min_length=1)
    title: str
    description: str = ""
    priority: str = "MEDIUM"
    tags: list[str] = Field(default_factory=list)
    completed: bool = False
    completed_at: AwareDatetime | None = None
    due_at: AwareDatetime | None = None
    remind_at: AwareDatetime | None = None
    rrule: str | None = None
    repeat_from: Literal["due", "completion"] = "due"
    # The IANA zone the series repeats in (None: UTC; events from before the field had none).
    timezone: str | None = None
    series_id: str | None = None


@dataclass(frozen=True)
class NotRecurring:
    """Nothing to do: the task does not repeat."""


@dataclass(frozen=True)
class SeriesOver:
    """No next instance: the rule has no occurrence left (UNTIL passed)."""

    series_id: str


@dataclass(frozen=True)
class NextInstance:
    series_id: str
    # The finished instance's id: one next instance per finished instance (task-service
    # keeps (series, occurrence_key) unique), however often the event is delivered.
    occurrence_key: str
    due_at: datetime
    fields: dict[str, Any]


Plan = NotRecurring | SeriesOver | NextInstance


def plan_next(task: TaskSnapshot, finished_at: datetime) -> Plan:
    """What finishing `task` at `finished_at` leads to. Raises ValueError for a rule that
    does not parse (task-service only stores rules that do)."""
    if task.rrule is None or task.series_id is None:
        return NotRecurring()
    rule = parse_rule(task.rrule)
    zone = load_zone(task.timezone)
    due = next_due(rule, due_at=task.due_at, finished_at=finished_at, repeat_from=task.repeat_from, zone=zone)
    if due is None:
        return SeriesOver(task.series_id)
    remind = next_remind_at(due, task.due_at, task.remind_at, zone)
    fields: dict[str, Any] = {
        "title": task.title,
        "description": task.description,
        "priority": task.priority,
        "tags": task.tags,
        "due_at": iso(due),
        "remind_at": iso(remind) if remind is not None else None,
        "rrule": str(rule),
        "repeat_from": task.repeat_from,
        "timezone": task.timezone,
    }
    return NextInstance(series_id=task.series_id, occurrence_key=task.id, due_at=due, fields=fields)


def iso(moment: datetime) -> str:
    """API.md times: ISO 8601 in UTC with a trailing Z."""
    return moment.isoformat().replace("+00:00", "Z")
