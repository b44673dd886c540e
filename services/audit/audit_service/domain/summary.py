"""Human-readable one-liners for the activity feed. Pure."""

from typing import Any

from todo_common.events import EventType, TaskEvent

_PRIORITY = {"VERY_IMPORTANT": "Very important", "HIGH": "High", "MEDIUM": "Medium", "LOW": "Low"}
_VERB = {
    EventType.TASK_CREATED: "Created",
    EventType.TASK_COMPLETED: "Completed",
    EventType.TASK_REOPENED: "Reopened",
    EventType.TASK_DELETED: "Deleted",
    EventType.REMINDER_DUE: "Reminder for",
}
_FIELD_NAMES = {
    "title": "Title",
    "description": "Description",
    "priority": "Priority",
    "tags": "Tags",
    "due_at": "Due date",
    "remind_at": "Reminder",
    "rrule": "Repeat rule",
    "repeat_from": "Repeat from",
}


def _show(field: str, value: Any) -> str:
    if value is None or value == "" or value == []:
        return "none"
    if field == "priority":
        return _PRIORITY.get(str(value), str(value))
    if field == "tags" and isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def summarize(event: TaskEvent) -> str:
    title = str(event.payload.task.get("title") or "a task")
    if event.event_type in _VERB:
        return f"{_VERB[event.event_type]} '{title}'"
    changes = event.payload.changes
    if not changes:
        return f"Updated '{title}'"
    parts = []
    for field, change in changes.items():
        name = _FIELD_NAMES.get(field, field.replace("_", " ").capitalize())
        if field == "description":
            parts.append(f"{name} changed")
        else:
            parts.append(f"{name} changed from {_show(field, change.old)} to {_show(field, change.new)}")
    return f"'{title}': " + "; ".join(parts)
