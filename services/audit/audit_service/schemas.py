"""Response bodies of the activity API (API.md "Notifications, activity, stats")."""

from typing import Any

from pydantic import BaseModel, Field


class Change(BaseModel):
    field: str = Field(description="The task field, as the task API names it: due_at, priority, tags...")
    old: Any = Field(description="Its value before, as the task API gives it (times ISO 8601 UTC, Z)")
    new: Any = Field(description="Its value after")


class ActivityDetails(BaseModel):
    """What the summary is told from, for clients that write their own words (and times in
    their own zone and style) instead of showing the summary."""

    title: str | None = Field(description="The task's title as of this event")
    due_at: str | None = Field(description="The task's due time as of this event (ISO 8601 UTC, Z)")
    changes: list[Change] = Field(
        description="task.updated: the changed fields the summary names, in the task's field"
        " order (fields derived from others, such as next_occurrence and version, are left out);"
        " empty for other types"
    )
    next_instance: bool = Field(
        description="task.created: the task is a later instance of a repeating series"
    )
    series_ended: bool = Field(description="task.deleted: the deletion ended the task's series")
    withdrawn: bool = Field(
        description="task.deleted: a next instance withdrawn because the one before it was reopened"
    )


class ActivityItem(BaseModel):
    event_id: str
    type: str = Field(description="The event type: task.created, task.updated, ..., reminder.due")
    task_id: str
    occurred_at: str = Field(description="ISO 8601 UTC, Z")
    summary: str = Field(description="The event in one English line (times in UTC, or in `tz`)")
    details: ActivityDetails | None = Field(
        description="The facts the summary is told from; null for an entry whose stored event"
        " no longer reads as a v1 task event"
    )


class ActivityPage(BaseModel):
    items: list[ActivityItem] = Field(description="Newest first")
