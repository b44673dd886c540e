"""Task events (schema v1 from todo_common.events) built from a task's snapshot."""

from typing import Any

from todo_common.events import EventPayload, EventType, FieldChange, TaskEvent

from task_service.domain.task import Task, snapshot


def task_event(
    event_type: EventType,
    task: Task,
    changes: dict[str, tuple[Any, Any]] | None = None,
    **extra: Any,
) -> TaskEvent:
    """payload.task is the full snapshot; payload.changes the changed fields (updates);
    `extra` adds payload fields (series_ended on task.deleted)."""
    payload = EventPayload(
        task=snapshot(task),
        changes={name: FieldChange(old=old, new=new) for name, (old, new) in (changes or {}).items()},
        **extra,
    )
    return TaskEvent.new(event_type, task.user_id, str(task.id), payload)
