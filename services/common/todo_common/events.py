"""Integration events, schema v1 (DESIGN.md "Events"): defined once, here."""

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Literal
from uuid import UUID, uuid4

from pydantic import BaseModel, ConfigDict, Field

TASK_EVENTS = "task-events"
TASK_REMINDERS = "task-reminders"


def dead_letter_topic(topic: str) -> str:
    return f"{topic}-dlq"


class EventType(StrEnum):
    TASK_CREATED = "task.created"
    TASK_UPDATED = "task.updated"
    TASK_COMPLETED = "task.completed"
    TASK_REOPENED = "task.reopened"
    TASK_DELETED = "task.deleted"
    REMINDER_DUE = "reminder.due"


# The task fields a client sets (API.md's Task, in its order): the fields an update's
# payload.changes may name besides the derived ones (version, next_occurrence...).
EDITABLE_FIELDS = (
    "title",
    "description",
    "completed",
    "priority",
    "tags",
    "due_at",
    "remind_at",
    "rrule",
    "repeat_from",
    "timezone",
)


class FieldChange(BaseModel):
    old: Any = None
    new: Any = None


class EventPayload(BaseModel):
    """The task's full snapshot and, for updates, the changed fields."""

    model_config = ConfigDict(extra="allow")
    task: dict[str, Any] = Field(default_factory=dict)
    changes: dict[str, FieldChange] = Field(default_factory=dict)


class TaskEvent(BaseModel):
    """The `data` of every CloudEvent on task-events and task-reminders."""

    model_config = ConfigDict(extra="forbid")
    event_id: UUID
    event_type: EventType
    user_id: str = Field(min_length=1)
    task_id: str = Field(min_length=1)
    timestamp: datetime
    schema_version: Literal["v1"]
    payload: EventPayload = Field(default_factory=EventPayload)

    @classmethod
    def new(
        cls, event_type: EventType, user_id: str, task_id: str, payload: EventPayload | None = None
    ) -> "TaskEvent":
        return cls(
            event_id=uuid4(),
            event_type=event_type,
            user_id=user_id,
            task_id=task_id,
            timestamp=datetime.now(UTC),
            schema_version="v1",
            payload=payload or EventPayload(),
        )

    def to_data(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


class CloudEvent(BaseModel):
    """The envelope Dapr delivers to subscribers (CloudEvents 1.0, JSON)."""

    model_config = ConfigDict(extra="allow")
    id: str
    type: str
    source: str | None = None
    topic: str | None = None
    pubsubname: str | None = None
    specversion: str = "1.0"
    data: Any = None
